\timing on
\copy a.plain_raw (person_id, occurred_on, kind, detail, source) from '/tmp/arch/lines.txt'
\copy a.part_nopk (person_id, occurred_on, kind, detail, source) from '/tmp/arch/lines.txt'
\copy a.plain_pk (person_id, occurred_on, kind, detail, source) from '/tmp/arch/lines.txt'
\copy a.part_pk (person_id, occurred_on, kind, detail, source) from '/tmp/arch/lines.txt'
