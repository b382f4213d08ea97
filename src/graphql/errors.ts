/**
 * What an error looks like to a client. Every error carries `extensions.code`:
 * - BAD_USER_INPUT: an argument is wrong (a bad date, a page size over the cap …);
 * - GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED: the query itself, including the depth and
 *   complexity limits (see limits.ts);
 * - QUERY_REFUSED, BAD_PARAMETER, CYPHER_ERROR, QUERY_TIMEOUT, QUERY_TOO_LARGE, QUERY_FAILED: the
 *   `cypher` field's statement (QUERY_FAILED: the process that ran it stopped, see
 *   store/kuzu/adhoc-runner.ts);
 * - BAD_REQUEST (a body that is not JSON, too large, of another type, CSRF), NOT_FOUND,
 *   METHOD_NOT_ALLOWED (also `cypher` over GET), RATE_LIMITED, SERVICE_UNAVAILABLE (not ready,
 *   draining, shedding load): the HTTP edge's refusals (src/http/), in the same shape;
 *   SERVICE_UNAVAILABLE also when a query finds the database unreachable (try again shortly);
 * - REQUEST_CANCELLED: the client went away or the request ran out of time, and the work
 *   left was stopped;
 * - INTERNAL_SERVER_ERROR: anything else. Its cause is logged (see logging in the Apollo
 *   plugin) and the client gets no internal message in production, and never a stack trace
 *   there.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { StoreUnavailableError, type StoreInputError } from '../store/port.js';
import { BadDateError } from './scalars.js';

/** Codes whose messages were written for the client. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
  'QUERY_REFUSED', 'BAD_PARAMETER', 'CYPHER_ERROR', 'QUERY_TIMEOUT', 'QUERY_TOO_LARGE', 'QUERY_FAILED',
  'METHOD_NOT_ALLOWED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'REQUEST_CANCELLED',
]);

/**
 * The error underneath GraphQL's wrappers: a resolver's own error, or what a scalar threw
 * while a literal was validated (Apollo's unwrapResolverError only knows the first).
 */
export function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) current = current.originalError;
  return current;
}

/** A wrong argument, with a message that says what to do instead. */
export class UserInputError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: 'BAD_USER_INPUT' } });
  }
}

/** The request's work was abandoned: its client went away, or it ran out of time. */
export class RequestCancelledError extends GraphQLError {
  constructor(reason: string) {
    super(`the request was cancelled (${reason}); nothing more was run for it`, { extensions: { code: 'REQUEST_CANCELLED', http: { status: 503 } } });
  }
}

/** The ad hoc Cypher statement was refused or failed: the store's own code and message. */
export function cypherError(error: StoreInputError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code } });
}

/** graphql-js stops coercing variables after 50 errors with one of its own that Apollo leaves without a code. */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

/** The client code of an error that is the client's to fix; undefined when it is ours. */
function clientCode(error: unknown): string | undefined {
  // Apollo codes the wrapper of a variable that does not coerce; the cause underneath has none.
  if (error instanceof GraphQLError && CLIENT_CODES.has(String(error.extensions?.code))) return String(error.extensions.code);
  const original = rootCause(error);
  if (original instanceof BadDateError) return 'BAD_USER_INPUT';
  // Not a bug of ours to log per request: /healthz reports the outage once.
  if (original instanceof StoreUnavailableError) return original.code;
  if (original instanceof GraphQLError && CLIENT_CODES.has(String(original.extensions?.code))) return String(original.extensions.code);
  if (error instanceof GraphQLError && !error.path && TOO_MANY_VARIABLE_ERRORS.test(error.message)) return 'BAD_USER_INPUT';
  return undefined;
}

/** True when the error is the client's to fix; false when it is ours (to log). */
export function isClientError(error: unknown): boolean {
  return clientCode(error) !== undefined;
}

export function createFormatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(error);
    const code = clientCode(error);
    // A bad date is reported by the scalar, in words written for the client.
    if (original instanceof BadDateError) {
      return { ...formatted, message: original.message, extensions: { ...withoutStack(formatted, production), code: 'BAD_USER_INPUT' } };
    }
    if (code) return { ...formatted, extensions: { ...withoutStack(formatted, production), code } };
    // Ours: an engine failure, a bug. The store's input errors count too when they come from a
    // named query rather than the `cypher` field (which turns them into client codes): the
    // resolver built those parameters, not the user.
    return {
      message: production ? 'Internal server error: the server log has the details.' : `Internal server error: ${formatted.message}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...(production ? {} : withoutStack(formatted, production)), code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError, production: boolean): Record<string, unknown> {
  const { stacktrace, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return production ? rest : { ...rest, ...(stacktrace ? { stacktrace } : {}) };
}
