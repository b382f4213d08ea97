/**
 * Type definitions for @neo4j/graphql 7 over the graph as our loader stores it in Neo4j, derived
 * from src/model.ts so they cannot drift from it: one `@node` type per label (the nodes also
 * carry the label Entity, which @neo4j/graphql need not know), every stored property with its
 * type, and one `@relationship` field per relationship type, direction and label at the other
 * end — `out<Type><Label>` for relationships leaving the node, `in<Type><Label>` for those
 * arriving (e.g. Policy.outIssuedByAgency, Agency.inIssuedByPolicy). The full-text index the
 * migration creates (entity_fts over searchText) is declared with @fulltext on each entity type.
 * Nothing here is hand-written Cypher: the library writes every query itself.
 */
import { ENTITY_LABELS, LABELS, NODE_PROPERTIES, RELATIONSHIPS, type Label, type PropertyType } from '../../../src/model.js';

const GRAPHQL_TYPE: Record<PropertyType, string> = {
  STRING: 'String',
  'STRING[]': '[String!]',
  DATE: 'Date',
  INT64: 'Int',
  DOUBLE: 'Float',
};

/** ISSUED_BY → IssuedBy */
export const pascal = (type: string) => type.toLowerCase().replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

export interface PeerRelationshipField {
  name: string;
  type: string;
  direction: 'OUT' | 'IN';
  other: Label;
}

/** The relationship fields of a label, in model order. */
export function relationshipFields(label: Label): PeerRelationshipField[] {
  const fields: PeerRelationshipField[] = [];
  for (const [type, pairs] of Object.entries(RELATIONSHIPS)) {
    for (const [from, to] of pairs) {
      if (from === label) fields.push({ name: `out${pascal(type)}${to}`, type, direction: 'OUT', other: to });
      if (to === label) fields.push({ name: `in${pascal(type)}${from}`, type, direction: 'IN', other: from });
    }
  }
  return fields;
}

export function peerTypeDefs(): string {
  const types = LABELS.map((label) => {
    const entity = (ENTITY_LABELS as readonly string[]).includes(label);
    const fulltext = entity ? ` @fulltext(indexes: [{ indexName: "entity_fts", queryName: "${label.toLowerCase()}Search", fields: ["searchText"] }])` : '';
    const properties = Object.entries(NODE_PROPERTIES[label]).map(([name, type]) => `  ${name}: ${name === 'id' ? 'ID!' : GRAPHQL_TYPE[type]}`);
    const relations = relationshipFields(label).map((f) => `  ${f.name}: [${f.other}!]! @relationship(type: "${f.type}", direction: ${f.direction})`);
    // Read-only, as our API: no create, update or delete mutations.
    return `type ${label} @node(labels: ["${label}"]) @mutation(operations: [])${fulltext} {\n${[...properties, ...relations].join('\n')}\n}`;
  });
  return types.join('\n\n');
}
