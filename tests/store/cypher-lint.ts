import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { LABELS, RELATIONSHIP_TYPES, allPropertyKeys } from '../../src/model.js';

/**
 * Neo4j's built-in functions and procedures: the package ships the registry a Neo4j 5
 * server reports, so the lint runs offline and still knows `toLower` from `label`.
 */
const builtins = testData.mockSchema;

/** `rowKeys`: keys of the query's row parameters, read as `row.key` like properties. */
function schema(params: string[], rowKeys: string[] = []): DbSchema {
  return {
    labels: [...LABELS, 'Entity'],
    relationshipTypes: RELATIONSHIP_TYPES,
    propertyKeys: [...allPropertyKeys(), ...rowKeys],
    parameters: Object.fromEntries(params.map((p) => [p, null])),
    functions: builtins.functions,
    procedures: builtins.procedures,
    defaultLanguage: 'CYPHER 5',
  };
}

/** Errors and warnings (unknown label, property, type …) of one statement, as readable strings. */
export function lintQuery(text: string, params: string[], rowKeys: string[] = []): string[] {
  const { diagnostics } = lintCypherQuery(`CYPHER 5 ${text}`, schema(params, rowKeys));
  return diagnostics.map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
}

/** Schema statements name indexes and constraints that do not exist yet: only errors count. */
export function lintSchemaStatement(text: string): string[] {
  const { diagnostics } = lintCypherQuery(`CYPHER 5 ${text}`, schema([]));
  return diagnostics.filter((d) => d.severity === 1).map((d) => `error: ${d.message}`);
}
