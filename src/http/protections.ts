/**
 * The edge's protections, each from a maintained fastify plugin:
 * - helmet: security headers on every answer (pages, JSON, assets, refusals); the
 *   Content-Security-Policy lets a page load only this origin's scripts, styles and data.
 *   helmet works them out once, at start: @fastify/helmet would build helmet's middleware
 *   again for every request (parsing the policy each time), a measurable share of a cheap
 *   request's time;
 * - @fastify/under-pressure: when the event loop lags past MAX_EVENT_LOOP_DELAY_MS the server
 *   sheds requests with 503 rather than queueing them behind the lag;
 * - @fastify/rate-limit: per-client budgets (see config.ts: every request, exports, costly
 *   GraphQL operations and `cypher` fields each have their own), 429 RATE_LIMITED with
 *   Retry-After when one is spent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import { GraphQLError } from 'graphql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpEdgeConfig } from '../config.js';
import type { Price } from '../graphql/pricing.js';
import { sendError } from './replies.js';

/**
 * The pages' policy: this origin only. GraphiQL needs inline styles and blob: workers; data:
 * images and fonts are inlined by the build. No page may be framed (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // The server speaks plain HTTP on loopback (TLS is a proxy's job): upgrading the pages' own
  // requests to https would break them there.
  'upgrade-insecure-requests': null,
};

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  // Cross-origin embedding of our answers is not wanted either; pages load only our files.
  crossOriginResourcePolicy: { policy: 'same-origin' as const },
};

/** The headers helmet sets, worked out once (they depend on nothing in the request). */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  if (!headers['content-security-policy'] || headers['x-content-type-options'] !== 'nosniff') {
    throw new Error('helmet set no Content-Security-Policy or nosniff: review src/http/protections.ts');
  }
  return headers;
}

export async function registerHeaders(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

export async function registerLoadShedding(app: FastifyInstance, edge: HttpEdgeConfig): Promise<void> {
  if (edge.maxEventLoopDelayMs <= 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay: edge.maxEventLoopDelayMs,
    // One window per threshold: the loop counts as lagging when the mean delay over a window
    // passes it, or when a stall covered a whole window (under-pressure reads an empty window
    // as an infinite delay). A shorter stall than the threshold sheds nothing.
    sampleInterval: edge.maxEventLoopDelayMs,
    retryAfter: 2,
    pressureHandler: (_request, reply, type, value) => {
      sendError(reply, 503, 'SERVICE_UNAVAILABLE', 'the server is overloaded: try again in a few seconds', {
        reason: type, ...(value !== undefined ? { value: Math.round(value) } : {}),
      }, { 'retry-after': '2' });
    },
  });
}

/** A spent budget, as the HTTP edge answers it (fastify's error handler shapes it). */
export class RateLimited extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number, readonly budget: string) {
    super(`too many ${budget} from this client: try again in ${retryAfterSeconds} s`);
  }
}

export type Charge = (request: FastifyRequest, price: Price) => Promise<void>;

/**
 * Registers the request budget on every route (the exports' smaller one is set on their
 * route) and returns how a GraphQL operation is charged once priced: a costly operation spends
 * one of `costly`, each `cypher` field one of `cypher`. Undefined when budgets are off.
 */
export async function registerBudgets(app: FastifyInstance, edge: HttpEdgeConfig): Promise<Charge | undefined> {
  const budgets = edge.rateLimit;
  if (!budgets) return undefined;
  await app.register(rateLimit, {
    global: true,
    max: budgets.requests,
    timeWindow: budgets.windowMs,
    // Enough clients remembered for a busy server; the oldest are forgotten first.
    cache: 10_000,
    errorResponseBuilder: (_request, context) => new RateLimited(Math.max(1, Math.ceil(context.ttl / 1000)), 'requests'),
    // The budget's headers on the refusal only (with Retry-After), not on every answer.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
  const costly = app.createRateLimit({ max: budgets.costly, timeWindow: budgets.windowMs });
  const cypher = app.createRateLimit({ max: budgets.cypher, timeWindow: budgets.windowMs });
  return async (request, price) => {
    const spend: [typeof costly, string][] = [];
    if (price.cost >= budgets.costlyComplexity) spend.push([costly, `costly queries (complexity ${budgets.costlyComplexity} or more)`]);
    for (let i = 0; i < price.cypher; i++) spend.push([cypher, 'cypher statements']);
    for (const [limiter, what] of spend) {
      const state = await limiter(request);
      if (!state.isAllowed && state.isExceeded) {
        const seconds = Math.max(1, state.ttlInSeconds);
        throw new GraphQLError(`too many ${what} from this client: try again in ${seconds} s`, {
          extensions: {
            code: 'RATE_LIMITED', retryAfter: seconds,
            http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
          },
        });
      }
    }
  };
}

/** Route config for an export: its own, smaller budget per client. */
export function exportBudget(edge: HttpEdgeConfig) {
  return edge.rateLimit ? { rateLimit: { max: edge.rateLimit.exports, timeWindow: edge.rateLimit.windowMs } } : {};
}
