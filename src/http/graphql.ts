/**
 * POST /graphql and GET /graphql?query=…: Apollo Server through executeHTTPGraphQLRequest, with
 * a context per request (its loaders, its round-trip count, its lifetime — until the client goes
 * away or the request runs out of time — and the charge to the client's budgets).
 * (@as-integrations/fastify does the same in a few lines, but builds a URL from the Host
 * header, which throws on a malformed one: a 500 from one bad header.)
 * Before Apollo sees a request, variables nested deeper than the limit are refused: graphql-js
 * walks them recursively, and thousands of levels would overflow its stack. So is a document
 * whose repeated fields would make graphql-js's validation quadratic (field-merging.ts).
 */
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createContext, type ApiContext, type RequestLifetime } from '../graphql/context.js';
import { FieldMergingGate } from '../graphql/field-merging.js';
import type { Limits } from '../graphql/limits.js';
import type { Store } from '../store/port.js';
import { servePlaygroundFor, type WebDeps } from '../web/routes.js';
import type { Charge } from './protections.js';
import { sendError } from './replies.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The GraphQL context of an API request, for the request log. */
    api?: ApiContext;
  }
}

export interface GraphQLRouteDeps {
  apollo(): ApolloServer<ApiContext>;
  store(): Store;
  limits: Limits;
  web: WebDeps;
  charge?: Charge;
  requestTimeoutMs: number;
}

/**
 * How deeply `value` nests objects and lists, counted without recursion (the value may be
 * nested far deeper than any stack), stopping once past `limit`.
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** The variables of a request as sent: the body's, or the query string's (JSON text). */
function rawVariables(request: FastifyRequest): unknown {
  if (request.method === 'POST') {
    const body = request.body as { variables?: unknown } | undefined;
    return body && typeof body === 'object' ? body.variables : undefined;
  }
  const text = (request.query as Record<string, unknown> | undefined)?.variables;
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // Apollo refuses it, saying so
  }
}

/** The query text of a request as sent: the body's, or the query string's. */
function queryText(request: FastifyRequest): string | undefined {
  const source = request.method === 'POST' ? request.body : request.query;
  const query = source && typeof source === 'object' ? (source as { query?: unknown }).query : undefined;
  return typeof query === 'string' ? query : undefined;
}

/** The request's lifetime: until its client goes away, or `timeoutMs` have passed. */
function requestLifetime(reply: FastifyReply, timeoutMs: number): RequestLifetime {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  const abandoned = () => (gone ? 'the client went away' : Date.now() > deadline ? 'it ran out of time' : undefined);
  reply.raw.once('close', () => {
    if (timer) clearTimeout(timer);
    if (reply.raw.writableFinished) return;
    gone = true;
    controller?.abort(new DOMException('the client went away', 'AbortError'));
  });
  return {
    abandoned,
    signal() {
      if (!controller) {
        controller = new AbortController();
        const reason = abandoned();
        if (reason) controller.abort(new DOMException(reason, reason === 'the client went away' ? 'AbortError' : 'TimeoutError'));
        else {
          timer = setTimeout(() => controller!.abort(new DOMException('the request ran out of time', 'TimeoutError')), deadline - Date.now());
          timer.unref();
        }
      }
      return controller.signal;
    },
  };
}

export function registerGraphQLRoute(app: FastifyInstance, deps: GraphQLRouteDeps): void {
  const gate = new FieldMergingGate(deps.limits);
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET' && (await servePlaygroundFor(request, reply, deps.web))) return reply;
    const depth = nestingDepth(rawVariables(request), deps.limits.maxVariableDepth);
    if (depth > deps.limits.maxVariableDepth) {
      return sendError(reply, 400, 'BAD_USER_INPUT', `the variables are nested more than ${deps.limits.maxVariableDepth} levels deep: send flatter values`, {
        limit: 'maxVariableDepth', maxVariableDepth: deps.limits.maxVariableDepth,
      });
    }
    const query = queryText(request);
    const merging = query === undefined ? undefined : gate.check(query);
    if (merging) return sendError(reply, 400, 'GRAPHQL_VALIDATION_FAILED', merging.message, merging.extensions);
    const charge = deps.charge;
    const context = createContext(deps.store(), deps.limits, {
      lifetime: requestLifetime(reply, deps.requestTimeoutMs),
      charge: charge ? (price) => charge(request, price) : undefined,
    });
    request.api = context;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const at = request.url.indexOf('?');
    let response;
    try {
      response = await deps.apollo().executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method, headers, search: at < 0 ? '' : request.url.slice(at), body: request.body },
        context: async () => context,
      });
    } finally {
      // Every resolver has finished: the request's shared read transaction ends (not awaited,
      // the answer need not wait for the commit; release never rejects).
      void context.release();
    }
    for (const [key, value] of response.headers) reply.header(key, value);
    reply.code(response.status ?? 200);
    if (response.body.kind === 'complete') return reply.send(response.body.string);
    // Incremental delivery (@defer) is not enabled; were it, the chunks would stream.
    const chunks: string[] = [];
    for await (const chunk of response.body.asyncIterator) chunks.push(chunk);
    return reply.send(chunks.join(''));
  };
  app.route({ method: ['GET', 'POST'], url: '/graphql', handler });
}
