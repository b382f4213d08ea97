/**
 * The `cypher` field on Neo4j: every write or escape attempt in Neo4j's dialect fails (refused
 * by our check, or by the read-access transaction), and afterwards the graph, the users, the
 * databases, the indexes and the constraints are what they were. Runs in `npm run test:neo4j`.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { codesOf, dataOf, startApi, type Api } from '../api/helpers.js';
import { NEO4J_HOSTILE_STATEMENTS } from './hostile-statements.js';

let api: Api;
let admin: Driver;

/** What an attempt could change outside the graph, read with the administrator's rights. */
async function serverState() {
  const names = async (database: string, statement: string, field: string) => {
    const { records } = await admin.executeQuery(statement, {}, { database });
    return records.map((r) => String(r.get(field))).sort();
  };
  const store = loadConfig(process.env).store as { database?: string };
  return {
    users: await names('system', 'SHOW USERS YIELD user', 'user'),
    databases: await names('system', 'SHOW DATABASES YIELD name', 'name'),
    indexes: await names(store.database ?? 'neo4j', 'SHOW INDEXES YIELD name', 'name'),
    constraints: await names(store.database ?? 'neo4j', 'SHOW CONSTRAINTS YIELD name', 'name'),
    labels: await names(store.database ?? 'neo4j', 'CALL db.labels()', 'label'),
  };
}

beforeAll(async () => {
  api = await startApi();
  expect(api.server.store.engine).toBe('neo4j');
  const { uri, user, password } = loadConfig(process.env).store as { uri: string; user: string; password: string };
  admin = neo4j.driver(uri, neo4j.auth.basic(user, password));
});
afterAll(async () => {
  await api?.close();
  await admin?.close();
});

const ask = (q: string, params?: unknown) => api.gql('query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows } }', { q, p: params });

describe('cypher on Neo4j', () => {
  it(`tries at least 40 write or escape attempts (${NEO4J_HOSTILE_STATEMENTS.length})`, () => {
    expect(NEO4J_HOSTILE_STATEMENTS.length).toBeGreaterThanOrEqual(40);
  });

  it('fails every attempt with QUERY_REFUSED or CYPHER_ERROR, and nothing changes', async () => {
    const before = await graphFingerprint(api.server.store);
    const state = await serverState();
    expect(before.nodes).toBeGreaterThan(300);
    const outcomes: string[] = [];
    for (const [what, statement] of NEO4J_HOSTILE_STATEMENTS) {
      const r = await ask(statement);
      expect(r.status, what).toBe(200);
      expect(r.body.data ?? null, `${what}: ${JSON.stringify(r.body.data)}`).toBeNull();
      const codes = codesOf(r);
      expect(codes, what).toHaveLength(1);
      expect(['QUERY_REFUSED', 'CYPHER_ERROR'], `${what}: ${codes[0]} ${r.body.errors?.[0]?.message}`).toContain(codes[0]);
      outcomes.push(`${codes[0]} ${what}`);
    }
    expect(await graphFingerprint(api.server.store)).toEqual(before);
    expect(await serverState()).toEqual(state);
    // Our check stops most before the engine sees them; the read transaction stops the rest.
    expect(outcomes.filter((o) => o.startsWith('QUERY_REFUSED')).length).toBeGreaterThan(NEO4J_HOSTILE_STATEMENTS.length / 2);
  });

  it('runs reads, with parameters as values', async () => {
    const { cypher } = dataOf(await ask('MATCH (n:Policy {id: $id}) RETURN n.id AS id', { id: 'cybersecurity-law' }));
    expect(cypher).toEqual({ columns: ['id'], rows: [{ id: 'cybersecurity-law' }] });
    const injected = dataOf(await ask('MATCH (n:Policy {id: $id}) RETURN n.id AS id', { id: "x'}) DETACH DELETE n //" }));
    expect(injected.cypher.rows).toEqual([]);
  });

  it('answers a misspelt label, type or property with CYPHER_ERROR, as Kùzu does', async () => {
    for (const typo of ['MATCH (n:Polcy) RETURN n.id AS id', 'MATCH ()-[r:ISSUED_BYY]->() RETURN r', 'MATCH (n:Policy) RETURN n.nmae AS x']) {
      const r = await ask(typo);
      expect(codesOf(r), typo).toEqual(['CYPHER_ERROR']);
      expect(r.body.errors![0]!.message, typo).toMatch(/not in the database|not available/);
    }
  });

  it('stops a statement over the time limit with QUERY_TIMEOUT while cheap questions keep their answers', async () => {
    const quick = await startApi({ limits: { cypherTimeoutMs: 1_000 } });
    try {
      const started = Date.now();
      const hog = quick.gql('{ cypher(query: "MATCH (a)-[*1..30]-(b) RETURN count(*) AS n") { rows } }');
      await new Promise((r) => setTimeout(r, 200));
      const asked = Date.now();
      expect(dataOf(await quick.gql('{ cypher(query: "RETURN 1 AS ok") { rows } }')).cypher.rows).toEqual([{ ok: 1 }]);
      expect(Date.now() - asked).toBeLessThan(2_000);
      const r = await hog;
      expect(codesOf(r)).toEqual(['QUERY_TIMEOUT']);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await quick.close();
    }
  });
});
