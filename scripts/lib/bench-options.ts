/** `npm run bench` arguments: parsing and defaults (pure, so tests/scripts/bench-options.test.ts can check them). */
import { SIZES, type SizeSpec } from './graphs.js';

export type Engine = 'kuzu' | 'neo4j';

export interface Options {
  sizes: SizeSpec[];
  /** The engines measured, Kùzu first. */
  engines: Engine[];
  /** Why the engines are what they are when --engine was not given (printed). */
  engineNote: string | null;
  reuse: boolean;
  /** Time budget of each key question (both sides together), seconds. */
  seconds: number;
  minSamples: number;
  maxSamples: number;
  warmup: number;
  cannonSeconds: number;
  connections: number;
  startRuns: number;
  only: string[] | null;
  skipCannon: boolean;
  /** No @neo4j/graphql column. */
  skipPeer: boolean;
  /** JVM heap of the throw-away Neo4j the bench starts (when NEO4J_URI is not set). */
  neo4jHeap: string;
  /** Its page cache. */
  neo4jPageCache: string;
  /** A commit or a built checkout whose server's simple-request throughput is compared with ours. */
  baseline: string | null;
  /** Turns each server takes in that comparison. */
  rounds: number;
}

export const USAGE = `usage: npm run bench -- [options]
  --engine E           kuzu, neo4j or both (default: both when java and mvn are on the PATH,
                       otherwise kuzu). Neo4j: NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD) when
                       set — its database is replaced —, otherwise a throw-away local Neo4j
                       (tools/neo4j-local) started and stopped by the run
  --size LIST          sizes to measure, comma-separated: seed, 100k (10k nodes / 100k rels),
                       1m (100k nodes / 1M rels). Default: seed,1m
  --nodes N --rels M   a synthetic graph of this size instead of / besides --size
  --reuse              Kùzu: reuse a graph loaded by an earlier run (data/bench/) instead of
                       loading it; Neo4j (NEO4J_URI): keep the database when it holds exactly
                       the graph's node and relationship counts
  --seconds S          time budget per key question, raw and GraphQL together (default 12)
  --min-samples N      at least this many samples per side (default 20)
  --max-samples N      at most this many (default 300)
  --warmup N           warm-up rounds per question (default 5)
  --cannon-seconds S   duration of each autocannon run (default 10)
  --connections N      autocannon connections (default 50)
  --only LIST          only these key questions (search, timeline, policyDrivers, neighborhood,
                       path, entity) and @neo4j/graphql questions (search, nested, neighbourhood,
                       policies); a prefix is enough
  --skip-cannon        no start-to-healthy and autocannon runs
  --skip-peer          no @neo4j/graphql comparison
  --neo4j-heap SIZE    heap of the throw-away Neo4j (default 3g)
  --neo4j-pagecache SIZE  its page cache (default 3g)
  --baseline REF       also compare the simple request's throughput with REF's server: a git
                       commit or branch (built in a temporary worktree: npm ci and tsc), or the
                       folder of a built checkout (its dist/src/server.js)
  --rounds N           turns each server takes in the comparison (default 3)`;

const BOOLEAN_FLAGS = new Set(['reuse', 'skip-cannon', 'skip-peer']);
const VALUE_FLAGS = new Set([
  'engine', 'size', 'nodes', 'rels', 'seconds', 'min-samples', 'max-samples', 'warmup', 'cannon-seconds',
  'connections', 'start-runs', 'only', 'neo4j-heap', 'neo4j-pagecache', 'baseline', 'rounds',
]);

export class UsageError extends Error {}

/**
 * @param canRunNeo4j whether a local Neo4j can be started here (java and mvn), or NEO4J_URI is
 *   set: decides the default engines.
 */
export function parseOptions(argv: string[], env: { canRunNeo4j: boolean; neo4jUri?: string }): Options | 'help' {
  const flags = new Map<string, string>();
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    const name = a.startsWith('--') ? a.slice(2) : '';
    if (BOOLEAN_FLAGS.has(name)) bools.add(name);
    else if (VALUE_FLAGS.has(name) && argv[i + 1] !== undefined) flags.set(name, argv[++i]!);
    else throw new UsageError(`unknown argument ${a}\n${USAGE}`);
  }
  const num = (name: string, fallback: number) => {
    const v = flags.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number, not ${v}`);
    return n;
  };
  const memory = (name: string, fallback: string) => {
    const v = flags.get(name) ?? fallback;
    if (!/^\d+[mg]$/i.test(v)) throw new UsageError(`--${name} needs a size such as 512m or 3g, not ${v}`);
    return v;
  };
  const custom = flags.has('nodes') || flags.has('rels');
  const sizeNames = flags.get('size')?.split(',').map((s) => s.trim()).filter(Boolean) ?? (custom ? [] : ['seed', '1m']);
  const sizes = sizeNames.map((n) => {
    const s = SIZES[n.toLowerCase()];
    if (!s) throw new UsageError(`unknown size ${n}: use ${Object.keys(SIZES).join(', ')} or --nodes/--rels`);
    return s;
  });
  if (custom) {
    const nodes = num('nodes', 10_000);
    const rels = num('rels', nodes * 10);
    sizes.push({ name: `${nodes}/${rels}`, nodes: Math.round(nodes), rels: Math.round(rels) });
  }
  let engines: Engine[];
  let engineNote: string | null = null;
  const engine = flags.get('engine');
  if (engine === undefined) {
    if (env.neo4jUri || env.canRunNeo4j) engines = ['kuzu', 'neo4j'];
    else {
      engines = ['kuzu'];
      engineNote = 'Kùzu only: no java and mvn on the PATH to start a local Neo4j, and NEO4J_URI is not set (--engine neo4j needs one of them)';
    }
  } else if (engine === 'both') engines = ['kuzu', 'neo4j'];
  else if (engine === 'kuzu' || engine === 'neo4j') engines = [engine];
  else throw new UsageError(`--engine takes kuzu, neo4j or both, not ${engine}`);
  if (engines.includes('neo4j') && !env.neo4jUri && !env.canRunNeo4j) {
    throw new UsageError('--engine neo4j needs NEO4J_URI, or java and mvn on the PATH to start a local Neo4j (see the README)');
  }
  return {
    sizes,
    engines,
    engineNote,
    reuse: bools.has('reuse'),
    seconds: num('seconds', 12),
    minSamples: num('min-samples', 20),
    maxSamples: num('max-samples', 300),
    warmup: num('warmup', 5),
    cannonSeconds: num('cannon-seconds', 10),
    connections: num('connections', 50),
    startRuns: num('start-runs', 3),
    only: flags.get('only')?.split(',').map((s) => s.trim()).filter(Boolean) ?? null,
    skipCannon: bools.has('skip-cannon'),
    skipPeer: bools.has('skip-peer') || !engines.includes('neo4j'),
    neo4jHeap: memory('neo4j-heap', '3g'),
    neo4jPageCache: memory('neo4j-pagecache', '3g'),
    baseline: flags.get('baseline') ?? null,
    rounds: num('rounds', 3),
  };
}

/** Whether a question is asked under --only (a prefix of its name is enough). */
export function selected(o: Pick<Options, 'only'>, name: string): boolean {
  return !o.only || o.only.some((prefix) => name.startsWith(prefix));
}
