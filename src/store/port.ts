/**
 * The store port: the only way the rest of the code reaches a database. Adapters (Kùzu,
 * Neo4j) implement it; callers name catalogue queries and never see which engine runs.
 */

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;
export type Engine = 'kuzu' | 'neo4j';

/** One unit of work: every call to `run` is one round trip to the database. */
export interface Transaction {
  run(queryName: string, params?: Params): Promise<Row[]>;
}

export interface AdHocOptions {
  /** Milliseconds before the engine cancels the query. */
  timeoutMs: number;
  /** Rows beyond this are not returned; `truncated` says so. */
  maxRows: number;
}

export interface AdHocResult {
  columns: string[];
  rows: Row[];
  truncated: boolean;
}

/**
 * A caller's named reads that end together (a GraphQL request's): passed to `Store.run`, it
 * lets an engine where a round trip costs more than the statement (Neo4j: a session and a read
 * transaction each) share one between them. `close` once the caller is done; never rejects.
 * Statements given a closed scope run alone.
 */
export interface ReadScope {
  close(): Promise<void>;
}

export interface Store extends Transaction {
  readonly engine: Engine;
  /** One round trip; a read given a scope of this store's may share it with the scope's others. */
  run(queryName: string, params?: Params, scope?: ReadScope): Promise<Row[]>;
  /** A scope for a caller's named reads (see ReadScope); an engine without one runs each alone. */
  readScope?(): ReadScope;
  /** A read transaction: the engine refuses writes inside it. */
  read<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** A write transaction: committed when `work` resolves, rolled back when it throws. */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Replaces the whole graph with what `write` writes. Readers see the old graph or the
   * complete new one, never a part: the engines get there differently (see the adapters).
   */
  replaceGraph(write: (tx: Transaction) => Promise<void>): Promise<void>;
  /** Ad hoc Cypher in a read-only transaction, with a time limit and a row cap. */
  readOnlyCypher(text: string, params: Params, options: AdHocOptions): Promise<AdHocResult>;
  /** Creates tables/constraints/indexes that do not exist yet; safe to run repeatedly. */
  migrate(): Promise<void>;
  /** Names of the tables, constraints and indexes the schema files declare but the database lacks. */
  pendingMigrations(): Promise<string[]>;
  /** Resolves when the database answers; rejects with the engine's reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Errors the caller caused (bad parameters, refused statements): safe to show to users. */
export class StoreInputError extends Error {
  constructor(message: string, readonly code = 'BAD_USER_INPUT') {
    super(message);
    this.name = 'StoreInputError';
  }
}

/**
 * The database cannot be reached right now (stopped, restarting, the network): not the
 * caller's fault, and worth trying again shortly. Answered as SERVICE_UNAVAILABLE.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Wraps a store so that each request can count its own round trips. */
export class CountingStore implements Store {
  roundTrips = 0;
  constructor(private readonly inner: Store) {}
  get engine() { return this.inner.engine; }
  private counted(tx: Transaction): Transaction {
    return { run: (name, params) => { this.roundTrips++; return tx.run(name, params); } };
  }
  run(name: string, params?: Params) { this.roundTrips++; return this.inner.run(name, params); }
  read<T>(work: (tx: Transaction) => Promise<T>) { return this.inner.read((tx) => work(this.counted(tx))); }
  write<T>(work: (tx: Transaction) => Promise<T>) { return this.inner.write((tx) => work(this.counted(tx))); }
  replaceGraph(write: (tx: Transaction) => Promise<void>) {
    return this.inner.replaceGraph((tx) => write(this.counted(tx)));
  }
  readOnlyCypher(text: string, params: Params, options: AdHocOptions) {
    this.roundTrips++;
    return this.inner.readOnlyCypher(text, params, options);
  }
  migrate() { return this.inner.migrate(); }
  pendingMigrations() { return this.inner.pendingMigrations(); }
  ping() { return this.inner.ping(); }
  close() { return this.inner.close(); }
}
