/**
 * Hostile ad hoc Cypher for `npm run test:fuzz`, built from the classes of attack the guard
 * must survive (src/store/adhoc/): a forbidden core (a write, file or network access, a
 * setting, transaction control, a procedure, an allocation bomb) hidden by tricks drawn at
 * random and combined — quotes and comment markers inside comments and strings, escapes,
 * keywords glued to numbers, backquotes, look-alike characters, deep nesting — plus random
 * mutations of an accepted statement. Every answer must carry a code; the graph must not change.
 */
import type { Random } from './fuzz-cases.js';

const CORES = [
  "CREATE (n:Policy {id: 'fuzz'})", "MERGE (n:Firm {id: 'fuzz'})", "MATCH (n) SET n.name = 'fuzz'", 'MATCH (n) DETACH DELETE n',
  'MATCH (n:Policy) REMOVE n.name', 'DROP TABLE Policy', 'ALTER TABLE Policy ADD fuzz STRING', 'CREATE MACRO fuzz(x) AS x',
  "LOAD FROM '/etc/passwd' RETURN *", "COPY (MATCH (n) RETURN n.id) TO '/tmp/fuzz-out.csv'", "COPY Policy FROM '/tmp/fuzz-in.csv'",
  "EXPORT DATABASE '/tmp/fuzz-dump'", "IMPORT DATABASE '/tmp/fuzz-dump'", "ATTACH '/tmp/fuzz.kuzu' AS f (dbtype kuzu)", 'INSTALL httpfs',
  'LOAD EXTENSION fts', 'CALL threads=1', 'CALL timeout=0', "CALL home_directory='/tmp'", 'BEGIN TRANSACTION', 'COMMIT', 'ROLLBACK',
  'CHECKPOINT', "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "FOREACH (x IN [1] | CREATE (:Policy {id: 'fuzz'}))",
  'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS', 'USE system SHOW USERS', 'CREATE DATABASE fuzz', 'SHOW USERS',
  "CREATE USER fuzz SET PASSWORD 'fuzz-password'", 'CALL dbms.listConfig()', "CALL apoc.load.json('file:///etc/passwd')",
  "CALL db.createLabel('Fuzz')", 'CREATE INDEX fuzz FOR (n:Policy) ON (n.name)', 'DROP CONSTRAINT entity_id',
  "RETURN repeat('x', 1000000000) AS s", "RETURN lpad('x', 1000000000, 'y') AS s", 'UNWIND range(1, 300000000) AS x RETURN count(x) AS n',
  'RETURN list_concat(range(1, 100000), range(1, 100000)) AS l', "RETURN reduce(s = 'x', i IN range(1, 64) | s + s) AS s",
  'EXPLAIN MATCH (n) RETURN n', 'CYPHER runtime=parallel MATCH (n) RETURN n',
];

const ACCEPTED = [
  'MATCH (n) RETURN n.id AS id LIMIT 1',
  'MATCH (p:Policy)-[:ISSUED_BY]->(a:Agency) RETURN a.name AS a, count(*) AS n ORDER BY n DESC LIMIT 3',
  "MATCH (n:Policy) WHERE n.id STARTS WITH 'c' RETURN n.name AS name SKIP 1 LIMIT 2",
  'UNWIND [1, 2, 3] AS x WITH x WHERE x > 1 RETURN collect(x) AS xs',
  'CALL show_tables() RETURN count(*) AS n',
];

const LOOKALIKES: Record<string, string[]> = {
  A: ['\u0410', '\uff21'], C: ['\u0421', '\uff23'], E: ['\u0415', '\uff25'], O: ['\u041e', '\uff2f'], T: ['\u0422', '\uff34'],
  ';': ['\uff1b', '\u037e'], '-': ['\u2014', '\u2212', '\uff0d'], ' ': ['\u00a0', '\u200b', '\u2028', '\u3000'], "'": ['\u2019', '\uff07'],
};

/** Ways of putting `core` after a harmless statement so that a text filter might miss it. */
const DISGUISES: ((core: string, r: Random) => string)[] = [
  (c) => `MATCH (n) RETURN n.id AS id // it's\n${c}`,
  (c) => `MATCH (n) RETURN n.id AS id // "\n${c}`,
  (c) => `MATCH (n) /* it's */ RETURN n.id AS id; ${c}`,
  (c) => `/* ' */ ${c} /* ' */`,
  (c) => `RETURN '\\\\' AS x // '\n${c}`,
  (c) => `RETURN 'it\\'s' AS x; ${c}`,
  (c) => `RETURN "a\\"b" AS x; ${c}`,
  (c) => `RETURN '/*' AS a, '*/' AS b; ${c}`,
  (c) => `RETURN 1 AS x //\r${c}`,
  (c) => `RETURN 1 AS x -- \n${c}`,
  (c, r) => `MATCH (n) RETURN n.id AS id LIMIT ${r.int(0, 9)}${c}`,
  (c, r) => `MATCH (n) RETURN n.id AS id SKIP ${r.int(0, 9)}${c}`,
  (c) => `RETURN 1e1${c}`,
  (c) => `RETURN 0x1${c}`,
  (c) => `MATCH (n) RETURN n.id AS \`x\`\`; ${c}\``,
  (c) => `MATCH (n) RETURN n.id AS id UNION ALL ${c}`,
  (c) => `WITH 1 AS x ${c}`,
  (c) => `OPTIONAL MATCH (n) ${c}`,
  (c) => `RETURN '\\u0027; ${c.replace(/'/g, "\\'")}' AS s`,
  (c) => `${c}`,
];

function withLookalike(text: string, r: Random): string {
  const positions = [...text].map((ch, i) => (LOOKALIKES[ch] ? i : -1)).filter((i) => i >= 0);
  if (!positions.length) return text;
  const at = r.pick(positions);
  const chars = [...text];
  chars[at] = r.pick(LOOKALIKES[chars[at]!]!);
  return chars.join('');
}

function nested(r: Random): string {
  const depth = r.pick([10, 39, 40, 41, 100, 1000, 4990]);
  const [open, close] = r.pick([['(', ')'], ['[', ']'], ['{a: ', '}'], ['size(', ')'], ['NOT ', ''], ['- ', ''], ['CASE WHEN true THEN ', ' END']]);
  const body = `${open.repeat(depth)}1${close.repeat(depth)}`;
  return `RETURN ${r.chance(0.2) ? body.slice(0, -1) : body} AS x`.slice(0, 10_050);
}

function doubling(r: Random): string {
  const times = r.int(5, 40);
  return r.chance(0.5)
    ? `WITH 'xxxxxxxxxx' AS s ${'WITH s + s AS s '.repeat(times)}RETURN size(s) AS n`
    : `UNWIND range(1, 1000) AS x WITH collect(x) AS l ${'WITH l + l AS l '.repeat(times)}RETURN size(l) AS n`;
}

/** One token of an accepted statement replaced, doubled or dropped, or a random one inserted. */
function mutated(r: Random): string {
  const tokens = r.pick(ACCEPTED).split(/(\s+)/);
  const i = r.int(0, tokens.length - 1);
  const noise = r.pick(['CREATE', 'LOAD', 'COPY', ';', '//', '/*', "'", '"', '`', '\\', '$', '1LOAD', 'CALL', '{', ')', '\u0000', '\ud800']);
  const op = r.int(0, 2);
  if (op === 0) tokens[i] = noise;
  else if (op === 1) tokens.splice(i, 0, noise);
  else tokens.splice(i, 1);
  return tokens.join('');
}

export function hostileCypher(r: Random): { query: string; params?: unknown } {
  const roll = r.next();
  if (roll < 0.45) {
    const text = r.pick(DISGUISES)(r.pick(CORES), r);
    return { query: r.chance(0.25) ? withLookalike(text, r) : text };
  }
  if (roll < 0.6) return { query: nested(r) };
  if (roll < 0.68) return { query: doubling(r) };
  if (roll < 0.78) return { query: 'MATCH (n) // it\'s\nWHERE n.id IN $ids RETURN n.id AS id', params: r.pick<unknown>([{}, { ids: [] }, { ids: null }, { ids: ['x'] }]) };
  if (roll < 0.85) return { query: 'UNWIND range(1, $n) AS x RETURN count(x) AS c', params: { n: r.pick([10, 300_000_000]) } };
  return { query: mutated(r) };
}
