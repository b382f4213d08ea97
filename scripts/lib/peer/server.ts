/**
 * @neo4j/graphql 7 served the way its documentation serves it: Apollo Server's standalone HTTP
 * server (node:http) on loopback, the schema built by Neo4jGraphQL from scripts/lib/peer/
 * typedefs.ts, on the same Neo4j database our API reads. Our API is measured over HTTP, so
 * theirs is too. Apollo's landing page and cache-control plugin are off, as in ours
 * (src/graphql/apollo.ts), so neither side pays for what the other does not.
 *
 * captureCypher(): the Cypher the library generates for a request, read from its own debug
 * output (the `@neo4j/graphql:execution` namespace of the `debug` package), switched on only
 * while capturing — never while timing.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import createDebug from 'debug';
import { format } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { peerTypeDefs } from './typedefs.js';

export interface PeerServer {
  url: string;
  /** Milliseconds Neo4jGraphQL took to build its schema (once, at start). */
  schemaMs: number;
  close(): Promise<void>;
}

export async function startPeer(driver: Driver): Promise<PeerServer> {
  const started = performance.now();
  const neoSchema = new Neo4jGraphQL({ typeDefs: peerTypeDefs(), driver });
  const schema = await neoSchema.getSchema();
  const schemaMs = performance.now() - started;
  const apollo = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: '127.0.0.1' },
    // The library reads its per-request settings from the context; none are needed here.
    context: async () => ({}),
  });
  return { url: url.replace(/\/$/, ''), schemaMs, close: () => apollo.stop() };
}

const EXECUTION = '@neo4j/graphql:execution';

/**
 * Runs `work` with the library's execution debug output on, and returns the Cypher statements
 * (with their parameters) it logged meanwhile.
 */
export async function captureCypher(work: () => Promise<unknown>): Promise<{ cypher: string; params: string }[]> {
  const lines: string[] = [];
  const previousLog = createDebug.log;
  const previous = createDebug.disable();
  createDebug.log = (...args: unknown[]) => lines.push(format(...(args as [unknown, ...unknown[]])));
  createDebug.enable(EXECUTION);
  try {
    await work();
  } finally {
    createDebug.disable();
    if (previous) createDebug.enable(previous);
    createDebug.log = previousLog;
  }
  // debugCypherAndParams logs three lines per statement: a marker, the Cypher, the parameters.
  // Each line starts with a date (or, on a terminal, colours) and the namespace; colours end with "+3ms".
  // eslint-disable-next-line no-control-regex
  const strip = (line: string) => line.replace(/\u001b\[[\d;]*m/g, '').replace(/^.*?@neo4j\/graphql:execution ?/, '').replace(/\s*\+\d+m?s$/, '').trimEnd();
  const out: { cypher: string; params: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/executing cypher/.test(lines[i]!)) continue;
    out.push({ cypher: strip(lines[i + 1] ?? ''), params: strip(lines[i + 2] ?? '').replace(/^cypher params:\s*/, '') });
  }
  return out;
}
