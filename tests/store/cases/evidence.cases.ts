import { expect } from 'vitest';
import { BASES } from '../../../src/model.js';
import { evidenceQueryName, loadCatalogue } from '../../../src/store/catalogue.js';
import type { Row } from '../../../src/store/port.js';
import type { CatalogueCase } from '../catalogue-case.js';

/**
 * The evidence expansions of the walking queries (`@each evidence`, see src/store/catalogue.ts)
 * on the fixture graph, which holds one INFERRED relationship (the Data Security Law PROMOTES
 * industrial-Internet security since 2021), one EXTERNAL one (Made in China 2025 ISSUED_BY the
 * State Council, cited to the official notice) and one date backed only by an EXTERNAL citation
 * (Made in China 2025 issued 2015); everything else is STATED.
 */
const ALL = ['Policy', 'Agency', 'Firm', 'Region', 'Sector', 'Event', 'Person'];
const noScope = { regionId: null, sectorId: null, agencyId: null };
const noRange = { from: null, fromMonth: null, fromYear: null, to: null };
const key = (r: Row) => `${r.id} ${r.direction} ${r.type} ${r.otherId}`;
const dsl = { outIds: ['data-security-law', 'made-in-china-2025'], inIds: ['data-security-law', 'made-in-china-2025'], limit: null, direction: null };

export const cases: CatalogueCase[] = [
  {
    query: 'relationsOf.STATED',
    title: 'only relationships with a STATED citation: the inferred and the external one left out',
    params: dsl,
    check: (rows) => {
      expect(rows.map(key)).not.toContain('data-security-law OUT PROMOTES industrial-internet-security');
      expect(rows.map(key)).not.toContain('made-in-china-2025 OUT ISSUED_BY state-council');
      expect(rows.map(key)).toContain('data-security-law OUT BASED_ON cybersecurity-law');
      for (const r of rows) expect(r.citeBases).toContain('STATED');
    },
  },
  {
    query: 'relationsOf.EXTERNAL',
    title: 'only what an official origin gives',
    params: dsl,
    check: (rows) => expect(rows.map(key)).toEqual(['made-in-china-2025 OUT ISSUED_BY state-council']),
  },
  {
    query: 'relationsOf.INFERRED_EXTERNAL',
    title: 'two bases: either one will do',
    params: dsl,
    check: (rows) => expect(rows.map(key).sort()).toEqual([
      'data-security-law OUT PROMOTES industrial-internet-security', 'made-in-china-2025 OUT ISSUED_BY state-council',
    ]),
  },
  {
    query: 'timelineEntityFacts.STATED',
    title: 'a date only an official origin gives is left out; the stated other value of the disputed date stays',
    params: { types: ALL.filter((l) => ['Policy', 'Agency', 'Firm', 'Event'].includes(l)), ...noRange, ...noScope, limit: 100 },
    check: (rows) => {
      const mic = rows.filter((r) => r.id === 'made-in-china-2025').map((r) => `${r.field} ${r.date} ${r.alternative}`);
      expect(mic).toEqual(['issued 2016-01-01 true']);
      expect(rows.map((r) => `${r.id} ${r.field}`)).toContain('cybersecurity-law-draft issued');
      for (const r of rows) expect(String(r.bases)).toContain('STATED');
    },
  },
  {
    query: 'timelineEntityFacts.EXTERNAL',
    title: 'and kept when EXTERNAL is asked for',
    params: { types: ['Policy'], ...noRange, ...noScope, limit: 100 },
    check: (rows) => expect(rows.map((r) => `${r.id} ${r.field} ${r.date} ${r.bases}`)).toEqual(['made-in-china-2025 issued 2015-01-01 EXTERNAL']),
  },
  {
    query: 'timelineRelationshipFacts.STATED',
    title: 'the inferred PROMOTES since 2021 is no stated fact',
    params: { types: ALL, ...noRange, ...noScope, limit: 100 },
    check: (rows) => expect(rows).toEqual([]),
  },
  {
    query: 'policyDrivers.STATED',
    title: 'the inferred PROMOTES does not drive',
    params: { sectorId: 'industrial-internet-security', includeSubsectors: true, limit: 100 },
    check: (rows) => expect(rows.map((r) => `${r.policyId} ${r.type} ${r.policySectorId}`)).toEqual([
      'made-in-china-2025 PROMOTES industrial-internet-security',
    ]),
  },
  {
    query: 'policyDrivers.INFERRED',
    title: 'only the inferred one',
    params: { sectorId: 'industrial-internet-security', includeSubsectors: true, limit: 100 },
    check: (rows) => expect(rows.map((r) => r.policyId)).toEqual(['data-security-law']),
  },
];

/**
 * Every other expansion runs with parameters like its base case's and keeps to its bases:
 * every row with citations or date bases shows one of them.
 */
const BASE_PARAMS: Record<string, Record<string, unknown>> = {
  relationsOf: { outIds: ['industrial-internet-security', 'made-in-china-2025'], inIds: ['industrial-internet-security', 'made-in-china-2025'], limit: null, direction: null },
  policyDrivers: { sectorId: 'cybersecurity-industry', includeSubsectors: true, limit: 100 },
  sectorFirms: { sectorIds: ['cybersecurity-industry', 'industrial-internet-security'], includeSubsectors: true, perGroup: 100 },
  timelineEntityFacts: { types: ['Policy', 'Agency', 'Firm', 'Event'], ...noRange, ...noScope, limit: 100 },
  timelineRelationshipFacts: { types: ALL, ...noRange, ...noScope, limit: 100 },
};
const named = new Set(cases.map((c) => c.query));
const expansions = [...loadCatalogue().keys()].filter((n) => n.includes('.') && n.split('.')[0]! in BASE_PARAMS);
for (const name of expansions) {
  if (named.has(name)) continue;
  const base = name.split('.')[0]!;
  const bases = name.split('.')[1]!.split('_');
  expect(evidenceQueryName(base, bases)).toBe(name);
  cases.push({
    query: name,
    title: `keeps to ${bases.join(', ')} (${BASES.length - bases.length} basis left out)`,
    params: BASE_PARAMS[base],
    check: (rows) => {
      for (const r of rows) {
        if (Array.isArray(r.citeBases)) expect(bases.some((b) => (r.citeBases as string[]).includes(b))).toBe(true);
        if (typeof r.bases === 'string') expect(bases.some((b) => (r.bases as string).includes(b))).toBe(true);
      }
    },
  });
}
