/**
 * The query catalogue: every Cypher statement the product runs, read from `cypher/`.
 *
 * A file is one named query. Its header (leading `//` lines) describes it:
 *   // What the query answers, in a sentence or two.
 *   // @param from DATE?          one line per parameter (see params.ts for the types)
 *   // @mode read                 or write
 * The body follows, in the Cypher subset both engines accept. Where no shared spelling
 * exists, the body holds one version per engine, each after a `// @engine kuzu` or
 * `// @engine neo4j` line; that side-by-side pair is the only place engines differ.
 *
 * Bulk-write files in `cypher/writes/` are templates expanded once per label or
 * relationship pair of `src/model.ts` (`// @each label` / `// @each relationship`):
 * labels, types and property lists are schema identifiers filled in from the model,
 * never user input, and every expansion is linted and executed like any other query.
 *
 * Queries that filter on evidence (`// @each evidence`) are expanded once per non-empty set of
 * bases (model.ts BASES): `__CITED(r)__` becomes "r has a citation of one of these bases" and
 * `__DATED(f.bases)__` the same test on a comma-joined text of bases. The full set keeps the
 * file's name (relationsOf); a narrower one adds its bases (relationsOf.STATED,
 * relationsOf.STATED_INFERRED). The bases are written into the text because Kùzu 0.11.3
 * takes no parameter inside a recursive relationship's predicate and crashes on a parameter
 * inside a list predicate (`any(x IN … WHERE x IN $list)`); they come from the model, never
 * from a request (see evidenceQueryName).
 *
 * A body may repeat a block once per row of a set the model defines (UNION_SETS): the lines
 * between `// @union <set>` and `// @end` are written out once per row, each row's `__KEY__`
 * placeholders filled in, the copies joined by `UNION ALL`. Neo4j uses it to give each date
 * field or each relationship type its own index-range branch (see timelineEntityFacts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectPath } from '../paths.js';
import { BASES, DATE_FIELDS, ENTITY_LABELS, NODE_PROPERTIES, RELATIONSHIP_PROPERTIES, RELATIONSHIPS, LABELS, type Basis, type Label, type PropertyType } from '../model.js';
import { parseParamType, type ParamType } from './params.js';
import type { Engine } from './port.js';

export interface CatalogueQuery {
  name: string;
  file: string;
  description: string;
  mode: 'read' | 'write';
  /** Declared parameter types, as written in the header. */
  paramText: Record<string, string>;
  params: Record<string, ParamType>;
  text: Record<Engine, string>;
  /** True when the file spells one version per engine. */
  perEngine: boolean;
}

export const cypherDir = () => projectPath('cypher');

interface ParsedFile {
  description: string;
  mode: 'read' | 'write';
  params: Record<string, string>;
  each?: 'label' | 'relationship' | 'evidence';
  bodies: { shared?: string; kuzu?: string; neo4j?: string };
}

export function parseQueryFile(source: string, file: string): ParsedFile {
  const lines = source.split('\n');
  const description: string[] = [];
  const params: Record<string, string> = {};
  let mode: 'read' | 'write' = 'read';
  let each: ParsedFile['each'];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('//')) break;
    const body = line.slice(2).trim();
    if (body.startsWith('@engine')) break;
    const param = /^@param\s+(\w+)\s+(.+)$/.exec(body);
    if (param) params[param[1]!] = param[2]!.trim();
    else if (body.startsWith('@mode')) mode = body.split(/\s+/)[1] === 'write' ? 'write' : 'read';
    else if (body.startsWith('@each')) each = body.split(/\s+/)[1] as ParsedFile['each'];
    else if (body.startsWith('@')) throw new Error(`${file}: unknown header tag "${body}"`);
    else description.push(body);
  }
  const bodies: ParsedFile['bodies'] = {};
  let engine: 'shared' | Engine = 'shared';
  let current: string[] = [];
  const flush = () => {
    const text = current.join('\n').trim();
    if (text) {
      if (bodies[engine]) throw new Error(`${file}: two bodies for ${engine}`);
      bodies[engine] = text;
    }
    current = [];
  };
  for (; i < lines.length; i++) {
    const tag = /^\s*\/\/\s*@engine\s+(\w+)\s*$/.exec(lines[i]!);
    if (tag) {
      flush();
      if (tag[1] !== 'kuzu' && tag[1] !== 'neo4j') throw new Error(`${file}: unknown engine ${tag[1]}`);
      engine = tag[1];
    } else current.push(lines[i]!);
  }
  flush();
  if (bodies.shared && (bodies.kuzu || bodies.neo4j)) throw new Error(`${file}: a shared body and per-engine bodies`);
  if (!bodies.shared && !(bodies.kuzu && bodies.neo4j)) throw new Error(`${file}: needs one shared body or one per engine`);
  return { description: description.join(' '), mode, params, each, bodies };
}

/** Decimal numbers travel as text inside rows (see params.ts) and are cast back here. */
const TO_DOUBLE: Record<Engine, string> = { kuzu: 'to_double', neo4j: 'toFloat' };

function setClause(variable: string, props: Record<string, PropertyType>, skip: readonly string[], engine: Engine): string {
  const value = (key: string, type: PropertyType) => {
    if (type === 'DATE') return `date(row.${key})`;
    if (type === 'DOUBLE') return `${TO_DOUBLE[engine]}(row.${key})`;
    return `row.${key}`;
  };
  return Object.entries(props)
    .filter(([key]) => !skip.includes(key))
    .map(([key, type]) => `${variable}.${key} = ${value(key, type)}`)
    .join(',\n    ');
}

/** The values of a COPY subquery, one per column in table order (Kùzu only). */
function columnsClause(props: Record<string, PropertyType>): string {
  return Object.entries(props)
    .map(([key, type]) => {
      if (OPTIONAL_LIST_PROPERTIES.includes(key)) return 'CAST([] AS STRING[])';
      if (type === 'DATE') return `date(row.${key})`;
      if (type === 'DOUBLE') return `${TO_DOUBLE.kuzu}(row.${key})`;
      return `row.${key}`;
    })
    .join(', ');
}

/** Row type for a bulk write: `aliases` is written separately because it may be empty. */
function rowType(props: Record<string, PropertyType>, skip: readonly string[], extra: string[] = []): string {
  const fields = Object.entries(props)
    .filter(([key]) => !skip.includes(key))
    .map(([key, type]) => {
      if (type === 'DATE') return `${key}: STRING?`;
      if (type === 'STRING[]') return `${key}: STRING[]`;
      if (type === 'STRING') return key === 'id' ? `${key}: STRING` : `${key}: STRING?`;
      return `${key}: ${type}`;
    });
  return `{${[...extra, ...fields].join(', ')}}[]`;
}

/** Node properties written as empty lists by bulkNodes and filled by `setAliases`. */
export const OPTIONAL_LIST_PROPERTIES = ['aliases'];

function expand(file: string, parsed: ParsedFile, unionRows: number | undefined): CatalogueQuery[] {
  const base = basename(file, '.cypher');
  const make = (name: string, fill: (s: string, engine: Engine) => string, rows: string): CatalogueQuery => {
    const paramText: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed.params)) paramText[k] = v === '__ROWS__' ? rows : v;
    return build(name, file, parsed, fill, paramText, unionRows);
  };
  if (parsed.each === 'label') {
    return LABELS.map((label: Label) => {
      const props = NODE_PROPERTIES[label];
      const lists = OPTIONAL_LIST_PROPERTIES.filter((p) => p in props);
      const listOnly = base.startsWith('setAliases');
      if (listOnly && lists.length === 0) return undefined;
      const skip = listOnly ? [] : lists;
      const rows = listOnly ? `{id: STRING, ${lists.map((l) => `${l}: STRING[]`).join(', ')}}[]` : rowType(props, skip);
      const set = (engine: Engine) =>
        listOnly
          ? lists.map((l) => `n.${l} = row.${l}`).join(', ')
          : [setClause('n', props, ['id', ...skip], engine), ...lists.map((l) => `n.${l} = []`)].filter(Boolean).join(',\n    ');
      const fill = (s: string, engine: Engine) =>
        s.replaceAll('__LABEL__', label).replaceAll('__SET__', set(engine)).replaceAll('__COLUMNS__', columnsClause(props));
      return make(`${base}.${label}`, fill, rows);
    }).filter((q): q is CatalogueQuery => q !== undefined);
  }
  if (parsed.each === 'relationship') {
    return Object.entries(RELATIONSHIPS).flatMap(([type, pairs]) =>
      pairs.map(([from, to]) => {
        const rows = rowType(RELATIONSHIP_PROPERTIES, [], ['from: STRING', 'to: STRING']);
        const fill = (s: string, engine: Engine) =>
          s.replaceAll('__TYPE__', type).replaceAll('__FROM__', from).replaceAll('__TO__', to)
            .replaceAll('__SET__', setClause('r', RELATIONSHIP_PROPERTIES, [], engine))
            .replaceAll('__COLUMNS__', columnsClause(RELATIONSHIP_PROPERTIES));
        return make(`${base}.${type}.${from}.${to}`, fill, rows);
      }),
    );
  }
  if (parsed.each === 'evidence') {
    return evidenceSets().map((bases) => {
      const fill = (s: string) =>
        s.replace(/__CITED\(([\w.]+)\)__/g, (_, v: string) => `(${bases.map((b) => `'${b}' IN ${v}.citeBases`).join(' OR ')})`)
          .replace(/__DATED\(([\w.]+)\)__/g, (_, v: string) => `(${bases.map((b) => `${v} CONTAINS '${b}'`).join(' OR ')})`);
      return build(evidenceQueryName(base, bases), file, parsed, fill, parsed.params, unionRows);
    });
  }
  return [build(base, file, parsed, (s) => s, parsed.params, unionRows)];
}

/** Every non-empty set of bases, each in the model's order (strongest first). */
function evidenceSets(): Basis[][] {
  const sets: Basis[][] = [];
  for (let mask = (1 << BASES.length) - 1; mask > 0; mask--) sets.push(BASES.filter((_, i) => mask & (1 << i)));
  return sets;
}

/**
 * The name of the expansion of an `@each evidence` query for these bases: the file's name for
 * all of them, `name.STATED_INFERRED` for some. Bases outside the model are refused here, so
 * a name is always one the catalogue holds.
 */
export function evidenceQueryName(base: string, evidence: readonly string[]): string {
  const unknown = evidence.filter((b) => !(BASES as readonly string[]).includes(b));
  if (unknown.length || evidence.length === 0) throw new Error(`evidence must be a non-empty set of ${BASES.join(', ')} (got ${evidence.join(', ')})`);
  const bases = BASES.filter((b) => evidence.includes(b));
  return bases.length === BASES.length ? base : `${base}.${bases.join('_')}`;
}

const isEntity = (label: Label) => (ENTITY_LABELS as readonly string[]).includes(label);

/**
 * The rows of the `// @union` sets, from the model.
 * - entityDates: each date field of an entity (DATE_FIELDS) and the other value of a disputed
 *   date (altDate): FIELD (the fact's field name, as a Cypher expression), DATE, PRECISION,
 *   BASES (properties of `n`) and DISPUTED;
 * - relationshipDates: each relationship type that joins two entities, with its start
 *   (since) and its end (until): TYPE, DATE, PRECISION (properties of `r`) and EDGE;
 * - entityLabels: each entity label, LABEL, with its full-text index, FTS.
 */
export function unionSets(): Record<string, Record<string, string>[]> {
  const fields = [...new Set(ENTITY_LABELS.flatMap((l) => DATE_FIELDS[l] ?? []))];
  const entityDates = [
    ...fields.map((f) => ({ FIELD: `'${f}'`, DATE: `n.${f}`, PRECISION: `n.${f}Precision`, BASES: `n.${f}Bases`, DISPUTED: 'false' })),
    { FIELD: 'n.altField', DATE: 'n.altDate', PRECISION: 'n.altDatePrecision', BASES: 'n.altDateBases', DISPUTED: 'true' },
  ];
  const relationshipDates = Object.entries(RELATIONSHIPS)
    .filter(([type, pairs]) => {
      const between = pairs.filter(([f, t]) => isEntity(f) && isEntity(t)).length;
      // The branches leave the labels of the ends out, which holds only while a type joins
      // entities only or never.
      if (between && between < pairs.length) throw new Error(`relationship type ${type} joins entities and other nodes: timelineRelationshipFacts must test the labels of its ends`);
      return between > 0;
    })
    .flatMap(([type]) => [
      { TYPE: type, DATE: 'r.since', PRECISION: 'r.sincePrecision', EDGE: "'START'" },
      { TYPE: type, DATE: 'r.until', PRECISION: 'r.untilPrecision', EDGE: "'END'" },
    ]);
  const entityLabels = ENTITY_LABELS.map((label) => ({ LABEL: label, FTS: `${label.toLowerCase()}_fts` }));
  return { entityDates, relationshipDates, entityLabels };
}

/** Writes out the `// @union <set>` … `// @end` blocks of a body (see the header), for the first `rows` rows of each set (all by default). */
export function expandUnions(body: string, file: string, rows?: number): string {
  return body.replace(/^[ \t]*\/\/ @union (\w+)[ \t]*\n([\s\S]*?)^[ \t]*\/\/ @end[ \t]*$/gm, (_, set: string, block: string) => {
    const setRows = unionSets()[set];
    if (!setRows) throw new Error(`${file}: unknown @union set ${set}`);
    return setRows
      .slice(0, rows ?? setRows.length)
      .map((row) => block.replace(/__([A-Z]+)__/g, (whole, key: string) => row[key] ?? whole).trimEnd())
      .join('\n  UNION ALL\n');
  });
}

function build(
  name: string, file: string, parsed: ParsedFile, fill: (s: string, engine: Engine) => string, paramText: Record<string, string>,
  unionRows: number | undefined,
): CatalogueQuery {
  const params: Record<string, ParamType> = {};
  for (const [k, v] of Object.entries(paramText)) {
    try {
      params[k] = parseParamType(v);
    } catch (e) {
      throw new Error(`${file}: parameter $${k}: ${(e as Error).message}`);
    }
  }
  const kuzu = fill(expandUnions(parsed.bodies.shared ?? parsed.bodies.kuzu!, file, unionRows), 'kuzu');
  const neo4j = fill(expandUnions(parsed.bodies.shared ?? parsed.bodies.neo4j!, file, unionRows), 'neo4j');
  return {
    name, file, description: parsed.description, mode: parsed.mode, paramText, params,
    text: { kuzu, neo4j }, perEngine: !parsed.bodies.shared,
  };
}

function cypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.cypher'))
    .map((e) => join(dir, e.name))
    .sort();
}

let cached: Map<string, CatalogueQuery> | undefined;

/**
 * All named queries: `cypher/queries/*.cypher` and the expansions of `cypher/writes/*.cypher`.
 * `unionRows` writes each `// @union` block out for its first rows only: the lint gate checks
 * the block's text without parsing 44 copies of it (minutes on a busy machine); what runs is
 * always the whole text.
 */
export function loadCatalogue(root = cypherDir(), options: { unionRows?: number } = {}): Map<string, CatalogueQuery> {
  const whole = options.unionRows === undefined;
  if (whole && root === cypherDir() && cached) return cached;
  const queries = new Map<string, CatalogueQuery>();
  for (const sub of ['queries', 'writes']) {
    for (const file of cypherFiles(join(root, sub))) {
      const parsed = parseQueryFile(readFileSync(file, 'utf8'), file);
      for (const q of expand(file, parsed, options.unionRows)) {
        if (queries.has(q.name)) throw new Error(`${file}: query name ${q.name} is used twice`);
        queries.set(q.name, q);
      }
    }
  }
  if (whole && root === cypherDir()) cached = queries;
  return queries;
}

export function getQuery(name: string): CatalogueQuery {
  const query = loadCatalogue().get(name);
  if (!query) throw new Error(`no query named "${name}" in cypher/`);
  return query;
}

/** The schema statements of one engine, split on `;` at line ends, comments dropped. */
export function schemaStatements(engine: Engine, root = cypherDir()): string[] {
  const text = readFileSync(join(root, 'schema', `${engine}.cypher`), 'utf8');
  return text
    .split(/;\s*$/m)
    .map((s) => s.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n').trim())
    .filter(Boolean);
}

/** The name each schema statement creates (table, constraint or index), in file order. */
export function schemaObjectNames(engine: Engine, root = cypherDir()): string[] {
  return schemaStatements(engine, root).map((statement) => {
    const name =
      /CREATE (?:NODE |REL )?TABLE IF NOT EXISTS (\w+)/.exec(statement)?.[1] ??
      // A column added to a table: the table is what must exist.
      /ALTER TABLE (\w+) ADD IF NOT EXISTS/.exec(statement)?.[1] ??
      /CREATE (?:CONSTRAINT|(?:FULLTEXT |RANGE |TEXT )?INDEX) (\w+) IF NOT EXISTS/.exec(statement)?.[1] ??
      /CREATE_FTS_INDEX\('\w+', '(\w+)'/.exec(statement)?.[1];
    if (!name) throw new Error(`cypher/schema/${engine}.cypher: cannot tell what this creates: ${statement.slice(0, 80)}`);
    return name;
  });
}
