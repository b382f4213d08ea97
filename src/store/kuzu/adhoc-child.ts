/**
 * The process an ad hoc statement runs in on the embedded engine (started by ./adhoc-runner.ts,
 * under an operating-system memory ceiling). It opens its own READ-ONLY handle on the
 * database file, takes one statement at a time over IPC, and answers with rows or an error.
 * It holds no state a later statement could see beyond the open handle, and the parent
 * replaces it after a fixed number of statements, when it overruns its time, or when it dies.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import kuzu from 'kuzu';
import { toPlain } from './values.js';

export interface ChildSettings {
  path: string;
  bufferPoolMb: number;
  /** Kùzu's address-space reservation for the buffer pool (bytes, a power of two). */
  maxDbBytes: number;
  /**
   * Once open, lower the memory ceiling to what the process holds then plus this many MiB
   * (through util-linux `prlimit`); unset where there is no prlimit (the start ceiling stays).
   */
  memoryMb?: number;
}

/**
 * The ceiling lowered from here rather than by the parent: a process of ours forks `prlimit`
 * cheaply, while the API, with its larger memory, would hold its event loop for tens of ms
 * to fork (measured: 40-120 ms at 556 MB resident).
 */
function tighten(memoryMb: number): number {
  const kb = /VmSize:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (!kb) throw new Error('no VmSize in /proc/self/status');
  const limit = Number(kb) * 1024 + memoryMb * 1024 * 1024;
  execFileSync('prlimit', ['--pid', String(process.pid), `--as=${limit}`], { stdio: 'ignore' });
  return limit;
}

export interface AdHocRequest {
  id: number;
  text: string;
  params: Record<string, unknown>;
  maxRows: number;
  timeoutMs: number;
}

export type AdHocReply =
  | { id: number; ok: true; columns: string[]; rows: Record<string, unknown>[]; truncated: boolean }
  | { id: number; ok: false; message: string };

type Send = (message: unknown) => void;

async function main(): Promise<void> {
  const send: Send = (m) => process.send!(m);
  const settings = JSON.parse(process.argv[2] ?? '{}') as ChildSettings;
  let conn: InstanceType<typeof kuzu.Connection>;
  try {
    const db = new kuzu.Database(settings.path, settings.bufferPoolMb * 1024 * 1024, true, true, settings.maxDbBytes);
    await db.init();
    conn = new kuzu.Connection(db);
    await conn.init();
  } catch (error) {
    send({ ready: false, message: (error as Error).message });
    process.exit(1);
  }
  let limitBytes: number | undefined;
  if (settings.memoryMb !== undefined) {
    try {
      limitBytes = tighten(settings.memoryMb);
    } catch {
      send({ ready: false, message: 'the memory ceiling of the query process could not be set' });
      process.exit(1);
    }
  }
  let busy = false;
  process.on('message', async (request: AdHocRequest) => {
    // One statement at a time: the parent never sends a second before the first is answered.
    if (busy) return send({ id: request.id, ok: false, message: 'the query process is busy' } satisfies AdHocReply);
    busy = true;
    try {
      send(await run(conn, request));
    } catch (error) {
      send({ id: request.id, ok: false, message: (error as Error).message } satisfies AdHocReply);
    } finally {
      busy = false;
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true, limitBytes });
}

async function run(conn: InstanceType<typeof kuzu.Connection>, request: AdHocRequest): Promise<AdHocReply> {
  conn.setQueryTimeout(request.timeoutMs);
  const prepared = await conn.prepare(request.text);
  if (!prepared.isSuccess()) return { id: request.id, ok: false, message: prepared.getErrorMessage() };
  const result = await conn.execute(prepared, request.params as Record<string, never>);
  const single = Array.isArray(result) ? result[0]! : result;
  try {
    const columns = await single.getColumnNames();
    const rows: Record<string, unknown>[] = [];
    let truncated = false;
    while (single.hasNext()) {
      if (rows.length >= request.maxRows) {
        truncated = true;
        break;
      }
      rows.push(toPlain(await single.getNext()) as Record<string, unknown>);
    }
    return { id: request.id, ok: true, columns, rows, truncated };
  } finally {
    single.close();
  }
}

void main();
