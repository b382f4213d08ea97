/**
 * Every class of bad seed record is reported with its file, line and record, all at once,
 * and a folder with any problem loads nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedFolder } from '../../src/seeds/index.js';
import { formatProblem } from '../../src/seeds/validate.js';
import { parseSeedDate } from '../../src/seeds/dates.js';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';
import { brokenFixture } from '../helpers/seed-folders.js';

function problemsOf(dir: string): string[] {
  return checkSeedFolder(dir).problems.map(formatProblem);
}

const OK_CITE = '  cite: [{ source: src-000, basis: STATED, locator: x, note: y }]\n';

describe('seed validation', () => {
  it('accepts the fixture', () => {
    expect(problemsOf(FIXTURE_DIR)).toEqual([]);
  });

  const cases: [string, string, string, RegExp][] = [
    ['an unknown field', 'firms.yaml', `- id: acme\n  name: Acme\n  colour: red\n${OK_CITE}`, /firms\.yaml:\d+ \(acme\): unknown field "colour"/],
    ['a duplicate id', 'firms.yaml', `- id: venustech\n  name: Venustech Two\n${OK_CITE}`, /firms\.yaml:\d+ \(venustech\): duplicate id "venustech" \(first defined in .*firms\.yaml:1\)/],
    ['a dangling reference', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OPERATES_IN\n      to: no-such-sector\n      cite: [{ source: src-000, basis: STATED, locator: x, note: y }]\n`, /\(acme\): relation 1: "to" refers to unknown id "no-such-sector"/],
    ['a bad date', 'events.yaml', `- id: ev\n  name: Ev\n  kind: INCIDENT\n  date: 2019-02-30\n${OK_CITE}`, /\(ev\): "date": 2019-02-30 is not a real date/],
    ['a date in another form', 'events.yaml', `- id: ev\n  name: Ev\n  kind: INCIDENT\n  date: March 2019\n${OK_CITE}`, /\(ev\): "date": a date must be written YYYY, YYYY-MM or YYYY-MM-DD/],
    ['an unknown source id', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-999, basis: STATED, locator: x, note: y }]\n`, /\(acme\): cite: unknown source id "src-999"/],
    ['an entity without a citation', 'firms.yaml', `- id: acme\n  name: Acme\n`, /\(acme\): missing required field "cite"/],
    ['a relationship without a citation', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OPERATES_IN\n      to: threat-intelligence\n`, /\(acme\): relation 1 \(OPERATES_IN → threat-intelligence\): needs at least one citation/],
    ['a citation without a note', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-000, basis: STATED, locator: x }]\n`, /\(acme\): cite: a citation needs a short note/],
    ['a relationship between the wrong labels', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OPERATES_IN\n      to: china\n      cite: [{ source: src-000, basis: STATED, locator: x, note: y }]\n`, /OPERATES_IN cannot go from a Firm to a Region/],
    ['an unknown relationship type', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OWNS\n      to: baidu\n      cite: [{ source: src-000, basis: STATED, locator: x, note: y }]\n`, /unknown relationship type "OWNS"/],
    ['a derived relationship written by hand', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: CITED_IN\n      to: src-000\n      cite: [{ source: src-000, basis: STATED, locator: x, note: y }]\n`, /CITED_IN is derived by the loader/],
    ['a value outside its enum', 'policies.yaml', `- id: p\n  name: P\n  kind: EDICT\n${OK_CITE}`, /\(p\): "kind" must be one of LAW, /],
    ['a bad id', 'firms.yaml', `- id: Acme Corp\n  name: Acme\n${OK_CITE}`, /id must be a slug/],
    ['a name another entity already has', 'firms.yaml', `- id: acme\n  name: Acme\n  aliases: [nsfocus]\n${OK_CITE}`, /name or alias "nsfocus" is also used by "nsfocus"/],
    ['an indicator about an unknown subject', 'indicators.yaml', `- id: i\n  metric: m\n  value: 1\n  unit: u\n  year: 2020\n  kind: ACTUAL\n  subject: nowhere\n${OK_CITE}`, /\(i\): "subject" refers to unknown id "nowhere"/],
    ['a citation without a basis', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-000, locator: x, note: y }]\n`, /\(acme\): cite: citation of src-000 needs a basis: STATED, INFERRED, EXTERNAL/],
    ['a relationship citation without a basis', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OPERATES_IN\n      to: threat-intelligence\n      cite: [{ source: src-000, locator: x, note: y }]\n`, /\(acme\): relation 1 \(OPERATES_IN → threat-intelligence\): citation of src-000 needs a basis/],
    ['an unknown basis', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-000, basis: RUMOURED, locator: x, note: y }]\n`, /\(acme\): cite: citation of src-000: unknown basis "RUMOURED" \(use STATED, INFERRED, EXTERNAL\)/],
    ['an EXTERNAL citation of a source document', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-003, basis: EXTERNAL, locator: x, note: y }]\n`, /\(acme\): cite: citation of src-003 is EXTERNAL, but src-003 is one of the source documents/],
    ['a STATED citation of an official origin', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: off-gov-mic2025, basis: STATED, locator: x, note: y }]\n`, /citation of off-gov-mic2025 is STATED, but off-gov-mic2025 is not one of the source documents/],
    ['an INFERRED citation without reasoning', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-000, basis: INFERRED, locator: x, note: "  " }]\n`, /\(acme\): cite: an INFERRED citation of src-000 needs its reasoning in the note/],
    ['a citation giving a date the record lacks', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-000, basis: STATED, dates: [founded], locator: x, note: y }]\n`, /\(acme\): a citation gives "founded" \(dates\), but the record has no founded/],
    ['a citation giving a field that is no date', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-000, basis: STATED, dates: [name], locator: x, note: y }]\n`, /"dates" names "name", which is not a date field here/],
    ['a SUBSECTOR_OF cycle', 'sectors.yaml', `- id: loop-a\n  name: Loop A\n${OK_CITE}  relations:\n    - { type: SUBSECTOR_OF, to: loop-b, cite: [{ source: src-000, basis: STATED, locator: x, note: y }] }\n- id: loop-b\n  name: Loop B\n${OK_CITE}  relations:\n    - { type: SUBSECTOR_OF, to: loop-a, cite: [{ source: src-000, basis: STATED, locator: x, note: y }] }\n`, /sectors\.yaml:\d+ \(loop-b\): SUBSECTOR_OF cycle: loop-a → loop-b → loop-a/],
    ['a PART_OF cycle through existing records', 'regions.yaml', `- id: loop-region\n  name: Loop Region\n  kind: CITY\n${OK_CITE}  relations:\n    - { type: PART_OF, to: loop-region, cite: [{ source: src-000, basis: STATED, locator: x, note: y }] }\n`, /\(loop-region\): PART_OF cycle: loop-region → loop-region/],
    ['a dispute of a field the record lacks', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  disputed:\n    - { field: founded, value: 2001, cite: [{ source: src-000, basis: STATED, locator: x, note: y }] }\n`, /\(acme\): disputed 1: the record has no founded to dispute/],
    ['a dispute repeating the record\'s value', 'firms.yaml', `- id: acme\n  name: Acme\n  founded: 2001\n${OK_CITE}  disputed:\n    - { field: founded, value: 2001, cite: [{ source: src-000, basis: STATED, locator: x, note: y }] }\n`, /disputed 1: "value" is the record's own founded/],
    ['two disputed dates on one record', 'events.yaml', `- id: ev\n  name: Ev\n  kind: INCIDENT\n  date: 2019\n  ended: 2020\n${OK_CITE}  disputed:\n    - { field: date, value: 2018, cite: [{ source: src-000, basis: STATED, locator: x, note: y }] }\n    - { field: ended, value: 2021, cite: [{ source: src-000, basis: STATED, locator: x, note: y }] }\n`, /\(ev\): one disputed date per record \(got date, ended\)/],
    ['a dispute without a basis', 'firms.yaml', `- id: acme\n  name: Acme\n  founded: 2001\n${OK_CITE}  disputed:\n    - { field: founded, value: 2002, cite: [{ source: src-000, locator: x, note: y }] }\n`, /disputed 1: cite: citation of src-000 needs a basis/],
    ['an indicator series mixing units', 'indicators.yaml', `- id: i2\n  metric: market size\n  value: 1\n  unit: EUR billion\n  year: 2030\n  kind: FORECAST\n  subject: china\n  sector: cybersecurity-industry\n${OK_CITE}`, /\(i2\): series "market size" of china \(cybersecurity-industry\) mixes units: "EUR billion" here/],
    ['a rating on a figure', 'indicators.yaml', `- id: i3\n  metric: m\n  value: 3\n  unit: level\n  year: 2020\n  kind: ACTUAL\n  rating: HIGH\n  subject: china\n${OK_CITE}`, /\(i3\): only an ASSESSMENT has a rating/],
    ['an assessment whose value does not match its rating', 'indicators.yaml', `- id: i4\n  metric: m\n  value: 2\n  unit: level\n  year: 2020\n  kind: ASSESSMENT\n  period: UNDATED\n  rating: HIGH\n  subject: china\n${OK_CITE}`, /\(i4\): a HIGH rating has the value 3 \(got 2\)/],
    ['a vintage on an actual figure', 'indicators.yaml', `- id: i5\n  metric: m\n  value: 2\n  unit: u\n  year: 2020\n  kind: ACTUAL\n  vintage: 2019\n  subject: china\n${OK_CITE}`, /\(i5\): only a FORECAST or TARGET has a vintage/],
    ['an unknown qualifier', 'indicators.yaml', `- id: i6\n  metric: m\n  value: 2\n  unit: u\n  year: 2020\n  kind: ACTUAL\n  qualifier: ROUGHLY\n  subject: china\n${OK_CITE}`, /\(i6\): "qualifier" must be one of EXACT, AT_LEAST, AT_MOST, APPROXIMATE/],
    ['broken YAML', 'firms.yaml', `- id: acme\n  name: [unclosed\n`, /firms\.yaml:\d+: YAML: /],
  ];

  for (const [what, file, extra, expected] of cases) {
    it(`reports ${what} with file, line and record`, () => {
      const { dir, line } = brokenFixture(file, extra);
      const problems = problemsOf(dir);
      expect(problems.length).toBeGreaterThan(0);
      const hit = problems.find((p) => expected.test(p));
      expect(hit, problems.join('\n')).toBeDefined();
      const reportedLine = Number(/\.yaml:(\d+)/.exec(hit!)![1]);
      if (!/duplicate|YAML/.test(what)) expect(reportedLine).toBeGreaterThanOrEqual(line);
    });
  }

  it('reports every problem at once, not just the first', () => {
    const { dir } = brokenFixture('firms.yaml', `- id: acme\n  name: Acme\n  colour: red\n- id: acme2\n  name: Acme 2\n`);
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.includes('colour'))).toBe(true);
    expect(problems.some((p) => p.includes('(acme2)') && p.includes('cite'))).toBe(true);
  });

  it('rejects a file whose name names no label', () => {
    const { dir } = brokenFixture('firms.yaml', '');
    writeFileSync(join(dir, 'companies.yaml'), '[]\n');
    expect(problemsOf(dir).join('\n')).toMatch(/companies\.yaml:1: file name does not start with one of/);
  });
});

describe('seed dates', () => {
  it('read their precision from their form', () => {
    expect(parseSeedDate(2017)).toEqual({ date: '2017-01-01', precision: 'YEAR' });
    expect(parseSeedDate('2015-07')).toEqual({ date: '2015-07-01', precision: 'MONTH' });
    expect(parseSeedDate('2016-11-07')).toEqual({ date: '2016-11-07', precision: 'DAY' });
    expect(parseSeedDate('2015-13')).toMatch(/not a real date/);
  });
});
