-- SUB-2 (issue 16): Shaoxing's 三、（二）4 raises training subsidies by 30% for occupations of 高端装备, 新材料, 电子信息
-- and 现代医药. The packs as first entered put 医药制造人员 (6-12) under 新材料, with 药物制剂 (6-12-03) as 现代医药 in a
-- second entry that never won the match. Read again against the 2022 classification, each group with why it
-- belongs to its field; 化学原料 (6-11) and 橡胶塑料 (6-14) are left out: only part of them is new materials, and a
-- whole group would pay more than the document names (a detailed occupation can be added when the city lists it).
update subsidy.policy_pack
set parameters = parameters
    || jsonb_build_object('keyFields', jsonb_build_object(
           '6-12', '现代医药', '6-13', '新材料', '6-18', '高端装备', '6-19', '高端装备', '6-20', '高端装备',
           '6-21', '高端装备', '6-25', '电子信息'))
    || jsonb_build_object('keyFieldReasons', jsonb_build_object(
           '6-12', '医药制造人员：化学药品、中药、生物药品和药物制剂的制造，即现代医药产业',
           '6-13', '化学纤维制造人员：绍兴的差别化、功能性化学纤维，属新材料',
           '6-18', '机械制造基础加工人员：车、铣、磨、钳等装备制造的基础工序，属高端装备产业链',
           '6-19', '金属制品制造人员：装备的金属结构件和配套件，属高端装备产业链',
           '6-20', '通用设备制造人员：机床、泵阀、轴承等通用装备，属高端装备',
           '6-21', '专用设备制造人员：纺织、医疗、环保等专用装备，属高端装备',
           '6-25', '计算机、通信和其他电子设备制造人员：电子元器件、集成电路和整机，即电子信息制造业'))
where scope_path = '/330000/330600/' and parameters -> 'keyFields' is not null;
