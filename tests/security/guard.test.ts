/**
 * The ad hoc guard on its own (no engine): what it refuses and why, what it accepts, and the
 * canonical text it hands the engine instead of the text as sent.
 */
import { describe, expect, it } from 'vitest';
import { checkAdHocStatement } from '../../src/store/adhoc/index.js';
import type { Engine } from '../../src/store/port.js';
import { HOSTILE_STATEMENTS, withDir } from './hostile-statements.js';

async function refusal(text: string, engine: Engine = 'kuzu'): Promise<{ code: string; message: string } | undefined> {
  try {
    await checkAdHocStatement(text, engine);
    return undefined;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
}

const render = async (text: string, engine: Engine = 'kuzu') => (await checkAdHocStatement(text, engine)).text;

describe('the guard refuses every hostile statement meant to be refused, on both engines', () => {
  const refused = HOSTILE_STATEMENTS.filter((s) => (s.outcome ?? 'refused') === 'refused');
  for (const engine of ['kuzu', 'neo4j'] as const) {
    it(`${engine}: ${refused.length} statements, each QUERY_REFUSED before any engine sees it`, async () => {
      const passed: string[] = [];
      for (const s of refused) {
        const r = await refusal(withDir(s.statement, '/tmp/x'), engine);
        if (r?.code !== 'QUERY_REFUSED') passed.push(`${s.why}: ${r?.code ?? 'accepted'}`);
      }
      expect(passed).toEqual([]);
    });
  }

  it('accepts the statements that only a limit can stop (so the limits are what the suite tests)', async () => {
    for (const s of HOSTILE_STATEMENTS.filter((h) => h.outcome === 'bounded' && h.dialect !== 'neo4j')) {
      expect(await refusal(s.statement, 'kuzu'), s.why).toBeUndefined();
    }
  });
});

describe('the guard names what it refuses', () => {
  it.each([
    ['MATCH (n) DETACH DELETE n', /read-only: DETACH DELETE is refused/],
    ["CREATE (n:Policy {id: 'x'})", /read-only: CREATE is refused/],
    ["MATCH (n) SET n.name = 'x'", /read-only: SET N is refused|read-only: SET is refused/],
    ["LOAD FROM '/etc/passwd' RETURN *", /read-only: LOAD is refused/],
    ["COPY (MATCH (n) RETURN n.id) TO '/tmp/x.csv'", /read-only: COPY is refused/],
    ['CALL threads=1', /CALL threads=… \(a setting change\) is refused/],
    ['BEGIN TRANSACTION', /read-only: BEGIN is refused/],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", /LOAD CSV is refused/],
    ["FOREACH (x IN [1] | CREATE (:Policy {id: 'x'}))", /FOREACH is refused/],
    ['MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS', /CALL \{ … \} subqueries is refused/],
    ['USE system MATCH (n) RETURN n', /USE is refused/],
    ['SHOW USERS', /administration commands is refused/],
    ['EXPLAIN MATCH (n) RETURN n', /EXPLAIN, PROFILE and CYPHER options is refused/],
    ["RETURN repeat('x', 10) AS s", /the function repeat\(\) is not on the allow-list for ad hoc queries on kuzu/],
    ['CALL dbms.listConfig()', /the procedure dbms.listConfig is not on the allow-list/],
    ['UNWIND range(1, 300000000) AS x RETURN x', /range\(\) may build at most 100000 items/],
    ['UNWIND range(1, $n) AS x RETURN x', /range\(\) needs whole-number literal bounds/],
    ["MATCH (n) RETURN n.id AS id LIMIT 1LOAD FROM '/etc/passwd' RETURN *", /"1LOAD" is not a plain decimal number/],
    ["ＣＲＥＡＴＥ (n:Policy {id: 'x'})", /only ASCII is accepted outside string literals \(found U\+FF23/],
    ['RETURN 1 AS x; RETURN 2 AS y', /only one statement per query/],
    [`RETURN ${'('.repeat(41)}1${')'.repeat(41)} AS x`, /nests brackets deeper than 40/],
    [`RETURN ${'NOT '.repeat(9)}true AS x`, /more than 8 operators in a row/],
    ['   ', /the query is empty/],
    ['MATCH (n RETURN n', /could not be parsed near "RETURN" \(line 1, column 10\)/],
  ])('%s', async (text, message) => {
    const r = await refusal(text);
    expect(r?.code).toBe('QUERY_REFUSED');
    expect(r?.message).toMatch(message);
  });

  it('refuses a chain of doublings on Neo4j, whose memory limit does not count the value (Kùzu runs it in a process with a ceiling)', async () => {
    const strings = `WITH 'xxxxxxxxxx' AS s ${'WITH s + s AS s '.repeat(7)}RETURN size(s) AS n`;
    const lists = `UNWIND range(1, 1000) AS x WITH collect(x) AS l ${'WITH l || l AS l '.repeat(7)}RETURN size(l) AS n`;
    for (const text of [strings, lists]) {
      expect((await refusal(text, 'neo4j'))?.message, text).toMatch(/uses \+ or \|\| more than 6 times \(line 1, column \d+\)/);
      expect(await refusal(text, 'kuzu'), text).toBeUndefined();
    }
    expect(await refusal(`WITH 'x' AS s ${'WITH s + s AS s '.repeat(6)}RETURN size(s) AS n`, 'neo4j')).toBeUndefined();
  });

  it('refuses lists that multiply on Neo4j: a comprehension inside another, or ranges over 100000 items together', async () => {
    const nested = 'RETURN size([x IN range(1, 100000) | [y IN range(1, 100000) | y]]) AS n';
    expect((await refusal(nested, 'neo4j'))?.message).toMatch(/list comprehension inside another/);
    expect(await refusal(nested, 'kuzu')).toBeUndefined();
    const ranges = 'UNWIND range(1, 60000) AS x UNWIND range(1, 60000) AS y RETURN count(*) AS n';
    expect((await refusal(ranges, 'neo4j'))?.message).toMatch(/ranges of this query may build at most 100000 items together/);
    expect(await refusal('RETURN [x IN range(1, 1000) | x * 2] AS l', 'neo4j')).toBeUndefined();
  });

  it('refuses per engine: a Neo4j procedure on Kùzu and a Kùzu one on Neo4j', async () => {
    expect((await refusal('CALL db.labels() YIELD label RETURN label', 'kuzu'))?.message).toMatch(/db.labels is not on the allow-list for ad hoc queries on kuzu/);
    expect(await refusal('CALL db.labels() YIELD label RETURN label', 'neo4j')).toBeUndefined();
    expect((await refusal('CALL show_tables() RETURN *', 'neo4j'))?.message).toMatch(/show_tables is not on the allow-list for ad hoc queries on neo4j/);
    expect(await refusal('CALL show_tables() RETURN *', 'kuzu')).toBeUndefined();
  });
});

describe('the guard accepts read-only questions and hands the engine their canonical text', () => {
  it.each([
    ['MATCH (f:Firm)-[:OPERATES_IN]->(s:Sector {id: $s}) RETURN f.name AS firm', 'MATCH ( f : Firm ) - [ : OPERATES_IN ] - > ( s : Sector { id : $s } ) RETURN f.name AS firm'],
    ['OPTIONAL MATCH (p:Policy) WHERE p.issued >= date($from) WITH p ORDER BY p.name SKIP 1 LIMIT 5 RETURN p.name AS name', 'OPTIONAL MATCH ( p : Policy ) WHERE p.issued >= date ( $from ) WITH p ORDER BY p.name SKIP 1 LIMIT 5 RETURN p.name AS name'],
    ["UNWIND [1, 2] AS x RETURN x UNION ALL RETURN 3 AS x", 'UNWIND [ 1, 2 ] AS x RETURN x UNION ALL RETURN 3 AS x'],
    ['MATCH (c:Sector)-[:SUBSECTOR_OF*1..8]->(s:Sector) RETURN count(DISTINCT c) AS n', 'MATCH ( c : Sector ) - [ : SUBSECTOR_OF * 1 .. 8 ] - > ( s : Sector ) RETURN count ( DISTINCT c ) AS n'],
    ['MATCH p = (a)-[* SHORTEST 1..4]-(b) RETURN length(p) AS n', 'MATCH p = ( a ) - [ * SHORTEST 1 .. 4 ] - ( b ) RETURN length ( p ) AS n'],
    ["CALL table_info('Policy') RETURN *", "CALL table_info ( 'Policy' ) RETURN *"],
    ['MATCH (n:`Policy`) RETURN n.`id` AS `id`;', 'MATCH ( n : `Policy` ) RETURN n.`id` AS `id`'],
  ])('%s', async (text, canonical) => {
    expect(await render(text)).toBe(canonical);
  });

  it('drops comments and re-quotes strings, so the engine reads exactly the value the guard read', async () => {
    expect(await render("RETURN 'it\\'s' AS a, \"say \\\"hi\\\"\" AS b // it's\n")).toBe("RETURN 'it\\'s' AS a, 'say \"hi\"' AS b");
    // Kùzu reads '\n' as "n" and '\u0041' as "u0041": the value travels as the character itself.
    expect(await render("RETURN 'a\\nb' AS s, '\\u0041' AS t")).toBe("RETURN 'a\nb' AS s, 'A' AS t");
    expect(await render("RETURN 'back\\\\slash' AS s /* it's */")).toBe("RETURN 'back\\\\slash' AS s");
    expect(await render("RETURN '数据安全法' AS s")).toBe("RETURN '数据安全法' AS s");
  });

  it('finds parameters from the parse, backquoted ones too, and not those in strings or comments', async () => {
    const { parameters } = await checkAdHocStatement("MATCH (n) WHERE n.id IN $ids AND n.name = $`name` RETURN '$no' AS s // $nor", 'kuzu');
    expect(parameters).toEqual(['ids', 'name']);
  });

  it('parses quickly once warm: the longest accepted statement in well under a second', async () => {
    const text = `RETURN ${Array.from({ length: 1500 }, (_, i) => `${i}`).join(' + ')} AS n`;
    await checkAdHocStatement(text, 'kuzu');
    const started = performance.now();
    await checkAdHocStatement(text, 'kuzu');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
