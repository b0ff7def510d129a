\timing on
create schema if not exists a;
drop table if exists a.src, a.part_pk, a.plain_pk, a.part_nopk, a.plain_raw, a.plain_pk_noexpr cascade;
create table a.src as
select (i % 1500000) + 1 as person_id, date '2025-01-01' + (i % 300) as occurred_on, 'SUBSIDY'::text as kind,
       jsonb_build_object('certificate', 'BENCH-' || i, 'scheme', 'TRAINING', 'outcome', 'GRANTED', 'amount', 1500,
                          'reason', 'subsidy.granted.standard', 'reasonArguments', jsonb_build_array('6-18-01-01', 'junior')) as detail,
       'subsidy'::text as source
from generate_series(1, 3000000) i;
\copy a.src to '/tmp/arch/lines.txt'
create table a.part_pk (person_id bigint not null, id bigint generated always as identity, occurred_on date not null,
  kind text not null, detail jsonb not null, source text not null, created_at timestamptz not null default now(),
  detail_hash bigint generated always as (jsonb_hash_extended(detail, 0)) stored) partition by hash (person_id);
do $$ begin for r in 0..15 loop execute format('create table a.part_pk_p%s partition of a.part_pk for values with (modulus 16, remainder %s)', r, r); end loop; end $$;
alter table a.part_pk add primary key (person_id, occurred_on, kind, source, detail_hash);
create table a.plain_pk (like a.part_pk including defaults including identity including generated);
alter table a.plain_pk add primary key (person_id, occurred_on, kind, source, detail_hash);
create table a.part_nopk (like a.part_pk including defaults including identity including generated) partition by hash (person_id);
do $$ begin for r in 0..15 loop execute format('create table a.part_nopk_p%s partition of a.part_nopk for values with (modulus 16, remainder %s)', r, r); end loop; end $$;
create table a.plain_raw (person_id bigint not null, id bigint generated always as identity, occurred_on date not null,
  kind text not null, detail jsonb not null, source text not null, created_at timestamptz not null default now());
checkpoint;
