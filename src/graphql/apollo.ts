/**
 * The Apollo server of the API: the schema with its limits, error shaping and logging. The
 * HTTP side (src/server.ts) hands it requests through executeHTTPGraphQLRequest.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../logging.js';
import type { ApiContext } from './context.js';
import { createFormatError, isClientError, rootCause } from './errors.js';
import { complexityPlugin, depthLimitRule, queryOnlyRule, type Limits } from './limits.js';

/** Notes the operation and its errors for the request log; logs every error that is ours. */
function requestPlugin(logger: Logger): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.report.operationName = operationName ?? undefined;
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          contextValue.report.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          for (const error of errors) {
            if (isClientError(error)) continue;
            const cause = rootCause(error);
            logger.error('graphql error', {
              operation: operationName ?? null,
              path: error.path?.join('.') ?? null,
              error: cause instanceof Error ? cause.message : String(cause),
              stack: cause instanceof Error ? cause.stack : undefined,
            });
          }
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
    validationRules: [queryOnlyRule, depthLimitRule(options.limits.maxDepth)],
    // The API has no mutations: every operation reads, so a cross-site request can change
    // nothing, and `GET /graphql?query=…` must work from curl without special headers.
    csrfPrevention: false,
    // Automatic persisted queries would live in one process's memory: behind several replicas
    // a hash registered with one is unknown to the next. Clients send the query text.
    persistedQueries: false,
    plugins: [
      // The default landing page loads from a CDN; the offline playground is src/web's.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints, and the cache-control plugin wraps every field's resolver to
      // read them: a third of the GraphQL layer's time on a list of 100 policy drivers.
      ApolloServerPluginCacheControlDisabled(),
      complexityPlugin(options.limits) as ApolloServerPlugin<ApiContext>,
      requestPlugin(options.logger),
    ],
  });
}
