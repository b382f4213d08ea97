/**
 * The guard's thread. Parsing runs here rather than on the API's event loop: ANTLR's
 * prediction is fast on ordinary statements but can take seconds on contrived ones (nested
 * CASE with a syntax error at the end took 9 s), and a thread can be terminated mid-parse,
 * where a function on the event loop cannot. See ./checker.ts for the other side.
 */
import { parentPort } from 'node:worker_threads';
import type { Engine } from '../port.js';
import { loadGrammar, warmUp } from './grammar.js';
import { checkStatement } from './guard.js';

export interface CheckRequest { id: number; text: string; engine: Engine }
export type CheckReply =
  | { id: number; ok: true; text: string; parameters: string[] }
  | { id: number; ok: false; message: string; code: string };

const port = parentPort!;
try {
  const grammar = await loadGrammar();
  warmUp(grammar);
  port.on('message', ({ id, text, engine }: CheckRequest) => {
    try {
      const checked = checkStatement(grammar, text, engine);
      port.postMessage({ id, ok: true, ...checked } satisfies CheckReply);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // RangeError and anything unexpected: refused, never let through.
      port.postMessage({ id, ok: false, message: code ? (error as Error).message : 'the statement could not be checked', code: code ?? 'QUERY_REFUSED' } satisfies CheckReply);
    }
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, message: (error as Error).message });
}
