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

const OK_CITE = '  cite: [{ source: src-000, locator: x, note: y }]\n';

describe('seed validation', () => {
  it('accepts the fixture', () => {
    expect(problemsOf(FIXTURE_DIR)).toEqual([]);
  });

  const cases: [string, string, string, RegExp][] = [
    ['an unknown field', 'firms.yaml', `- id: acme\n  name: Acme\n  colour: red\n${OK_CITE}`, /firms\.yaml:\d+ \(acme\): unknown field "colour"/],
    ['a duplicate id', 'firms.yaml', `- id: venustech\n  name: Venustech Two\n${OK_CITE}`, /firms\.yaml:\d+ \(venustech\): duplicate id "venustech" \(first defined in .*firms\.yaml:1\)/],
    ['a dangling reference', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OPERATES_IN\n      to: no-such-sector\n      cite: [{ source: src-000, locator: x, note: y }]\n`, /\(acme\): relation 1: "to" refers to unknown id "no-such-sector"/],
    ['a bad date', 'events.yaml', `- id: ev\n  name: Ev\n  kind: INCIDENT\n  date: 2019-02-30\n${OK_CITE}`, /\(ev\): "date": 2019-02-30 is not a real date/],
    ['a date in another form', 'events.yaml', `- id: ev\n  name: Ev\n  kind: INCIDENT\n  date: March 2019\n${OK_CITE}`, /\(ev\): "date": a date must be written YYYY, YYYY-MM or YYYY-MM-DD/],
    ['an unknown source id', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-999, locator: x, note: y }]\n`, /\(acme\): cite: unknown source id "src-999"/],
    ['an entity without a citation', 'firms.yaml', `- id: acme\n  name: Acme\n`, /\(acme\): missing required field "cite"/],
    ['a relationship without a citation', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OPERATES_IN\n      to: threat-intelligence\n`, /\(acme\): relation 1 \(OPERATES_IN → threat-intelligence\): needs at least one citation/],
    ['a citation without a note', 'firms.yaml', `- id: acme\n  name: Acme\n  cite: [{ source: src-000, locator: x }]\n`, /\(acme\): cite: a citation needs a short note/],
    ['a relationship between the wrong labels', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OPERATES_IN\n      to: china\n      cite: [{ source: src-000, locator: x, note: y }]\n`, /OPERATES_IN cannot go from a Firm to a Region/],
    ['an unknown relationship type', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: OWNS\n      to: baidu\n      cite: [{ source: src-000, locator: x, note: y }]\n`, /unknown relationship type "OWNS"/],
    ['a derived relationship written by hand', 'firms.yaml', `- id: acme\n  name: Acme\n${OK_CITE}  relations:\n    - type: CITED_IN\n      to: src-000\n      cite: [{ source: src-000, locator: x, note: y }]\n`, /CITED_IN is derived by the loader/],
    ['a value outside its enum', 'policies.yaml', `- id: p\n  name: P\n  kind: EDICT\n${OK_CITE}`, /\(p\): "kind" must be one of LAW, /],
    ['a bad id', 'firms.yaml', `- id: Acme Corp\n  name: Acme\n${OK_CITE}`, /id must be a slug/],
    ['a name another entity already has', 'firms.yaml', `- id: acme\n  name: Acme\n  aliases: [nsfocus]\n${OK_CITE}`, /name or alias "nsfocus" is also used by "nsfocus"/],
    ['an indicator about an unknown subject', 'indicators.yaml', `- id: i\n  metric: m\n  value: 1\n  unit: u\n  year: 2020\n  kind: ACTUAL\n  subject: nowhere\n${OK_CITE}`, /\(i\): "subject" refers to unknown id "nowhere"/],
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
