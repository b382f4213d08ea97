/**
 * Parameter guard. Kùzu 0.11.3 segfaults on `x IN $list` when the list is empty, null or
 * missing, returns garbage for lists of mixed types or of maps whose keys differ in order,
 * and turns a missing parameter into NULL. Every parameter therefore passes through here
 * before any engine sees it: named queries against the types their header declares, ad hoc
 * queries against the shapes their values have. Anything unsafe is refused with a message.
 */
import { StoreInputError, type Params } from './port.js';

export type ScalarBase = 'STRING' | 'INT64' | 'DOUBLE' | 'BOOL' | 'DATE';
export type ScalarType = { kind: 'scalar'; base: ScalarBase; nullable: boolean };
export type ListType = { kind: 'list'; of: ScalarBase };
export type RowsType = { kind: 'rows'; fields: [name: string, type: ScalarType | ListType][] };
export type ParamType = ScalarType | ListType | RowsType;

const BASES: readonly ScalarBase[] = ['STRING', 'INT64', 'DOUBLE', 'BOOL', 'DATE'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses a declared type: `STRING`, `INT64?` (nullable), `STRING[]` (a list: never null,
 * never empty), `{id: STRING, aliases: STRING[], year: INT64}[]` (rows for UNWIND). A DOUBLE
 * inside rows reaches the engine as text: the query must cast it (`to_double` on Kùzu,
 * `toFloat` on Neo4j), as the bulk-write templates do.
 * Inside rows only STRING may be nullable: Kùzu types a struct field from the first row,
 * and a NULL there is read as STRING, which breaks any other type.
 */
export function parseParamType(text: string): ParamType {
  const t = text.trim();
  const rows = /^\{(.*)\}\[\]$/.exec(t);
  if (rows) {
    const fields = rows[1]!.split(',').map((part) => {
      const [name, type] = part.split(':').map((s) => s.trim());
      if (!name || !type) throw new Error(`bad row field "${part}" in type ${t}`);
      const parsed = parseParamType(type);
      if (parsed.kind === 'rows') throw new Error(`rows cannot nest: ${t}`);
      if (parsed.kind === 'scalar' && parsed.nullable && parsed.base !== 'STRING') {
        throw new Error(`only STRING fields may be nullable inside rows (${name} in ${t})`);
      }
      if (parsed.kind === 'list' && parsed.of === 'DOUBLE') throw new Error(`DOUBLE[] cannot stand inside rows (${name} in ${t})`);
      return [name, parsed] as [string, ScalarType | ListType];
    });
    return { kind: 'rows', fields };
  }
  const list = /^(\w+)\[\]$/.exec(t);
  if (list) return { kind: 'list', of: base(list[1]!, t) };
  const scalar = /^(\w+)(\?)?$/.exec(t);
  if (scalar) return { kind: 'scalar', base: base(scalar[1]!, t), nullable: scalar[2] === '?' };
  throw new Error(`unknown parameter type "${t}"`);
}

function base(name: string, whole: string): ScalarBase {
  if (!(BASES as string[]).includes(name)) throw new Error(`unknown type ${name} in "${whole}"`);
  return name as ScalarBase;
}

function refuse(message: string): never {
  throw new StoreInputError(message, 'BAD_PARAMETER');
}

function checkScalar(base: ScalarBase, value: unknown, where: string): unknown {
  switch (base) {
    case 'STRING':
      if (typeof value !== 'string') refuse(`${where} must be a string`);
      return value;
    case 'BOOL':
      if (typeof value !== 'boolean') refuse(`${where} must be true or false`);
      return value;
    case 'INT64':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) refuse(`${where} must be a whole number`);
      return value;
    case 'DOUBLE':
      if (typeof value !== 'number' || !Number.isFinite(value)) refuse(`${where} must be a finite number`);
      return value;
    case 'DATE':
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
        refuse(`${where} must be a date written YYYY-MM-DD`);
      }
      return value;
  }
}

function checkValue(type: ScalarType | ListType, value: unknown, where: string): unknown {
  if (type.kind === 'scalar') {
    if (value === null) {
      if (!type.nullable) refuse(`${where} must not be null`);
      return null;
    }
    return checkScalar(type.base, value, where);
  }
  if (!Array.isArray(value)) refuse(`${where} must be a list`);
  if (value.length === 0) refuse(`${where} must not be an empty list`);
  return value.map((v, i) => checkScalar(type.of, v, `${where}[${i}]`));
}

/** Validates `params` against declarations; returns a copy with row keys in declared order. */
export function checkDeclaredParams(queryName: string, declared: Record<string, ParamType>, params: Params): Params {
  const out: Params = {};
  for (const key of Object.keys(params)) {
    if (!(key in declared)) refuse(`query ${queryName} has no parameter $${key}`);
  }
  for (const [name, type] of Object.entries(declared)) {
    const value = params[name];
    const where = `$${name} of ${queryName}`;
    if (value === undefined) refuse(`${where} is missing`);
    if (type.kind !== 'rows') {
      out[name] = checkValue(type, value, where);
      continue;
    }
    if (!Array.isArray(value) || value.length === 0) refuse(`${where} must be a non-empty list of rows`);
    out[name] = value.map((row, i) => {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) refuse(`${where}[${i}] must be a map`);
      const record = row as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!type.fields.some(([f]) => f === key)) refuse(`${where}[${i}] has unknown key ${key}`);
      }
      const ordered: Record<string, unknown> = {};
      for (const [field, fieldType] of type.fields) {
        const v = record[field] === undefined ? null : record[field];
        const checked = checkValue(fieldType, v, `${where}[${i}].${field}`);
        // Kùzu's binding types each number by whether it is whole, so a column mixing 2 and
        // 1.5 is read back as garbage: decimals travel as text, and the query casts them back.
        ordered[field] = fieldType.kind === 'scalar' && fieldType.base === 'DOUBLE' ? String(checked) : checked;
      }
      return ordered;
    });
  }
  return out;
}

/**
 * The canonical shape of an ad hoc value (`LIST(MAP{a:STRING,b:INT64})`), with every map's
 * keys sorted so that all maps in a list reach the engine in one key order.
 */
function canonical(value: unknown, where: string): { shape: string; value: unknown } {
  if (value === null || value === undefined) refuse(`${where} is null: leave the parameter out of the query instead`);
  if (typeof value === 'string') return { shape: 'STRING', value };
  if (typeof value === 'boolean') return { shape: 'BOOL', value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(`${where} must be a finite number`);
    return { shape: Number.isInteger(value) ? 'INT64' : 'DOUBLE', value };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) refuse(`${where} is an empty list, which the embedded engine cannot take`);
    const items = value.map((v, i) => canonical(v, `${where}[${i}]`));
    const first = items[0]!.shape;
    const odd = items.findIndex((item) => item.shape !== first);
    if (odd >= 0) refuse(`${where} mixes ${first} and ${items[odd]!.shape}: a list must hold one type`);
    return { shape: `LIST(${first})`, value: items.map((item) => item.value) };
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    if (keys.length === 0) refuse(`${where} is an empty map`);
    const out: Record<string, unknown> = {};
    const shapes: string[] = [];
    for (const key of keys) {
      const c = canonical((value as Record<string, unknown>)[key], `${where}.${key}`);
      out[key] = c.value;
      shapes.push(`${key}:${c.shape}`);
    }
    return { shape: `MAP{${shapes.join(',')}}`, value: out };
  }
  refuse(`${where} has an unsupported type (${typeof value})`);
}

/**
 * Validates the parameters of an ad hoc query: each one the statement refers to present, each
 * value safe. `names` come from the guard's parse of the statement (../adhoc/guard.ts), not from
 * the text, so a `$name` inside a string or a comment is not one, and one the engine will read
 * always is. Values the statement does not use are dropped.
 */
export function checkAdHocParams(names: readonly string[], params: Params): Params {
  const out: Params = {};
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(params, name)) refuse(`the query uses $${name} but no value was given for it`);
    out[name] = canonical(params[name], `$${name}`).value;
  }
  return out;
}
