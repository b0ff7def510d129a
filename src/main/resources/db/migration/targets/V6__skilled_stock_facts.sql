-- ANA-1, TGT-2: the stock of skilled talents (技能人才总量, 高技能人才总量, their shares, and in manufacturing) is
-- measured by the analytics module on the day asked (min of the as-of day and the period's end), not summed from
-- events: the facts named STOCK_* are read from it instead of the daily rollup.
update targets.indicator set fact = 'STOCK_SKILLED' where code = 'SKILLED_TALENTS_TOTAL';
update targets.indicator set fact = 'STOCK_HIGH_SKILLED' where code = 'HIGH_SKILLED_TOTAL';
update targets.indicator set fact = 'STOCK_SKILLED_SHARE_OF_EMPLOYED' where code = 'SKILLED_SHARE_OF_EMPLOYED';
update targets.indicator set fact = 'STOCK_HIGH_SKILLED_SHARE_OF_SKILLED' where code = 'HIGH_SKILLED_SHARE_OF_SKILLED';
update targets.indicator set fact = 'STOCK_MANUFACTURING_SKILLED' where code = 'MANUFACTURING_SKILLED_TOTAL';
update targets.indicator set fact = 'STOCK_MANUFACTURING_HIGH_SKILLED' where code = 'MANUFACTURING_HIGH_SKILLED_TOTAL';
