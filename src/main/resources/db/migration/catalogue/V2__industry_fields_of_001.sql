-- REF-6 (issue 16): the fields 001 附件1 (重点工作任务清单) trains in that the list lacked. The 415X clusters
-- themselves are not named in the seed documents, so they are not invented here.
insert into catalogue.code_item (list, code, name_zh, name_en, parent_code, sort_order, source) values
('industry-field', 'postal-express',        '邮政快递',     'Postal and express delivery', 'transport',         16, '001 附件1'),
('industry-field', 'high-risk-safety',      '高危行业',     'High-risk industries (safety skills)', null,       17, '001 附件1'),
('industry-field', 'health-management',     '健康管理服务', 'Health management services',  'life-services',     18, '001 附件1'),
('industry-field', 'long-term-care',        '长期照护服务', 'Long-term care services',     'life-services',     19, '001 附件1'),
('industry-field', 'culture-tourism',       '文化旅游服务', 'Culture and tourism services', 'life-services',    20, '001 附件1'),
('industry-field', 'rd-design',             '研发设计服务', 'R&D and design services',     'producer-services', 21, '001 附件1'),
('industry-field', 'surveying-mapping',     '测绘服务',     'Surveying and mapping services', 'producer-services', 22, '001 附件1'),
('industry-field', 'inspection-testing',    '检验检测服务', 'Inspection and testing services', 'producer-services', 23, '001 附件1'),
('industry-field', 'human-resources-services', '人力资源服务', 'Human resources services', 'producer-services', 24, '001 附件1'),
('industry-field', 'eco-environment',       '生态环境服务', 'Ecological and environmental services', 'producer-services', 25, '001 附件1'),
('industry-field', 'platform-economy',      '平台经济',     'Platform economy (online shops, live streaming, delivery riders)', null, 26, '001 附件1');

-- 001 附件1 names the life-services field 育婴托幼服务
update catalogue.code_item set name_zh = '育婴托幼服务', name_en = 'Infant and childcare services'
where list = 'industry-field' and code = 'infant-care';
