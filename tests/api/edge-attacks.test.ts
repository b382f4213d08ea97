/**
 * The HTTP edge attacked below GraphQL: batched operations, the content types a browser can send
 * cross-site without asking (multipart, url-encoded), request smuggling (a body framed two ways,
 * two lengths, an obfuscated transfer coding, a second request hidden in a body) and slowloris
 * (many connections sending their headers a byte at a time). Each is refused with a code, or
 * costs the server nothing while it keeps answering others.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type GraphQLBody } from './helpers.js';

let api: Api;
let port: number;
beforeAll(async () => {
  api = await startApi({ seedDir: false });
  port = Number(new URL(api.url).port);
});
afterAll(async () => {
  await api?.close();
});

/** Sends bytes on a fresh connection; everything that comes back until the server closes it (or 3 s). */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 3_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(bytes);
  });
}

const statusLines = (answer: string) => answer.match(/^HTTP\/1\.1 \d{3}/gm) ?? [];
const codeOf = (answer: string) => (JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as GraphQLBody).errors?.[0]?.extensions.code;
const query = JSON.stringify({ query: '{ __typename }' });

describe('GraphQL over HTTP, as only a script would send it', () => {
  it('refuses a batch of operations in one request (each would escape the per-request budgets)', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ stats { nodeCount } }' }))),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.data).toBeUndefined();
  });

  it('refuses the bodies a page on another site can send without a preflight: multipart and url-encoded', async () => {
    const boundary = 'xyz';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${query}\r\n--${boundary}--\r\n`;
    for (const [type, body] of [[`multipart/form-data; boundary=${boundary}`, multipart], ['application/x-www-form-urlencoded', `query=${encodeURIComponent('{ __typename }')}`]] as const) {
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(response.status, type).toBeGreaterThanOrEqual(400);
      expect(response.status, type).toBeLessThan(500);
      expect(((await response.json()) as GraphQLBody).errors?.[0]?.extensions.code, type).toBe('BAD_REQUEST');
    }
  });
});

describe('request smuggling: a request is framed one way, or refused and the connection closed', () => {
  const hidden = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';

  it('refuses a body framed both by Content-Length and by chunks, and answers nothing hidden in it', async () => {
    const chunked = `${query.length.toString(16)}\r\n${query}\r\n0\r\n\r\n`;
    const answer = await raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${chunked.length}\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}${hidden}`);
    expect(statusLines(answer)).toEqual(['HTTP/1.1 400']);
    expect(codeOf(answer)).toBe('BAD_REQUEST');
  });

  it('refuses two different Content-Lengths, and an obfuscated Transfer-Encoding', async () => {
    for (const headers of [
      `Content-Length: ${query.length}\r\nContent-Length: ${query.length + hidden.length}`,
      `Content-Length: ${query.length}, ${query.length + hidden.length}`,
      'Transfer-Encoding: chunked, identity',
      'Transfer-Encoding: xchunked',
      'Transfer-Encoding : chunked',
    ]) {
      const answer = await raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}\r\n\r\n${query}${hidden}`);
      expect(statusLines(answer), headers).toEqual(['HTTP/1.1 400']);
      expect(codeOf(answer), headers).toBe('BAD_REQUEST');
    }
  });

  it('answers a request and the next one on a kept-alive connection, each once, by Content-Length', async () => {
    // The honest case beside the attacks: two requests back to back, framed by their lengths.
    const post = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${query.length}\r\n\r\n${query}`;
    const answer = await raw(`${post}GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(statusLines(answer)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
  });
});

describe('slowloris', () => {
  it('keeps answering others at once while 200 connections send their headers a byte at a time', async () => {
    const sockets: Socket[] = [];
    const start = 'POST /graphql HTTP/1.1\r\nHost: x\r\nX-Slow: ';
    try {
      for (let i = 0; i < 200; i++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        sockets.push(socket);
        socket.write(start.slice(0, 10));
      }
      const drip = setInterval(() => { for (const s of sockets) if (!s.destroyed) s.write('a'); }, 100);
      try {
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
          expect(response.status).toBe(200);
          expect(performance.now() - started).toBeLessThan(1_000);
          await new Promise((r) => setTimeout(r, 200));
        }
      } finally {
        clearInterval(drip);
      }
    } finally {
      for (const s of sockets) s.destroy();
    }
  });
});
