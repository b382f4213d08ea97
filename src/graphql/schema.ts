/**
 * The GraphQL schema, built by type-graphql from the classes in types/ and resolvers/. Its
 * printed form is committed as schema.graphql (npm run schema:print) and a test fails when the
 * two drift apart.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema as buildTypeGraphQLSchema } from 'type-graphql';
import { ENTITY_RESOLVERS } from './resolvers/entities.js';
import { QUERY_RESOLVERS } from './resolvers/queries.js';
import { ENTITY_TYPES } from './types/entities.js';

let built: Promise<GraphQLSchema> | undefined;

/** The schema; built once per process (it is the same for every request and replica). */
export function buildSchema(): Promise<GraphQLSchema> {
  built ??= buildTypeGraphQLSchema({
    resolvers: [...ENTITY_RESOLVERS, ...QUERY_RESOLVERS],
    // Every entity type, also those no field names directly (they come back through Entity).
    orphanedTypes: ENTITY_TYPES,
    // Arguments are checked by the resolvers, with messages that say what to do instead.
    validate: false,
  });
  return built;
}

/** The schema as SDL, types in alphabetical order so that the file diffs cleanly. */
export function printSchemaText(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
