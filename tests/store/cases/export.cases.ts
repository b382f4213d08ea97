import { expect } from 'vitest';
import type { CatalogueCase } from '../catalogue-case.js';

/** Counts of tests/fixtures/graph: 27 nodes and 47 relationships (22 of them CITED_IN). */
export const cases: CatalogueCase[] = [
  {
    query: 'exportNodes',
    title: 'the whole graph in one page, in id order, every label',
    params: { skip: 0, limit: 1000 },
    check: (rows) => {
      expect(rows).toHaveLength(27);
      const ids = rows.map((r) => r.id as string);
      expect(ids).toEqual([...ids].sort());
      const byLabel: Record<string, number> = {};
      for (const r of rows) byLabel[r.label as string] = (byLabel[r.label as string] ?? 0) + 1;
      expect(byLabel).toEqual({ Agency: 2, Event: 2, Firm: 3, Indicator: 2, Person: 1, Policy: 4, Region: 3, Sector: 5, Source: 5 });
      const csl = rows.find((r) => r.id === 'cybersecurity-law')!;
      expect(csl).toMatchObject({
        label: 'Policy', name: 'Cybersecurity Law', nameZh: '网络安全法', aliases: ['CSL'], kind: 'LAW', status: 'IN_FORCE',
        effective: '2017-01-01', effectivePrecision: 'YEAR', issued: null,
        citeSources: ['src-000'], citeLocators: ['The Regulatory Push'], citeNotes: ['One of the two legal bases of the industry.'],
      });
      expect(rows.find((r) => r.id === 'cyberspace-affairs-office')).toMatchObject({ established: '2014-02-01', establishedPrecision: 'MONTH' });
      expect(rows.find((r) => r.id === 'shanghai-police-baidu-cooperation')).toMatchObject({ label: 'Event', date: '2022-01-01', datePrecision: 'YEAR' });
      expect(rows.find((r) => r.id === 'china-market-2027-forecast')).toMatchObject({
        label: 'Indicator', metric: 'market size', value: 25, unit: 'USD billion', year: 2027, kind: 'FORECAST',
      });
      expect(rows.find((r) => r.id === 'src-004')).toMatchObject({
        label: 'Source', name: 'Shanghai to double cyber security industry revenue by 2023', author: 'Zhu Shenshen',
        written: '2022-01-01', writtenPrecision: 'YEAR', kind: 'NEWS',
      });
    },
  },
  {
    query: 'exportNodes',
    title: 'pages do not overlap and end empty',
    params: { skip: 10, limit: 10 },
    check: (rows) => {
      expect(rows.map((r) => r.id)).toEqual([
        'industrial-control-system-security', 'industrial-internet-security', 'kevin-zhou', 'made-in-china-2025', 'nsfocus',
        'off-gov-mic2025', 'shanghai', 'shanghai-police-baidu-cooperation', 'shanghai-revenue-2023-target', 'src-000',
      ]);
    },
  },
  {
    query: 'exportNodes',
    title: 'past the end',
    params: { skip: 27, limit: 10 },
    check: (rows) => expect(rows).toEqual([]),
  },
  {
    query: 'exportRelationships',
    title: 'every relationship with its dates, role and citations',
    params: { skip: 0, limit: 1000 },
    check: (rows) => {
      expect(rows).toHaveLength(47);
      expect(rows.filter((r) => r.type === 'CITED_IN')).toHaveLength(22);
      const keys = rows.map((r) => [r.source, r.type, r.target] as string[]);
      const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
      const order = (a: string[], b: string[]) => cmp(a[0]!, b[0]!) || cmp(a[1]!, b[1]!) || cmp(a[2]!, b[2]!);
      expect(keys).toEqual([...keys].sort(order));
      expect(rows.find((r) => r.source === 'data-security-law' && r.type === 'PROMOTES')).toMatchObject({
        target: 'industrial-internet-security', since: '2021-01-01', sincePrecision: 'YEAR', until: null,
        citeSources: ['src-000'], citeLocators: ['The Regulatory Push'], citeBases: ['INFERRED'],
      });
      expect(rows.find((r) => r.source === 'made-in-china-2025' && r.type === 'ISSUED_BY')).toMatchObject({
        target: 'state-council', citeSources: ['off-gov-mic2025'], citeBases: ['EXTERNAL'],
      });
      expect(rows.find((r) => r.source === 'shanghai-police-baidu-cooperation' && r.type === 'INVOLVES')).toMatchObject({
        target: 'baidu', role: 'partner',
      });
      expect(rows.find((r) => r.source === 'china-market-2027-forecast' && r.type === 'MEASURES')).toMatchObject({ target: 'china' });
    },
  },
  {
    query: 'exportRelationships',
    title: 'a second page continues the first',
    params: { skip: 40, limit: 40 },
    check: (rows) => expect(rows).toHaveLength(7),
  },
];

cases.push({
  query: 'exportFacets',
  title: 'regions, sectors and agencies by name',
  check: (rows) => {
    expect(rows.map((r) => `${r.label as string}:${r.id as string}`)).toEqual([
      'Agency:cyberspace-affairs-office', 'Agency:state-council',
      'Region:beijing', 'Region:china', 'Region:shanghai',
      'Sector:cybersecurity-industry', 'Sector:industrial-internet-security', 'Sector:industrial-control-system-security',
      'Sector:telecom-fraud-prevention', 'Sector:threat-intelligence',
    ]);
    expect(rows[0]).toEqual({ id: 'cyberspace-affairs-office', label: 'Agency', name: 'Office of the Central Leading Group for Cyberspace Affairs' });
  },
});
