/**
 * What `graph ingest` proposes from small documents written here, in English and Chinese:
 * known names however they are spelt, new names by their shape, dates with their precision,
 * figures with unit, year and kind, relations with a confidence, and evidence offsets that
 * point at the words they stand for.
 */
import { describe, expect, it } from 'vitest';
import type { KnownEntity } from '../../src/ingest/known.js';
import { propose, toJson, type Proposals } from '../../src/ingest/propose.js';

const entity = (id: string, label: KnownEntity['label'], name: string, more: Partial<KnownEntity> = {}): KnownEntity =>
  ({ id, label, name, aliases: [], related: [], citations: 1, ...more });

const KNOWN: KnownEntity[] = [
  entity('qi-anxin', 'Firm', 'Qi-Anxin Technology Group', { aliases: ['Qi-Anxin'], nameZh: '奇安信' }),
  entity('data-security-law', 'Policy', "Data Security Law of the People's Republic of China", { nameZh: '中华人民共和国数据安全法', aliases: ['Data Security Law', 'DSL'] }),
  entity('cybersecurity-law', 'Policy', 'Cybersecurity Law', { aliases: ['CSL'], related: ['npc-standing-committee'] }),
  entity('npc-standing-committee', 'Agency', 'Standing Committee of the National People\'s Congress', { aliases: ['NPC Standing Committee'], related: ['cybersecurity-law'] }),
  entity('china', 'Region', 'China', { nameZh: '中国' }),
  entity('shanghai', 'Region', 'Shanghai', { nameZh: '上海' }),
  entity('threat-intelligence', 'Sector', 'Threat intelligence'),
  entity('qi-xiangdong', 'Person', 'Qi Xiangdong'),
  // Two entities answering to one name: the ranking must prefer the one the text's context supports.
  entity('apex-firm', 'Firm', 'Apex', { related: ['shanghai'], citations: 1 }),
  entity('apex-programme', 'Policy', 'Apex Programme', { aliases: ['Apex'], citations: 3, related: ['data-security-law'] }),
];

const run = (text: string, writtenYear: number | null = 2022): Proposals => propose(text, KNOWN, { source: 'src-900', writtenYear });

describe('known-entity mentions', () => {
  it('finds names whatever their case, hyphens or line breaks, with offsets into the text', () => {
    const text = 'QIANXIN and qi anxin grew.\n\nThe Data Secu-\nrity Law matters; so does the\nCybersecurity\nLaw.';
    const p = run(text);
    const ids = p.mentions.map((m) => m.entityId);
    expect(ids).toEqual(['qi-anxin', 'qi-anxin', 'data-security-law', 'cybersecurity-law']);
    for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(p.mentions[2]!.text).toBe('Data Secu-\nrity Law');
    expect(p.mentions[2]!.paragraph).toBe(2);
  });

  it('finds Chinese names, the short form of a law named with the country prefix too', () => {
    const p = run('数据安全法和奇安信在上海。中华人民共和国数据安全法。');
    expect(p.mentions.map((m) => [m.entityId, m.text])).toEqual([
      ['data-security-law', '数据安全法'], ['qi-anxin', '奇安信'], ['shanghai', '上海'], ['data-security-law', '中华人民共和国数据安全法'],
    ]);
  });

  it('matches a capitals-only alias only in capitals and never inside a word', () => {
    const p = run('The csl was physical; the CSL was not. DSLs differ.');
    expect(p.mentions.map((m) => m.text)).toEqual(['CSL']);
  });

  it('ranks the entities of an ambiguous name by the document around it', () => {
    const p = run('Apex opened an office in Shanghai.');
    const apex = p.mentions.find((m) => m.text === 'Apex')!;
    expect(apex.entityId).toBe('apex-firm');
    expect(apex.ranked!.map((r) => r.entityId)).toEqual(['apex-firm', 'apex-programme']);
    // Without context the entity the name is the name of (not an alias of) comes first.
    expect(run('Apex was announced.').mentions[0]!.entityId).toBe('apex-firm');
    expect(run('Apex builds on the Data Security Law.').mentions[0]!.entityId).toBe('apex-programme');
  });
});

describe('candidate new entities', () => {
  it('proposes laws, agencies, firms, standards, conferences and people by their shape, with label, kind and id', () => {
    const p = run([
      'The Ministry of Economy, Trade and Industry released the Cyber Resilience Measures for Ports in 2019.',
      'The standard GB/T 22239-2019 applies. Firms like Acme Shield, Borealis Cyber and Venta are growing.',
      'At the Global Defence Summit, Chairman Wang Lixin spoke; Zhu Ming, the vice director of the bureau, agreed.',
      'The Industrial Security Alliance (ISA) grew.',
    ].join('\n\n'));
    const got = Object.fromEntries(p.candidates.map((c) => [c.name, [c.label, c.kind ?? null, c.id]]));
    expect(got).toMatchObject({
      'Ministry of Economy, Trade and Industry': ['Agency', 'MINISTRY', 'ministry-of-economy-trade-and-industry'],
      'Cyber Resilience Measures for Ports': ['Policy', 'RULES', 'cyber-resilience-measures-for-ports'],
      'GB/T 22239-2019': ['Policy', 'STANDARD', 'gb-t-22239-2019'],
      'Acme Shield': ['Firm', 'COMPANY', 'acme-shield'],
      'Borealis Cyber': ['Firm', 'COMPANY', 'borealis-cyber'],
      Venta: ['Firm', 'COMPANY', 'venta'],
      'Global Defence Summit': ['Event', 'CONFERENCE', 'global-defence-summit'],
      'Wang Lixin': ['Person', null, 'wang-lixin'],
      'Zhu Ming': ['Person', null, 'zhu-ming'],
      'Industrial Security Alliance': ['Agency', 'CONSORTIUM', 'industrial-security-alliance'],
    });
    expect(p.candidates.find((c) => c.name === 'Industrial Security Alliance')!.alias).toBe('ISA');
    for (const c of p.candidates) expect(p.paragraphs[c.paragraph - 1]!.text).toContain(c.name.split(' ')[0]);
  });

  it('proposes document titles from lists, issuing verbs and lower-case heads', () => {
    const p = run([
      'The platform released guiding documents including the Plant Safety Handbook, Secure Remote Maintenance and Indicators of Trusted Supply.',
      'The agency published the Harbour Cyber Outlook in 2020. Grid Defence Basics was released later.',
      'Funds went to the Horizon Europe program and the Shanghai Data Usage rules.',
    ].join('\n\n'));
    expect(p.candidates.map((c) => [c.name, c.label])).toEqual(expect.arrayContaining([
      ['Plant Safety Handbook', 'Policy'], ['Secure Remote Maintenance', 'Policy'], ['Indicators of Trusted Supply', 'Policy'],
      ['Harbour Cyber Outlook', 'Policy'], ['Grid Defence Basics', 'Policy'],
      ['Horizon Europe program', 'Policy'], ['Shanghai Data Usage rules', 'Policy'],
    ]));
  });

  it('proposes Chinese names ending in 法, 条例, 办法, 规划, 委员会, 局, with a pinyin id', () => {
    const p = run('上海市发布了《上海市数据条例》。国家网络安全产业园区管理办法明确要求。工业和信息化部印发了网络安全产业发展规划，上海市通信管理局负责落实。');
    const got = Object.fromEntries(p.candidates.map((c) => [c.name, [c.label, c.kind]]));
    expect(got).toMatchObject({
      上海市数据条例: ['Policy', 'REGULATION'],
      国家网络安全产业园区管理办法: ['Policy', 'RULES'],
      网络安全产业发展规划: ['Policy', 'PLAN'],
      上海市通信管理局: ['Agency', 'REGULATOR'],
    });
    expect(p.candidates.find((c) => c.name === '上海市数据条例')!.id).toBe('shang-hai-shi-shu-ju-tiao-li');
  });

  it('does not propose a name the graph knows', () => {
    expect(run('The Data Security Law and the NPC Standing Committee.').candidates).toEqual([]);
  });
});

describe('dates', () => {
  it('reads English and Chinese forms with their precision, and what happened', () => {
    const p = run([
      'The Data Security Law took effect on 1 September 2021.',
      'Qi-Anxin was founded in July 2014.',
      'The Cybersecurity Law was adopted by the NPC Standing Committee in spring 2016.',
      '数据安全法于2021年6月10日通过，2015年7月公布草案，2017年施行。',
      'The plan covers 2021–2023; 2039 businesses were hit.',
    ].join('\n\n'));
    const got = p.dates.map((d) => [d.text, d.date, d.precision, d.about, d.event]);
    expect(got).toEqual([
      ['1 September 2021', '2021-09-01', 'DAY', 'data-security-law', 'EFFECTIVE'],
      ['July 2014', '2014-07', 'MONTH', 'qi-anxin', 'FOUNDED'],
      ['spring 2016', '2016', 'YEAR', 'cybersecurity-law', 'ISSUED'],
      ['2021年6月10日', '2021-06-10', 'DAY', 'data-security-law', 'ISSUED'],
      ['2015年7月', '2015-07', 'MONTH', 'data-security-law', 'DRAFT_PUBLISHED'],
      ['2017年', '2017', 'YEAR', 'data-security-law', 'EFFECTIVE'],
      ['2021', '2021', 'YEAR', null, null],
      ['2023', '2023', 'YEAR', null, null],
    ]);
    expect(p.dates[2]!.part).toBe('spring');
  });
});

describe('figures', () => {
  it('reads value, unit, currency, year and kind', () => {
    const p = run([
      'The market was USD 16.4 billion in 2019 and is expected to reach 29.8 billion US dollars in 2026.',
      'Shanghai aims to hit 25 billion yuan in 2023. About 63 percent of victims were young.',
      '中国网络安全市场规模2021年达到800亿元。',
      'As of 2014, the committee had released 142 national standards.',
    ].join('\n\n'), 2022);
    const got = p.figures.map((f) => [f.text, f.value, f.unit, f.year, f.kind]);
    expect(got).toEqual([
      ['USD 16.4 billion', 16.4, 'USD billion', 2019, 'ACTUAL'],
      ['29.8 billion US dollars', 29.8, 'USD billion', 2026, 'FORECAST'],
      ['25 billion yuan', 25, 'CNY billion', 2023, 'TARGET'],
      ['63 percent', 63, '%', 2022, 'ACTUAL'],
      ['800亿元', 800, 'CNY 100 million', 2021, 'ACTUAL'],
      ['142 national standards', 142, 'count', 2014, 'ACTUAL'],
    ]);
  });

  it('reads the rows of a numeric table against its year columns and caption', () => {
    const p = run(['Table 3. Predicted market size, 2015–2017', '', 'Year 2015 2016 2017', '', 'Market size (billion yuan) 39.8 50.4 62.0'].join('\n'), 2014);
    expect(p.figures.map((f) => [f.value, f.unit, f.year, f.kind])).toEqual([
      [39.8, 'CNY billion', 2015, 'FORECAST'], [50.4, 'CNY billion', 2016, 'FORECAST'], [62, 'CNY billion', 2017, 'FORECAST'],
    ]);
  });
});

describe('relations', () => {
  it('reads relations from trigger words, only between labels the model allows, each with a confidence', () => {
    const p = run([
      'Qi Xiangdong, the chairman of Qi-Anxin, spoke.',
      'The Cybersecurity Law was issued by the NPC Standing Committee.',
      'Qi-Anxin works in threat intelligence.',
      'The Cybersecurity Law was issued by China.',
    ].join('\n\n'));
    const strong = p.relations.filter((r) => r.confidence >= 0.5).map((r) => [r.type, r.from, r.to]);
    expect(strong).toEqual([
      ['LEADS', 'qi-xiangdong', 'qi-anxin'],
      ['ISSUED_BY', 'cybersecurity-law', 'npc-standing-committee'],
      ['OPERATES_IN', 'qi-anxin', 'threat-intelligence'],
    ]);
    // A region never issues a law (ISSUED_BY is Policy → Agency): at most a weak APPLIES_TO.
    expect(p.relations.filter((r) => r.from === 'cybersecurity-law' && r.to === 'china').map((r) => [r.type, r.confidence < 0.5])).toEqual([['APPLIES_TO', true]]);
    const lead = p.relations.find((r) => r.type === 'LEADS')!;
    expect(lead.role).toBe('chairman');
    expect(p.paragraphs[lead.paragraph - 1]!.text).toContain('chairman');
  });
});

describe('the --json shape', () => {
  it('has exactly the documented keys', () => {
    const json = toJson(run('On 1 June 2017 the Cybersecurity Law, issued by the NPC Standing Committee, took effect; the market hit USD 5 billion. The Cyber Trust Act passed.'));
    expect(Object.keys(json)).toEqual(['source', 'paragraphs', 'mentions', 'candidates', 'dates', 'figures', 'relations']);
    expect(Object.keys(json.mentions[0]!)).toEqual(['entityId', 'text', 'paragraph', 'start', 'end']);
    expect(Object.keys(json.candidates[0]!)).toEqual(['name', 'label', 'id', 'paragraph', 'start', 'end']);
    expect(Object.keys(json.dates[0]!)).toEqual(['text', 'date', 'precision', 'about', 'event', 'paragraph']);
    expect(Object.keys(json.figures[0]!)).toEqual(['text', 'value', 'unit', 'year', 'kind', 'paragraph']);
    expect(Object.keys(json.relations[0]!)).toEqual(['type', 'from', 'to', 'confidence', 'paragraph', 'start', 'end']);
    expect(json.paragraphs).toBe(1);
  });
});
