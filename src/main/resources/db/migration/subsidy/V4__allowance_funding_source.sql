-- A monthly allowance is paid from the source its city's pack named when it was approved.
alter table subsidy.allowance_schedule add column funding_source text not null default 'CITY_TALENT_FUND';
