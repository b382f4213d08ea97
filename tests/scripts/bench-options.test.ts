import { describe, expect, it } from 'vitest';
import { parseOptions, selected, UsageError, type Options } from '../../scripts/lib/bench-options.js';

const withJava = { canRunNeo4j: true };
const withoutJava = { canRunNeo4j: false };
const parse = (argv: string[], env: { canRunNeo4j: boolean; neo4jUri?: string } = withJava) => parseOptions(argv, env) as Options;

describe('npm run bench arguments', () => {
  it('measures both engines by default where a local Neo4j can run, at the seed and 1M sizes', () => {
    const o = parse([]);
    expect(o.engines).toEqual(['kuzu', 'neo4j']);
    expect(o.engineNote).toBeNull();
    expect(o.sizes.map((s) => s.name)).toEqual(['seed', '1m']);
    expect(o.skipPeer).toBe(false);
  });

  it('falls back to Kùzu alone, saying why, without java and mvn or NEO4J_URI', () => {
    const o = parse([], withoutJava);
    expect(o.engines).toEqual(['kuzu']);
    expect(o.engineNote).toMatch(/no java and mvn/);
    // No Neo4j, no @neo4j/graphql beside it.
    expect(o.skipPeer).toBe(true);
  });

  it('uses NEO4J_URI when set, even without java', () => {
    expect(parse([], { canRunNeo4j: false, neo4jUri: 'bolt://db:7687' }).engines).toEqual(['kuzu', 'neo4j']);
    expect(parse(['--engine', 'neo4j'], { canRunNeo4j: false, neo4jUri: 'bolt://db:7687' }).engines).toEqual(['neo4j']);
  });

  it('takes --engine kuzu, neo4j or both, and refuses anything else', () => {
    expect(parse(['--engine', 'kuzu']).engines).toEqual(['kuzu']);
    expect(parse(['--engine', 'neo4j']).engines).toEqual(['neo4j']);
    expect(parse(['--engine', 'both']).engines).toEqual(['kuzu', 'neo4j']);
    expect(() => parse(['--engine', 'postgres'])).toThrow(/kuzu, neo4j or both/);
    expect(() => parse(['--engine', 'neo4j'], withoutJava)).toThrow(UsageError);
  });

  it('reads sizes, custom sizes, flags and numbers, and refuses bad ones with the usage', () => {
    const o = parse(['--size', 'seed', '--nodes', '500', '--only', 'search,entity', '--skip-cannon', '--skip-peer', '--seconds', '3']);
    expect(o.sizes.map((s) => s.name)).toEqual(['seed', '500/5000']);
    expect(o.only).toEqual(['search', 'entity']);
    expect(o.skipCannon).toBe(true);
    expect(o.skipPeer).toBe(true);
    expect(o.seconds).toBe(3);
    expect(() => parse(['--size', 'huge'])).toThrow(/unknown size huge/);
    expect(() => parse(['--seconds', '-1'])).toThrow(/positive number/);
    expect(() => parse(['--neo4j-heap', 'lots'])).toThrow(/512m or 3g/);
    expect(() => parse(['--frobnicate'])).toThrow(/unknown argument --frobnicate/);
    expect(parseOptions(['--help'], withJava)).toBe('help');
  });

  it('selects questions by prefix under --only', () => {
    const o = parse(['--only', 'entity,neighbo']);
    expect(selected(o, 'entity (nested)')).toBe(true);
    expect(selected(o, 'neighborhood')).toBe(true);
    expect(selected(o, 'neighbourhood')).toBe(true);
    expect(selected(o, 'search')).toBe(false);
    expect(selected(parse([]), 'search')).toBe(true);
  });
});
