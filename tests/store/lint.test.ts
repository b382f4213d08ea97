/**
 * The catalogue gate, part two: the Neo4j text of every query (schema statements and every
 * expansion of the write templates included) is parsed and semantically analysed as
 * Cypher 5 by Neo4j's own front end, against our labels, types, properties and parameters.
 * The Neo4j contract suite runs the whole texts on a real server.
 */
import { describe, expect, it } from 'vitest';
import { lintQuery, lintSchemaStatement } from './cypher-lint.js';
import { loadCatalogue, schemaStatements } from '../../src/store/catalogue.js';

describe('Cypher 5 lint of the catalogue', () => {
  // A `// @union` block is checked written out twice (with its UNION ALL), not 44 times.
  for (const q of loadCatalogue(undefined, { unionRows: 2 }).values()) {
    it(q.name, () => {
      const rowKeys = Object.values(q.params).flatMap((t) => (t.kind === 'rows' ? t.fields.map(([f]) => f) : []));
      expect(lintQuery(q.text.neo4j, Object.keys(q.params), rowKeys)).toEqual([]);
    });
  }

  for (const [i, statement] of schemaStatements('neo4j').entries()) {
    it(`neo4j schema statement ${i + 1}`, () => {
      expect(lintSchemaStatement(statement)).toEqual([]);
    });
  }
});

describe('the gate catches planted mistakes', () => {
  const bad: [string, string, string[]][] = [
    ['a misspelt label', 'MATCH (p:Polcy {id: $id}) RETURN p.name AS name', ['id']],
    ['a misspelt property', 'MATCH (p:Policy {id: $id}) RETURN p.nmae AS name', ['id']],
    ['an undefined variable', 'MATCH (p:Policy {id: $id}) RETURN q.name AS name', ['id']],
    ['an undeclared parameter', 'MATCH (p:Policy {id: $identifier}) RETURN p.name AS name', ['id']],
    ['a Kùzu-only function', 'MATCH (p:Policy) RETURN label(p) AS l', []],
    ['Kùzu shortest-path syntax', 'MATCH x = (a:Policy {id: $id})-[* SHORTEST 1..4]-(b) RETURN length(x) AS n', ['id']],
    ['an unknown relationship type', 'MATCH (p:Policy)-[:ISSUED_BYY]->(a:Agency) RETURN a.id AS id', []],
    ['a syntax error', 'MATCH (p:Policy RETURN p.id AS id', []],
  ];
  for (const [what, text, params] of bad) {
    it(`rejects ${what}`, () => {
      expect(lintQuery(text, params).length).toBeGreaterThan(0);
    });
  }
});
