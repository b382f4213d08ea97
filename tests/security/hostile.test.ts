/**
 * Every hostile statement (./hostile-statements.ts) sent to the `cypher` field over HTTP, on
 * the embedded default as deployed (an on-disk database, ad hoc statements in their own
 * process). Each must be refused or bounded; afterwards the graph's checksum is what it was,
 * no file has appeared outside the database folder, and all along the server answered a
 * cheap question within a second.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { codesOf, dataOf, startApi, type Api } from '../api/helpers.js';
import { HOSTILE_STATEMENTS, statementsFor, withDir, type Outcome } from './hostile-statements.js';

const CODES: Record<Outcome, string[]> = {
  refused: ['QUERY_REFUSED'],
  'bad-parameter': ['BAD_PARAMETER'],
  bounded: ['QUERY_TIMEOUT', 'QUERY_TOO_LARGE', 'QUERY_FAILED'],
};

const scratch = mkdtempSync(join(tmpdir(), 'hostile-scratch-'));
const dbFolder = mkdtempSync(join(tmpdir(), 'hostile-db-'));
let api: Api;

beforeAll(async () => {
  api = await startApi({ embeddedDb: join(dbFolder, 'graph.kuzu'), limits: { cypherTimeoutMs: 1_500 } });
}, 120_000);
afterAll(async () => {
  await api?.close();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(dbFolder, { recursive: true, force: true });
});

/** Asks a cheap question every 200 ms until stopped; returns the slowest answer's time. */
function probe() {
  let running = true;
  let slowestMs = 0;
  let answers = 0;
  const times: number[] = [];
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const r = await api.gql('{ entity(id: "cybersecurity-law") { id } }').catch((e: Error) => ({ status: 0, body: { errors: [{ message: e.message, extensions: { code: 'NETWORK' } }] } }));
      const ms = performance.now() - started;
      slowestMs = Math.max(slowestMs, ms);
      times.push(ms);
      answers++;
      if ((r.body as { data?: { entity?: { id: string } } }).data?.entity?.id !== 'cybersecurity-law') failures.push(JSON.stringify(r.body).slice(0, 200));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    stop: async (): Promise<{ slowestMs: number; p95: number; answers: number; failures: string[] }> => {
      running = false;
      await loop;
      const p95 = times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0;
      return { slowestMs, p95, answers, failures };
    },
  };
}

describe('hostile statements against the embedded engine, over HTTP', () => {
  // An attacker is free to send either dialect: the embedded engine gets them all.
  const statements = HOSTILE_STATEMENTS;

  it(`has at least 150 statements (${statements.length}), in both dialects`, () => {
    expect(statementsFor('neo4j').length).toBeGreaterThanOrEqual(150);
    expect(statements.length).toBeGreaterThanOrEqual(150);
    expect(statements.filter((s) => s.dialect === 'neo4j').length).toBeGreaterThan(50);
    expect(statements.filter((s) => s.dialect === 'kuzu').length).toBeGreaterThan(50);
  });

  it('refuses or bounds every one, leaves the graph and the disk as they were, and keeps answering', async () => {
    const before = await graphFingerprint(api.server.store);
    expect(before.nodes).toBeGreaterThan(300);
    const workingFolder = readdirSync(process.cwd()).sort();
    const prober = probe();
    const wrong: string[] = [];
    const seen = new Map<string, number>();
    for (const s of statements) {
      const outcome = s.outcome ?? 'refused';
      const r = await api.gql('query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }', { q: withDir(s.statement, scratch), p: s.params ?? null });
      const codes = codesOf(r);
      seen.set(codes.join(','), (seen.get(codes.join(',')) ?? 0) + 1);
      if (r.status !== 200 || r.body.data?.cypher != null || codes.length !== 1 || !CODES[outcome].includes(codes[0]!)) {
        wrong.push(`${s.why} [${outcome}]: HTTP ${r.status} ${codes.join(',') || 'no error'} ${r.body.errors?.[0]?.message.slice(0, 120) ?? ''}`);
      }
    }
    const { slowestMs, p95, answers, failures } = await prober.stop();
    console.info(`hostile suite: ${statements.length} statements, outcomes ${JSON.stringify(Object.fromEntries(seen))}, cheap answers p95 ${Math.round(p95)} ms, slowest ${Math.round(slowestMs)} ms over ${answers} probes`);
    expect(wrong).toEqual([]);
    expect(failures).toEqual([]);
    expect(answers).toBeGreaterThan(10);
    // Within a second, 95% of the time; the slowest is allowed more on a shared 2-core machine
    // (measured here: 899 ms and 1112 ms at load averages of 10 to 17).
    expect(p95, 'the 95th percentile of cheap answers while the suite ran').toBeLessThan(1_000);
    expect(slowestMs, 'the slowest cheap answer while the suite ran').toBeLessThan(2_500);
    expect(await graphFingerprint(api.server.store)).toEqual(before);
    expect(readdirSync(scratch)).toEqual([]);
    expect(readdirSync(process.cwd()).sort()).toEqual(workingFolder);
    expect(readdirSync(dbFolder).filter((f) => !f.startsWith('graph.kuzu'))).toEqual([]);
    // The refusals dominate; the limits stopped the rest.
    expect(seen.get('QUERY_REFUSED')).toBeGreaterThanOrEqual(statements.length - 15);
  }, 600_000);

  it('still answers ad hoc questions afterwards, with parameters', async () => {
    const r = dataOf(await api.gql('{ cypher(query: "MATCH (f:Firm)-[:OPERATES_IN]->(s:Sector {id: $s}) RETURN count(f) AS n", params: {s: "endpoint-security"}) { rows } }'));
    expect((r.cypher.rows as { n: number }[])[0]!.n).toBeGreaterThan(0);
  });
});
