/**
 * Limits checked before a query runs, so that no request can ask the database for an
 * unbounded amount of work: a maximum nesting depth (a validation rule), a complexity budget
 * (graphql-query-complexity, after validation, when the variables are known), and page sizes
 * capped at 100 like GitHub's API (checked by the resolvers, see `pageSize`). Each refusal
 * says which limit was hit and what to ask for instead.
 */
import {
  GraphQLError, getNamedType, getNullableType, isCompositeType, isListType, Kind,
  type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { UserInputError } from './errors.js';

export interface Limits {
  /** Deepest nesting of fields a query may have (introspection fields not counted). */
  maxDepth: number;
  /** Complexity budget of one operation (see `estimators`). */
  maxComplexity: number;
  /** Largest page any list argument `first` may ask for. */
  maxPageSize: number;
  /** The `cypher` field: time limit of the statement and most rows returned. */
  cypherTimeoutMs: number;
  cypherMaxRows: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxComplexity: 5000,
  maxPageSize: 100,
  cypherTimeoutMs: 10_000,
  cypherMaxRows: 1000,
};

/** How many items a list without a `first` argument is expected to hold, for the budget. */
export const UNPAGED_LIST_ESTIMATE = 5;

/** `first` checked against the cap: the default when not given, a refusal when out of range. */
export function pageSize(first: number | null | undefined, fallback: number, limits: Limits, argument = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > limits.maxPageSize) {
    throw new UserInputError(
      `${argument} must be from 1 to ${limits.maxPageSize} (got ${value}): pages hold at most ${limits.maxPageSize} items; ask for the next page instead`,
      { argument, maximum: limits.maxPageSize },
    );
  }
  return value;
}

function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/** Validation rule: refuses operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          // Introspection (GraphiQL's schema query nests ofType a dozen levels) is not data.
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(sel.selectionSet, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel.selectionSet, seen));
        } else {
          const name = sel.name.value;
          const fragment = fragments.get(name);
          // A fragment cycle is reported by graphql's own NoFragmentCycles rule.
          if (!fragment || seen.has(name)) continue;
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(refusal(
            `the query is nested ${depth} fields deep; at most ${maxDepth} are allowed: ask for fewer nested levels (split it into several queries)`,
            { limit: 'maxDepth', depth, maxDepth },
          ));
        }
      },
    };
  };
}

/**
 * Validation rule: the API reads only, so a mutation or subscription is refused here; graphql 16
 * would otherwise let it through validation and fail in execution, as if it were our fault.
 */
export function queryOnlyRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (operation.operation === 'query') return;
      context.reportError(new GraphQLError(
        `the API has no ${operation.operation}s: it only reads, so send a query`,
        { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
      ));
    },
  };
}

/** Introspection costs nothing: the playground must be able to read the schema. */
const introspectionEstimator: ComplexityEstimator = ({ type, field }) =>
  type.name.startsWith('__') || field.name.startsWith('__') ? 0 : undefined;

/**
 * Lists cost their expected length times their items: `first` when the field has it (its
 * default included), UNPAGED_LIST_ESTIMATE otherwise. Fields with their own rule (type-graphql's
 * `complexity` option, read by fieldExtensionsEstimator) are priced by it first.
 */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return undefined;
  // A list of scalars (aliases, via) is one value.
  if (!isCompositeType(getNamedType(field.type))) return 1;
  const items = typeof args.first === 'number' ? Math.max(args.first, 0) : UNPAGED_LIST_ESTIMATE;
  return 1 + items * childComplexity;
};

export const estimators: ComplexityEstimator[] = [
  introspectionEstimator,
  fieldExtensionsEstimator(),
  listEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

/** The complexity of an operation, or undefined when its variables do not coerce. */
export function operationComplexity(
  schema: GraphQLSchema, document: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined, operationName: string | undefined,
): number | undefined {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators });
  } catch {
    // Bad variables: execution refuses them with BAD_USER_INPUT, which says more than we could.
    return undefined;
  }
}

/** Apollo plugin: refuses operations over the complexity budget before they execute. */
export function complexityPlugin(limits: Limits): ApolloServerPlugin<{ report: { complexity?: number } }> {
  // Apollo hands the same parsed document to every request with the same text, so the
  // complexity of a (document, variables, operation) is worked out once: a client repeating a
  // query pays a map lookup, not a walk of the query (a tenth of a millisecond or more).
  const known = new WeakMap<object, Map<string, number | undefined>>();
  const complexityOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined) => {
    const key = JSON.stringify([operationName ?? null, variables ?? {}]);
    let byKey = known.get(document);
    if (!byKey) known.set(document, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key);
    const complexity = operationComplexity(schema, document, variables, operationName);
    if (byKey.size >= 256) byKey.clear();
    byKey.set(key, complexity);
    return complexity;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const complexity = complexityOf(schema, document, request.variables, request.operationName ?? undefined);
          if (complexity === undefined) return;
          contextValue.report.complexity = complexity;
          if (complexity > limits.maxComplexity) {
            throw refusal(
              `the query's complexity is ${complexity}, over the budget of ${limits.maxComplexity}: ask for smaller pages (first), fewer nested lists or fewer fields`,
              { limit: 'maxComplexity', complexity, maxComplexity: limits.maxComplexity },
            );
          }
        },
      };
    },
  };
}
