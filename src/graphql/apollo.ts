/**
 * The Apollo server of the API: the schema with its limits, error shaping and logging. The
 * HTTP edge (src/http/graphql.ts) hands it requests through executeHTTPGraphQLRequest.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../logging.js';
import type { ApiContext } from './context.js';
import { createFormatError, isClientError, rootCause } from './errors.js';
import { armorRules, depthLimitRule, pricingPlugin, queryOnlyRule, type Limits } from './limits.js';

/** Notes the operation and the error codes it answered for the request log; logs every error that is ours. */
function requestPlugin(logger: Logger): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.report.operationName = operationName ?? undefined;
        },
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (isClientError(error)) continue;
            const cause = rootCause(error);
            logger.error({
              operation: operationName ?? null,
              path: error.path?.join('.') ?? null,
              error: cause instanceof Error ? cause.message : String(cause),
              stack: cause instanceof Error ? cause.stack : undefined,
            }, 'graphql error');
          }
        },
        // The codes the client got, read from the answer after formatError: before it, an
        // error of ours (or a database outage) has no code yet or another one.
        async willSendResponse({ response, contextValue }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          if (errors?.length) contextValue.report.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}

export function createApollo(schema: GraphQLSchema, options: { limits: Limits; production: boolean; logger: Logger }) {
  return new ApolloServer<ApiContext>({
    schema,
    formatError: createFormatError(options.production),
    includeStacktraceInErrorResponses: !options.production,
    validationRules: [queryOnlyRule, depthLimitRule(options.limits.maxDepth), ...armorRules(options.limits)],
    // The parser stops at this many tokens: a padded document is refused while it is read.
    parseOptions: { maxTokens: options.limits.maxTokens },
    // The API only reads, but a read can be costly (`cypher`): a page on another site must not
    // be able to make a visitor's browser send it. Apollo refuses the "simple" requests a
    // browser sends cross-site without a preflight: a POST as text/plain or a form, and a GET
    // without an `apollo-require-preflight` (or `x-apollo-operation-name`) header.
    csrfPrevention: true,
    // Automatic persisted queries would live in one process's memory: behind several replicas
    // a hash registered with one is unknown to the next. Clients send the query text.
    persistedQueries: false,
    plugins: [
      // The default landing page loads from a CDN; the offline playground is src/web's.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints, and the cache-control plugin wraps every field's resolver to
      // read them: a third of the GraphQL layer's time on a list of 100 policy drivers.
      ApolloServerPluginCacheControlDisabled(),
      pricingPlugin(options.limits) as ApolloServerPlugin<ApiContext>,
      requestPlugin(options.logger),
    ],
  });
}
