-- TGT-2 (issue 16): three indicators the platform's own training records answer are computed from them, like the
-- other computed ones, instead of reported by hand: new-style apprenticeships (classes of kind APPRENTICESHIP, per
-- completing trainee), named school-enterprise classes (classes of kind NAMED_CLASS, once each), and key
-- enterprises served (a key enterprise whose order ended in a completed class, once a year).
update targets.indicator set fact = 'APPRENTICESHIP_COMPLETIONS' where code = 'NEW_APPRENTICESHIP_PERSON_TIMES';
update targets.indicator set fact = 'NAMED_CLASSES_COMPLETED' where code = 'NAMED_CLASSES';
update targets.indicator set fact = 'KEY_ENTERPRISES_SERVED' where code = 'KEY_ENTERPRISES_SERVED';
