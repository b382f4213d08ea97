/**
 * How both hostile suites (hostile.solo.test.ts on the embedded engine, hostile.neo4j.ts on Neo4j)
 * send their statements: one at a time to the `cypher` field of a server running as a process of
 * its own, while a prober (scripts/lib/prober.ts, another process) asks a cheap question every
 * 200 ms. A cheap answer that took a second or more is reported with the statements the server
 * was answering at the time, so a failure names its cause.
 */
import { spawn } from 'node:child_process';
import { projectPath } from '../../src/paths.js';
import { codesOf, type GraphQLBody } from '../api/helpers.js';
import { withDir, type HostileStatement, type Outcome } from './hostile-statements.js';

export const SLOW_MS = 1_000;
/** The prober's question (scripts/lib/prober.ts). */
const PROBE_QUERY = '{ entity(id: "cybersecurity-law") { id } }';

export interface HostileRun {
  /** Statements whose answer was not one of the expected codes, described. */
  wrong: string[];
  /** How many answers carried each code list. */
  seen: Map<string, number>;
  /** Every cheap answer's time, ms. */
  times: number[];
  /** Cheap questions that were answered wrongly or not at all. */
  failures: string[];
  /** Each cheap answer of SLOW_MS or more, with the statements in flight while it was awaited. */
  slow: string[];
}

export async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** The cheap question every 200 ms from a process of its own, until stopped. */
function probe(url: string) {
  const child = spawn(process.execPath, [projectPath('dist/scripts/lib/prober.js'), url, '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stop: async (): Promise<{ times: number[]; askedAt: number[]; failures: string[] }> => {
      child.kill('SIGTERM');
      await exited;
      return JSON.parse(out) as { times: number[]; askedAt: number[]; failures: string[] };
    },
  };
}

/**
 * Sends every statement ({DIR} replaced by `dir`) and checks each answer against `codes` for its
 * outcome (default 'refused'): HTTP 200, no data, exactly one error with one of those codes.
 */
export async function sendHostile(url: string, statements: HostileStatement[], codes: Record<Outcome, string[]>, dir: string): Promise<HostileRun> {
  // A server's first requests compile its code paths and open its first database sessions (over
  // a second on a busy machine, with nothing hostile in flight): what is measured below is how
  // it answers while under attack, so the prober starts on a server that has answered both kinds.
  for (const query of [PROBE_QUERY, 'query { cypher(query: "MATCH (n) RETURN count(n) AS n") { rows } }']) {
    for (let i = 0; i < 3; i++) await gql(url, query);
  }
  const prober = probe(url);
  const wrong: string[] = [];
  const seen = new Map<string, number>();
  const windows: { from: number; to: number; why: string }[] = [];
  for (const s of statements) {
    const outcome = s.outcome ?? 'refused';
    const from = Date.now();
    const r = await gql(url, 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }', { q: withDir(s.statement, dir), p: s.params ?? null });
    windows.push({ from, to: Date.now(), why: `${s.why} [${s.dialect}, ${outcome}]` });
    const got = codesOf(r);
    seen.set(got.join(','), (seen.get(got.join(',')) ?? 0) + 1);
    if (r.status !== 200 || r.body.data?.cypher != null || got.length !== 1 || !codes[outcome].includes(got[0]!)) {
      wrong.push(`${s.why} [${s.dialect}, ${outcome}]: HTTP ${r.status} ${got.join(',') || 'no error'} ${r.body.errors?.[0]?.message.slice(0, 160) ?? JSON.stringify(r.body.data).slice(0, 160)}`);
    }
  }
  const { times, askedAt, failures } = await prober.stop();
  const slow = times.flatMap((ms, i) => {
    if (ms < SLOW_MS) return [];
    const from = askedAt[i]!;
    const during = windows.filter((w) => w.from <= from + ms && w.to >= from).map((w) => `${w.why} (${w.to - w.from} ms)`);
    return [`${ms} ms, while the server answered: ${during.join('; ') || 'no statement'}`];
  });
  return { wrong, seen, times, failures, slow };
}

/** One line for the test's log: outcomes and the cheap answers' p95 and maximum. */
export function summary(label: string, count: number, run: HostileRun): string {
  const sorted = [...run.times].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  return `${label}: ${count} statements, outcomes ${JSON.stringify(Object.fromEntries(run.seen))}, cheap answers p95 ${Math.round(p95)} ms, slowest ${Math.round(sorted.at(-1) ?? 0)} ms over ${run.times.length} probes`;
}
