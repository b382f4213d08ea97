import { expect } from 'vitest';
import { ENUMS } from '../../../src/model.js';
import { exactSearchKey } from '../../../src/seeds/derived.js';
import { ENTITY_RELATIONSHIP_TYPES } from '../../../src/graphql/records.js';
import type { CatalogueCase } from '../catalogue-case.js';

/**
 * The GraphQL API's named queries on the fixture graph (tests/fixtures/graph). What the
 * fixture holds that these cases lean on: four policies (Made in China 2025 issued 2015, the
 * Cybersecurity Law draft issued 2015-07, the Cybersecurity Law effective 2017, the Data Security
 * Law effective 2021 and promoting industrial-Internet security since 2021), the sector tree
 * cybersecurity-industry ← industrial-internet-security ← industrial-control-system-security and
 * ← threat-intelligence, Venustech operating in ICS security, Beijing and Shanghai part of China.
 */
const ALL = ['Policy', 'Agency', 'Firm', 'Region', 'Sector', 'Event', 'Person'];
const noScope = { regionId: null, sectorId: null, agencyId: null };
const noRange = { from: null, fromMonth: null, fromYear: null, to: null };
const noFilter = {
  kinds: [...ENUMS.PolicyKind], anyKind: true, ...noRange,
  issuerId: null, issuerKnown: null, jurisdictionId: null, sectorId: null, text: null,
};
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id);

export const cases: CatalogueCase[] = [
  {
    query: 'entitiesByIds',
    title: 'entities of every label with their fields; sources and unknown ids give no row',
    params: { ids: ['cybersecurity-law', 'venustech', 'cyberspace-affairs-office', 'src-000', 'no-such-id'] },
    check: (rows) => {
      expect(rows.map((r) => r.id).sort()).toEqual(['cybersecurity-law', 'cyberspace-affairs-office', 'venustech']);
      expect(rows.find((r) => r.id === 'cybersecurity-law')).toMatchObject({
        label: 'Policy', name: 'Cybersecurity Law', nameZh: '网络安全法', aliases: ['CSL'], kind: 'LAW', status: 'IN_FORCE',
        issued: null, effective: '2017-01-01', effectivePrecision: 'YEAR', founded: null,
        citeSources: ['src-000'], citeLocators: ['The Regulatory Push'],
      });
      expect(rows.find((r) => r.id === 'venustech')).toMatchObject({ label: 'Firm', nameZh: '启明星辰', citeSources: ['src-000', 'src-003'] });
      expect(rows.find((r) => r.id === 'cyberspace-affairs-office')).toMatchObject({
        label: 'Agency', established: '2014-02-01', establishedPrecision: 'MONTH',
      });
    },
  },
  {
    query: 'entityById',
    title: 'one entity of any label, every field as entitiesByIds gives it',
    params: { id: 'cyberspace-affairs-office' },
    check: (rows) => {
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: 'cyberspace-affairs-office', label: 'Agency', established: '2014-02-01', establishedPrecision: 'MONTH',
        issued: null, founded: null, date: null,
      });
    },
  },
  {
    query: 'entityById',
    title: 'a firm, and no row for a source or an unknown id',
    params: { id: 'venustech' },
    check: (rows) => {
      expect(rows.map((r) => `${r.id} ${r.label} ${r.nameZh}`)).toEqual(['venustech Firm 启明星辰']);
    },
  },
  {
    query: 'entitiesByManyIds',
    title: 'a batch joined rather than tested with IN: the same rows as entitiesByIds',
    params: { ids: ['cybersecurity-law', 'venustech', 'cyberspace-affairs-office', 'src-000', 'no-such-id'] },
    check: (rows) => {
      expect(rows.map((r) => r.id).sort()).toEqual(['cybersecurity-law', 'cyberspace-affairs-office', 'venustech']);
      expect(rows.find((r) => r.id === 'cybersecurity-law')).toMatchObject({
        label: 'Policy', kind: 'LAW', effective: '2017-01-01', effectivePrecision: 'YEAR', citeSources: ['src-000'],
      });
      expect(rows.find((r) => r.id === 'venustech')).toMatchObject({ label: 'Firm', citeSources: ['src-000', 'src-003'] });
    },
  },
  {
    query: 'entityNamesByIds',
    title: 'id, label and name only; sources and unknown ids give no row',
    params: { ids: ['cybersecurity-law', 'venustech', 'src-000', 'no-such-id'] },
    check: (rows) => {
      expect(rows.map((r) => ({ ...r })).sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual([
        { id: 'cybersecurity-law', label: 'Policy', name: 'Cybersecurity Law' },
        { id: 'venustech', label: 'Firm', name: expect.any(String) },
      ]);
    },
  },
  {
    query: 'relationsOf',
    title: 'both directions, with dates and citations; derived types (CITED_IN …) left out',
    params: { outIds: ['industrial-internet-security'], inIds: ['industrial-internet-security'], limit: null, direction: null },
    check: (rows) => {
      const keys = rows.map((r) => `${r.id} ${r.direction} ${r.type} ${r.otherId}`).sort();
      expect(keys).toEqual([
        'industrial-internet-security IN PROMOTES data-security-law',
        'industrial-internet-security IN PROMOTES made-in-china-2025',
        'industrial-internet-security IN SUBSECTOR_OF industrial-control-system-security',
        'industrial-internet-security OUT SUBSECTOR_OF cybersecurity-industry',
      ]);
      expect(rows.find((r) => r.otherId === 'data-security-law')).toMatchObject({
        since: '2021-01-01', sincePrecision: 'YEAR', until: null, citeSources: ['src-000'], citeBases: ['INFERRED'], disputes: null,
      });
      expect(String(rows.find((r) => r.otherId === 'data-security-law')!.citeNotes)).toMatch(/^Fixture link for the drivers query: /);
    },
  },
  {
    query: 'relationsOf',
    title: 'several entities at once: a relationship between two of them seen from both; only entity types',
    params: { outIds: ['beijing', 'china', 'venustech'], inIds: ['beijing', 'china', 'venustech'], limit: null, direction: null },
    check: (rows) => {
      expect(rows.every((r) => ENTITY_RELATIONSHIP_TYPES.includes(r.type as string))).toBe(true);
      const places = rows.filter((r) => r.type === 'PART_OF' || r.type === 'HEADQUARTERED_IN');
      expect(places.map((r) => `${r.id} ${r.direction} ${r.type} ${r.otherId}`).sort()).toEqual([
        'beijing IN HEADQUARTERED_IN state-council',
        'beijing IN HEADQUARTERED_IN venustech',
        'beijing OUT PART_OF china',
        'china IN PART_OF beijing',
        'china IN PART_OF shanghai',
        'venustech OUT HEADQUARTERED_IN beijing',
      ]);
    },
  },
  {
    query: 'relationsOf',
    title: 'with a limit: at least the first of each entity by type, direction and other id (all of them on Kùzu)',
    params: { outIds: ['china', 'industrial-internet-security'], inIds: ['china', 'industrial-internet-security'], limit: 2, direction: null },
    check: (rows) => {
      const key = (r: Record<string, unknown>) => `${r.type} ${r.direction} ${r.otherId}`;
      const first = (id: string) => rows.filter((r) => r.id === id).map(key).sort().slice(0, 2);
      expect(first('industrial-internet-security')).toEqual(['PROMOTES IN data-security-law', 'PROMOTES IN made-in-china-2025']);
      expect(first('china')).toEqual(['APPLIES_TO IN cybersecurity-law', 'PART_OF IN beijing']);
    },
  },
  {
    query: 'relationsOf',
    title: 'with a limit and a direction: at least the first of that direction of each entity (all of both on Kùzu)',
    params: { outIds: ['china', 'venustech'], inIds: ['china', 'venustech'], limit: 1, direction: 'IN' },
    check: (rows) => {
      const first = (id: string) => rows.filter((r) => r.id === id && r.direction === 'IN').map((r) => `${r.type} ${r.otherId}`).sort().slice(0, 1);
      expect(first('china')).toEqual(['APPLIES_TO cybersecurity-law']);
      expect(first('venustech')).toEqual([]);
    },
  },
  {
    query: 'sourcesByIds',
    params: { ids: ['src-004', 'src-001', 'no-such-source'] },
    check: (rows) => {
      expect(rows.map((r) => r.id).sort()).toEqual(['src-001', 'src-004']);
      expect(rows.find((r) => r.id === 'src-004')).toMatchObject({
        title: 'Shanghai to double cyber security industry revenue by 2023', author: 'Zhu Shenshen', kind: 'NEWS',
        written: '2022-01-01', writtenPrecision: 'YEAR', file: '004_403257e2b6081cd1.txt',
      });
    },
  },
  {
    query: 'searchFullText',
    title: 'English words: candidates with the fields search ranks them by, at most $limit per label',
    params: { q: 'data security law', limit: 3 },
    check: (rows) => {
      const policies = rows.filter((r) => r.label === 'Policy');
      expect(policies.length).toBe(3);
      for (const label of ALL) expect(rows.filter((r) => r.label === label).length).toBeLessThanOrEqual(3);
      for (const r of rows) {
        expect(Object.keys(r).sort()).toEqual(['aliases', 'description', 'id', 'label', 'name', 'nameZh']);
        expect(typeof r.name).toBe('string');
      }
    },
  },
  {
    query: 'searchFullText',
    title: 'English words: every entity holding a word is a candidate',
    params: { q: 'data security law', limit: 100 },
    check: (rows) => {
      // Those with the words themselves; an engine may add near forms (Kùzu stems), which the
      // ranking in src/graphql/services/search.ts then leaves out.
      expect(ids(rows)).toEqual(expect.arrayContaining(['cybersecurity-law', 'cybersecurity-law-draft', 'data-security-law', 'industrial-internet-security']));
      expect(rows.find((r) => r.id === 'data-security-law')).toMatchObject({ label: 'Policy', name: expect.stringMatching(/Data Security Law/) });
    },
  },
  {
    query: 'searchFullText',
    title: 'Chinese bigrams find the Chinese name',
    params: { q: '数据 据安 安全 全法', limit: 100 },
    check: (rows) => {
      expect(ids(rows)).toContain('data-security-law');
      expect(ids(rows)).toContain('cybersecurity-law');
    },
  },
  {
    query: 'searchExact',
    title: 'an alias, any case',
    params: { key: exactSearchKey('CSL')!, types: ALL },
    check: (rows) => expect(rows).toEqual([{ id: 'cybersecurity-law', label: 'Policy' }]),
  },
  {
    query: 'searchExact',
    title: 'a Chinese name, an id, and the type filter',
    params: { key: exactSearchKey('启明星辰')!, types: ['Firm'] },
    check: (rows) => expect(rows).toEqual([{ id: 'venustech', label: 'Firm' }]),
  },
  {
    query: 'searchExact',
    title: 'an id, but not part of a name (the keys are whole)',
    params: { key: exactSearchKey('cybersecurity-law')!, types: ALL },
    check: (rows) => expect(rows).toEqual([{ id: 'cybersecurity-law', label: 'Policy' }]),
  },
  {
    query: 'searchExact',
    title: 'a word of a name is not the name',
    params: { key: exactSearchKey('cybersecurity')!, types: ALL },
    check: (rows) => expect(rows).toEqual([]),
  },
  {
    query: 'searchExact',
    title: 'the type filter leaves out other labels',
    params: { key: exactSearchKey('venustech')!, types: ['Policy', 'Agency'] },
    check: (rows) => expect(rows).toEqual([]),
  },
  {
    query: 'policiesPage',
    title: 'every policy in date order (issued, else effective)',
    params: { ...noFilter, afterDate: null, afterId: null, limit: 10 },
    check: (rows) => {
      expect(rows).toEqual([
        { id: 'made-in-china-2025', sortDate: '2015-01-01' },
        { id: 'cybersecurity-law-draft', sortDate: '2015-07-01' },
        { id: 'cybersecurity-law', sortDate: '2017-01-01' },
        { id: 'data-security-law', sortDate: '2021-01-01' },
      ]);
    },
  },
  {
    query: 'policiesPage',
    title: 'the page after a cursor',
    params: { ...noFilter, afterDate: '2015-07-01', afterId: 'cybersecurity-law-draft', limit: 1 },
    check: (rows) => expect(ids(rows)).toEqual(['cybersecurity-law']),
  },
  {
    query: 'policiesPage',
    title: 'sector filter takes in sub-sectors; kind filter',
    params: { ...noFilter, sectorId: 'cybersecurity-industry', kinds: ['LAW'], anyKind: false, afterDate: null, afterId: null, limit: 10 },
    check: (rows) => expect(ids(rows)).toEqual(['cybersecurity-law', 'data-security-law']),
  },
  {
    query: 'policiesPage',
    title: 'a year date counts when its year reaches into the range; issuer, jurisdiction, text',
    params: {
      ...noFilter, from: '2017-06-01', fromMonth: '2017-06-01', fromYear: '2017-01-01', to: '2020-12-31',
      jurisdictionId: 'china', text: 'cybersecurity', afterDate: null, afterId: null, limit: 10,
    },
    check: (rows) => expect(ids(rows)).toEqual(['cybersecurity-law']),
  },
  {
    query: 'policiesCount',
    title: 'counts what the pages hold',
    params: noFilter,
    check: (rows) => expect(rows).toEqual([{ total: 4 }]),
  },
  {
    query: 'policiesCount',
    title: 'with filters',
    params: { ...noFilter, issuerId: 'state-council' },
    check: (rows) => expect(rows).toEqual([{ total: 1 }]),
  },
  {
    query: 'timelineEntityFacts',
    title: 'every dated field of every entity, in date order',
    params: { types: ['Policy', 'Agency', 'Firm', 'Event'], ...noRange, ...noScope, limit: 100 },
    check: (rows) => {
      expect(rows.map((r) => `${r.date} ${r.precision} ${r.field} ${r.id}`)).toEqual([
        '2014-02-01 MONTH established cyberspace-affairs-office',
        '2014-02-01 MONTH date cyberspace-office-established',
        '2015-01-01 YEAR issued made-in-china-2025',
        '2015-07-01 MONTH issued cybersecurity-law-draft',
        '2016-01-01 YEAR issued made-in-china-2025',
        '2017-01-01 YEAR effective cybersecurity-law',
        '2021-01-01 YEAR effective data-security-law',
        '2022-01-01 YEAR date shanghai-police-baidu-cooperation',
      ]);
      expect(rows[2]).toMatchObject({ label: 'Policy', name: 'Made in China 2025', kind: 'PLAN', alternative: false, bases: 'EXTERNAL' });
      // The other value of its disputed issue date, with its own basis.
      expect(rows[4]).toMatchObject({ id: 'made-in-china-2025', field: 'issued', alternative: true, bases: 'STATED' });
    },
  },
  {
    query: 'timelineEntityFacts',
    title: 'a range: a year date whose year reaches into it counts',
    params: { types: ['Policy', 'Agency', 'Firm', 'Event'], from: '2015-06-01', fromMonth: '2015-06-01', fromYear: '2015-01-01', to: '2017-12-31', ...noScope, limit: 100 },
    check: (rows) => expect(ids(rows)).toEqual(['made-in-china-2025', 'cybersecurity-law-draft', 'made-in-china-2025', 'cybersecurity-law']),
  },
  {
    query: 'timelineEntityFacts',
    title: 'region filter takes in sub-regions (an event in Shanghai is in China)',
    params: { types: ['Policy', 'Agency', 'Firm', 'Event'], ...noRange, ...noScope, regionId: 'china', limit: 100 },
    check: (rows) => expect(ids(rows)).toEqual(['cybersecurity-law', 'shanghai-police-baidu-cooperation']),
  },
  {
    query: 'timelineEntityFacts',
    title: 'sector filter takes in sub-sectors, agency filter, limit',
    params: { types: ['Policy'], ...noRange, ...noScope, sectorId: 'industrial-internet-security', limit: 1 },
    check: (rows) => expect(ids(rows)).toEqual(['made-in-china-2025']),
  },
  {
    query: 'timelineEntityFacts',
    title: 'agency filter: the policies it issued',
    params: { types: ['Policy', 'Agency', 'Event'], ...noRange, ...noScope, agencyId: 'state-council', limit: 100 },
    check: (rows) => expect(rows.map((r) => `${r.date} ${r.field} ${r.id}`)).toEqual(['2015-01-01 issued made-in-china-2025', '2016-01-01 issued made-in-china-2025']),
  },
  {
    query: 'timelineRelationshipFacts',
    title: 'a relationship that began on a date, as a fact of its start entity',
    params: { types: ALL, ...noRange, ...noScope, limit: 100 },
    check: (rows) => {
      expect(rows).toEqual([{
        date: '2021-01-01', precision: 'YEAR', edge: 'START', type: 'PROMOTES', role: null, citeBases: ['INFERRED'], disputes: null,
        id: 'data-security-law', label: 'Policy', name: 'Data Security Law',
        otherId: 'industrial-internet-security', otherName: 'Industrial Internet security',
      }]);
    },
  },
  {
    query: 'timelineRelationshipFacts',
    title: 'type and range filters',
    params: { types: ['Firm'], ...noRange, ...noScope, limit: 100 },
    check: (rows) => expect(rows).toEqual([]),
  },
  {
    query: 'policyDrivers',
    title: 'policies promoting a sector or a sub-sector, oldest first, with the sector each acts on',
    params: { sectorId: 'industrial-internet-security', includeSubsectors: true, limit: 100 },
    check: (rows) => {
      expect(rows.map((r) => `${r.policyId} ${r.type} ${r.policySectorId} ${r.sortDate}`)).toEqual([
        'made-in-china-2025 PROMOTES industrial-internet-security 2015-01-01',
        'data-security-law PROMOTES industrial-internet-security 2021-01-01',
      ]);
    },
  },
  {
    query: 'policyDrivers',
    title: 'REGULATES counts too, from the top of the tree; $limit keeps the oldest policies',
    params: { sectorId: 'cybersecurity-industry', includeSubsectors: true, limit: 2 },
    check: (rows) => {
      expect(rows.map((r) => `${r.policyId} ${r.type} ${r.policySectorId}`)).toEqual([
        'made-in-china-2025 PROMOTES industrial-internet-security',
        'cybersecurity-law REGULATES cybersecurity-industry',
      ]);
    },
  },
  {
    query: 'policyDrivers',
    title: 'the sector alone: policies acting on a sub-sector left out',
    params: { sectorId: 'cybersecurity-industry', includeSubsectors: false, limit: 100 },
    check: (rows) => {
      expect(rows.map((r) => `${r.policyId} ${r.type}`)).toEqual(['cybersecurity-law REGULATES']);
    },
  },
  {
    query: 'sectorFirms',
    title: 'firms under each sector by SUBSECTOR_OF steps, counted, the first by id',
    params: { sectorIds: ['cybersecurity-industry', 'industrial-internet-security'], includeSubsectors: true, perGroup: 100 },
    check: (rows) => {
      expect(rows).toEqual([
        { sectorId: 'cybersecurity-industry', hops: 1, firmCount: 1, firmIds: ['nsfocus'] },
        { sectorId: 'cybersecurity-industry', hops: 2, firmCount: 1, firmIds: ['venustech'] },
        { sectorId: 'industrial-internet-security', hops: 1, firmCount: 1, firmIds: ['venustech'] },
      ]);
    },
  },
  {
    query: 'sectorFirms',
    title: 'the sector alone: no firm operates in industrial-Internet security itself',
    params: { sectorIds: ['industrial-internet-security'], includeSubsectors: false, perGroup: 100 },
    check: (rows) => {
      expect(rows).toEqual([]);
    },
  },
  {
    query: 'sectorFirms',
    title: 'perGroup caps the ids, not the count',
    params: { sectorIds: ['cybersecurity-industry'], includeSubsectors: true, perGroup: 1 },
    check: (rows) => {
      expect(rows.every((r) => (r.firmIds as string[]).length === 1)).toBe(true);
    },
  },
  {
    query: 'firmDrivers',
    title: 'policies acting on a firm\'s sector or a broader one',
    params: { ids: ['venustech', 'nsfocus', 'baidu'] },
    check: (rows) => {
      expect(rows).toEqual([
        { firmId: 'nsfocus', policyId: 'cybersecurity-law' },
        { firmId: 'venustech', policyId: 'cybersecurity-law' },
        { firmId: 'venustech', policyId: 'data-security-law' },
        { firmId: 'venustech', policyId: 'made-in-china-2025' },
      ]);
    },
  },
  {
    query: 'shortestPath',
    title: 'three steps from a plan to a firm, not through sources',
    params: { fromId: 'made-in-china-2025', toId: 'venustech', maxDepth: 4 },
    check: (rows) => {
      expect(rows).toHaveLength(1);
      const path = rows[0]!.ids as string[];
      expect(rows[0]!.length).toBe(3);
      expect(path).toHaveLength(4);
      expect([path[0], path[3]]).toEqual(['made-in-china-2025', 'venustech']);
      expect(path.some((id) => id.startsWith('src-'))).toBe(false);
    },
  },
  {
    query: 'shortestPath',
    title: 'none within maxDepth',
    params: { fromId: 'made-in-china-2025', toId: 'venustech', maxDepth: 2 },
    check: (rows) => expect(rows).toEqual([]),
  },
  {
    query: 'shortestPath',
    title: 'none at all: Kevin Zhou is linked only to the source he wrote',
    params: { fromId: 'kevin-zhou', toId: 'venustech', maxDepth: 8 },
    check: (rows) => expect(rows).toEqual([]),
  },
  {
    query: 'shortestPath',
    title: 'through the State Council when it is the shortest way',
    params: { fromId: 'made-in-china-2025', toId: 'beijing', maxDepth: 8 },
    check: (rows) => expect(rows).toEqual([{ ids: ['made-in-china-2025', 'state-council', 'beijing'], length: 2 }]),
  },
  {
    query: 'indicators',
    title: 'all, by year, with subject and sector',
    params: { subjectId: null, sectorId: null, metric: null, kinds: [...ENUMS.IndicatorKind], limit: 100 },
    check: (rows) => {
      expect(rows.map((r) => `${r.year} ${r.id} ${r.subjectId} ${r.sectorId}`)).toEqual([
        '2023 shanghai-revenue-2023-target shanghai cybersecurity-industry',
        '2027 china-market-2027-forecast china cybersecurity-industry',
      ]);
      expect(rows[1]).toMatchObject({ metric: 'market size', value: 25, unit: 'USD billion', kind: 'FORECAST', citeSources: ['src-000'] });
    },
  },
  {
    query: 'indicators',
    title: 'filters: subject, metric (lower case), kinds',
    params: { subjectId: 'china', sectorId: 'cybersecurity-industry', metric: 'market size', kinds: ['FORECAST'], limit: 100 },
    check: (rows) => expect(ids(rows)).toEqual(['china-market-2027-forecast']),
  },
  {
    query: 'indicators',
    title: 'a kind no indicator has',
    params: { subjectId: null, sectorId: null, metric: null, kinds: ['ACTUAL'], limit: 100 },
    check: (rows) => expect(rows).toEqual([]),
  },
];
