-- REC-1, REC-3: recruitment events held and vocational graduates hired are counted from the platform's own records
-- (recruitment module) instead of returns: 订单式现场招聘活动, 技能人才云聘会 (000 二(五)), 引进职业院校毕业生.
update targets.indicator set fact = 'ONSITE_RECRUITMENT_EVENTS_HELD' where code = 'ONSITE_RECRUITMENT_EVENTS';
update targets.indicator set fact = 'ONLINE_RECRUITMENT_FAIRS_HELD' where code = 'ONLINE_RECRUITMENT_FAIRS';
update targets.indicator set fact = 'GRADUATE_PLACEMENTS' where code = 'GRADUATES_BROUGHT_IN';
