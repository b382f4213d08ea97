/**
 * Questions a researcher of China's cybersecurity industry asks, answered by reading the five
 * source documents (../shared/sources; the comment on each says where), then asked of the API
 * over HTTP on the curated dataset (seeds/). Where the answer should rest on the documents
 * alone the question says `evidence: [STATED]`; where the documents do not give the answer, the
 * test shows that too (the official origin answers, EXTERNAL, and the stated view is empty).
 * Through tests/api/helpers.ts, so the file can run against Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startApi, type Api } from './helpers.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const ask = async (query: string, variables: Record<string, unknown> = {}) => dataOf(await api.gql(query, variables));
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const otherIds = (rels: { node: { id: string } }[]) => rels.map((r) => r.node.id).sort();

type Indicator = { year: number; value: number; unit: string; kind: string; qualifier: string; derived: boolean; basis: string; subject: { id: string }; sector: { id: string } | null; rating: string | null };
type Fact = { dateLabel: string; kind: string; basis: string; disputed: boolean; entity: { id: string }; other: { id: string } | null };
const INDICATOR = 'year value unit kind qualifier derived basis rating subject { id } sector { id }';
const FACT = 'dateLabel kind basis disputed entity { id } other { id }';

describe('research questions: laws, issuers and dates', () => {
  it('Who issued the Cybersecurity Law? The documents do not say; the NPC\'s official text does', async () => {
    // src-000 and src-001 name the law (and its 2015 draft) but never the body that adopted it.
    const { entity } = await ask(`{ entity(id: "cybersecurity-law") {
      ... on Policy { issuerKnown issuers { id } }
      all: relations(types: ["ISSUED_BY"]) { basis node { id } citations { sourceId basis } }
      stated: relations(types: ["ISSUED_BY"], evidence: [STATED]) { node { id } } } }`);
    expect(entity.issuerKnown).toBe(true);
    expect(ids(entity.issuers)).toEqual(['npc-standing-committee']);
    expect(entity.all).toEqual([{ basis: 'EXTERNAL', node: { id: 'npc-standing-committee' }, citations: [{ sourceId: 'off-npc-csl', basis: 'EXTERNAL' }] }]);
    expect(entity.stated).toEqual([]);
  });

  it('When was the Cybersecurity Law adopted and when did it take effect? Exact days come from the official text only', async () => {
    // src-000 dates the law "2017" (its entry into force); the days are the NPC's.
    const q = `query($e: [EvidenceBasis!]) { timeline(from: "2016-01-01", to: "2017-12-31", types: [POLICY], evidence: $e) { ${FACT} } }`;
    const csl = (facts: Fact[]) => facts.filter((f) => f.entity.id === 'cybersecurity-law').map((f) => `${f.kind} ${f.dateLabel} ${f.basis}`);
    expect(csl((await ask(q)).timeline)).toEqual(['ISSUED 2016-11-07 EXTERNAL', 'EFFECTIVE 2017-06-01 EXTERNAL']);
    expect(csl((await ask(q, { e: ['STATED'] })).timeline)).toEqual([]);
  });

  it('Which policies regulate data security, on the documents alone?', async () => {
    // src-000 "The Regulatory Push": the Cybersecurity Law and the Data Security Law impose data
    // duties; src-003 treats the GDPR as the EU's data-protection rule. PIPL's link (src-004) is read into the text.
    const { entity } = await ask(`{ entity(id: "data-security") {
      stated: relations(types: ["REGULATES"], direction: IN, evidence: [STATED]) { node { id } }
      inferred: relations(types: ["REGULATES"], direction: IN, evidence: [INFERRED]) { node { id } } } }`);
    expect(otherIds(entity.stated)).toEqual(expect.arrayContaining(['cybersecurity-law', 'data-security-law', 'gdpr']));
    expect(otherIds(entity.stated)).not.toContain('pipl');
    expect(otherIds(entity.inferred)).toContain('pipl');
  });

  it('Which policies have no known issuer, and why?', async () => {
    // src-001 dates the 2015 draft without saying who published it; src-003 names GB/T 35304-2017 without its issuing body.
    const { policies } = await ask(`{ policies(filter: { issuerKnown: false }, first: 100) { totalCount nodes { id issuerKnown issuerUnknown issuers { id } } } }`);
    expect(policies.totalCount).toBe(policies.nodes.length);
    const byId = new Map(policies.nodes.map((p: { id: string }) => [p.id, p]));
    for (const id of ['cybersecurity-law-draft', 'gb-t-35304-2017']) {
      expect(byId.get(id)).toMatchObject({ issuerKnown: false, issuers: [], issuerUnknown: expect.stringMatching(/\w/) });
    }
    for (const p of policies.nodes) expect(p.issuerUnknown, p.id).toBeTruthy();
    const known = (await ask(`{ policies(filter: { issuerKnown: true }, first: 100) { nodes { id } } }`)).policies.nodes;
    expect(ids(known)).toContain('miit-infosec-industry-plan-12th-fyp');
    expect(ids(known)).not.toContain('cybersecurity-law-draft');
  });

  it('Who issued the 12th Five-Year Plan information-security industry plan, and when?', async () => {
    // src-001 §1: MIIT issued its development plan for the information security industry at the end of 2011.
    const { entity } = await ask(`{ entity(id: "miit-infosec-industry-plan-12th-fyp") { ... on Policy { issuedLabel } issuer: relations(types: ["ISSUED_BY"], evidence: [STATED]) { node { id } } } }`);
    expect(entity).toEqual({ issuedLabel: '2011', issuer: [{ node: { id: 'miit' } }] });
  });

  it('What happened in 2014-2015 according to the documents? (src-001)', async () => {
    // src-001: the Office of the Central Leading Group for Cyberspace Affairs in February 2014,
    // "mass entrepreneurship and innovation" in September 2014, the first-level discipline in June 2015, the draft law in July 2015.
    const { timeline } = await ask(`{ timeline(from: "2014-01-01", to: "2015-12-31", evidence: [STATED]) { ${FACT} } }`);
    const facts = (timeline as Fact[]).map((f) => `${f.dateLabel} ${f.kind} ${f.entity.id}`);
    expect(facts).toEqual(expect.arrayContaining([
      '2014-02 ESTABLISHED office-central-leading-group-cyberspace-affairs',
      '2014-09 EVENT li-keqiang-mass-innovation-speech',
      '2015-06 EVENT cyberspace-security-discipline-created',
      '2015-07 DRAFT_PUBLISHED cybersecurity-law-draft',
    ]));
    for (const f of timeline as Fact[]) expect(f.basis).toBe('STATED');
  });

  it('When was the US IoT Cybersecurity Improvement Act adopted? The paper and the official record disagree, and both are kept', async () => {
    // src-003 §3.1.1 lists it among the US acts of 2019; the official record dates it December 2020.
    const { entity } = await ask(`{ entity(id: "iot-cybersecurity-improvement-act") { disputed ... on Policy { issuedLabel } disputes { field value precision citations { sourceId basis } } } }`);
    expect(entity).toMatchObject({ disputed: true, issuedLabel: '2020-12-04' });
    expect(entity.disputes).toEqual([{ field: 'issued', value: '2019', precision: 'YEAR', citations: [{ sourceId: 'src-003', basis: 'STATED' }] }]);
    const { timeline } = await ask(`{ timeline(from: "2020-01-01", to: "2020-12-31", types: [POLICY]) { ${FACT} } }`);
    expect((timeline as Fact[]).find((f) => f.entity.id === 'iot-cybersecurity-improvement-act')).toMatchObject({ dateLabel: '2020-12-04', basis: 'EXTERNAL', disputed: true });
    // On the documents alone, the act dates from 2019, and the timeline says the date is disputed.
    const stated = (await ask(`{ timeline(from: "2019-01-01", to: "2020-12-31", types: [POLICY], evidence: [STATED]) { ${FACT} } }`)).timeline as Fact[];
    expect(stated.filter((f) => f.entity.id === 'iot-cybersecurity-improvement-act').map((f) => `${f.kind} ${f.dateLabel} ${f.basis} ${f.disputed}`))
      .toEqual(['ISSUED 2019 STATED true']);
  });
});

describe('research questions: market figures', () => {
  it('How big was China\'s information security industry in 2012-2014, and what was forecast for 2015-2017? (src-001 Tables 1 and 3)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "china", sectorId: "cybersecurity-industry", first: 100) { metric ${INDICATOR} } }`);
    const cny = (indicators as (Indicator & { metric: string })[]).filter((i) => i.unit === 'CNY billion' && i.year >= 2012 && i.year <= 2017 && /market|sales/.test(i.metric));
    expect(cny.map((i) => `${i.year} ${i.value} ${i.kind}`)).toEqual([
      '2012 21.64 ACTUAL', '2013 26.552 ACTUAL', '2014 32.128 ACTUAL',
      '2015 39.839 FORECAST', '2016 50.396 FORECAST', '2017 61.987 FORECAST',
    ]);
    for (const i of cny) expect(i.basis).toBe('STATED');
  });

  it('How fast did global information security sales grow, 2012-2014? (src-001 Table 1)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "world", sectorId: "cybersecurity-industry", first: 100) { metric ${INDICATOR} } }`);
    const sales = (indicators as (Indicator & { metric: string })[]).filter((i) => i.unit === 'USD billion');
    expect(sales.map((i) => `${i.year} ${i.value}`)).toEqual(['2012 115.192', '2013 126.078', '2014 138.308']);
    const growth = (indicators as (Indicator & { metric: string })[]).filter((i) => i.unit === '%');
    expect(growth.map((i) => `${i.year} ${i.value}`)).toEqual(['2012 9.3', '2013 9.5', '2014 9.7']);
  });

  it('What was the product mix of China\'s industry in 2014: hardware, software, services? (src-001 Table 2)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "china", metric: "product mix share", kinds: [ACTUAL]) { ${INDICATOR} } }`);
    const mix = Object.fromEntries((indicators as Indicator[]).filter((i) => i.year === 2014).map((i) => [i.sector!.id, i.value]));
    expect(mix).toEqual({ 'security-hardware': 54.3, 'security-software': 37, 'security-services': 8.7 });
  });

  it('China against the US in 2026: about 80 billion yuan against more than 1 trillion (src-002)', async () => {
    const [china, us] = await Promise.all(['china', 'united-states'].map(async (subject) =>
      (await ask(`{ indicators(subjectId: "${subject}", sectorId: "cybersecurity-industry", kinds: [FORECAST], first: 100) { ${INDICATOR} } }`)).indicators
        .filter((i: Indicator) => i.year === 2026)));
    expect(china.map((i: Indicator) => `${i.value} ${i.unit}`)).toEqual(['80 CNY billion']);
    expect(us).toEqual([expect.objectContaining({ value: 1000, unit: 'CNY billion', qualifier: 'AT_LEAST', basis: 'STATED' })]);
  });

  it('Shanghai\'s revenue target for 2023, and the 2021 level it doubles: the 2021 figure is ours, derived (src-004)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "shanghai", metric: "industry revenue") { ${INDICATOR} citations { basis note } } }`);
    const target = indicators.find((i: Indicator) => i.year === 2023);
    const base = indicators.find((i: Indicator) => i.year === 2021);
    expect(target).toMatchObject({ value: 25, unit: 'CNY billion', kind: 'TARGET', derived: false, basis: 'STATED' });
    expect(base).toMatchObject({ value: 12.5, unit: 'CNY billion', derived: true, basis: 'INFERRED' });
    expect(base.citations[0].note).toMatch(/\w/);
  });

  it('Shanghai\'s other 2023 targets: two national parks and more than ten leading firms (src-004)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "shanghai", kinds: [TARGET]) { metric ${INDICATOR} } }`);
    const byMetric = new Map((indicators as (Indicator & { metric: string })[]).map((i) => [i.metric, i]));
    expect(byMetric.get('national Internet security parks')).toMatchObject({ value: 2, year: 2023, qualifier: 'EXACT' });
    expect(byMetric.get('leading cyber security firms')).toMatchObject({ value: 10, year: 2023, qualifier: 'AT_LEAST' });
  });

  it('What share of Shanghai\'s telecom-fraud victims were born after 1990? About 63% (src-004)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "shanghai", metric: "share of telecom fraud victims born after 1990") { ${INDICATOR} } }`);
    expect(indicators).toEqual([expect.objectContaining({ value: 63, unit: '%', qualifier: 'APPROXIMATE', basis: 'STATED' })]);
  });

  it('How many national information security standards had TC260 released by October 2014? (src-001 §3.5)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "tc260") { metric ${INDICATOR} } }`);
    expect(indicators).toEqual([expect.objectContaining({ metric: 'national information security standards released', value: 142, year: 2014, basis: 'STATED' })]);
  });

  it('What did MIIT\'s 12th-FYP plan aim for by 2015? (src-001 §1)', async () => {
    const { indicators } = await ask(`{ indicators(subjectId: "miit-infosec-industry-plan-12th-fyp", kinds: [TARGET]) { metric ${INDICATOR} } }`);
    const byMetric = new Map((indicators as (Indicator & { metric: string })[]).map((i) => [i.metric, i]));
    expect(byMetric.get('firms with information security revenue of CNY 100 million or more')).toMatchObject({ value: 30, year: 2015, unit: 'count' });
    expect(byMetric.get('backbone firm information security revenue')).toMatchObject({ value: 5, year: 2015, unit: 'CNY billion' });
  });
});

describe('research questions: comparisons', () => {
  it('Which countries does src-003\'s table rate HIGH on support for SMEs, and LOW on capital input? (src-003 Table 1)', async () => {
    const rated = async (metric: string, rating: string) =>
      (await ask(`{ indicators(kinds: [ASSESSMENT], metric: "${metric}") { ${INDICATOR} } }`)).indicators
        .filter((i: Indicator) => i.rating === rating).map((i: Indicator) => i.subject.id).sort();
    expect(await rated('comparison: level of support for SMEs', 'HIGH')).toEqual(['germany', 'japan', 'south-korea', 'united-states']);
    expect(await rated('comparison: level of capital input', 'LOW')).toEqual(['france', 'south-korea', 'united-kingdom']);
    expect(await rated('comparison: completeness of policies and standards', 'HIGH')).toEqual(['germany', 'united-states']);
  });

  it('Which countries is China compared with, on the documents alone?', async () => {
    // src-003 sets China against the US, the EU, Germany, the UK, Japan and South Korea; src-002 against the US market.
    const { entity } = await ask(`{ entity(id: "china") { relations(types: ["COMPARED_WITH"], evidence: [STATED]) { basis node { id } } } }`);
    expect(otherIds(entity.relations)).toEqual(expect.arrayContaining(['germany', 'japan', 'south-korea', 'united-kingdom', 'united-states']));
  });

  it('Which foreign programme is Made in China 2025 the counterpart of?', async () => {
    // src-001 §4.2.3 presents Made in China 2025 as China's version of Germany's Industry 4.0.
    const { entity } = await ask(`{ entity(id: "made-in-china-2025") { relations(types: ["COMPARED_WITH"], evidence: [STATED]) { basis node { id } } } }`);
    expect(entity.relations).toEqual([{ basis: 'STATED', node: { id: 'industry-4-0' } }]);
  });
});

describe('research questions: firms, sectors and events', () => {
  it('Which Chinese policies drive industrial-Internet security firms, on the documents alone? (src-003 §5)', async () => {
    const { policyDrivers } = await ask(`{ policyDrivers(sectorId: "industrial-internet-security", evidence: [STATED]) { policy { id } via firms { id } } }`);
    const policies = policyDrivers.map((d: { policy: { id: string } }) => d.policy.id);
    expect(policies).toEqual(expect.arrayContaining(['guidelines-industrial-internet-2017', 'notice-industrial-internet-2020', 'action-plan-industrial-internet-secure-production']));
    const firms = new Set(policyDrivers.flatMap((d: { firms: { id: string }[] }) => ids(d.firms)));
    for (const firm of ['hollysys', 'winicssec', 'andian', 'venustech']) expect(firms.has(firm), firm).toBe(true);
  });

  it('Which firms link the 12th-FYP era to the industrial-Internet era? Venustech and NSFOCUS, driven by plans of both', async () => {
    // src-001 names Venustech and NSFOCUS among the leading vendors of the 12th-FYP period; src-003 lists them in industrial-Internet security.
    for (const firm of ['venustech', 'nsfocus']) {
      const { entity } = await ask(`{ entity(id: "${firm}") { ... on Firm { drivenBy { id } } } }`);
      expect(ids(entity.drivenBy), firm).toEqual(expect.arrayContaining(['miit-infosec-industry-plan-12th-fyp', 'guidelines-industrial-internet-2017']));
    }
  });

  it('Who leads Qi-Anxin? (src-002)', async () => {
    const { entity } = await ask(`{ entity(id: "qi-anxin") { relations(types: ["LEADS"], evidence: [STATED]) { node { id } } } }`);
    expect(otherIds(entity.relations)).toEqual(['qi-xiangdong']);
  });

  it('When did Microsoft buy CyberX? June 2020 (src-003 §4)', async () => {
    const { timeline } = await ask(`{ timeline(from: "2020-06-01", to: "2020-06-30", evidence: [STATED]) { ${FACT} } }`);
    expect((timeline as Fact[]).map((f) => `${f.dateLabel} ${f.kind} ${f.entity.id} ${f.other?.id ?? ''}`.trim())).toEqual(expect.arrayContaining([
      '2020-06 ACQUIRED microsoft cyberx', '2020-06 EVENT microsoft-acquires-cyberx',
    ]));
  });

  it('Did Microsoft work in industrial-Internet security before it bought CyberX? Time on relationships answers as of a date', async () => {
    // src-003 §3.2 reports the June 2020 purchase; that Microsoft works in the field from then on is our reading (INFERRED).
    const q = `query($asOf: Date) { neighborhood(id: "microsoft", asOf: $asOf) { edges { source target type data } } }`;
    const links = async (asOf: string) => ((await ask(q, { asOf })).neighborhood.edges as { target: string; type: string; data: { start?: string; basis: string } }[])
      .map((e) => `${e.type} ${e.target}`).sort();
    expect(await links('2019-12-31')).not.toEqual(expect.arrayContaining(['OPERATES_IN industrial-internet-security']));
    expect(await links('2019-12-31')).not.toContain('ACQUIRED cyberx');
    expect(await links('2020-12-31')).toEqual(expect.arrayContaining(['ACQUIRED cyberx', 'OPERATES_IN industrial-internet-security']));
    // An undated link (its headquarters) holds whenever both ends exist: it makes nothing older.
    expect(await links('2019-12-31')).toContain('HEADQUARTERED_IN united-states');
  });

  it('Which attacks on industry does src-003 recall? Norsk Hydro in 2019, Venezuela\'s grid in 2020', async () => {
    const { timeline } = await ask(`{ timeline(from: "2018-01-01", to: "2020-12-31", types: [EVENT], evidence: [STATED]) { ${FACT} } }`);
    const facts = (timeline as Fact[]).map((f) => `${f.dateLabel} ${f.entity.id}`);
    expect(facts).toEqual(expect.arrayContaining(['2019 norsk-hydro-cyberattack', '2020 venezuela-grid-attack']));
  });

  it('What did Shanghai do for cyber security in 2022, and how sure are the dates? (src-004)', async () => {
    // The report is undated in the stored text; the month comes from the publisher's page, so the dates are inferred.
    const q = `query($e: [EvidenceBasis!]) { timeline(regionId: "shanghai", from: "2022-01-01", to: "2022-12-31", evidence: $e) { ${FACT} } }`;
    const all = (await ask(q)).timeline as Fact[];
    expect(all.map((f) => `${f.dateLabel} ${f.kind} ${f.entity.id}`)).toEqual(expect.arrayContaining(['2022-01 ISSUED shanghai-cybersecurity-blueprint']));
    const blueprint = all.find((f) => f.entity.id === 'shanghai-cybersecurity-blueprint')!;
    expect(blueprint.basis).not.toBe('STATED');
    expect(((await ask(q, { e: ['STATED'] })).timeline as Fact[]).map((f) => f.entity.id)).not.toContain('shanghai-cybersecurity-blueprint');
  });

  it('Who issued Shanghai\'s blueprint and who helped shape it? (src-004)', async () => {
    const { entity } = await ask(`{ entity(id: "shanghai-cybersecurity-blueprint") {
      issuedBy: relations(types: ["ISSUED_BY"], evidence: [STATED]) { node { id } }
      contributors: relations(types: ["CONTRIBUTED_TO"], direction: IN, evidence: [STATED]) { node { id } } } }`);
    expect(otherIds(entity.issuedBy)).toEqual(['shanghai-commission-economy-informatization']);
    expect(otherIds(entity.contributors)).toEqual(['china-unicom', 'saic', 'sipg']);
  });
});

describe('the evidence behind the graph', () => {
  it('counts citations per basis, most of them stated', async () => {
    const { stats } = await ask('{ stats { evidence { basis nodeCitations relationshipCitations } } }');
    const [stated, inferred, external] = stats.evidence;
    expect(stats.evidence.map((b: { basis: string }) => b.basis)).toEqual(['STATED', 'INFERRED', 'EXTERNAL']);
    expect(stated.nodeCitations + stated.relationshipCitations).toBeGreaterThan(5 * (inferred.nodeCitations + inferred.relationshipCitations));
    expect(external.nodeCitations + external.relationshipCitations).toBeGreaterThan(0);
  });
});
