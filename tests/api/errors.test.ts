/**
 * Each class of error as a client sees it: its `extensions.code`, a message that says what to
 * do, and — in production — no stack trace and no internal message. An engine failure is
 * logged, answered as INTERNAL_SERVER_ERROR, and the server goes on answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, codesOf, dataOf, type Api } from './helpers.js';

let dev: Api;
let prod: Api;
beforeAll(async () => {
  [dev, prod] = await Promise.all([startApi(), startApi({ production: true })]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), prod?.close()]);
});

/** Makes the next named query `name` fail inside the engine adapter, as a broken engine would. */
function breakQueryOnce(api: Api, name: string, message: string) {
  const store = api.server.store;
  const original = store.run.bind(store);
  store.run = async (queryName, params) => {
    if (queryName === name) {
      store.run = original;
      throw new Error(message);
    }
    return original(queryName, params);
  };
}

describe('BAD_USER_INPUT', () => {
  it('refuses a date that does not exist, written in the query', async () => {
    const r = await dev.gql('{ timeline(from: "2017-02-30") { date } }');
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors![0]!.message).toMatch(/"2017-02-30" is not a date: write a real calendar day as YYYY-MM-DD/);
  });

  it('refuses a badly written date given as a variable', async () => {
    for (const value of ['2017-13-01', '2017/06/01', '17-06-01', '2017-6-1']) {
      const r = await dev.gql('query($d: Date) { timeline(from: $d) { date } }', { d: value });
      expect(r.status, value).toBe(400);
      expect(codesOf(r), value).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses variables that do not coerce, however many, as BAD_USER_INPUT, and logs no error of ours', async () => {
    const query = 'query($types: [EntityType!]) { search(text: "law", types: $types) { score } }';
    for (const count of [3, 60]) {
      const logged = prod.logs.length;
      const r = await prod.gql(query, { types: Array(count).fill('NOT_A_TYPE') });
      expect(r.status).toBe(400);
      expect(new Set(codesOf(r))).toEqual(new Set(['BAD_USER_INPUT']));
      expect(prod.logs.slice(logged).filter((l) => l.level === 'error')).toEqual([]);
    }
  });

  it('refuses arguments out of range, saying the range', async () => {
    const cases: [string, RegExp][] = [
      ['{ search(text: "law", first: 0) { score } }', /first must be from 1 to 100/],
      ['{ neighborhood(id: "china", depth: 4) { nodes { id } } }', /depth must be from 1 to 3/],
      ['{ path(fromId: "china", toId: "venustech", maxDepth: 9) { nodes { id } } }', /maxDepth must be from 1 to 8/],
      ['{ policies(after: "not-a-cursor") { totalCount } }', /`after` is not a cursor of this API/],
      ['{ policies(filter: { kinds: ["ESSAY"] }) { totalCount } }', /unknown policy kind ESSAY/],
      ['{ timeline(from: "2018-01-01", to: "2017-01-01") { date } }', /from \(2018-01-01\) is after to \(2017-01-01\)/],
      ['{ entity(id: "china") { relations(types: ["LIKES"]) { type } } }', /unknown relationship type LIKES/],
      ['{ search(text: "?!") { score } }', /no letters or digits/],
      ['{ cypher(query: "RETURN 1 AS x", params: [1, 2]) { rows } }', /params must be a JSON object/],
    ];
    for (const [query, message] of cases) {
      const r = await dev.gql(query);
      expect(codesOf(r), query).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors![0]!.message, query).toMatch(message);
    }
  });
});

describe('GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED', () => {
  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const r = await dev.gql('{ entity(id: "china") { id ');
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('answers an unknown field or a wrong argument type with GRAPHQL_VALIDATION_FAILED', async () => {
    for (const query of ['{ nothing }', '{ entity(id: "china") { salary } }', '{ search(text: 5) { score } }', '{ timeline(types: [PLANET]) { date } }']) {
      const r = await dev.gql(query);
      expect(r.status, query).toBe(400);
      expect(codesOf(r), query).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
  });

  it('refuses a mutation or a subscription as a validation failure, not as our error', async () => {
    for (const query of ['mutation { deleteEverything }', 'subscription { stats { nodeCount } }']) {
      const r = await prod.gql(query);
      expect(r.status, query).toBe(400);
      expect(codesOf(r), query).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.body.errors![0]!.message, query).toMatch(/only reads, so send a query/);
    }
  });
});

describe('INTERNAL_SERVER_ERROR', () => {
  it('answers an engine failure without its message in production, logs it, and keeps serving', async () => {
    breakQueryOnce(prod, 'entityById', 'engine exploded: /var/lib/secret/path');
    const r = await prod.gql('{ entity(id: "venustech") { id } }');
    expect(codesOf(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    const error = r.body.errors![0]!;
    expect(error.message).toBe('Internal server error: the server log has the details.');
    expect(JSON.stringify(r.body)).not.toMatch(/secret|exploded|stacktrace|at .*\.js/);
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    const logged = prod.logs.find((l) => l.level === 'error' && String(l.error).includes('engine exploded'));
    expect(logged).toMatchObject({ msg: 'graphql error', path: 'entity' });
    expect(String(logged!.stack)).toContain('engine exploded');
    // The process lives on and answers the next request.
    expect(dataOf(await prod.gql('{ entity(id: "venustech") { id } }')).entity).toEqual({ id: 'venustech' });
  });

  it('shows the message (not hidden) outside production, still as INTERNAL_SERVER_ERROR', async () => {
    breakQueryOnce(dev, 'relationsOf', 'engine exploded in development');
    const r = await dev.gql('{ entity(id: "venustech") { id relations { type } } }');
    expect(codesOf(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(r.body.errors![0]!.message).toContain('engine exploded in development');
    expect(r.body.data).toEqual({ entity: null });
  });

  it('treats a named query refused by the parameter guard as ours, not the user\'s', async () => {
    const store = prod.server.store;
    const original = store.run.bind(store);
    // A resolver bug: a parameter of the wrong type, which the guard refuses before the engine sees it.
    store.run = (name, params) => original(name, name === 'entityById' ? { id: ['venustech'] } : params);
    try {
      const r = await prod.gql('{ entity(id: "venustech") { id } }');
      expect(codesOf(r)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(r.body.errors![0]!.message).not.toMatch(/\bid\b|must be a string/);
    } finally {
      store.run = original;
    }
  });
});

describe('production responses', () => {
  it('carry no stack trace for any class of error', async () => {
    for (const query of ['{ timeline(from: "2017-02-30") { date } }', '{ nothing }', '{ search(text: "law", first: 500) { score } }', '{ cypher(query: "CREATE (n:Policy {id: \\"x\\"})") { rows } }']) {
      const r = await prod.gql(query);
      expect(r.body.errors?.length, query).toBeGreaterThan(0);
      for (const e of r.body.errors!) expect(e.extensions.stacktrace, query).toBeUndefined();
    }
  });

  it('outside production, client errors may carry a stack trace for debugging', async () => {
    const r = await dev.gql('{ nothing }');
    expect(Array.isArray(r.body.errors![0]!.extensions.stacktrace)).toBe(true);
  });
});
