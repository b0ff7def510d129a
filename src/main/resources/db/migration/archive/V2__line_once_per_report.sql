-- REG-4 (issue 17): a report delivered twice (the event publication registry resubmits a publication whose
-- completion was not recorded, e.g. after a crash between the line's commit and the mark) leaves one line. A line
-- is the same report when its person, day, kind, source and values are the same; jsonb's text is canonical, so its
-- hash names the values. The unique index leads with person_id (the distribution key) and replaces the plain
-- (person_id, occurred_on) index, which it covers.
delete from archive.line l
using archive.line earlier
where earlier.person_id = l.person_id and earlier.occurred_on = l.occurred_on and earlier.kind = l.kind
  and earlier.source = l.source and earlier.detail = l.detail and earlier.id < l.id;

create unique index line_once_per_report_idx
    on archive.line (person_id, occurred_on, kind, source, md5(detail::text));

drop index archive.line_person_idx;
