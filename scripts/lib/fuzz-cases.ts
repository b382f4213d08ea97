/**
 * The requests `npm run test:fuzz` sends, drawn from a seeded random generator so that a
 * failing run can be repeated (FUZZ_SEED): random operations built from the published schema
 * (schema.graphql) with random arguments, hostile Cypher for the read-only field, malformed
 * bodies, wrong content types and methods, deep, wide and aliased queries, batches.
 */
import {
  getNamedType, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType, isNonNullType,
  isObjectType, isScalarType, isUnionType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLSchema,
} from 'graphql';

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof randomFrom>;

export interface FuzzRequest {
  /** Which family of input it belongs to, for the report. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Bytes written to a bare TCP connection instead of an HTTP request (not HTTP at all, or broken HTTP). */
  raw?: string;
}

const STRINGS = [
  '', ' ', 'law', 'Cybersecurity Law', '网络安全', '数据安全法', '🔐🇨🇳', 'ｆｕｌｌｗｉｄｔｈ', 'e\u0301\u0301\u0301',
  'مرحبا', '\u202eevil', '\u0000', 'a\u0000b', '\ud800', '\\', '"', "'", '%', '_', '*', '\n\t\r',
  "' OR 1=1 --", '") RETURN 1 //', 'MATCH (n) DETACH DELETE n', '${jndi:ldap://x}', '<script>alert(1)</script>',
  '../../etc/passwd', 'NaN', '-1', '1e309', 'null', 'undefined', '{}', '[]',
];

const DATES = ['2017-06-01', '2017', '2017-06', '2017-02-30', '2016-02-29', '1900-01-01', '9999-12-31', '0000-01-01',
  '-0001-01-01', '99999-01-01', '2017-13-01', '2017-1-1', '20170601', '2017-06-01T00:00:00Z', '', 'yesterday'];

const INTS = [0, 1, 2, 3, -1, -100, 10, 99, 100, 101, 1000, 2147483647, -2147483648];
const HUGE = [2147483648, -2147483649, 1e20, 9007199254740993, 0.5, -0.0];

function randomString(r: Random): string {
  if (r.chance(0.7)) return r.pick(STRINGS);
  if (r.chance(0.3)) return r.pick(STRINGS).repeat(r.int(100, 20_000));
  // Random code points, surrogates and all.
  return Array.from({ length: r.int(1, 60) }, () => String.fromCharCode(r.int(0, 0xffff))).join('');
}

export class SchemaFuzzer {
  constructor(readonly schema: GraphQLSchema, readonly r: Random, readonly ids: string[]) {}

  /** A value for an input type: usually well-formed, sometimes hostile, sometimes the wrong type. */
  value(type: GraphQLInputType, depth = 0): unknown {
    const { r } = this;
    if (!isNonNullType(type) && r.chance(0.08)) return null;
    if (r.chance(0.03)) return this.wrongValue();
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const n = r.pick([0, 0, 1, 2, 3, 10, 300]);
      return Array.from({ length: n }, () => (r.chance(0.05) ? null : this.value(inner.ofType, depth + 1)));
    }
    if (isInputObjectType(inner)) {
      const out: Record<string, unknown> = {};
      for (const field of Object.values(inner.getFields())) {
        if (isNonNullType(field.type) || r.chance(0.5)) out[field.name] = this.value(field.type, depth + 1);
      }
      if (r.chance(0.05)) out.noSuchField = 1;
      return out;
    }
    if (isEnumType(inner)) return r.chance(0.9) ? r.pick(inner.getValues()).value : 'NOT_A_VALUE';
    switch (inner.name) {
      case 'Int': return r.chance(0.85) ? r.pick(INTS) : r.pick(HUGE);
      case 'Float': return r.pick([0, 1.5, -3.25, 1e308, -1e-308, 42]);
      case 'Boolean': return r.chance(0.5);
      case 'ID': return r.chance(0.75) && this.ids.length ? r.pick(this.ids) : randomString(r);
      case 'String': return randomString(r);
      case 'Date': return r.pick(DATES);
      case 'JSON': return this.json(depth);
      default: return randomString(r);
    }
  }

  private wrongValue(): unknown {
    return this.r.pick([42, -1, 'text', true, [], {}, [[[]]], { a: { b: { c: [1, 'x', null] } } }, 1.5]);
  }

  private json(depth: number): unknown {
    const { r } = this;
    if (depth > 4) return r.pick([1, 'x', null, true]);
    return r.pick([
      () => ({ ids: this.ids.slice(0, r.int(0, 5)) }),
      () => ({ id: r.pick(this.ids), n: r.pick(INTS) }),
      () => ({ x: this.json(depth + 1), y: [this.json(depth + 1), this.json(depth + 1)] }),
      () => ({ huge: Array.from({ length: r.int(1000, 5000) }, (_, i) => i) }),
      () => ({ s: randomString(r), d: r.pick(DATES), f: 1e308 }),
      () => [],
      () => 'not an object',
      () => ({ nested: { deeper: { deepest: null } }, empty: [], mixed: [1, 'a', null, { b: [] }] }),
    ])();
  }

  /** `name(arg: …)`, each argument inline or as a variable (collected in `vars`). */
  private args(field: GraphQLField<unknown, unknown>, vars: Map<string, { type: string; value: unknown }>): string {
    const parts: string[] = [];
    for (const arg of field.args as readonly GraphQLArgument[]) {
      if (!isNonNullType(arg.type) && this.r.chance(0.45)) continue;
      const value = this.value(arg.type);
      if (this.r.chance(0.5)) {
        const name = `v${vars.size}`;
        vars.set(name, { type: String(arg.type), value });
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${literal(value, arg.type)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  /** A selection set on a composite type, `depth` levels at most. */
  selection(type: GraphQLNamedType, depth: number, vars: Map<string, { type: string; value: unknown }>): string {
    const { r } = this;
    if (isUnionType(type)) return `__typename ${type.getTypes().slice(0, 2).map((t) => `... on ${t.name} { ${this.selection(t, depth, vars)} }`).join(' ')}`;
    if (!isObjectType(type) && !isInterfaceType(type)) return '';
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    const count = r.int(1, Math.min(6, fields.length));
    for (let i = 0; i < count; i++) chosen.add(r.pick(depth <= 0 ? (leaves.length ? leaves : fields) : fields));
    const parts: string[] = [];
    for (const f of chosen) {
      const named = getNamedType(f.type);
      const sub = isLeafType(named) ? '' : ` { ${this.selection(named, depth - 1, vars) || '__typename'} }`;
      parts.push(`${r.chance(0.1) ? `a${parts.length}: ` : ''}${f.name}${this.args(f, vars)}${sub}`);
    }
    if (isInterfaceType(type) && r.chance(0.4)) {
      const impl = r.pick(this.schema.getPossibleTypes(type));
      parts.push(`... on ${impl.name} { ${this.selection(impl, depth - 1, vars) || '__typename'} }`);
    }
    return parts.join(' ');
  }

  /** One random operation on the Query type, with its variables. */
  operation(): { query: string; variables: Record<string, unknown> } {
    const vars = new Map<string, { type: string; value: unknown }>();
    const body = this.selection(this.schema.getQueryType()!, this.r.int(1, 4), vars);
    const declared = [...vars].map(([name, v]) => `$${name}: ${v.type}`).join(', ');
    const query = `query Fuzz${declared ? `(${declared})` : ''} { ${body} }`;
    const variables = Object.fromEntries([...vars].map(([name, v]) => [name, v.value]));
    // Sometimes a variable the operation declares goes missing, or one arrives that it does not.
    if (this.r.chance(0.05) && vars.size) delete variables[[...vars.keys()][0]!];
    if (this.r.chance(0.05)) variables.undeclared = 'x';
    return { query, variables };
  }
}

/** A value written as a GraphQL literal (enum values bare, everything else as JSON would). */
function literal(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (isListType(inner) && Array.isArray(value)) return `[${value.map((v) => literal(v, inner.ofType)).join(', ')}]`;
  if (isEnumType(inner) && typeof value === 'string' && /^[A-Za-z_]\w*$/.test(value)) return value;
  if (isInputObjectType(inner) && value && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? inner)}`).join(', ')} }`;
  }
  if (isScalarType(inner) && inner.name === 'JSON') return jsonLiteral(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return '0';
  if (typeof value === 'object') return jsonLiteral(value);
  return JSON.stringify(value);
}

/** JSON as a GraphQL object literal: keys bare. */
function jsonLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${jsonLiteral(v)}`).join(', ')} }`;
  return JSON.stringify(value) ?? 'null';
}

const CYPHER = [
  'MATCH (n) RETURN n.id AS id LIMIT 5',
  'MATCH (p:Policy)-[:ISSUED_BY]->(a:Agency) RETURN a.name AS a, count(*) AS n ORDER BY n DESC',
  'MATCH (a)-[*1..3]-(b) RETURN count(*) AS n',
  'MATCH (a)-[*1..30]-(b) RETURN count(*) AS n',
  'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id',
  'MATCH (n {id: $id}) RETURN n.name AS name',
  'RETURN $x AS x', 'RETURN 1/0 AS x', 'RETURN [x IN range(1, 100000000) | x] AS xs', 'UNWIND range(1, 10000000) AS x RETURN count(x) AS n',
  'RETURN date("2017-02-30") AS d', 'RETURN CAST("x" AS INT64) AS x', 'RETURN "\u0000" AS s', 'RETURN "网络安全" AS s',
  'CREATE (n:Policy {id: "fuzz"}) RETURN n', 'MATCH (n) DETACH DELETE n', 'MATCH (n) SET n.name = "x"',
  'MERGE (n:Firm {id: "fuzz"})', 'MATCH (n:Policy) REMOVE n.name', 'DROP TABLE Policy', 'CREATE NODE TABLE X(id STRING, PRIMARY KEY(id))',
  'LOAD FROM "/etc/passwd" RETURN *', 'COPY Policy FROM "/tmp/x.csv"', 'ATTACH "/tmp/other.kuzu" AS o (dbtype kuzu)',
  'INSTALL httpfs', 'LOAD EXTENSION "/tmp/x.so"', 'CALL db.labels()', 'CALL show_tables() RETURN *', 'CALL current_setting("threads") RETURN *',
  'EXPORT DATABASE "/tmp/x"', 'BEGIN TRANSACTION', 'COMMIT', 'CHECKPOINT', 'USE other', 'EXPLAIN MATCH (n) RETURN n', 'PROFILE MATCH (n) RETURN n',
  'MATCH (n) RETURN n; MATCH (m) DELETE m', '', ' ', ';', '//', '/* unterminated', 'MATCH (n RETURN n', 'RETURN', ')))(((',
  'MATCH (n) RETURN n LIMIT -1', 'MATCH (n) RETURN n SKIP 99999999999999999999', 'WITH 1 AS x CALL { CREATE (:Firm {id: "y"}) } RETURN x',
];

export function randomCypher(r: Random, ids: string[]): { query: string; params: unknown } {
  const query = r.chance(0.85) ? r.pick(CYPHER) : r.chance(0.5) ? randomString(r) : r.pick(CYPHER).repeat(r.int(2, 500));
  const params = r.pick<unknown>([
    undefined, null, {}, { ids: ids.slice(0, 3) }, { ids: [] }, { id: r.pick(ids) }, { x: [null, 1, 'a', { b: [] }] },
    { x: 'a'.repeat(100_000) }, { ids: [1, 2, 3] }, { x: { y: { z: { w: {} } } } }, [1, 2], 'params', { '': 1, 'bad key': 2 },
  ]);
  return { query, params };
}

const json = (value: unknown): FuzzRequest => ({
  kind: 'schema', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value),
});

/** Bodies that are not a GraphQL request as JSON. */
export function malformedBody(r: Random, valid: string): FuzzRequest {
  const body = r.pick<() => string | Buffer>([
    () => valid.slice(0, r.int(0, valid.length - 1)),
    () => Buffer.from(Array.from({ length: r.int(1, 4000) }, () => r.int(0, 255))),
    () => 'null', () => 'true', () => '42', () => '"query"', () => '[]', () => '{}', () => '[[[[]]]]',
    () => `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    () => `{"query": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
    () => JSON.stringify({ query: 5 }), () => JSON.stringify({ query: null }), () => JSON.stringify({ query: ['{ stats { nodeCount } }'] }),
    () => JSON.stringify({ query: '{ stats { nodeCount } }', variables: 'not an object' }),
    () => JSON.stringify({ query: '{ stats { nodeCount } }', variables: [1, 2] }),
    () => JSON.stringify({ query: '{ stats { nodeCount } }', operationName: 'Nope' }),
    () => JSON.stringify({ query: '{ stats { nodeCount } }', operationName: 5 }),
    () => JSON.stringify({ query: '{ stats { nodeCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
    () => JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } } }),
    () => `{"query": "{ stats { nodeCount } }", "query": "{ nothing }"}`,
    () => '{"query": "{ stats { nodeCount } }"} trailing',
    () => '\ufeff{"query": "{ stats { nodeCount } }"}',
    () => JSON.stringify({ query: `{ stats { nodeCount } } #${'x'.repeat(r.int(1_000_000, 1_200_000))}` }),
    () => JSON.stringify({ query: '\u0000' }), () => JSON.stringify({ query: '"""' }), () => JSON.stringify({ query: '{'.repeat(10_000) }),
    () => JSON.stringify({ query: `query { ${'stats { nodeCount } '.repeat(2)}`.slice(0, -3) }),
  ])();
  return { kind: 'malformed body', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body };
}

/** A valid operation sent the wrong way: content types, methods, query strings. */
export function wrongTransport(r: Random, valid: string): FuzzRequest {
  const query = (JSON.parse(valid) as { query: string }).query;
  return r.pick<() => FuzzRequest>([
    () => ({ kind: 'transport', method: 'POST', path: '/graphql', headers: { 'content-type': r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/graphql', 'application/json; charset=latin1', 'image/png', '']) }, body: valid }),
    () => ({ kind: 'transport', method: 'POST', path: '/graphql', headers: {}, body: valid }),
    () => ({ kind: 'transport', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(query)}` }),
    () => ({ kind: 'transport', method: 'GET', path: `/graphql?query=${encodeURIComponent(query)}`, headers: { accept: 'application/json' } }),
    () => ({ kind: 'transport', method: 'GET', path: `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(r.pick(['{', '[]', 'null', '{"a":1}']))}`, headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } }),
    () => ({ kind: 'transport', method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { x }')}`, headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } }),
    () => ({ kind: 'transport', method: 'GET', path: `/graphql?query=%E0%A4%A&x=${'%'.repeat(r.int(1, 5))}`, headers: { accept: 'application/json' } }),
    () => ({ kind: 'transport', method: r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']), path: '/graphql', headers: { 'content-type': 'application/json' }, body: valid }),
    () => ({ kind: 'transport', method: 'POST', path: r.pick(['/graphql/', '/GRAPHQL', '/graphql%00', '/../graphql', '/./graphql', '/graphql?x=1']), headers: { 'content-type': 'application/json' }, body: valid }),
    () => ({ kind: 'transport', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: valid }),
  ])();
}

/** Deep nesting, wide selections, a field aliased hundreds of times, fragment tricks. */
export function shapeAttack(r: Random, ids: string[]): FuzzRequest {
  const id = JSON.stringify(r.pick(ids));
  const query = r.pick<() => string>([
    () => {
      let inner = 'id';
      for (let i = 0, n = r.int(5, 300); i < n; i++) inner = `relations(first: ${r.int(1, 3)}) { node { ${inner} } }`;
      return `{ entity(id: ${id}) { ${inner} } }`;
    },
    () => `{ entity(id: ${id}) { ${Array.from({ length: r.int(100, 3000) }, (_, i) => `f${i}: name`).join(' ')} } }`,
    () => `{ ${Array.from({ length: r.int(100, 1000) }, (_, i) => `a${i}: entity(id: ${id}) { id name }`).join(' ')} }`,
    () => `{ ${Array.from({ length: r.int(50, 500) }, (_, i) => `s${i}: search(text: "law") { score }`).join(' ')} }`,
    () => `{ ${Array.from({ length: r.int(10, 200) }, (_, i) => `n${i}: neighborhood(id: ${id}, depth: 3) { nodes { id } }`).join(' ')} }`,
    () => `{ ${'stats { nodeCount } '.repeat(r.int(100, 3000))} }`,
    () => `{ entity(id: ${id}) { ...A } } fragment A on Entity { id ...B } fragment B on Entity { name ...A }`,
    () => `{ entity(id: ${id}) { ...A } } ${Array.from({ length: 200 }, (_, i) => `fragment ${i ? `F${i}` : 'A'} on Entity { id ${i < 199 ? `...F${i + 1}` : ''} }`).join(' ')}`,
    () => `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`,
    () => `{ ${'__typename '.repeat(r.int(1000, 20_000))} }`,
    () => `{ stats @skip(if: ${r.pick(['true', 'false', '"yes"', '1'])}) { nodeCount } entity(id: ${id}) @include(if: true) @unknown { id } }`,
    () => `query A { stats { nodeCount } } query B { stats { relationshipCount } }`,
    () => `mutation { deleteEverything }`, () => `subscription { stats { nodeCount } }`,
    () => `query ($a: Int = "x") { stats { nodeCount } }`, () => `{ entity(id: ${id}) { id id: name } }`,
    () => `query (${Array.from({ length: 500 }, (_, i) => `$v${i}: Int`).join(', ')}) { stats { nodeCount } }`,
  ])();
  return { ...json({ query }), kind: 'shape' };
}

/** Several operations in one body, which the server refuses as a whole. */
export function batch(r: Random, make: () => { query: string; variables: Record<string, unknown> }): FuzzRequest {
  return { ...json(Array.from({ length: r.int(1, 50) }, make)), kind: 'batch' };
}

export const asJsonRequest = (value: unknown, kind: string): FuzzRequest => ({ ...json(value), kind });

/** Bytes that are not a well-formed HTTP request: Node's parser refuses them before any handler. */
export function brokenHttp(r: Random): FuzzRequest {
  const raw = r.pick<() => string>([
    () => 'GARBAGE\r\n\r\n',
    () => 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}',
    () => 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}',
    () => `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`,
    () => 'GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n',
    () => 'POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    () => `\u0000\u0001\u0002${'\xff'.repeat(r.int(1, 100))}\r\n\r\n`,
  ])();
  return { kind: 'broken HTTP', method: 'RAW', path: '', headers: {}, raw };
}

/**
 * Documents built to make the limits' own walk expensive, or to slip past a limit that is not
 * counted through fragments: fragments spread inside fragments (each spreading the next two or
 * three times, so the expanded query is exponential in the document's length), padded up to
 * 100 KB or kept under the token cap, ending in `cypher`, a deep neighbourhood or a long path;
 * and floods of aliases. Each must be refused quickly, with a code.
 */
export function paddedFragments(r: Random, ids: string[]): FuzzRequest {
  const id = JSON.stringify(r.pick(ids));
  const leaf = r.pick([
    'c: cypher(query: "MATCH (a)-[*1..3]-(b) RETURN count(*) AS n") { rows }',
    `n: neighborhood(id: ${id}, depth: 3) { nodes { id } }`,
    `p: path(fromId: ${id}, toId: ${JSON.stringify(r.pick(ids))}, maxDepth: 8) { nodes { id } }`,
    `e: entity(id: ${id}) { relations(first: 100) { node { id } } }`,
    `s: search(text: "law", first: 100) { score }`,
  ]);
  const fanOut = r.int(2, 3);
  const count = r.pick([8, 20, 40, 120, r.int(500, 4000)]);
  const fragments = Array.from({ length: count }, (_, i) =>
    i === count - 1
      ? `fragment F${i} on Query { ${leaf} }`
      : `fragment F${i} on Query { ${Array.from({ length: fanOut }, (_, k) => (r.chance(0.3) ? `... on Query { ...F${i + 1} }` : k === 0 ? `...F${i + 1}` : `a${k}: __typename ...F${i + 1}`)).join(' ')} }`,
  );
  let query = `query Padded { ...F0 } ${fragments.join(' ')}`;
  // Padding that the lexer still has to read: comments, commas, whitespace.
  if (r.chance(0.3)) query += ` ${r.pick(['#', ',', ' ', '\n'])}`.repeat(r.int(1_000, 100_000));
  return { ...json({ query }), kind: 'padded fragments' };
}

/**
 * One field asked for many times under the same name (no alias), straight or through fragments:
 * graphql-js compares the repeats pairwise while validating; the edge refuses past a bound.
 */
export function repeatedFields(r: Random, ids: string[]): FuzzRequest {
  const id = JSON.stringify(r.pick(ids));
  const n = r.pick([2, 10, 60, 300, 480, r.int(2, 1990)]);
  const field = r.pick(['stats { nodeCount }', '__typename', `entity(id: ${id}) { id name }`, 'stats { nodes { label count } }']);
  if (r.chance(0.5)) return { ...json({ query: `{ ${`${field} `.repeat(n)}}` }), kind: 'repeated fields' };
  const spreads = Array.from({ length: n }, (_, i) => `...R${i}`).join(' ');
  const fragments = Array.from({ length: n }, (_, i) => `fragment R${i} on Query { ${field} }`).join(' ');
  return { ...json({ query: `{ ${spreads} } ${fragments}` }), kind: 'repeated fields' };
}

/** Aliases of a costly field, straight or through a fragment: the alias and `cypher` caps. */
export function aliasFlood(r: Random, ids: string[]): FuzzRequest {
  const id = JSON.stringify(r.pick(ids));
  const n = r.pick([3, 20, 49, 300, r.int(2, 1000)]);
  const field = r.pick([
    (i: number) => `c${i}: cypher(query: "MATCH (n) RETURN count(n) AS n") { rows }`,
    (i: number) => `n${i}: neighborhood(id: ${id}, depth: ${r.int(1, 3)}) { nodes { id } }`,
    (i: number) => `p${i}: path(fromId: ${id}, toId: ${id}, maxDepth: ${r.int(1, 8)}) { nodes { id } }`,
    (i: number) => `e${i}: entity(id: ${id}) { id }`,
  ]);
  const body = Array.from({ length: n }, (_, i) => field(i)).join(' ');
  const query = r.chance(0.5) ? `{ ${body} }` : `{ ...A } fragment A on Query { ${body} }`;
  return { ...json({ query }), kind: 'alias flood' };
}

/**
 * Variables nested deeper than the bound (objects, lists, or both in turn), to the depth where
 * a recursive walk would overflow its stack: refused with BAD_USER_INPUT, never a 500.
 */
export function deepVariables(r: Random): FuzzRequest {
  const [query, name] = r.pick([
    ['query($p: JSON) { cypher(query: "RETURN $a AS a", params: $p) { rows } }', 'p'],
    ['query($t: [EntityType!]) { search(text: "law", types: $t) { score } }', 't'],
    ['query($f: PolicyFilter) { policies(filter: $f) { totalCount } }', 'f'],
  ] as const);
  // A GET carries them in its address, which Node caps at 16 KB with the headers.
  const viaGet = name !== 'p' && r.chance(0.3);
  const depth = viaGet ? r.int(33, 800) : r.pick([33, 64, 500, 2_000, 10_000, r.int(33, 50_000)]);
  const shape = r.pick(['object', 'list', 'mixed'] as const);
  // Built as text: JSON.stringify of a value this deep would overflow this process's stack.
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const list = shape === 'list' || (shape === 'mixed' && i % 2 === 1);
    open += list ? '[' : '{"a":';
    close = (list ? ']' : '}') + close;
  }
  const value = `${open}1${close}`;
  if (viaGet) {
    return {
      kind: 'deep variables', method: 'GET', headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      path: `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(`{"${name}":${value}}`)}`,
    };
  }
  return { kind: 'deep variables', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: `{"query":${JSON.stringify(query)},"variables":{"${name}":${value}}}` };
}
