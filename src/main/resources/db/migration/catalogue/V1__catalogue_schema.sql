-- REF-5 person groups and REF-6 industry fields: lists the policies name and officials may extend, so data.
-- (Skill grades and certificate types are national standards and live in code: cn.gongjiang.shared.)
create schema if not exists catalogue;

create table catalogue.code_item (
    list        text not null check (list in ('person-group', 'industry-field')),
    code        text not null check (code ~ '^[a-z0-9-]+$'),
    name_zh     text not null,
    name_en     text not null,
    parent_code text,
    sort_order  integer not null,
    source      text not null,       -- the policy clause that names it
    primary key (list, code)
);

insert into catalogue.code_item (list, code, name_zh, name_en, parent_code, sort_order, source) values
('person-group', 'rural-migrant',        '农村转移劳动者',   'Rural migrant worker',              null, 1,  '003 §2'),
('person-group', 'unemployed',           '失业人员',         'Unemployed person',                 null, 2,  '003 §2'),
('person-group', 'hard-to-employ',       '就业困难人员',     'Person with employment difficulty', null, 3,  '003 §2'),
('person-group', 'college-graduate',     '高校毕业生',       'College graduate',                  null, 4,  '003 §2'),
('person-group', 'veteran',              '退役军人',         'Veteran',                           null, 5,  '003 §2'),
('person-group', 'disabled',             '残疾人',           'Person with disability',            null, 6,  '003 §2'),
('person-group', 'woman',                '妇女',             'Woman',                             null, 7,  '001'),
('person-group', 'industrial-worker',    '产业工人',         'Industrial worker',                 null, 8,  '001'),
('person-group', 'self-employed',        '个体劳动者',       'Self-employed worker',              null, 9,  '001'),
('person-group', 'platform-worker',      '平台经济劳动者',   'Platform economy worker',           null, 10, '001'),
('person-group', 'online-shop-owner',    '网店业主',         'Online shop owner',                 'platform-worker', 11, '001'),
('person-group', 'live-streamer',        '网络主播',         'Live streamer',                     'platform-worker', 12, '001'),
('person-group', 'delivery-rider',       '外卖骑手',         'Delivery rider',                    'platform-worker', 13, '001'),
('person-group', 'two-after-youth',      '两后生',           'Youth not in further education ("two-after")', null, 14, '001; 003 §2'),
('person-group', 'new-farmer',           '新型职业农民',     'New professional farmer',           null, 15, '002'),
('person-group', 'retired-no-pension',   '超龄未领养老金人员', 'Past retirement age without pension', null, 16, '003 §13'),

('industry-field', 'advanced-manufacturing', '先进制造业(415X集群)', 'Advanced manufacturing (415X clusters)', null, 1, '001'),
('industry-field', 'digital-economy',        '数字经济',             'Digital economy',                      null, 2, '001'),
('industry-field', 'low-altitude-economy',   '低空经济',             'Low-altitude economy',                 null, 3, '001'),
('industry-field', 'construction',           '建筑业',               'Construction',                         null, 4, '001'),
('industry-field', 'transport',              '交通运输',             'Transport',                            null, 5, '001'),
('industry-field', 'life-services',          '生活性服务业',         'Life services',                        null, 6, '001'),
('industry-field', 'elderly-care',           '养老服务',             'Elderly care',                         'life-services', 7, '001'),
('industry-field', 'domestic-services',      '家政服务',             'Domestic services',                    'life-services', 8, '001'),
('industry-field', 'infant-care',            '育婴服务',             'Infant care',                          'life-services', 9, '001'),
('industry-field', 'producer-services',      '生产性服务业',         'Producer services',                    null, 10, '001'),
('industry-field', 'modern-agriculture',     '现代农业',             'Modern agriculture',                   null, 11, '001'),
('industry-field', 'sx-high-end-equipment',  '高端装备',             'High-end equipment (Shaoxing key field)', 'advanced-manufacturing', 12, '004'),
('industry-field', 'sx-new-materials',       '新材料',               'New materials (Shaoxing key field)',      'advanced-manufacturing', 13, '004'),
('industry-field', 'sx-electronic-info',     '电子信息',             'Electronic information (Shaoxing key field)', 'advanced-manufacturing', 14, '004'),
('industry-field', 'sx-modern-medicine',     '现代医药',             'Modern medicine (Shaoxing key field)',    'advanced-manufacturing', 15, '004');
