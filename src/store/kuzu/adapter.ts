/**
 * The embedded adapter: Kùzu, in-process, on disk (or `:memory:`).
 *
 * Things learnt the hard way on kuzu 0.11.3, and what this file does about them:
 * - parameters only bind through prepare + execute, and unsafe values crash the process:
 *   every parameter passes the guard in ../params.ts first;
 * - a QueryResult left open when the database closes segfaults the process at exit
 *   (seen after full-text queries): every result is closed in a `finally`;
 * - one connection runs one statement and one transaction at a time: a small pool hands a
 *   connection to each unit of work, and writes queue behind a single writer;
 * - the buffer pool is shared by every statement, and one ad hoc statement (an unbounded
 *   variable-length match) fills it within a second, failing whatever else runs then with
 *   "buffer pool is full": ad hoc statements run one at a time, the one that filled the pool is
 *   told so (QUERY_TOO_LARGE), and a named read that failed meanwhile runs again once it is gone.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import kuzu from 'kuzu';
import { backfillDerived } from '../../seeds/derived.js';
import { prepareAdHoc, warmUpGrammar } from '../adhoc/index.js';
import { getQuery, schemaObjectNames, schemaStatements } from '../catalogue.js';
import { checkDeclaredParams } from '../params.js';
import { AdHocRunner, runnerSettings } from './adhoc-runner.js';
import {
  assertFreeSpace, databaseBytes, DiskFullError, MIN_FREE_TO_LOAD, MIN_FREE_TO_OPEN, removeAbandonedLoads, removeDatabaseFiles,
} from './files.js';
import { toPlain } from './values.js';
import { StoreInputError, type AdHocOptions, type AdHocResult, type Params, type Row, type Store, type Transaction } from '../port.js';

type Connection = InstanceType<typeof kuzu.Connection>;
type QueryResult = InstanceType<typeof kuzu.QueryResult>;
type Prepared = InstanceType<typeof kuzu.PreparedStatement>;

export interface KuzuOptions {
  path: string;
  /** Buffer pool size in MiB. */
  bufferPoolMb?: number;
  connections?: number;
  /** Time limit of every statement, in milliseconds; ad hoc queries set their own. */
  timeoutMs?: number;
  /** The ad hoc query process: its buffer pool and its memory beyond it (MiB), statements before it is replaced. */
  adHoc?: { bufferPoolMb?: number; memoryMb?: number; statementsPerChild?: number };
}

export { toPlain };

const DEFAULT_TIMEOUT_MS = 60_000;

const isBufferPoolFull = (error: unknown) => /buffer pool is full|Unable to allocate memory/i.test((error as Error)?.message ?? '');

/** How often a named read runs again after failing on a buffer pool an ad hoc statement filled. */
const BUFFER_POOL_RETRIES = 2;

/**
 * The declared parameters this engine's text names. Kùzu refuses a parameter its statement does
 * not use ("Parameter … not found"), and a Kùzu variant may leave one out where the engine
 * cannot use it (relationsOf's per-entity $limit: the caller trims instead).
 */
function usedBy(text: string, params: Params): Params {
  let names = NAMED_PARAMS.get(text);
  if (!names) NAMED_PARAMS.set(text, (names = new Set([...text.matchAll(/\$(\w+)/g)].map((m) => m[1]!))));
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) if (names.has(name)) out[name] = value;
  return out;
}
/** The parameter names of each catalogue text (a few dozen texts, read once each). */
const NAMED_PARAMS = new Map<string, Set<string>>();

class Mutex {
  private tail = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

class Pooled {
  readonly prepared = new Map<string, Prepared>();
  constructor(readonly conn: Connection) {}
}

export class KuzuStore implements Store {
  readonly engine = 'kuzu' as const;
  private readonly idle: Pooled[] = [];
  private readonly waiting: ((c: Pooled) => void)[] = [];
  private readonly writer = new Mutex();
  /** Ad hoc statements, one at a time: at most one of them can be filling the buffer pool. */
  private readonly adHoc = new Mutex();
  private closed = false;
  /** Read-write until an ad hoc statement needs the file shared with its process (see reopen). */
  private readOnly = false;
  private runner: AdHocRunner | undefined;

  private readonly size: number;
  private readonly timeoutMs: number;

  private constructor(
    private db: InstanceType<typeof kuzu.Database>,
    connections: Pooled[],
    private readonly options: KuzuOptions,
  ) {
    this.idle.push(...connections);
    this.size = connections.length;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  static async open(options: KuzuOptions): Promise<KuzuStore> {
    if (options.path !== ':memory:') {
      mkdirSync(dirname(options.path), { recursive: true });
      removeAbandonedLoads(options.path);
      assertFreeSpace(options.path, MIN_FREE_TO_OPEN, 'open the embedded database');
    }
    const { db, pool } = await KuzuStore.connect(options);
    warmUpGrammar();
    return new KuzuStore(db, pool, options);
  }

  private static async connect(options: KuzuOptions, readOnly = false) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const bufferBytes = (options.bufferPoolMb ?? 2048) * 1024 * 1024;
    const db = new kuzu.Database(options.path, bufferBytes, true, readOnly);
    await db.init();
    const pool: Pooled[] = [];
    for (let i = 0; i < (options.connections ?? 4); i++) {
      const conn = new kuzu.Connection(db);
      await conn.init();
      conn.setQueryTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      pool.push(new Pooled(conn));
    }
    return { db, pool };
  }

  /** Takes every connection back, waiting for the ones in use. */
  private async drain(): Promise<Pooled[]> {
    const all: Pooled[] = [];
    while (all.length < this.size) all.push(this.idle.pop() ?? (await new Promise<Pooled>((r) => this.waiting.push(r))));
    return all;
  }

  private async acquire(): Promise<Pooled> {
    if (this.closed) throw new Error('the embedded database is closed');
    const c = this.idle.pop();
    if (c) return c;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(c: Pooled): void {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  private async withConnection<T>(work: (c: Pooled) => Promise<T>): Promise<T> {
    const c = await this.acquire();
    try {
      return await work(c);
    } finally {
      this.release(c);
    }
  }

  /**
   * Runs one statement with already-checked parameters and returns plain rows. Catalogue
   * statements are prepared once per connection; ad hoc ones (many, each run once) are not
   * cached, and their engine errors are the user's to read.
   */
  private async exec(
    c: Pooled, text: string, params: Params, { maxRows = Infinity, adHoc = false } = {},
  ): Promise<{ rows: Row[]; columns: string[]; truncated: boolean }> {
    let prepared = adHoc ? undefined : c.prepared.get(text);
    if (!prepared) {
      prepared = await c.conn.prepare(text);
      if (!prepared.isSuccess()) throw new StoreInputError(prepared.getErrorMessage(), 'CYPHER_ERROR');
      if (!adHoc) c.prepared.set(text, prepared);
    }
    const running = c.conn.execute(prepared, params as Record<string, never>) as Promise<QueryResult>;
    const result = adHoc
      ? await running.catch((e: Error) => {
          if (isBufferPoolFull(e)) {
            throw new StoreInputError(
              'the statement needs more memory than the database has for it (the buffer pool is full): bound variable-length patterns more tightly (e.g. *1..2), start from fewer nodes, or aggregate sooner',
              'QUERY_TOO_LARGE',
            );
          }
          throw new StoreInputError(e.message, /interrupt|timeout/i.test(e.message) ? 'QUERY_TIMEOUT' : 'CYPHER_ERROR');
        })
      : await running;
    try {
      const columns = await result.getColumnNames();
      const rows: Row[] = [];
      let truncated = false;
      while (result.hasNext()) {
        if (rows.length >= maxRows) {
          truncated = true;
          break;
        }
        rows.push(toPlain(await result.getNext()) as Row);
      }
      return { rows, columns, truncated };
    } finally {
      result.close();
    }
  }

  /** DDL and transaction control: no parameters, not prepared. */
  private async statement(c: Pooled, text: string): Promise<void> {
    const result = await c.conn.query(text);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }

  private tx(c: Pooled): Transaction {
    return {
      run: async (name, params = {}) => {
        const q = getQuery(name);
        const checked = usedBy(q.text.kuzu, checkDeclaredParams(name, q.params, params));
        return (await this.exec(c, q.text.kuzu, checked)).rows;
      },
    };
  }

  async run(name: string, params: Params = {}): Promise<Row[]> {
    const q = getQuery(name);
    if (q.mode === 'write') return this.write((tx) => tx.run(name, params));
    const checked = usedBy(q.text.kuzu, checkDeclaredParams(name, q.params, params));
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.withConnection(async (c) => (await this.exec(c, q.text.kuzu, checked)).rows);
      } catch (error) {
        if (attempt >= BUFFER_POOL_RETRIES || !isBufferPoolFull(error)) throw error;
        // Wait until the ad hoc statement running now (the likely cause) has given its memory back.
        (await this.adHoc.lock())();
      }
    }
  }

  private async transaction<T>(begin: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.withConnection(async (c) => {
      await this.statement(c, begin);
      let result: T;
      try {
        result = await work(this.tx(c));
      } catch (error) {
        await this.statement(c, 'ROLLBACK').catch(() => undefined);
        throw error;
      }
      await this.statement(c, 'COMMIT');
      return result;
    });
  }

  read<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN TRANSACTION READ ONLY', work);
  }

  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.whileWritable(async () => {
      const unlock = await this.writer.lock();
      try {
        return await this.transaction('BEGIN TRANSACTION', work);
      } finally {
        unlock();
      }
    });
  }

  /**
   * Kùzu 0.11.3 lets several processes open a file read-only, but none while another holds it
   * read-write (measured: "Could not set lock on file"). So the API serves from a read-only
   * handle once an ad hoc statement has run, and goes back to read-write (stopping the ad hoc
   * processes) only for a write: at start, when seeding, or in tests. Ad hoc statements wait
   * for the write to finish.
   */
  private async whileWritable<T>(work: () => Promise<T>): Promise<T> {
    const unlock = await this.adHoc.lock();
    try {
      // The processes are rebuilt afterwards: their settings follow the file's new size.
      await this.runner?.close();
      this.runner = undefined;
      await this.reopen(false);
      return await work();
    } finally {
      unlock();
    }
  }

  /** Closes the handle and opens it again read-only or read-write; callers hold the adHoc lock. */
  private async reopen(readOnly: boolean): Promise<void> {
    if (this.readOnly === readOnly || this.options.path === ':memory:') return;
    const all = await this.drain();
    for (const c of all) await c.conn.close();
    await this.db.close();
    try {
      const { db, pool } = await KuzuStore.connect(this.options, readOnly);
      this.db = db;
      this.readOnly = readOnly;
      for (const c of pool) this.release(c);
    } catch (error) {
      // Never leave the store without a handle: take the old mode back, then report.
      const { db, pool } = await KuzuStore.connect(this.options, this.readOnly);
      this.db = db;
      for (const c of pool) this.release(c);
      throw error;
    }
  }

  async readOnlyCypher(text: string, params: Params, options: AdHocOptions): Promise<AdHocResult> {
    const adHoc = await prepareAdHoc(text, params, 'kuzu');
    const unlock = await this.adHoc.lock();
    try {
      if (this.closed) throw new StoreInputError('the embedded database is closed', 'QUERY_FAILED');
      // A database in memory cannot be shared with another process: its ad hoc statements run
      // here, on a read-only transaction (a throw-away database, for tests and trials).
      if (this.options.path === ':memory:') return await this.adHocOnConnection(adHoc.text, adHoc.params, options);
      await this.reopen(true).catch((error: Error) => {
        throw new StoreInputError(`ad hoc queries are unavailable: the database could not be opened read-only (${error.message})`, 'QUERY_FAILED');
      });
      this.runner ??= new AdHocRunner(runnerSettings(this.options));
      return await this.runner.run(adHoc.text, adHoc.params, options);
    } finally {
      unlock();
    }
  }


  private adHocOnConnection(text: string, checked: Params, options: AdHocOptions): Promise<AdHocResult> {
    return this.withConnection(async (c) => {
      c.conn.setQueryTimeout(options.timeoutMs);
      await this.statement(c, 'BEGIN TRANSACTION READ ONLY');
      try {
        return await this.exec(c, text, checked, { maxRows: options.maxRows, adHoc: true });
      } finally {
        await this.statement(c, 'ROLLBACK').catch(() => undefined);
        c.conn.setQueryTimeout(this.timeoutMs);
      }
    });
  }

  async migrate(): Promise<void> {
    return this.whileWritable(() => this.migrateWritable());
  }

  private async migrateWritable(): Promise<void> {
    const unlock = await this.writer.lock();
    try {
      await this.withConnection(async (c) => {
        const existing = new Set(
          (await this.exec(c, 'CALL SHOW_INDEXES() RETURN *', {}).catch(() => ({ rows: [] as Row[] }))).rows.map(
            (r) => String(r.index_name),
          ),
        );
        for (const statement of schemaStatements('kuzu')) {
          const fts = /CREATE_FTS_INDEX\('(\w+)', '(\w+)'/.exec(statement);
          if (fts && existing.has(fts[2]!)) continue;
          await this.statement(c, statement);
        }
        // A graph loaded before the derived properties existed gets them (src/seeds/derived.ts).
        await backfillDerived(async (name, params) => {
          const q = getQuery(name);
          return (await this.exec(c, q.text.kuzu, checkDeclaredParams(name, q.params, params))).rows;
        });
      });
    } finally {
      unlock();
    }
  }

  async pendingMigrations(): Promise<string[]> {
    return this.withConnection(async (c) => {
      const tables = (await this.exec(c, 'CALL SHOW_TABLES() RETURN name', {})).rows.map((r) => String(r.name));
      const indexes = (await this.exec(c, 'CALL SHOW_INDEXES() RETURN index_name', {})).rows.map((r) => String(r.index_name));
      const present = new Set([...tables, ...indexes]);
      return schemaObjectNames('kuzu').filter((name) => !present.has(name));
    });
  }

  async ping(): Promise<void> {
    await this.withConnection((c) => this.exec(c, 'RETURN 1 AS ok', {}));
  }

  /**
   * Kùzu 0.11.3 loses the deleted relationships of a table when a transaction that deleted
   * them and then COPYed into it rolls back. So an on-disk graph is replaced by writing the
   * new one into a fresh file beside it and renaming that over the old one once complete:
   * a failure or a kill at any point leaves the old file as it was. In memory there is no
   * file to swap, and the transaction is the only guard.
   */
  async replaceGraph(write: (tx: Transaction) => Promise<void>): Promise<void> {
    const path = this.options.path;
    if (path === ':memory:') {
      return this.write(async (tx) => {
        await tx.run('clearGraph');
        await write(tx);
      });
    }
    return this.whileWritable(() => this.replaceFile(write));
  }

  private async replaceFile(write: (tx: Transaction) => Promise<void>): Promise<void> {
    const path = this.options.path;
    const unlock = await this.writer.lock();
    const fresh = `${path}.loading-${process.pid}`;
    try {
      removeAbandonedLoads(path);
      removeDatabaseFiles(fresh);
      // The new graph is written beside the old one, which stays until the rename.
      assertFreeSpace(path, Math.max(MIN_FREE_TO_LOAD, 2 * databaseBytes(path)), 'load a graph');
      const next = await KuzuStore.open({ ...this.options, path: fresh, connections: 1 });
      try {
        await next.migrate();
        await next.write(write);
        await next.withConnection((c) => next.statement(c, 'CHECKPOINT'));
      } finally {
        await next.close();
      }
      const all = await this.drain();
      for (const c of all) await c.conn.close();
      await this.db.close();
      // The old file was closed cleanly, so its write-ahead log holds nothing to keep; a
      // leftover one must not be replayed onto the new file.
      rmSync(`${path}.wal`, { force: true });
      renameSync(fresh, path);
      const { db, pool } = await KuzuStore.connect(this.options);
      this.db = db;
      for (const c of pool) this.release(c);
    } catch (error) {
      removeDatabaseFiles(fresh);
      if (/No space left on device/i.test((error as Error).message)) {
        throw new DiskFullError(`the disk filled up during the load, which was abandoned; the previous graph is unchanged. Free some space in ${dirname(path)} or set EMBEDDED_DB to a folder on another disk`);
      }
      throw error;
    } finally {
      unlock();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runner?.close();
    // Wait for every connection to come back, so that no statement is cut off.
    for (const c of await this.drain()) await c.conn.close();
    await this.db.close();
  }
}

export { DiskFullError };
