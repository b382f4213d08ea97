/**
 * Kùzu's DDL spelled from `src/model.ts`. `cypher/schema/kuzu.cypher` is this text, committed
 * so that the schema is read where every other statement is; a test fails when they drift
 * (`npm run graph -- schema kuzu > cypher/schema/kuzu.cypher` rewrites it).
 */
import { DERIVED_PROPERTIES, ENTITY_LABELS, LABELS, NODE_PROPERTIES, RELATIONSHIP_PROPERTIES, RELATIONSHIPS, type PropertyType } from '../../model.js';

const columns = (props: Record<string, PropertyType>) =>
  Object.entries(props).map(([key, type]) => `${key} ${type}${key === 'id' ? ' PRIMARY KEY' : ''}`).join(', ');

export function ftsIndexName(label: string): string {
  return `${label.toLowerCase()}_fts`;
}

export function kuzuDdl(): string {
  const out = ['// Generated from src/model.ts by `npm run graph -- schema kuzu`; do not edit by hand.', ''];
  for (const label of LABELS) out.push(`CREATE NODE TABLE IF NOT EXISTS ${label}(${columns(NODE_PROPERTIES[label])});`);
  out.push('', '// Derived properties added after the first release: a table created before them gets them here (they stay', '// empty until the next `npm run graph -- seed`).');
  for (const label of LABELS) {
    for (const key of DERIVED_PROPERTIES[label] ?? []) out.push(`ALTER TABLE ${label} ADD IF NOT EXISTS ${key} ${NODE_PROPERTIES[label][key]};`);
  }
  out.push('');
  for (const [type, pairs] of Object.entries(RELATIONSHIPS)) {
    const ends = pairs.map(([f, t]) => `FROM ${f} TO ${t}`).join(', ');
    out.push(`CREATE REL TABLE IF NOT EXISTS ${type}(${ends}, ${columns(RELATIONSHIP_PROPERTIES)});`);
  }
  out.push('', '// Full-text indexes (one per entity table); created only when missing, see the Kùzu adapter.');
  for (const label of ENTITY_LABELS) {
    out.push(`CALL CREATE_FTS_INDEX('${label}', '${ftsIndexName(label)}', ['searchText']);`);
  }
  return out.join('\n') + '\n';
}
