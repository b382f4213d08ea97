/**
 * The parameter hazards of kuzu 0.11.3, first shown on the raw binding (the process dies or
 * the answer is wrong), then shown refused by the adapter with a clear error while the
 * process and the database carry on.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAdHocStatement } from '../../src/store/adhoc/index.js';
import { checkAdHocParams, checkDeclaredParams, parseParamType } from '../../src/store/params.js';
import { StoreInputError, type Store } from '../../src/store/port.js';
import { openSeededStore } from '../helpers/fixture-store.js';

const RAW = fileURLToPath(new URL('./crash/raw-kuzu.cjs', import.meta.url));
const IN_LIST = 'MATCH (p:Policy) WHERE p.id IN $ids RETURN p.id AS id';

function raw(params: Record<string, unknown>, text = IN_LIST) {
  const run = spawnSync(process.execPath, [RAW, JSON.stringify([text, params])], { encoding: 'utf8', timeout: 20_000 });
  return { died: run.status === null || run.status >= 128, status: run.status, signal: run.signal, stdout: run.stdout.trim() };
}

describe('what the raw binding does without the guard', () => {
  it.each([
    ['an empty list', { ids: [] }],
    ['a null list', { ids: null }],
    ['a missing list', {}],
  ])('x IN $ids with %s kills the process', (_what, params) => {
    expect(raw(params).died).toBe(true);
  });

  it('maps whose keys come in another order come back scrambled', () => {
    const out = raw({ rows: [{ b: 'x', a: 'z' }, { a: 'y', b: 'w' }] }, 'UNWIND $rows AS r RETURN r.a AS a, r.b AS b');
    expect(out.died).toBe(false);
    // The second row should read a=y, b=w.
    expect(JSON.parse(out.stdout)[1]).not.toEqual({ a: 'y', b: 'w' });
  });

  it('a column mixing whole and decimal numbers comes back as garbage', () => {
    const out = raw({ rows: [{ v: 1.5 }, { v: 2 }] }, 'UNWIND $rows AS r RETURN r.v AS v');
    expect(out.died).toBe(false);
    expect(JSON.parse(out.stdout)[1].v).not.toBe(2);
  });

  it('a missing scalar silently becomes NULL', () => {
    const out = raw({}, 'MATCH (p:Policy) WHERE p.id = $id RETURN p.id AS id');
    expect(out).toMatchObject({ died: false, stdout: '[]' });
  });
});

describe('the adapter refuses the same inputs and stays up', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openSeededStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreInputError);
    return (error as StoreInputError).message;
  };

  it('ad hoc: an empty list, a null, a missing parameter, mixed types', async () => {
    const opts = { timeoutMs: 5_000, maxRows: 100 };
    expect(await refusal(store.readOnlyCypher(IN_LIST, { ids: [] }, opts))).toMatch(/\$ids is an empty list/);
    expect(await refusal(store.readOnlyCypher(IN_LIST, { ids: null }, opts))).toMatch(/\$ids is null/);
    expect(await refusal(store.readOnlyCypher(IN_LIST, {}, opts))).toMatch(/uses \$ids but no value/);
    expect(await refusal(store.readOnlyCypher(IN_LIST, { ids: ['cybersecurity-law', 3] }, opts))).toMatch(/mixes STRING and INT64/);
    expect(await refusal(store.readOnlyCypher('RETURN $m AS m', { m: [{ a: 1 }, { b: 1 }] }, opts))).toMatch(/mixes MAP/);
    // Still alive, still answering.
    const ok = await store.readOnlyCypher(IN_LIST, { ids: ['cybersecurity-law'] }, opts);
    expect(ok.rows).toEqual([{ id: 'cybersecurity-law' }]);
  });

  it('ad hoc: maps in a list reach the engine in one key order', async () => {
    const r = await store.readOnlyCypher('UNWIND $rows AS r RETURN r.a AS a, r.b AS b', { rows: [{ b: 'x', a: 'z' }, { a: 'y', b: 'w' }] }, { timeoutMs: 5_000, maxRows: 10 });
    expect(r.rows).toEqual([{ a: 'z', b: 'x' }, { a: 'y', b: 'w' }]);
  });

  it('named queries: whole and decimal numbers in one batch are stored as given', async () => {
    const indicator = (id: string, value: number) => ({
      id, name: id, description: null, metric: 'm', value, unit: 'u', year: 2020, kind: 'ACTUAL',
      citeSources: ['src-000'], citeLocators: ['x'], citeNotes: ['y'], citeBases: ['STATED'],
    });
    await store.write((tx) => tx.run('bulkNodes.Indicator', { rows: [indicator('mix-a', 1.5), indicator('mix-b', 2), indicator('mix-c', -0.25)] }));
    const back = await store.readOnlyCypher("MATCH (i:Indicator) WHERE i.id STARTS WITH 'mix-' RETURN i.id AS id, i.value AS value ORDER BY id", {}, { timeoutMs: 5_000, maxRows: 10 });
    expect(back.rows).toEqual([{ id: 'mix-a', value: 1.5 }, { id: 'mix-b', value: 2 }, { id: 'mix-c', value: -0.25 }]);
  });

  it('named queries: missing, unknown, null and empty parameters are refused', async () => {
    const rows = [{ id: 'x', aliases: [] }];
    expect(await refusal(store.run('setAliases.Policy', { rows }))).toMatch(/must not be an empty list/);
    expect(await refusal(store.run('setAliases.Policy', {}))).toMatch(/\$rows of setAliases.Policy is missing/);
    expect(await refusal(store.run('setAliases.Policy', { rows: null }))).toMatch(/non-empty list of rows/);
    expect(await refusal(store.run('countByLabel', { extra: 1 }))).toMatch(/has no parameter \$extra/);
  });
});

describe('declared types', () => {
  const declared = { ids: parseParamType('STRING[]'), from: parseParamType('DATE?'), first: parseParamType('INT64') };
  it('accepts well-typed values and keeps nulls where allowed', () => {
    expect(checkDeclaredParams('q', declared, { ids: ['a'], from: null, first: 5 })).toEqual({ ids: ['a'], from: null, first: 5 });
  });
  it.each([
    [{ ids: [], from: null, first: 5 }, /empty list/],
    [{ ids: ['a', 1], from: null, first: 5 }, /\$ids of q\[1\] must be a string/],
    [{ ids: ['a'], from: '2017-02-30x', first: 5 }, /YYYY-MM-DD/],
    [{ ids: ['a'], from: null, first: 1.5 }, /whole number/],
    [{ ids: ['a'], from: null, first: null }, /must not be null/],
  ])('refuses %j', (params, message) => {
    expect(() => checkDeclaredParams('q', declared, params)).toThrow(message);
  });
  it('orders row keys as declared and fills missing nullable fields', () => {
    const rows = parseParamType('{id: STRING, name: STRING?}[]');
    expect(checkDeclaredParams('q', { rows }, { rows: [{ name: 'n', id: 'a' }, { id: 'b' }] })).toEqual({
      rows: [{ id: 'a', name: 'n' }, { id: 'b', name: null }],
    });
  });
  it('will not declare a nullable non-string inside rows (Kùzu would type it as STRING)', () => {
    expect(() => parseParamType('{id: STRING, year: INT64?}[]')).toThrow(/only STRING fields may be nullable/);
  });
  it('ad hoc values: numbers must be finite, maps non-empty, unused values dropped', () => {
    expect(() => checkAdHocParams(['x'], { x: Number.NaN })).toThrow(/finite/);
    expect(() => checkAdHocParams(['x'], { x: {} })).toThrow(/empty map/);
    expect(() => checkAdHocParams(['x'], {})).toThrow(/uses \$x but no value/);
    expect(checkAdHocParams(['x'], { x: 1, unused: 2 })).toEqual({ x: 1 });
  });
  it('ad hoc parameters come from the parse, not from the text: none in strings or comments, every one the engine reads', async () => {
    const names = async (text: string) => (await checkAdHocStatement(text, 'kuzu')).parameters;
    expect(await names("RETURN '$notAParam' AS s")).toEqual([]);
    expect(await names('RETURN 1 AS s // $inAComment')).toEqual([]);
    expect(await names('RETURN 1 AS s /* $inABlock */')).toEqual([]);
    // The old text-stripping missed this one (a quote inside a comment hid the rest of the
    // line), and the engine then got a missing list parameter, which killed the process.
    expect(await names("MATCH (n) // it's\nWHERE n.id IN $ids RETURN n.id AS id")).toEqual(['ids']);
    expect(await names('MATCH (n) WHERE n.id IN $`ids` AND n.name = $name RETURN n.id AS id')).toEqual(['ids', 'name']);
  });
});
