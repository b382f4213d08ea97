import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('uses the embedded engine when NEO4J_URI is unset', () => {
    expect(loadConfig({}).store).toEqual({ engine: 'kuzu', path: 'data/graph.kuzu', bufferPoolMb: 2048 });
    expect(loadConfig({ EMBEDDED_DB: '' }).store).toMatchObject({ path: 'data/graph.kuzu' });
    expect(loadConfig({ EMBEDDED_DB: ':memory:' }).store).toMatchObject({ engine: 'kuzu', path: ':memory:' });
  });

  it('uses Neo4j with any scheme the driver routes or connects with', () => {
    for (const uri of ['neo4j://db:7687', 'neo4j+s://x.databases.neo4j.io', 'bolt://localhost:7687', 'bolt+ssc://h:7687']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret' }).store).toMatchObject({ engine: 'neo4j', uri, user: 'neo4j' });
    }
  });

  it('fails fast with a readable message', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toThrow(/NEO4J_URI "http:\/\/localhost:7474" is not a Neo4j address/);
    expect(() => loadConfig({ NEO4J_URI: 'neo4j://localhost:7687' })).toThrow(/NEO4J_PASSWORD is not set/);
    expect(() => loadConfig({ NEO4J_URI: 'neo4j://:abc', NEO4J_PASSWORD: 'x' })).toThrow(/is not a Neo4j address/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ PLAYGROUND: 'maybe' })).toThrow(/PLAYGROUND must be true or false/);
  });

  it('turns the playground off in production unless asked for', () => {
    expect(loadConfig({}).playground).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).playground).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' }).playground).toBe(true);
  });
});
