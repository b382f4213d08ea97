/**
 * The `// @union` blocks of the catalogue (src/store/catalogue.ts): one branch per row of a
 * set the model defines, and on Neo4j an index behind every branch, so that each one is a
 * range seek and none a scan.
 */
import { describe, expect, it } from 'vitest';
import { expandUnions, getQuery, schemaStatements, unionSets } from '../../src/store/catalogue.js';

describe('@union blocks', () => {
  it('write the block once per row, placeholders filled, joined by UNION ALL', () => {
    const body = 'CALL {\n// @union entityDates\n  MATCH (n:Entity) WHERE __DATE__ > 0 RETURN __FIELD__ AS f, __UNKNOWN__ AS u\n// @end\n}\nRETURN f';
    const text = expandUnions(body, 'test');
    const rows = unionSets().entityDates!;
    expect(text.split('UNION ALL')).toHaveLength(rows.length);
    expect(text).toContain("MATCH (n:Entity) WHERE n.issued > 0 RETURN 'issued' AS f, __UNKNOWN__ AS u");
    expect(text).toContain('WHERE n.altDate > 0 RETURN n.altField AS f');
    expect(text).not.toContain('@union');
  });

  it('refuse a set the model does not define', () => {
    expect(() => expandUnions('// @union nothing\nRETURN 1\n// @end', 'test.cypher')).toThrow(/test.cypher: unknown @union set nothing/);
  });

  it('cover every date of the timeline: each entity date field, and the start and end of each type between entities', () => {
    const { entityDates, relationshipDates } = unionSets();
    expect(entityDates!.map((r) => r.DATE)).toEqual(['n.issued', 'n.effective', 'n.ended', 'n.established', 'n.founded', 'n.date', 'n.altDate']);
    const types = new Set(relationshipDates!.map((r) => r.TYPE));
    expect(types).toContain('ACQUIRED');
    expect(types).not.toContain('CITED_IN');
    expect(types).not.toContain('MEASURES');
    expect(relationshipDates).toHaveLength(types.size * 2);
  });

  it('have a Neo4j range index behind every branch', () => {
    const schema = schemaStatements('neo4j').join('\n');
    for (const r of unionSets().entityDates!) {
      expect(schema).toMatch(new RegExp(`FOR \\(n:Entity\\) ON \\(${r.DATE!.replace('.', '\\.')}\\)`));
    }
    for (const r of unionSets().relationshipDates!) {
      expect(schema).toContain(`FOR ()-[r:${r.TYPE}]-() ON (${r.DATE})`);
    }
  });

  it('leave the Kùzu texts alone and give Neo4j one branch per row', () => {
    const q = getQuery('timelineRelationshipFacts');
    expect(q.text.kuzu).not.toContain('UNION');
    expect(q.text.neo4j.split('UNION ALL')).toHaveLength(unionSets().relationshipDates!.length);
    expect(q.text.neo4j).toContain('[r:ACQUIRED]');
  });
});
