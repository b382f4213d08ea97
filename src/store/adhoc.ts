/**
 * What the read-only Cypher entry points (the `cypher` GraphQL field, `graph query`) refuse
 * before a statement reaches an engine. The engines enforce read-only transactions too; this
 * list also covers what a read transaction would allow but must not happen here: reading or
 * writing files, loading extensions, attaching databases, calling arbitrary procedures.
 */
import { StoreInputError } from './port.js';

const REFUSED: [RegExp, string][] = [
  [/\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|ALTER|RENAME)\b/i, 'writes or schema changes'],
  [/\b(LOAD|COPY|EXPORT|IMPORT|ATTACH|DETACH|USE|INSTALL|UPDATE|CHECKPOINT|BEGIN|COMMIT|ROLLBACK)\b/i, 'file access, extensions, other databases or transaction control'],
  [/\bFOREACH\b/i, 'FOREACH (an update clause)'],
  // Neo4j runs SHOW TRANSACTIONS / SETTINGS / DATABASES / CURRENT USER and TERMINATE
  // TRANSACTIONS in a read-access session: other users' statements, the server's settings, a
  // way to kill their work. Every SHOW and TERMINATE is refused.
  [/\b(GRANT|REVOKE|DENY|SHOW|TERMINATE)\b/i, 'administration'],
  [/\bIN\s+TRANSACTIONS\b/i, 'batched transactions'],
  [/\b(apoc|gds|dbms|db\.create|tx\.)\w*/i, 'procedures outside the allow-list'],
];

/** Procedures a researcher may call: they describe the graph and change nothing. */
const ALLOWED_PROCEDURES = new Set([
  'db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.schema.visualization',
  'db.index.fulltext.querynodes', 'show_tables', 'table_info', 'show_connection', 'show_indexes', 'query_fts_index',
]);

const MAX_LENGTH = 10_000;

/** Longest list `range()` may build in an ad hoc query. */
const MAX_RANGE = 100_000;

/**
 * `range()` builds its whole list in memory before the time limit can stop anything: on Kùzu
 * 0.11.3 `UNWIND range(1, 300000000)` is killed for lack of memory, `range(1, 20000000)` runs 44 s
 * past a 200 ms limit. So a range must be written with whole-number literals and be short.
 */
function assertSmallRanges(code: string): void {
  for (const call of code.matchAll(/\brange\s*\(/gi)) {
    const rest = code.slice(call.index! + call[0].length);
    const args = /^\s*(-?\d+)\s*,\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)/.exec(rest);
    const [from, to, step] = args ? [Number(args[1]), Number(args[2]), Math.abs(Number(args[3] ?? 1)) || 1] : [0, Infinity, 1];
    if (!args || Math.abs(to - from) / step > MAX_RANGE) {
      throw new StoreInputError(
        `range() must have whole-number literal bounds and at most ${MAX_RANGE} items here: it builds its list in memory before the time limit applies`,
        'QUERY_REFUSED',
      );
    }
  }
}

function withoutStringsAndComments(text: string): string {
  return text
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''")
    .replace(/\/\/.*$/gm, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ');
}

export function assertReadOnlyCypher(text: string): void {
  if (text.length > MAX_LENGTH) throw new StoreInputError(`the query is longer than ${MAX_LENGTH} characters`, 'QUERY_REFUSED');
  if (!text.trim()) throw new StoreInputError('the query is empty', 'QUERY_REFUSED');
  const code = withoutStringsAndComments(text);
  // Keywords, names and punctuation are ASCII in Cypher; anything else outside a string could
  // only be a look-alike (a fullwidth ＣＲＥＡＴＥ, a Cyrillic С, a fullwidth ； or a zero-width
  // space) that some parser might one day read as the real thing. Text belongs in quotes or
  // in params.
  const foreign = /[^\x00-\x7f]/.exec(code);
  if (foreign) {
    const point = `U+${foreign[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new StoreInputError(`only ASCII is accepted outside string literals (found ${point}): put text in quotes or in params`, 'QUERY_REFUSED');
  }
  if (/`/.test(code)) throw new StoreInputError('backquoted names are not accepted in ad hoc queries', 'QUERY_REFUSED');
  if (code.replace(/;\s*$/, '').includes(';')) {
    throw new StoreInputError('only one statement per query', 'QUERY_REFUSED');
  }
  for (const [pattern, what] of REFUSED) {
    const hit = pattern.exec(code);
    if (hit) throw new StoreInputError(`read-only: "${hit[0]}" is refused here (${what})`, 'QUERY_REFUSED');
  }
  assertSmallRanges(code);
  for (const call of code.matchAll(/\bCALL\s+([\w.]+)/gi)) {
    if (!ALLOWED_PROCEDURES.has(call[1]!.toLowerCase())) {
      throw new StoreInputError(
        `read-only: procedure ${call[1]} is not on the allow-list (${[...ALLOWED_PROCEDURES].join(', ')})`,
        'QUERY_REFUSED',
      );
    }
  }
}
