/**
 * `graph ingest` and `graph accept` as a researcher runs them (the compiled CLI, npm test
 * builds first), on documents the tests write: text, Markdown, HTML, PDF, Chinese PDF; and
 * every kind of bad input, each refused with one line naming the file, a non-zero exit and
 * nothing written.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { FIXTURE_DIR } from '../helpers/fixture-store.js';
import { chinesePdf, drawingOnlyPdf, passwordPdf, textPdf } from './pdf-files.js';

function graph(...args: string[]) {
  const run = spawnSync(process.execPath, [projectPath('dist/src/cli.js'), ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NEO4J_URI: '' } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let seeds: string;
let docs: string;
const COMMENT = '# Firms of the fixture: this comment must survive an accept.\n';

beforeEach(() => {
  seeds = mkdtempSync(join(tmpdir(), 'ingest-seeds-'));
  cpSync(FIXTURE_DIR, seeds, { recursive: true });
  writeFileSync(join(seeds, 'firms.yaml'), COMMENT + readFileSync(join(seeds, 'firms.yaml'), 'utf8'));
  docs = mkdtempSync(join(tmpdir(), 'ingest-docs-'));
});

const doc = (name: string, content: string | Buffer) => {
  const path = join(docs, name);
  writeFileSync(path, content);
  return path;
};
const snapshot = () => Object.fromEntries(readdirSync(seeds, { recursive: true }).map(String).sort().map((f) => [f, existsSync(join(seeds, f)) && !f.endsWith('proposals') ? readFileSync(join(seeds, f), 'utf8') : '']));
const json = (file: string, ...more: string[]) => {
  const r = graph('ingest', file, '--source', 'src-900', '--dir', seeds, '--json', ...more);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
};
const mentioned = (j: { mentions: { entityId: string }[] }) => [...new Set(j.mentions.map((m) => m.entityId))].sort();

const ENGLISH = [
  'Venustech and NSFOCUS lead in threat intelligence, the report says.',
  '',
  'The Cybersecurity Law took effect on 1 June 2017. The Shanghai Data Guard Measures were issued by the State Council in March 2022.',
  '',
  'Beijing firms earned 12.5 billion yuan in 2021.',
].join('\n');

describe('graph ingest --json', () => {
  it('reads plain text', () => {
    const j = json(doc('report.txt', ENGLISH));
    expect(j.source).toBe('src-900');
    expect(j.paragraphs).toBe(3);
    expect(mentioned(j)).toEqual(['beijing', 'cybersecurity-law', 'nsfocus', 'shanghai', 'state-council', 'threat-intelligence', 'venustech']);
    expect(j.candidates.map((c: { name: string }) => c.name)).toContain('Shanghai Data Guard Measures');
    expect(j.dates).toContainEqual({ text: '1 June 2017', date: '2017-06-01', precision: 'DAY', about: 'cybersecurity-law', event: 'EFFECTIVE', paragraph: 2 });
    expect(j.figures).toContainEqual({ text: '12.5 billion yuan', value: 12.5, unit: 'CNY billion', year: 2021, kind: 'ACTUAL', paragraph: 3 });
    expect(j.relations).toContainEqual(expect.objectContaining({ type: 'ISSUED_BY', from: 'shanghai-data-guard-measures', to: 'state-council', paragraph: 2 }));
  });

  it('reads Markdown without its markup', () => {
    const j = json(doc('notes.md', '# The **Data Security Law**\n\n- [Venustech](https://example.org) grew in *2021*.\n'));
    expect(mentioned(j)).toEqual(['data-security-law', 'venustech']);
    expect(j.mentions[0].text).toBe('Data Security Law');
  });

  it('reads HTML, dropping scripts, styles and navigation', () => {
    const html = `<!doctype html><html><head><title>x</title><style>.NSFOCUS{}</style></head><body>
      <nav><a href="/">Baidu</a></nav><header>Beijing news</header>
      <article><h1>Data &amp; law</h1><p>The Data Security Law shapes <b>Venustech</b>.</p><p>Shanghai&#8217;s firms grew.</p></article>
      <script>var s = "State Council";</script><footer>China</footer></body></html>`;
    const j = json(doc('page.html', html));
    expect(mentioned(j)).toEqual(['data-security-law', 'shanghai', 'venustech']);
    expect(j.paragraphs).toBe(3);
  });

  it('reads the text layer of a PDF', () => {
    const j = json(doc('report.pdf', textPdf(['The Cybersecurity Law took effect on', '1 June 2017, says Venustech.'])));
    expect(mentioned(j)).toEqual(['cybersecurity-law', 'venustech']);
    expect(j.dates[0]).toMatchObject({ date: '2017-06-01', precision: 'DAY', about: 'cybersecurity-law' });
  });

  it('reads Chinese from a PDF', () => {
    const j = json(doc('zh.pdf', chinesePdf('数据安全法于2021年9月1日起施行，启明星辰在北京。')));
    expect(mentioned(j)).toEqual(['beijing', 'data-security-law', 'venustech']);
    expect(j.dates).toEqual([{ text: '2021年9月1日', date: '2021-09-01', precision: 'DAY', about: 'data-security-law', event: 'EFFECTIVE', paragraph: 1 }]);
  });
});

/** Sets accept and note on the proposal of `section` whose `key` is `value`; returns the file's new text. */
function decide(file: string, section: string, key: string, value: string, note: string | null, edit: Record<string, unknown> = {}) {
  const d = parseDocument(readFileSync(file, 'utf8'));
  const items = (d.get(section) as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] }).items;
  const item = items.find((i) => i.get(key) === value);
  if (!item) throw new Error(`no ${section} proposal with ${key} ${value}`);
  item.set('accept', true);
  if (note !== null) item.set('note', note);
  for (const [k, v] of Object.entries(edit)) item.set(k, v);
  writeFileSync(file, d.toString());
}

describe('review file and graph accept', () => {
  it('writes a review file, and accept merges the accepted proposals into the seeds, keeping their comments', () => {
    const r = graph('ingest', doc('report.txt', ENGLISH), '--source', 'src-900', '--title', 'A test report', '--written', '2022-05', '--dir', seeds);
    expect(r.code).toBe(0);
    const review = join(seeds, 'proposals', 'src-900.yaml');
    expect(r.out).toContain(review);
    const parsed = parseDocument(readFileSync(review, 'utf8')).toJSON();
    expect(parsed.source).toEqual({ id: 'src-900', title: 'A test report', kind: 'ARTICLE', written: '2022-05', file: 'report.txt' });
    for (const section of ['mentions', 'candidates', 'dates', 'figures', 'relations']) {
      expect(parsed[section].length).toBeGreaterThan(0);
      for (const p of parsed[section]) expect(p).toMatchObject({ basis: 'STATED', note: '', accept: false, evidence: { paragraph: expect.any(Number), start: expect.any(Number), end: expect.any(Number) } });
    }
    // The loader never reads the review file.
    expect(graph('validate', '--dir', seeds).code).toBe(0);

    const firmsBefore = readFileSync(join(seeds, 'firms.yaml'), 'utf8');
    decide(review, 'mentions', 'entity', 'venustech', 'Named as a leader in threat intelligence.');
    decide(review, 'candidates', 'name', 'Shanghai Data Guard Measures', 'A city rule on data, issued in 2022.', { status: 'IN_FORCE' });
    decide(review, 'dates', 'about', 'shanghai-data-guard-measures', 'Issued in March 2022.');
    decide(review, 'relations', 'to', 'state-council', 'The State Council issued it.');
    decide(review, 'figures', 'text', '12.5 billion yuan', 'Revenue of Beijing firms in 2021.', { subject: 'beijing', metric: 'revenue' });
    const a = graph('accept', review);
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/accepted 1 mention\(s\), 1 new record\(s\), 1 date\(s\), 1 figure\(s\), 1 relation\(s\)/);

    const firms = readFileSync(join(seeds, 'firms.yaml'), 'utf8');
    expect(firms.startsWith(COMMENT)).toBe(true);
    expect(firms).toContain('- { basis: STATED, source: src-900, locator: "Paragraph 1", note: "Named as a leader in threat intelligence." }');
    // Every line that was there is still there, in order: the edit only inserted.
    const added = firms.split('\n').filter((l) => !firmsBefore.split('\n').includes(l));
    expect(added).toHaveLength(1);
    const policies = readFileSync(join(seeds, 'policies.yaml'), 'utf8');
    expect(policies).toContain([
      '- id: shanghai-data-guard-measures',
      '  name: "Shanghai Data Guard Measures"',
      '  kind: RULES',
      '  status: IN_FORCE',
      '  issued: 2022-03',
      '  cite:',
      '    - { basis: STATED, source: src-900, locator: "Paragraph 2", note: "A city rule on data, issued in 2022." }',
      '    - { basis: STATED, source: src-900, locator: "Paragraph 2", note: "Issued in March 2022.", dates: [issued] }',
      '  relations:',
      '    - type: ISSUED_BY',
      '      to: state-council',
    ].join('\n'));
    expect(readFileSync(join(seeds, 'sources.yaml'), 'utf8')).toContain('- id: src-900\n  title: "A test report"');
    expect(readFileSync(join(seeds, 'indicators.yaml'), 'utf8')).toMatch(/- id: ind-beijing-revenue-2021\n  metric: "?revenue"?\n  value: 12.5\n  unit: "CNY billion"\n  year: 2021\n  kind: ACTUAL\n  subject: beijing/);
    expect(existsSync(review)).toBe(false);
    expect(existsSync(join(seeds, 'proposals', 'src-900.accepted.yaml'))).toBe(true);
    const v = graph('validate', '--dir', seeds);
    expect(v.out + v.err).toMatch(/valid/);
    expect(v.code).toBe(0);
    // The source id is now used: ingesting again under it is refused.
    expect(graph('ingest', doc('again.txt', ENGLISH), '--source', 'src-900', '--dir', seeds).err).toMatch(/already used/);
  });

  it('refuses an accepted proposal without a note, naming the file and line, and writes nothing', () => {
    const review = join(seeds, 'proposals', 'src-901.yaml');
    expect(graph('ingest', doc('r.txt', ENGLISH), '--source', 'src-901', '--dir', seeds).code).toBe(0);
    decide(review, 'mentions', 'entity', 'venustech', null);
    const before = snapshot();
    const r = graph('accept', review);
    expect(r.code).toBe(1);
    // The line of the empty note, where the reviewer has to write.
    const lines = readFileSync(review, 'utf8').split('\n');
    const line = lines.findIndex((l, i) => i > lines.findIndex((x) => x.includes('entity: venustech')) && l.includes('note:')) + 1;
    expect(r.err).toContain(`${review}:${line}: mentions: accepted without a note`);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a review file edited into an invalid state, and writes nothing', () => {
    const review = join(seeds, 'proposals', 'src-902.yaml');
    expect(graph('ingest', doc('r.txt', ENGLISH), '--source', 'src-902', '--dir', seeds).code).toBe(0);
    decide(review, 'relations', 'to', 'state-council', 'Issued by the State Council.', { to: 'no-such-agency' });
    const before = snapshot();
    const unknown = graph('accept', review);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(new RegExp(`${review}:\\d+: relations: "from" and "to" must be known entities`));
    expect(snapshot()).toEqual(before);

    appendFileSync(review, 'figures: [oops\n');
    const beforeBroken = snapshot();
    const broken = graph('accept', review);
    expect(broken.code).toBe(1);
    expect(broken.err.trim().split('\n')).toHaveLength(1);
    expect(broken.err).toMatch(new RegExp(`^graph: ${review}:\\d+: YAML: `));
    expect(snapshot()).toEqual(beforeBroken);
  });
});

describe('bad input to graph ingest: one line naming the file, exit 1, nothing written', () => {
  const refused = (file: string, message: RegExp, ...args: string[]) => {
    const before = snapshot();
    const r = graph('ingest', file, ...(args.length ? args : ['--source', 'src-903']), '--dir', seeds);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    expect(snapshot()).toEqual(before);
  };

  it('a missing file', () => refused(join(docs, 'nope.txt'), /^graph: .*nope\.txt: cannot be read \(ENOENT\)/));
  it('an empty file', () => refused(doc('empty.txt', ''), /empty\.txt: the file is empty/));
  it('a binary file', () => refused(doc('blob.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])), /blob\.txt: a binary file/));
  it('text in another encoding', () => refused(doc('latin.txt', Buffer.from('Caf\xe9 law', 'latin1')), /latin\.txt: not UTF-8 text/));
  it('an unknown format', () => refused(doc('report.docx', 'PK\u0003\u0004'), /report\.docx: unknown format "\.docx"/));
  it('a password-protected PDF', () => refused(doc('locked.pdf', passwordPdf()), /locked\.pdf: the PDF is encrypted/));
  it('a PDF without a text layer', () => refused(doc('scan.pdf', drawingOnlyPdf()), /scan\.pdf: the PDF has no text layer .*needs OCR/));
  it('a file named .pdf that is not one', () => refused(doc('fake.pdf', 'hello'), /fake\.pdf: named \.pdf but not a PDF/));
  it('a source id already used', () => refused(doc('a.txt', ENGLISH), /a\.txt: source id "src-000" is already used/, '--source', 'src-000'));
  it('a source id that is not an id', () => refused(doc('a.txt', ENGLISH), /a\.txt: --source "Src 9" is not an id/, '--source', 'Src 9'));
  it('no source id', () => refused(doc('a.txt', ENGLISH), /a\.txt: ingest needs --source/, '--title', 'x'));
  it('a review file already waiting for the source id', () => {
    expect(graph('ingest', doc('a.txt', ENGLISH), '--source', 'src-903', '--dir', seeds).code).toBe(0);
    refused(doc('b.txt', ENGLISH), /src-903\.yaml: a review file for this source id is waiting/);
  });
});
