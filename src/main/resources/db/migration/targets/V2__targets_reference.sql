-- TGT-1: every target the five policy documents set, exactly as printed. Figures the tables give in 万 are stored
-- in units (17.2 万人次 → 172000). Reference data, not demo data: every installation has it.

insert into targets.indicator (code, name_zh, name_en, unit, fact, sort) values
('ORDER_TRAINING_PERSON_TIMES', '订单式职业技能培训', 'Order-based skills training', 'PERSON_TIMES', 'ORDER_TRAINING_COMPLETIONS', 10),
('NEW_SKILLED_TALENTS', '新增技能人才', 'New skilled talents', 'PERSONS', 'NEW_SKILLED', 20),
('NEW_HIGH_SKILLED_TALENTS', '新增高技能人才', 'New high-skilled talents', 'PERSONS', 'NEW_HIGH_SKILLED', 30),
('GRADUATES_BROUGHT_IN', '引进职业院校毕业生', 'Vocational graduates brought in', 'PERSONS', null, 40),
('KEY_ENTERPRISES_SERVED', '开展订单式培训的重点企业', 'Key enterprises served by order-based training', 'ENTERPRISES', null, 50),
('INDUSTRY_COLLEGES', '共建产业学院、企业学院', 'Industry and enterprise colleges', 'UNITS', null, 60),
('TRAINING_BASES_NEW', '新设实习实训基地', 'New internship and training bases', 'UNITS', null, 70),
('NEW_APPRENTICESHIP_PERSON_TIMES', '企业新型学徒制培训', 'New-style enterprise apprenticeships', 'PERSON_TIMES', null, 80),
('NAMED_CLASSES', '校企合作冠名班', 'Named school-enterprise classes', 'UNITS', null, 90),
('SKILLED_TALENTS_DELIVERED', '为地方产业输送技能人才', 'Skilled talents delivered to local industry', 'PERSONS', null, 100),
('TECH_SCHOOL_ENROLMENT', '技工院校招生', 'Technical-school enrolment', 'PERSONS', 'TECH_SCHOOL_REGISTRATIONS', 110),
('ONSITE_RECRUITMENT_EVENTS', '订单式现场招聘活动', 'On-site order recruitment events', 'EVENTS', null, 120),
('ONLINE_RECRUITMENT_FAIRS', '技能人才云聘会', 'Online recruitment fairs', 'EVENTS', null, 130),
('SKILL_BASED_ENTERPRISES_NEW', '当年培育技能型企业', 'Skill-based enterprises recognised in the year', 'ENTERPRISES', 'SKILL_BASED_ENTERPRISES', 140),
('SKILL_BASED_ENTERPRISES_CUMULATIVE', '累计培育技能型企业', 'Skill-based enterprises, cumulative', 'ENTERPRISES', 'SKILL_BASED_ENTERPRISES', 150),
('SKILL_BASED_VILLAGES_NEW', '当年培育技能型乡村（社区）', 'Skill-based villages and communities recognised in the year', 'UNITS', null, 160),
('SKILL_BASED_VILLAGES_CUMULATIVE', '累计培育技能型乡村（社区）', 'Skill-based villages and communities, cumulative', 'UNITS', null, 170),
('TASK_TRAINING_PERSON_TIMES', '部门领域职业技能培训', 'Training by field and department', 'PERSON_TIMES', null, 180),
('PROVINCIAL_WORKER_COMPETITIONS', '省级职工职业技能竞赛', 'Provincial workers'' skills competitions', 'EVENTS', null, 190),
('SKILLED_TALENTS_TOTAL', '技能人才总量', 'Skilled talents, total', 'PERSONS', null, 200),
('SKILLED_SHARE_OF_EMPLOYED', '技能人才占从业人员比例', 'Skilled talents as a share of the employed', 'PERCENT', null, 210),
('HIGH_SKILLED_TOTAL', '高技能人才总量', 'High-skilled talents, total', 'PERSONS', null, 220),
('HIGH_SKILLED_SHARE_OF_SKILLED', '高技能人才占技能人才比例', 'High-skilled as a share of skilled talents', 'PERCENT', null, 230),
('MANUFACTURING_SKILLED_TOTAL', '制造业领域技能人才总量', 'Skilled talents in manufacturing, total', 'PERSONS', null, 300),
('MANUFACTURING_HIGH_SKILLED_TOTAL', '制造业领域高技能人才总量', 'High-skilled talents in manufacturing, total', 'PERSONS', null, 310),
('HIGH_SKILLED_BROUGHT_IN_OR_TRAINED', '引进培养制造业领域高技能人才', 'High-skilled manufacturing talents brought in or trained', 'PERSONS', null, 320),
('ZHEJIANG_CRAFTSMEN', '入选浙江工匠、浙江青年工匠', 'Zhejiang craftsmen and young craftsmen selected', 'PERSONS', null, 330),
('OUTSTANDING_CRAFTSMEN', '入选浙江杰出工匠', 'Zhejiang outstanding craftsmen selected', 'PERSONS', null, 340),
('GRAND_CRAFTSMEN', '入选浙江大工匠', 'Zhejiang grand craftsmen selected', 'PERSONS', null, 350),
('DEMONSTRATION_ENTERPRISES', '制造业高技能人才集聚示范企业', 'High-skilled talent demonstration enterprises', 'ENTERPRISES', null, 360),
('MASTER_STUDIOS', '国家级、省级技能大师工作室', 'National and provincial master studios', 'UNITS', null, 370),
('TRAINED_ABROAD', '选派国（境）外培训的高技能人才', 'High-skilled talents trained abroad', 'PERSONS', null, 380),
('CITY_COMPETITIONS', '市级职业技能竞赛', 'City skills competitions', 'EVENTS', null, 390),
('CITY_TECHNICAL_EXPERTS', '市级技术能手', 'City technical experts', 'PERSONS', null, 400),
('CITY_CRAFTSMEN', '培育储备市级工匠', 'City craftsmen', 'PERSONS', null, 410),
('CITY_YOUNG_CRAFTSMEN', '培育储备市级青年工匠', 'City young craftsmen', 'PERSONS', null, 420);

-- 浙人社函〔2023〕38号 附件: 各市任务清单, 2023, in 万 (人次/人)
with doc as (select '浙人社函〔2023〕38号' as document, '附件 各市任务清单' as section),
city (code, order_times, skilled, high_skilled, graduates) as (values
    ('330100', 17.2, 7, 3.5, 13.2), ('330200', 17.3, 5.5, 2.75, 5.2), ('330300', 11.1, 5.42, 2.71, 3.6),
    ('330500', 5.6, 3.04, 1.52, 3.2), ('330400', 8.9, 3.54, 1.77, 3.6), ('330600', 10, 3.98, 1.99, 3.6),
    ('330700', 8.9, 3.64, 1.82, 3.2), ('330800', 4.4, 1.4, 0.7, 0.8), ('330900', 3.3, 0.98, 0.61, 0.4),
    ('331000', 10, 4.5, 2.25, 2.4), ('331100', 3.3, 1, 0.38, 0.8)),
figure (indicator, code, value) as (
    select 'ORDER_TRAINING_PERSON_TIMES', code, order_times from city
    union all select 'NEW_SKILLED_TALENTS', code, skilled from city
    union all select 'NEW_HIGH_SKILLED_TALENTS', code, high_skilled from city
    union all select 'GRADUATES_BROUGHT_IN', code, graduates from city)
insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section)
select indicator, code, '/330000/' || code || '/', 'YEAR', date '2023-01-01', date '2023-12-31', 'EQUAL',
    round(value * 10000), document, section
from figure, doc;

-- the same table's 总计 row, with the comparators of the text (一、主要目标)
insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section) values
('ORDER_TRAINING_PERSON_TIMES', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'AT_LEAST', 1000000, '浙人社函〔2023〕38号', '一、主要目标；附件 总计'),
('NEW_SKILLED_TALENTS', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'EQUAL', 400000, '浙人社函〔2023〕38号', '一、主要目标；附件 总计'),
('NEW_HIGH_SKILLED_TALENTS', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'EQUAL', 200000, '浙人社函〔2023〕38号', '一、主要目标；附件 总计'),
('GRADUATES_BROUGHT_IN', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'EQUAL', 400000, '浙人社函〔2023〕38号', '一、主要目标；附件 总计'),
-- province-level targets in the text of 38号
('KEY_ENTERPRISES_SERVED', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'AT_LEAST', 10000, '浙人社函〔2023〕38号', '一、主要目标'),
('INDUSTRY_COLLEGES', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'EQUAL', 100, '浙人社函〔2023〕38号', '二、（三）'),
('TRAINING_BASES_NEW', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'EQUAL', 300, '浙人社函〔2023〕38号', '二、（三）'),
('NEW_APPRENTICESHIP_PERSON_TIMES', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'EQUAL', 100000, '浙人社函〔2023〕38号', '二、（三）'),
('NAMED_CLASSES', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'AT_LEAST', 500, '浙人社函〔2023〕38号', '二、（四）'),
('SKILLED_TALENTS_DELIVERED', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'AT_LEAST', 30000, '浙人社函〔2023〕38号', '二、（四）'),
('TECH_SCHOOL_ENROLMENT', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'EQUAL', 100000, '浙人社函〔2023〕38号', '二、（四）'),
('ONSITE_RECRUITMENT_EVENTS', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'AT_LEAST', 2000, '浙人社函〔2023〕38号', '二、（五）'),
('ONLINE_RECRUITMENT_FAIRS', '330000', '/330000/', 'YEAR', '2023-01-01', '2023-12-31', 'AT_LEAST', 3000, '浙人社函〔2023〕38号', '二、（五）');

-- 浙人社函〔2023〕37号 附件: 全省技工院校招生“五年攻坚”行动任务表 (人)
with plan (code, y2023, y2024, y2025, y2026, y2027) as (values
    ('330100', 18600, 20460, 22320, 24180, 26040), ('330200', 15000, 16500, 18000, 19500, 21000),
    ('330300', 6300, 6930, 7560, 8190, 8820), ('330500', 8200, 9020, 9840, 10660, 11480),
    ('330400', 8500, 9350, 10200, 11050, 11900), ('330600', 7300, 8030, 8760, 9490, 10220),
    ('330700', 11400, 12540, 13680, 14820, 15960), ('330800', 4900, 5390, 5880, 6370, 6860),
    ('330900', 1700, 1870, 2040, 2210, 2380), ('331000', 11300, 12430, 13560, 14690, 15820),
    ('331100', 6800, 7480, 8160, 8840, 9520), ('330000', 100000, 110000, 120000, 130000, 140000)),
yearly (code, year, value) as (
    select code, 2023, y2023 from plan union all select code, 2024, y2024 from plan
    union all select code, 2025, y2025 from plan union all select code, 2026, y2026 from plan
    union all select code, 2027, y2027 from plan)
insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section)
select 'TECH_SCHOOL_ENROLMENT', code, case when code = '330000' then '/330000/' else '/330000/' || code || '/' end,
    'YEAR', make_date(year, 1, 1), make_date(year, 12, 31), 'EQUAL', value, '浙人社函〔2023〕37号',
    case when code = '330000' then '附件 任务表 合计' else '附件 任务表' end
from yearly;

insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section) values
('TECH_SCHOOL_ENROLMENT', '330000', '/330000/', 'RANGE', '2023-01-01', '2027-12-31', 'AT_LEAST', 600000, '浙人社函〔2023〕37号', '一、主要目标');

-- 001 附件2: 技能型社会基本单元培育计划表
with plan (code, ent_new, ent_2025, ent_2027, vil_new, vil_2025, vil_2027) as (values
    ('330100', 453, 700, 1500, 31, 100, 155), ('330200', 509, 828, 1525, 39, 71, 135),
    ('330300', 305, 505, 1200, 15, 35, 70), ('330500', 224, 379, 750, 27, 62, 100),
    ('330400', 296, 495, 1075, 24, 50, 100), ('330600', 288, 488, 1075, 19, 44, 100),
    ('330700', 315, 618, 1100, 25, 58, 100), ('330800', 78, 134, 250, 10, 23, 50),
    ('330900', 22, 33, 75, 5, 12, 25), ('331000', 433, 733, 1250, 21, 48, 100),
    ('331100', 55, 87, 200, 15, 35, 65), ('330000', 2978, 5000, 10000, 231, 538, 1000)),
figure (indicator, code, kind, period_end, value) as (
    select 'SKILL_BASED_ENTERPRISES_NEW', code, 'YEAR', date '2025-12-31', ent_new from plan
    union all select 'SKILL_BASED_ENTERPRISES_CUMULATIVE', code, 'CUMULATIVE', date '2025-12-31', ent_2025 from plan
    union all select 'SKILL_BASED_ENTERPRISES_CUMULATIVE', code, 'CUMULATIVE', date '2027-12-31', ent_2027 from plan
    union all select 'SKILL_BASED_VILLAGES_NEW', code, 'YEAR', date '2025-12-31', vil_new from plan
    union all select 'SKILL_BASED_VILLAGES_CUMULATIVE', code, 'CUMULATIVE', date '2025-12-31', vil_2025 from plan
    union all select 'SKILL_BASED_VILLAGES_CUMULATIVE', code, 'CUMULATIVE', date '2027-12-31', vil_2027 from plan)
insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section)
select indicator, code, case when code = '330000' then '/330000/' else '/330000/' || code || '/' end, kind,
    date '2025-01-01', period_end, 'EQUAL', value, '001 技能型社会建设（2025-2027）', 
    case when code = '330000' then '附件2 培育计划表 合计' else '附件2 培育计划表' end
from figure;

-- 浙人社发〔2022〕32号 一、（二）工作目标: to 2025, a stock measured at the date
insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section) values
('SKILLED_TALENTS_TOTAL', '330000', '/330000/', 'CUMULATIVE', '2022-04-29', '2025-12-31', 'AT_LEAST', 14000000, '浙人社发〔2022〕32号', '一、（二）工作目标'),
('SKILLED_SHARE_OF_EMPLOYED', '330000', '/330000/', 'CUMULATIVE', '2022-04-29', '2025-12-31', 'MORE_THAN', 35, '浙人社发〔2022〕32号', '一、（二）工作目标'),
('HIGH_SKILLED_TOTAL', '330000', '/330000/', 'CUMULATIVE', '2022-04-29', '2025-12-31', 'AT_LEAST', 5000000, '浙人社发〔2022〕32号', '一、（二）工作目标'),
('HIGH_SKILLED_SHARE_OF_SKILLED', '330000', '/330000/', 'CUMULATIVE', '2022-04-29', '2025-12-31', 'MORE_THAN', 35, '浙人社发〔2022〕32号', '一、（二）工作目标');

-- 绍兴市 实施意见（2022-2025）: the city's own goals, in force from 2022-07-01
insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section) values
('MANUFACTURING_SKILLED_TOTAL', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'EQUAL', 500000, '绍兴市实施意见（2022-2025年）', '二、总体要求 求突破'),
('MANUFACTURING_HIGH_SKILLED_TOTAL', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'MORE_THAN', 180000, '绍兴市实施意见（2022-2025年）', '二、总体要求 求突破'),
('ZHEJIANG_CRAFTSMEN', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'AT_LEAST', 1000, '绍兴市实施意见（2022-2025年）', '二、总体要求 优结构；三、14'),
('OUTSTANDING_CRAFTSMEN', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'AT_LEAST', 20, '绍兴市实施意见（2022-2025年）', '二、总体要求 优结构；三、14'),
('GRAND_CRAFTSMEN', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'AT_LEAST', 1, '绍兴市实施意见（2022-2025年）', '二、总体要求 优结构（零的突破）'),
('DEMONSTRATION_ENTERPRISES', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'EQUAL', 200, '绍兴市实施意见（2022-2025年）', '二、总体要求 重创新；附件 5'),
('MASTER_STUDIOS', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'EQUAL', 10, '绍兴市实施意见（2022-2025年）', '二、总体要求 重创新；附件 5'),
('TRAINED_ABROAD', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'ABOUT', 100, '绍兴市实施意见（2022-2025年）', '三、（二）7');

with years (year) as (values (2022), (2023), (2024), (2025)),
yearly (indicator, comparator, value, section) as (values
    ('HIGH_SKILLED_BROUGHT_IN_OR_TRAINED', 'EQUAL', 20000, '二、总体要求 优结构'),
    ('CITY_COMPETITIONS', 'AT_LEAST', 50, '三、13'),
    ('CITY_TECHNICAL_EXPERTS', 'ABOUT', 100, '三、13'),
    ('CITY_CRAFTSMEN', 'ABOUT', 100, '三、14'),
    ('CITY_YOUNG_CRAFTSMEN', 'ABOUT', 300, '三、14'))
insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section)
select indicator, '330600', '/330000/330600/', 'YEAR', make_date(year, 1, 1), make_date(year, 12, 31), comparator,
    value, '绍兴市实施意见（2022-2025年）', section
from yearly, years;
