/**
 * A small HTTP client for loopback measurements: node:http with a keep-alive agent (what a
 * real GraphQL client does), no retries, no redirects. Bodies come back as text; the caller
 * decides how to read them.
 */
import { Agent, request } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Milliseconds before the request is abandoned (an error, never a hang). */
  timeoutMs?: number;
}

export class HttpClient {
  readonly agent: Agent;
  constructor(readonly baseUrl: string, maxSockets = 64) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(req: RawRequest): Promise<HttpResponse> {
    const url = new URL(req.path ?? '/graphql', this.baseUrl);
    return new Promise((resolve, reject) => {
      const r = request(url, { method: req.method ?? 'POST', headers: req.headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      r.setTimeout(req.timeoutMs ?? 60_000, () => r.destroy(new Error(`no answer within ${req.timeoutMs ?? 60_000} ms`)));
      r.on('error', reject);
      r.end(req.body);
    });
  }

  /** POSTs one GraphQL operation as JSON. */
  graphql(query: string, variables: Record<string, unknown> = {}, timeoutMs?: number): Promise<HttpResponse> {
    const body = JSON.stringify({ query, variables });
    return this.send({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
      timeoutMs,
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The parsed GraphQL body, or undefined when it is not JSON. */
export function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
