-- SUP-3: an officer's review of an anomaly signal (looked at, with a note). The signals themselves are computed from
-- training records each time; a signal seen again after its review is open again.
create table supervision.signal_review (
    signal_key     text primary key,
    note           text,
    reviewed_by    text not null,
    reviewed_at    timestamptz not null default now()
);
