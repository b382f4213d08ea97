#!/usr/bin/env node
/**
 * `npm run graph -- <command>`: the graph from a terminal, no server needed.
 */
import { loadConfig, ConfigError } from './config.js';
import { checkSeedFolder, formatProblem, loadGraph } from './seeds/index.js';
import { openStore } from './store/index.js';
import { StoreInputError, type Store } from './store/port.js';
import { kuzuDdl } from './store/kuzu/ddl.js';
import { projectPath } from './paths.js';
import { formatTable } from './table.js';
import { generateGraph } from './generate.js';
import { exportCommand, ExportUsageError } from './web/export/cli.js';
import { acceptCommand, ingestCommand, IngestError } from './ingest/index.js';
import { BASES } from './model.js';

const USAGE = `usage: npm run graph -- <command>

  seed [--dir DIR]            validate seeds/ (or DIR) and load it, replacing the graph
  validate [--dir DIR]        check the seeds without writing anything
  generate --nodes N --rels M [--seed S]
                              replace the graph with a synthetic one of that size (for benchmarks)
  query "<cypher>" [--json] [--param name=value …]
                              read-only ad hoc Cypher; prints a table (or JSON)
  stats                       counts per label, relationship type and citation basis
  export <format> <file>      the whole graph with citations: graphml, gexf (Gephi, dynamic),
                              json (Cytoscape), nodes-csv, edges-csv; "all <folder>" for all five
  ingest <file> --source ID [--title T] [--author A] [--written YYYY[-MM[-DD]]] [--kind K] [--json]
                              read a text, Markdown, HTML or PDF document and write the proposals it
                              finds to seeds/proposals/ID.yaml for review (or print them as JSON)
  accept seeds/proposals/ID.yaml
                              move the accepted proposals into seeds/ (validated; all or nothing)
  migrate                     create missing tables, constraints and indexes; fill in the
                              properties derived at load on a graph loaded before them
  schema kuzu                 print Kùzu's DDL as generated from src/model.ts

The engine is Kùzu at EMBEDDED_DB (default data/graph.kuzu) unless NEO4J_URI is set.`;

interface Args { positional: string[]; flags: Map<string, string[]> }

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') flags.set('json', ['true']);
    else if (a.startsWith('--')) {
      const value = argv[++i];
      if (value === undefined) throw new CliError(`${a} needs a value`);
      flags.set(a.slice(2), [...(flags.get(a.slice(2)) ?? []), value]);
    } else positional.push(a);
  }
  return { positional, flags };
}

class CliError extends Error {}

/** `--param n=5` → 5, `--param q=law` → "law", `--param ids=["a","b"]` → a list (JSON values). */
function parseParams(values: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new CliError(`--param takes name=value, not "${v}"`);
    const raw = v.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: the text itself.
    }
    out[v.slice(0, eq)] = value;
  }
  return out;
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig());
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

function validate(dir: string) {
  const result = checkSeedFolder(dir);
  if (result.problems.length > 0) {
    for (const p of result.problems) console.error(formatProblem(p));
    throw new CliError(`${result.problems.length} problem(s) in ${dir}; nothing was written`);
  }
  return result.graph;
}

/** Long loads show how far they are, on a terminal only. */
const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\rloading ${done}/${total}`) : undefined;

async function main(argv: string[]): Promise<void> {
  const { positional, flags } = parseArgs(argv);
  const [command, ...rest] = positional;
  const dir = flags.get('dir')?.[0] ?? projectPath('seeds');
  switch (command) {
    case 'validate': {
      const graph = validate(dir);
      const n = Object.values(graph.nodes).reduce((s, r) => s + r.length, 0);
      const r = graph.relationships.reduce((s, g) => s + g.rows.length, 0);
      console.log(`${dir}: valid (${n} nodes, ${r} relationships)`);
      return;
    }
    case 'seed': {
      const graph = validate(dir);
      const started = performance.now();
      const counts = await withStore((store) =>
        loadGraph(store, graph, {
          onProgress: progress,
        }),
      );
      process.stderr.write('\n');
      console.log(`loaded ${counts.nodes} nodes and ${counts.relationships} relationships in ${Math.round(performance.now() - started)} ms`);
      return;
    }
    case 'generate': {
      const count = (name: string) => {
        const value = Number(flags.get(name)?.[0]);
        if (!Number.isSafeInteger(value) || value < 1) throw new CliError(`generate needs --${name} <whole number>`);
        return value;
      };
      const started = performance.now();
      const graph = generateGraph({ nodes: count('nodes'), relationships: count('rels'), seed: flags.has('seed') ? count('seed') : undefined });
      const generated = performance.now();
      const counts = await withStore((store) => loadGraph(store, graph, { batchSize: 10_000, onProgress: progress }));
      process.stderr.write('\n');
      console.log(`generated ${counts.nodes} nodes and ${counts.relationships} relationships in ${Math.round(generated - started)} ms, loaded in ${Math.round(performance.now() - generated)} ms`);
      return;
    }
    case 'query': {
      const text = rest.join(' ');
      if (!text) throw new CliError('query needs a Cypher statement in quotes');
      const result = await withStore((store) =>
        store.readOnlyCypher(text, parseParams(flags.get('param')), { timeoutMs: loadConfig().queryTimeoutMs, maxRows: 10_000 }),
      );
      if (flags.has('json')) console.log(JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
      else {
        console.log(formatTable(result.columns, result.rows));
        if (result.truncated) console.log('(rows cut at 10000)');
      }
      return;
    }
    case 'stats': {
      const [labels, types, bases] = await withStore((store) =>
        store.read(async (tx) => [await tx.run('countByLabel'), await tx.run('countByRelationshipType'), await tx.run('countByBasis')]),
      );
      console.log(formatTable(['label', 'count'], labels));
      console.log();
      console.log(formatTable(['type', 'count'], types));
      console.log();
      console.log(formatTable(['basis', 'of nodes', 'of relationships'], basisTable(bases)));
      return;
    }
    case 'export': {
      const written = await withStore((store) => exportCommand(store, rest[0], rest[1]));
      if (written) console.log(written);
      return;
    }
    case 'ingest': {
      if (!rest[0]) throw new CliError('ingest needs a file: ingest <file> --source <id>');
      const one = (name: string) => flags.get(name)?.[0];
      console.log(await ingestCommand({
        file: rest[0], source: one('source'), title: one('title'), author: one('author'), written: one('written'), kind: one('kind'),
        json: flags.has('json'), seedsDir: dir,
      }));
      return;
    }
    case 'accept':
      if (!rest[0]) throw new CliError('accept needs a review file: accept seeds/proposals/<id>.yaml');
      console.log(acceptCommand(rest[0], flags.get('dir')?.[0]));
      return;
    case 'migrate':
      await withStore(async () => undefined);
      console.log('schema is up to date');
      return;
    case 'schema':
      if (rest[0] !== 'kuzu') throw new CliError('schema takes: kuzu');
      process.stdout.write(kuzuDdl());
      return;
    default:
      console.log(USAGE);
      if (command && command !== 'help') process.exitCode = 2;
  }
}

/** Citations per basis, strongest first, nodes' and relationships' side by side. */
function basisTable(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const count = (basis: string, holder: string) => Number(rows.find((r) => r.basis === basis && r.holder === holder)?.count ?? 0);
  return BASES.map((basis) => ({ basis, 'of nodes': count(basis, 'NODE'), 'of relationships': count(basis, 'RELATIONSHIP') }));
}

/** Exit 3 means "the database cannot be reached: try again later"; 1 is anything else. */
const UNREACHABLE = /ServiceUnavailable|SessionExpired|ECONNREFUSED|ETIMEDOUT/;

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError || error instanceof ConfigError || error instanceof StoreInputError || error instanceof ExportUsageError || error instanceof IngestError) {
    console.error(`graph: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const { code, message } = error as { code?: unknown; message?: string };
  if (typeof code === 'string') {
    // A driver error: one line, not the driver's whole story.
    console.error(`graph: ${code}: ${String(message).split('\n')[0]}`);
    process.exitCode = UNREACHABLE.test(code) ? 3 : 1;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
