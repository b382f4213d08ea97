/**
 * Two rules of the catalogue the engines do not check for us:
 * - Kùzu 0.11.3 crashes the process (segfault) when one list parameter appears in more than
 *   one branch of a UNION: every query is checked here, so that the crash is found by reading,
 *   not by running.
 * - shortestPath.cypher writes out the relationship types between entities (a variable-length
 *   pattern cannot take them as a parameter): the list must stay the API's.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/store/catalogue.js';
import { ENTITY_RELATIONSHIP_TYPES } from '../../src/graphql/records.js';

/** The list parameters that appear in more than one UNION branch of a text. */
export function listParamsInSeveralBranches(text: string, listParams: string[]): string[] {
  const branches = text.split(/\bUNION(?:\s+ALL)?\b/i);
  return listParams.filter((p) => branches.filter((b) => new RegExp(`\\$${p}\\b`).test(b)).length > 1);
}

describe('catalogue rules', () => {
  it('no list parameter appears in two UNION branches of a Kùzu text', () => {
    const offenders: string[] = [];
    for (const q of loadCatalogue().values()) {
      const lists = Object.entries(q.params).filter(([, t]) => t.kind !== 'scalar').map(([name]) => name);
      for (const p of listParamsInSeveralBranches(q.text.kuzu, lists)) offenders.push(`${q.name}: $${p}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the rule catches the crash it is about', () => {
    const text = 'MATCH (a)-[r]->(b) WHERE a.id IN $ids RETURN a.id AS id UNION ALL MATCH (a)-[r]->(b) WHERE b.id IN $ids RETURN b.id AS id';
    expect(listParamsInSeveralBranches(text, ['ids'])).toEqual(['ids']);
    expect(listParamsInSeveralBranches(text.replace('b.id IN $ids', "b.id = 'x'"), ['ids'])).toEqual([]);
  });

  it('shortestPath and relationsOf follow exactly the relationships between entities, on both engines', () => {
    for (const name of ['shortestPath', 'relationsOf']) {
      const q = loadCatalogue().get(name)!;
      for (const text of [q.text.kuzu, q.text.neo4j]) {
        const lists = [...text.matchAll(/\[\w*:([A-Z_|]+)[*\]]/g)].map((m) => m[1]!.split('|').sort());
        expect(lists.length, name).toBeGreaterThan(0);
        for (const types of lists) expect(types, name).toEqual([...ENTITY_RELATIONSHIP_TYPES].sort());
      }
    }
  });
});
