/**
 * The `cypher` field is read-only, enforced twice: by the parsed allow-list (src/store/adhoc/) and
 * by the engine's read-only transaction. Every write or escape attempt below must fail, and
 * afterwards the graph must be byte for byte what it was, with no file written.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint } from '../helpers/fingerprint.js';
import { startApi, codesOf, dataOf, type Api } from './helpers.js';

let api: Api;
const dir = mkdtempSync(join(tmpdir(), 'cypher-escape-'));
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

/** Each attempt with what it tries. */
const ATTEMPTS: [what: string, query: string][] = [
  ['CREATE a node', "CREATE (n:Policy {id: 'evil'}) RETURN n.id"],
  ['MERGE a node', "MERGE (n:Policy {id: 'evil'}) RETURN n.id"],
  ['SET a property', "MATCH (n:Policy) SET n.name = 'evil' RETURN n.id"],
  ['SET += a map', "MATCH (n:Policy) WHERE n.id = 'cybersecurity-law' SET n += {name: 'evil'}"],
  ['REMOVE a property', 'MATCH (n:Policy) REMOVE n.name RETURN n.id'],
  ['DELETE nodes', 'MATCH (n:Policy) DELETE n'],
  ['DETACH DELETE everything', 'MATCH (n) DETACH DELETE n'],
  ['lower-case detach delete', 'match (n) detach delete n'],
  ['DROP TABLE', 'DROP TABLE Policy'],
  ['ALTER TABLE', 'ALTER TABLE Policy ADD extra STRING'],
  ['CREATE NODE TABLE', 'CREATE NODE TABLE Evil(id STRING, PRIMARY KEY(id))'],
  ['CREATE MACRO', 'CREATE MACRO evil(x) AS x'],
  ['COPY … FROM a file', `COPY Policy FROM '${file('in.csv')}'`],
  ['COPY … TO a file', `COPY (MATCH (n) RETURN n.id) TO '${file('out.csv')}'`],
  ['COPY a table TO parquet', `COPY Policy TO '${file('out.parquet')}'`],
  ['LOAD FROM a file', "LOAD FROM '/etc/passwd' RETURN *"],
  ['LOAD WITH HEADERS', `LOAD WITH HEADERS (id STRING) FROM '${file('in.csv')}' RETURN *`],
  ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
  ['EXPORT DATABASE', `EXPORT DATABASE '${file('dump')}'`],
  ['IMPORT DATABASE', `IMPORT DATABASE '${file('dump')}'`],
  ['ATTACH a database', `ATTACH '${file('other.kuzu')}' AS other (dbtype kuzu)`],
  ['USE another database', 'USE other MATCH (n) RETURN n.id'],
  ['INSTALL an extension', 'INSTALL httpfs'],
  ['LOAD EXTENSION', 'LOAD EXTENSION httpfs'],
  ['CALL dbms.*', 'CALL dbms.listConfig()'],
  ['CALL apoc', `CALL apoc.export.csv.all('${file('apoc.csv')}', {})`],
  ['CALL db.createLabel', "CALL db.createLabel('Evil')"],
  ['CALL a full-text index into being', "CALL CREATE_FTS_INDEX('Policy', 'evil', ['name'])"],
  ['CALL DROP_FTS_INDEX', "CALL DROP_FTS_INDEX('Policy', 'policy_fts')"],
  ['CALL a setting', "CALL current_setting('threads') RETURN *"],
  ['CALL {} IN TRANSACTIONS', 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS'],
  ['CALL {} subquery writing', "CALL { CREATE (n:Policy {id: 'evil'}) }"],
  ['FOREACH writing', "FOREACH (x IN [1] | CREATE (:Policy {id: 'evil'}))"],
  ['UNION with a write', "MATCH (n) RETURN n.id AS id UNION ALL CREATE (m:Policy {id: 'evil'}) RETURN m.id AS id"],
  ['two statements', 'MATCH (n) RETURN n.id; MATCH (n) DETACH DELETE n'],
  ['two statements after a string', "RETURN 'a;b' AS a; CREATE (n:Policy {id: 'evil'})"],
  ['a keyword after a line comment', "MATCH (n) RETURN n.id // harmless\nCREATE (m:Policy {id: 'evil'})"],
  ['a keyword split by a block comment', "CRE/**/ATE (n:Policy {id: 'evil'})"],
  ['a backquoted label', 'MATCH (n:`Policy`) DETACH DELETE n'],
  ['fullwidth letters', "ＣＲＥＡＴＥ (n:Policy {id: 'evil'})"],
  ['a Cyrillic look-alike', "\u0421REATE (n:Policy {id: 'evil'})"],
  ['a zero-width space', "CRE\u200bATE (n:Policy {id: 'evil'})"],
  ['a fullwidth semicolon', "MATCH (n) RETURN n.id \uff1b CREATE (m:Policy {id: 'evil'})"],
  ['a Greek question mark (a semicolon look-alike)', "MATCH (n) RETURN n.id \u037e CREATE (m:Policy {id: 'evil'})"],
  ['PROFILE a write', "PROFILE CREATE (n:Policy {id: 'evil'})"],
  ['EXPLAIN a write', "EXPLAIN CREATE (n:Policy {id: 'evil'})"],
  ['BEGIN TRANSACTION', 'BEGIN TRANSACTION'],
  ['COMMIT', 'COMMIT'],
  ['ROLLBACK', 'ROLLBACK'],
  ['CHECKPOINT', 'CHECKPOINT'],
  ['a huge range() to exhaust memory', 'UNWIND range(1, 300000000) AS x RETURN count(x) AS n'],
  ['a range() with computed bounds', 'UNWIND range(1, 1000 * 1000 * 1000) AS x RETURN count(x) AS n'],
  ['an empty statement', '   '],
];

describe('cypher refuses writes and escapes', () => {
  it(`has at least 30 attempts (${ATTEMPTS.length})`, () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(30);
  });

  it('fails every attempt and leaves the graph and the disk exactly as they were', async () => {
    const before = await graphFingerprint(api.server.store);
    expect(before.nodes).toBeGreaterThan(300);
    const outcomes: string[] = [];
    for (const [what, query] of ATTEMPTS) {
      const r = await api.gql('query($q: String!) { cypher(query: $q) { columns rows } }', { q: query });
      const codes = codesOf(r);
      expect(r.body.data ?? null, what).toBeNull();
      expect(codes.length, what).toBe(1);
      // Refused before reaching the engine, or refused by its parser: never run.
      expect(['QUERY_REFUSED', 'CYPHER_ERROR'], `${what}: ${codes[0]}`).toContain(codes[0]);
      outcomes.push(`${codes[0]} ${what}`);
    }
    // Most are refused by our list, with a reason; the engine's parser rejects the rest.
    expect(outcomes.filter((o) => o.startsWith('QUERY_REFUSED')).length).toBeGreaterThanOrEqual(ATTEMPTS.length - 2);
    const after = await graphFingerprint(api.server.store);
    expect(after).toEqual(before);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(file('out.csv'))).toBe(false);
  });

  it('says why a statement is refused', async () => {
    const r = await api.gql('{ cypher(query: "MATCH (n) DETACH DELETE n") { rows } }');
    expect(r.body.errors![0]!.message).toBe('ad hoc queries are read-only: DETACH DELETE is refused here (accepted: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION and CALL of an allowed procedure)');
    const unicode = await api.gql('query($q: String!) { cypher(query: $q) { rows } }', { q: 'ＣＲＥＡＴＥ (n:Policy {id: "x"})' });
    expect(unicode.body.errors![0]!.message).toBe('only ASCII is accepted outside string literals (found U+FF23 in "ＣＲＥＡＴＥ"): put text in quotes or in params');
  });

  it('treats parameters as values, never as Cypher', async () => {
    const before = await graphFingerprint(api.server.store);
    const { cypher } = dataOf(await api.gql('query($p: JSON) { cypher(query: "MATCH (n:Policy {id: $id}) RETURN n.id AS id", params: $p) { rows } }', {
      p: { id: "x'}) DETACH DELETE n //" },
    }));
    expect(cypher.rows).toEqual([]);
    expect(await graphFingerprint(api.server.store)).toEqual(before);
  });

  it('answers a bad parameter with BAD_PARAMETER and a Cypher mistake with CYPHER_ERROR', async () => {
    const missing = await api.gql('{ cypher(query: "MATCH (n:Policy {id: $id}) RETURN n.id AS id") { rows } }');
    expect(codesOf(missing)).toEqual(['BAD_PARAMETER']);
    expect(missing.body.errors![0]!.message).toBe('the query uses $id but no value was given for it');
    const mixed = await api.gql('{ cypher(query: "RETURN $xs AS xs", params: { xs: [1, "a"] }) { rows } }');
    expect(codesOf(mixed)).toEqual(['BAD_PARAMETER']);
    const typo = await api.gql('{ cypher(query: "MATCH (n:Polcy) RETURN n.id AS id") { rows } }');
    expect(codesOf(typo)).toEqual(['CYPHER_ERROR']);
  });

  it('answers a statement that fills the memory with QUERY_TOO_LARGE, and the questions asked meanwhile still get their answers', async () => {
    // Every walk of up to 30 steps from every node: the buffer pool (256 MiB here) fills within a second.
    const hog = api.gql('{ cypher(query: "MATCH (a)-[*1..30]-(b) RETURN count(*) AS n") { rows } }');
    const questions = Array.from({ length: 12 }, () => api.gql('{ neighborhood(id: "cybersecurity-law", depth: 2) { nodes { id } } path(fromId: "venustech", toId: "data-security-law") { nodes { id } } }'));
    const r = await hog;
    expect(codesOf(r)).toEqual(['QUERY_TOO_LARGE']);
    expect(r.body.errors![0]!.message).toMatch(/bound variable-length patterns/);
    for (const answer of await Promise.all(questions)) {
      const data = dataOf(answer);
      expect(data.neighborhood.nodes.length).toBeGreaterThan(10);
      expect(data.path.nodes.length).toBeGreaterThan(1);
    }
  });

  it('stops a statement over the time limit with QUERY_TIMEOUT, and the server goes on', async () => {
    const quick = await startApi({ limits: { cypherTimeoutMs: 200 }, seedDir: new URL('../fixtures/graph/', import.meta.url).pathname });
    try {
      const started = Date.now();
      const r = await quick.gql('{ cypher(query: "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a + b = 7 RETURN count(*) AS n") { rows } }');
      expect(codesOf(r)).toEqual(['QUERY_TIMEOUT']);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(dataOf(await quick.gql('{ cypher(query: "RETURN 1 AS ok") { rows } }')).cypher.rows).toEqual([{ ok: 1 }]);
    } finally {
      await quick.close();
    }
  });
});
