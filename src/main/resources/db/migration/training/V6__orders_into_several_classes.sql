-- TRN-1: an order is taken up in parts (several providers, or several classes of one) up to its headcount; planned
-- counts the seats its classes hold. An order stays open while seats remain and is taken up once none do.
alter table training.training_order add column planned integer not null default 0;
update training.training_order o
set planned = least(o.headcount, coalesce((select sum(c.capacity) from training.training_class c where c.order_id = o.id), 0));
alter table training.training_order add constraint training_order_planned_check check (planned between 0 and headcount);
