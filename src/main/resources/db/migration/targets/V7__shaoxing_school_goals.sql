-- TGT-1 (issue 16): the two goals of 绍兴市实施意见 not loaded before, the province's biennial competition as milestones,
-- and "达到" read as at least.
insert into targets.indicator (code, name_zh, name_en, unit, fact, sort) values
('LARGE_TECHNICIAN_COLLEGES', '建成万人以上技师学院', 'Technician colleges of 10,000 students or more', 'UNITS', null, 430),
('DEMONSTRATION_SPECIALTIES', '建成国内一流的技工教育示范专业、特色优势专业或新兴前沿专业',
 'Nationally leading demonstration, distinctive or emerging specialties of technical education', 'UNITS', null, 440);

insert into targets.target (indicator, region_code, region_path, period_kind, period_start, period_end, comparator,
    value, document, section) values
-- 附件 任务清单 2: "力争到2025年，建成1所万人以上技师学院"
('LARGE_TECHNICIAN_COLLEGES', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'AT_LEAST', 1,
 '绍兴市实施意见（2022-2025年）', '三、（一）1；附件 2'),
-- 三、（一）2: "建成1个及以上国内一流的技工教育示范专业、特色优势专业或新兴前沿专业"
('DEMONSTRATION_SPECIALTIES', '330600', '/330000/330600/', 'CUMULATIVE', '2022-07-01', '2025-12-31', 'AT_LEAST', 1,
 '绍兴市实施意见（2022-2025年）', '三、（一）2');

-- 二、总体要求 求突破: "全市制造业领域技能人才总量达到50万": reached, at least, not exactly
update targets.target set comparator = 'AT_LEAST'
where indicator = 'MANUFACTURING_SKILLED_TOTAL' and region_code = '330600' and document like '绍兴市%' and value = 500000;

-- 001 附件1 (十八): "每两年举办一次浙江技能大赛" within the list's 2025-2027 (its 2025 digital-economy competition and
-- the yearly trade competitions are milestones already)
insert into targets.milestone (task_line_id, due_on, description) values
(49, '2027-12-31', '举办浙江技能大赛（每两年一次，2025—2027年至少一届）');
