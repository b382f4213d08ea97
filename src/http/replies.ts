/**
 * The edge's refusals in the shape GraphQL clients read, `{"errors":[{"message","extensions":
 * {"code"}}]}`, whatever refused: a wrong method or path, a body too large, a spent budget, a
 * server under pressure or not ready, our own failure.
 */
import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';

export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

export function sendError(
  reply: FastifyReply, status: number, code: string, message: string,
  extra: Record<string, unknown> = {}, headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .code(status)
    .headers({ 'cache-control': 'no-store', ...headers })
    .type('application/json; charset=utf-8')
    .send(errorBody(code, message, extra));
}

/**
 * A request Node cannot parse as HTTP, answered on the bare socket in the same shape. Node
 * reports the broken parser again for every later chunk: only the first report is answered.
 */
export function clientErrorHandler() {
  const refused = new WeakSet<object>();
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    if (refused.has(socket)) return;
    refused.add(socket);
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify(errorBody('BAD_REQUEST', `malformed HTTP request (${error.code ?? 'unreadable'})`));
    // Read and drop what the client is still sending: closing on unread bytes would reset the
    // connection before it reads the answer. It closes its side once it has; or in 5 s.
    socket.resume();
    setTimeout(() => socket.destroy(), 5000).unref();
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\nx-content-type-options: nosniff\r\n`
      + `cache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  };
}
