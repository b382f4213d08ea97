/**
 * The `graph` command as a researcher uses it: seed, query, stats and validate against an
 * on-disk embedded database, with no server running. Runs the compiled CLI (npm test builds).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../src/paths.js';
import { FIXTURE_DIR } from './helpers/fixture-store.js';
import { brokenFixture } from './helpers/seed-folders.js';

const db = join(mkdtempSync(join(tmpdir(), 'cli-')), 'graph.kuzu');

function graph(...args: string[]) {
  const run = spawnSync(process.execPath, [projectPath('dist/src/cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, EMBEDDED_DB: db, EMBEDDED_BUFFER_MB: '256', NEO4J_URI: '' },
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('graph CLI', () => {
  beforeAll(() => {
    const seeded = graph('seed', '--dir', FIXTURE_DIR);
    expect(seeded.err + seeded.out).toMatch(/loaded 27 nodes and 47 relationships/);
  });

  it('answers a count query as a table', () => {
    const r = graph('query', 'MATCH (p:Policy) RETURN count(p) AS n');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => l.trim())).toEqual(['n', '─', '4', '(1 row)', '']);
  });

  it('answers as JSON, with parameters', () => {
    const r = graph('query', 'MATCH (p:Policy) WHERE p.issued >= date($from) RETURN p.id AS id ORDER BY id', '--param', 'from=2015-06-01', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ columns: ['id'], rows: [{ id: 'cybersecurity-law-draft' }], truncated: false });
  });

  it('prints counts per label, relationship type and citation basis', () => {
    const r = graph('stats');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Policy\s+│ 4/);
    expect(r.out).toMatch(/SUBSECTOR_OF\s+│ 3/);
    // The fixture: one inferred relationship, one external relationship and one external citation of a node.
    expect(r.out).toMatch(/basis\s+│ of nodes\s+│ of relationships/);
    expect(r.out).toMatch(/INFERRED\s+│ 0\s+│ 1/);
    expect(r.out).toMatch(/EXTERNAL\s+│ 1\s+│ 1/);
  });

  it('refuses writes and leaves the graph as it was', () => {
    const r = graph('query', "CREATE (:Policy {id: 'x', name: 'x'})");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/read-only: CREATE is refused/);
    expect(graph('query', 'MATCH (p:Policy) RETURN count(p) AS n').out).toMatch(/\b4\b/);
  });

  it('rejects bad seeds with file and line, writing nothing', () => {
    const { dir } = brokenFixture('firms.yaml', '- id: acme\n  name: Acme\n');
    const before = graph('stats').out;
    const r = graph('seed', '--dir', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/firms\.yaml:\d+ \(acme\): missing required field "cite"/);
    expect(r.err).toMatch(/nothing was written/);
    expect(graph('stats').out).toBe(before);
  });

  it('refuses citations without an honest basis in validate and seed, writing nothing', () => {
    const { dir, line } = brokenFixture('firms.yaml', [
      '- id: acme', '  name: Acme', '  cite:',
      '    - { source: src-000, locator: x, note: y }',
      '    - { source: src-003, basis: EXTERNAL, locator: x, note: y }',
      '    - { source: src-001, basis: INFERRED, locator: x, note: "" }',
      '',
    ].join('\n'));
    const before = graph('stats').out;
    for (const command of ['validate', 'seed']) {
      const r = graph(command, '--dir', dir);
      expect(r.code, command).toBe(1);
      const at = new RegExp(`firms\\.yaml:${line + 2} \\(acme\\): cite: `);
      expect(r.err).toMatch(new RegExp(`${at.source}citation of src-000 needs a basis`));
      expect(r.err).toMatch(new RegExp(`${at.source}citation of src-003 is EXTERNAL, but src-003 is one of the source documents`));
      expect(r.err).toMatch(new RegExp(`${at.source}an INFERRED citation of src-001 needs its reasoning in the note`));
      expect(r.err).toMatch(/nothing was written/);
    }
    expect(graph('stats').out).toBe(before);
  });

  it('validates without writing', () => {
    const r = graph('validate', '--dir', FIXTURE_DIR);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid \(27 nodes, 47 relationships\)/);
  });

  it('exports the graph for Cytoscape and spreadsheets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const r = graph('export', 'all', dir);
    expect(r.code, r.err).toBe(0);
    const elements = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as { elements: { nodes: { data: { id: string } }[]; edges: unknown[] } };
    expect(elements.elements.nodes.map((n) => n.data.id)).toContain('cybersecurity-law');
    expect(elements.elements.nodes).toHaveLength(27);
    expect(elements.elements.edges).toHaveLength(47);
    expect(readFileSync(join(dir, 'nodes.csv'), 'utf8').split('\n')[0]).toMatch(/^id,/);
    expect(graph('export', 'pdf', join(dir, 'x.pdf')).err).toMatch(/unknown export format "pdf"/);
  });

  it('says how to use it', () => {
    const r = graph('frobnicate');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/usage: npm run graph -- <command>/);
  });
});
