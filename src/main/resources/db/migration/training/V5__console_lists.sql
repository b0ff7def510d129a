-- X-4: the console's lists and to-dos filter classes by provider and status, orders by provider and demand line,
-- vouchers by who issued them.
create index training_class_provider_idx on training.training_class (provider_code, status);
create index training_class_order_idx on training.training_class (order_id) where order_id is not null;
create index training_order_provider_idx on training.training_order (provider_code) where provider_code is not null;
create index training_order_demand_idx on training.training_order (demand_item_id) where demand_item_id is not null;
create index voucher_issued_by_idx on training.voucher (issued_by, issued_at);
create index training_class_path_idx on training.training_class (provider_path text_pattern_ops);
