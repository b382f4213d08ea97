/**
 * Timing two ways of asking one question, taking turns after a warm-up (so that both meet the
 * same machine load), and the autocannon runs.
 */
import autocannon from 'autocannon';
import { CountingStore } from '../../src/store/port.js';
import type { Options } from './bench-options.js';
import { HttpClient, parseJson } from './http.js';
import type { KeyQuery } from './keyqueries.js';
import type { PeerQuestion } from './peer/questions.js';
import type { InProcessServer } from './server.js';
import { summarize, type Summary } from './stats.js';

type Timing = Pick<Options, 'seconds' | 'minSamples' | 'maxSamples' | 'warmup'>;

/** One side of a comparison: runs the question once and returns the answer's item count. */
interface Side {
  run(): Promise<number>;
}

export interface Alternated {
  a: Summary;
  b: Summary;
  items: { a: number; b: number };
  error?: string;
}

/**
 * Runs both sides in turn — a then b, then b then a, so neither always follows the other —
 * until the time budget is spent (at least minSamples, at most maxSamples each).
 */
export async function alternate(a: Side, b: Side, o: Timing): Promise<Alternated> {
  const samples = { a: [] as number[], b: [] as number[] };
  const items = { a: 0, b: 0 };
  const timed = async (side: 'a' | 'b') => {
    const t = performance.now();
    items[side] = await (side === 'a' ? a : b).run();
    samples[side].push(performance.now() - t);
  };
  const result = (error?: string): Alternated => ({ a: summarize(samples.a), b: summarize(samples.b), items, error });
  try {
    const budgetEnd = performance.now() + o.seconds * 1000;
    for (let i = 0; i < o.warmup; i++) {
      await a.run();
      await b.run();
      // One very slow question: no more warm-up than half the budget.
      if (performance.now() > budgetEnd - o.seconds * 500) break;
    }
    const end = performance.now() + o.seconds * 1000;
    for (let i = 0; i < o.maxSamples; i++) {
      for (const side of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) await timed(side);
      // A question of several seconds (Neo4j's timeline at 1M relationships) stops at three
      // times the budget with five samples rather than run for many minutes.
      const now = performance.now();
      if ((i + 1 >= o.minSamples && now > end) || (i + 1 >= 5 && now > end + 2 * o.seconds * 1000)) break;
    }
    return result();
  } catch (error) {
    return result((error as Error).message);
  }
}

/** A GraphQL request over HTTP that fails on anything but a 200 without errors; returns `data`. */
export async function graphqlData(http: HttpClient, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await http.graphql(query, variables);
  const body = parseJson(res.text);
  if (res.status !== 200 || !body || body.errors?.length) throw new Error(`GraphQL answered ${res.status}: ${res.text.slice(0, 300)}`);
  return body.data;
}

export interface QueryResult {
  name: string;
  what: string;
  raw: Summary;
  graphql: Summary;
  ratio: number;
  roundTrips: { raw: number; graphql: number };
  items: { raw: number; graphql: number };
  error?: string;
}

/** A key question: the named queries on the store (raw) against GraphQL over HTTP, one store. */
export async function measureQuery(q: KeyQuery, server: InProcessServer, http: HttpClient, o: Timing): Promise<QueryResult> {
  const store = server.running.store;
  const trips = { raw: 0, graphql: 0 };
  const r = await alternate(
    {
      run: async () => {
        const counting = new CountingStore(store);
        const n = await q.raw(counting);
        trips.raw = counting.roundTrips;
        return n;
      },
    },
    {
      run: async () => {
        const n = q.countGraphql(await graphqlData(http, q.graphql.query, q.graphql.variables));
        trips.graphql = server.lastRoundTrips();
        return n;
      },
    },
    o,
  );
  return {
    name: q.name, what: q.what, raw: r.a, graphql: r.b, ratio: r.b.p50 / r.a.p50, roundTrips: trips,
    items: { raw: r.items.a, graphql: r.items.b }, error: r.error,
  };
}

export interface PeerResult {
  name: string;
  what: string;
  ours: Summary;
  theirs: Summary;
  /** Ours p50 / theirs p50 (below 1: ours is faster). */
  ratio: number;
  items: { ours: number; theirs: number };
  /** Bytes of each side's answer. */
  bytes: { ours: number; theirs: number };
  error?: string;
}

/** A question both APIs express: ours and @neo4j/graphql's, each over HTTP, on one database. */
export async function measurePeer(q: PeerQuestion, ours: HttpClient, theirs: HttpClient, o: Timing): Promise<PeerResult> {
  const client = { ours, theirs };
  const bytes = { ours: 0, theirs: 0 };
  const side = (name: 'ours' | 'theirs') => ({
    run: async () => {
      const r = q[name];
      const res = await client[name].graphql(r.query, r.variables);
      const body = parseJson(res.text);
      if (res.status !== 200 || !body || body.errors?.length) throw new Error(`${name}: ${res.status}: ${res.text.slice(0, 300)}`);
      bytes[name] = Buffer.byteLength(res.text);
      return name === 'ours' ? q.countOurs(body.data) : q.countTheirs(body.data);
    },
  });
  try {
    await q.prepare?.((name, r) => graphqlData(client[name], r.query, r.variables));
  } catch (error) {
    const empty = summarize([]);
    return { name: q.name, what: q.what, ours: empty, theirs: empty, ratio: NaN, items: { ours: 0, theirs: 0 }, bytes, error: (error as Error).message };
  }
  const r = await alternate(side('ours'), side('theirs'), o);
  return { name: q.name, what: q.what, ours: r.a, theirs: r.b, ratio: r.a.p50 / r.b.p50, items: { ours: r.items.a, theirs: r.items.b }, bytes, error: r.error };
}

export interface CannonResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
}

export async function cannon(url: string, name: string, body: string, o: Pick<Options, 'connections' | 'cannonSeconds'>): Promise<CannonResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: o.connections,
    duration: o.cannonSeconds,
    timeout: 30,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      onResponse: (status, text) => {
        if (status === 200 && text.includes('"errors"')) graphqlErrors++;
      },
    }],
  });
  return {
    name,
    connections: o.connections,
    seconds: o.cannonSeconds,
    requests: result.requests.total ?? result['2xx'] + result.non2xx,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
  };
}
