-- SUB-1 (issue 16): 浙人社发〔2022〕32号 §13 lets each city include people past the legal retirement age who do not draw
-- a monthly urban employee pension (未按月领取城镇职工基本养老金). Whether a person draws one is recorded, with where
-- the officer learned it and as of when; unknown stays null.
alter table registry.person add column pension text check (pension in ('DRAWING', 'NOT_DRAWING')),
    add column pension_source text,
    add column pension_as_of date;
