/**
 * Limits checked before a query runs, so that no request can ask the database for an
 * unbounded amount of work, each in time linear in the document's size and each failing
 * closed (a document that cannot be measured is refused, never let through):
 * - tokens: graphql-js's parser stops at `maxTokens` (Apollo's parseOptions);
 * - repeated fields: before graphql-js validates, the pairs of same-named fields its
 *   field-merging rule would compare, which grow with the square of the repeats (field-merging.ts,
 *   checked at the HTTP edge);
 * - nesting depth, aliases and directives: validation rules (depth here, aliases and directives
 *   from @escape.tech/graphql-armor), fragments measured once each;
 * - a complexity budget and a per-operation cap on `cypher` (pricing.ts), once the variables are
 *   known, before execution;
 * - page sizes capped at 100 like GitHub's API (checked by the resolvers, see `pageSize`).
 * Each refusal says which limit was hit and what to ask for instead.
 */
import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin } from '@apollo/server';
import { UserInputError } from './errors.js';
import { fragmentMeasure, fragmentsOf } from './fragment-measure.js';
import { priceOperation, Unpriceable, type Price } from './pricing.js';

export { UNPAGED_LIST_ESTIMATE } from './pricing.js';

export interface Limits {
  /** Deepest nesting of fields a query may have (introspection fields not counted). */
  maxDepth: number;
  /** Complexity budget of one operation (see pricing.ts). */
  maxComplexity: number;
  /** Largest page any list argument `first` may ask for. */
  maxPageSize: number;
  /** Most aliases in one operation (through its fragments; `__typename` free). */
  maxAliases: number;
  /** Most directives (@skip, @include …) in one operation. */
  maxDirectives: number;
  /** Most lexical tokens in one document: the parser stops there. */
  maxTokens: number;
  /** Most fields a document may hold once its fragments are spread in place (operations and fragments). */
  maxExpandedFields: number;
  /** Most pairs of same-named fields graphql-js's field-merging rule may have to compare. */
  maxFieldComparisons: number;
  /** Most `cypher` fields one operation may ask for (each is a statement of up to cypherTimeoutMs). */
  maxCypherFields: number;
  /** Deepest nesting of the variables' JSON (objects and lists). */
  maxVariableDepth: number;
  /** The `cypher` field: time limit of the statement and most rows returned. */
  cypherTimeoutMs: number;
  cypherMaxRows: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxComplexity: 5000,
  maxPageSize: 100,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 2000,
  maxExpandedFields: 5000,
  maxFieldComparisons: 2000,
  maxCypherFields: 2,
  maxVariableDepth: 32,
  cypherTimeoutMs: 10_000,
  cypherMaxRows: 1000,
};

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

/**
 * Validation rule: refuses operations nested deeper than `maxDepth` fields. Each fragment's own
 * depth is measured once (fragment-measure.ts), so the time is linear in the document.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const depth = fragmentMeasure(fragmentsOf(context.getDocument()), 0, (set, measure) => {
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          // Introspection (GraphiQL's schema query nests ofType a dozen levels) is not data.
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + measure.set(sel.selectionSet));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, measure.set(sel.selectionSet));
        } else {
          deepest = Math.max(deepest, measure.fragment(sel.name.value));
        }
      }
      return deepest;
    });
    return {
      OperationDefinition(operation) {
        const operationDepth = depth.set(operation.selectionSet);
        if (operationDepth > maxDepth) {
          context.reportError(refusal(
            `the query is nested ${operationDepth} fields deep; at most ${maxDepth} are allowed: ask for fewer nested levels (split it into several queries)`,
            { limit: 'maxDepth', depth: operationDepth, maxDepth },
          ));
        }
      },
    };
  };
}

/**
 * graphql-armor's alias and directive rules (fragments counted once each, at every spread),
 * their refusals in our words and shape.
 */
export function armorRules(limits: Limits) {
  const reject = (limit: string, maximum: number, advice: string) => (context: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+|Infinity)/.exec(error.message)?.[1] ?? NaN);
    context?.reportError(refusal(
      `${error.message.replace(/^Syntax Error: /, '')} ${advice}`,
      { limit, maximum, ...(Number.isFinite(found) ? { found } : {}) },
    ));
  };
  return [
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [reject('maxAliases', limits.maxAliases, 'Ask for fewer aliased fields, or send several queries.')] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [reject('maxDirectives', limits.maxDirectives, 'Use fewer directives.')] }),
  ];
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

/** What the pricing plugin reports, and how the HTTP edge charges it to the client's budgets. */
export interface PricingContext {
  report: { complexity?: number; cypherFields?: number };
  /** Charges the operation to the client's budgets; throws a RATE_LIMITED error when spent. */
  charge?(price: Price): Promise<void>;
  /** The HTTP method the operation came by (the `cypher` field wants POST). */
  method?: string;
}

/**
 * Apollo plugin: prices the operation once its variables are known (pricing.ts), refuses it over
 * the complexity budget or the `cypher` cap, refuses `cypher` over GET (a link or an image tag
 * could send one), and charges the client's budgets, all before it executes.
 */
export function pricingPlugin(limits: Limits): ApolloServerPlugin<PricingContext> {
  // Apollo hands the same parsed document to every request with the same text, so the
  // price of a (document, variables, operation) is worked out once: a client repeating a
  // query pays a map lookup, not a walk of the query.
  const known = new WeakMap<DocumentNode, Map<string, Price>>();
  const priceOf = (schema: GraphQLSchema, document: DocumentNode, operation: import('graphql').OperationDefinitionNode, variables: Record<string, unknown> | undefined) => {
    const key = JSON.stringify([operation.name?.value ?? null, variables ?? {}]);
    let byKey = known.get(document);
    if (!byKey) known.set(document, (byKey = new Map()));
    const cached = byKey.get(key);
    if (cached) return cached;
    let price: Price;
    try {
      price = priceOperation(schema, document, operation, variables);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      // Fail closed: what cannot be priced does not run.
      throw refusal(
        `the query could not be priced (${error instanceof Unpriceable ? error.message : 'it is too large or too deeply nested'}), so it is not run: simplify it`,
        { limit: 'maxComplexity' },
      );
    }
    if (byKey.size >= 256) byKey.clear();
    byKey.set(key, price);
    return price;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, contextValue }) {
          if (!operation) return; // Apollo refuses a request it resolved no operation for
          const price = priceOf(schema, document, operation, request.variables);
          contextValue.report.complexity = price.cost;
          contextValue.report.cypherFields = price.cypher;
          if (!(price.cost <= limits.maxComplexity)) {
            throw refusal(
              `the query's complexity is ${price.cost}, over the budget of ${limits.maxComplexity}: ask for smaller pages (first), fewer nested lists or fewer fields`,
              { limit: 'maxComplexity', complexity: Number.isFinite(price.cost) ? price.cost : String(price.cost), maxComplexity: limits.maxComplexity },
            );
          }
          if (price.cypher > limits.maxCypherFields) {
            throw refusal(
              `the operation asks for cypher ${price.cypher} times; at most ${limits.maxCypherFields} per operation: send the statements in separate requests`,
              { limit: 'maxCypherFields', cypherFields: price.cypher, maxCypherFields: limits.maxCypherFields },
            );
          }
          if (price.cypher > 0 && request.http && request.http.method !== 'POST') {
            throw new GraphQLError('the cypher field is only served over POST: send the query as a JSON POST body', {
              extensions: { code: 'METHOD_NOT_ALLOWED', http: { status: 405, headers: new Map([['allow', 'POST']]) } },
            });
          }
          await contextValue.charge?.(price);
        },
      };
    },
  };
}
