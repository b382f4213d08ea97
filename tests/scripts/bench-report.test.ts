import { describe, expect, it } from 'vitest';
import type { EngineRun } from '../../scripts/lib/bench-engines.js';
import type { QueryResult } from '../../scripts/lib/bench-measure.js';
import { engineTable, targetLines, type SizeResult } from '../../scripts/lib/bench-report.js';
import { SIZES } from '../../scripts/lib/graphs.js';
import { summarize } from '../../scripts/lib/stats.js';

const query = (name: string, raw: number, graphql: number): QueryResult => ({
  name, what: name, raw: summarize([raw]), graphql: summarize([graphql]), ratio: graphql / raw,
  roundTrips: { raw: 3, graphql: 3 }, items: { raw: 20, graphql: 20 },
});
const run = (engine: 'kuzu' | 'neo4j', queries: QueryResult[], peer?: EngineRun['peer']): EngineRun => ({
  engine, queries, peer, inProcessRss: { before: 0, after: 0 },
  load: { reused: false, ms: 1000, nodes: 10, relationships: 20, how: 'test' },
});

describe('bench report', () => {
  it('sets the engines side by side, question by question, with Neo4j over Kùzu', () => {
    const text = engineTable([run('kuzu', [query('search', 10, 11)]), run('neo4j', [query('search', 20, 22)])]);
    const [header, , row] = text.split('\n');
    expect(header).toMatch(/Kùzu raw.*Kùzu GraphQL.*ratio.*Neo4j raw.*Neo4j GraphQL.*ratio.*Neo4j \/ Kùzu/);
    expect(row).toMatch(/search\s+10\.0\s+11\.0\s+1\.10×\s+20\.0\s+22\.0\s+1\.10×\s+2\.00×\s+3\/3\s+20\/20/);
  });

  it('names every question that misses a target, and says so when none does', () => {
    const peer = {
      schemaMs: 1, statements: [], ourTrips: {},
      results: [{ name: 'policies', what: '', ours: summarize([30]), theirs: summarize([20]), ratio: 1.5, items: { ours: 20, theirs: 20 }, bytes: { ours: 1, theirs: 1 } }],
    };
    const results: SizeResult[] = [
      { size: SIZES.seed!, label: 'seed', seconds: 1, runs: [run('kuzu', [query('search', 10, 12), query('path', 10, 11)])] },
      { size: SIZES['1m']!, label: '1m', seconds: 1, runs: [run('neo4j', [query('timeline', 60, 65), query('path', 10, 11)], peer)] },
    ];
    const lines = targetLines(results).join('\n');
    expect(lines).toMatch(/worst 1\.20×; over: seed\/kuzu\/search 1\.20×$/m);
    expect(lines).toMatch(/Neo4j at 1m, GraphQL p50 \(target ≤ 50 ms\): over: timeline 65\.0 ms$/m);
    expect(lines).toMatch(/slower: 1m\/policies 1\.50×/);
    const fine = targetLines([{ size: SIZES.seed!, label: 'seed', seconds: 1, runs: [run('kuzu', [query('path', 10, 11)])] }]);
    expect(fine.join('\n')).toMatch(/every question within/);
  });
});
