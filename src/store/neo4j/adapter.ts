/**
 * The production adapter: Neo4j 5 through neo4j-driver. Any URI scheme the driver accepts
 * works (`neo4j+s://` routes across a cluster or Aura); every read runs in a read
 * transaction, so a cluster sends it to a follower.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type Session, type Transaction as DriverTransaction } from 'neo4j-driver';
import { backfillDerived } from '../../seeds/derived.js';
import { prepareAdHoc } from '../adhoc/index.js';
import { getQuery, schemaObjectNames, schemaStatements, type CatalogueQuery } from '../catalogue.js';
import { checkDeclaredParams, type ParamType } from '../params.js';
import { StoreInputError, StoreUnavailableError, type AdHocOptions, type AdHocResult, type Params, type ReadScope, type Row, type Store, type Transaction } from '../port.js';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  timeoutMs?: number;
}

/**
 * A whole-graph load is one write transaction (readers see the old graph or the new one), not
 * one statement: QUERY_TIMEOUT_MS would cut it off. On a fresh server the first load of even
 * the seed graph plans ~150 distinct statements (36 s on a busy two-core machine).
 */
const LOAD_TIMEOUT_MS = 60 * 60_000;

/**
 * Neo4j runs a statement that names a label, relationship type or property key the database has
 * never seen, and only warns; Kùzu refuses it. A typo is the likelier cause, so both engines
 * answer CYPHER_ERROR.
 */
const UNKNOWN_NAME = /Neo\.ClientNotification\.Statement\.Unknown(Label|RelationshipType|PropertyKey)Warning/;

const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Every way Neo4j or its driver can fail a statement, in our words. The codes are Neo4j's
 * status codes (Neo.<Classification>.<Category>.<Title>) and the driver's own.
 * - unreachable: no server to talk to (stopped, restarting, the network, refused credentials,
 *   no such database);
 * - busy: no connection free within the acquisition timeout, or a transient failure
 *   (Neo.TransientError.*: locks, a database that is starting, a cluster changing leader);
 * - timeout: the statement ran past its time limit and was stopped;
 * - memory: the statement, or all statements together, reached the transaction memory limit;
 * - refused: the statement itself is wrong or not allowed (Neo.ClientError.*: syntax, a write
 *   in a read transaction, another database);
 * - fault: anything else (Neo.DatabaseError.*, a protocol error): ours or the server's to fix.
 */
export type Neo4jFailure = 'unreachable' | 'busy' | 'timeout' | 'memory' | 'refused' | 'fault';

const UNREACHABLE_CODES = new Set([
  'ServiceUnavailable', 'SessionExpired',
  'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired', 'Neo.ClientError.Security.TokenExpired',
  'Neo.ClientError.Database.DatabaseNotFound', 'Neo.TransientError.General.DatabaseUnavailable',
]);

export function classifyNeo4jError(error: unknown): Neo4jFailure {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as { message?: unknown })?.message ?? '');
  if (UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionTerminated/.test(code)) return 'timeout';
  if (/MemoryPoolOutOfMemoryError|TransactionMemoryLimit|OutOfMemoryError/.test(code)) return 'memory';
  if (/Connection acquisition timed out/.test(message)) return 'busy';
  if (code.startsWith('Neo.TransientError.')) return 'busy';
  if (code.startsWith('Neo.ClientError.')) return 'refused';
  return 'fault';
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

/**
 * A named query's failure: what the server cannot do right now (unreachable, busy, out of
 * time or memory under load) becomes StoreUnavailableError, answered SERVICE_UNAVAILABLE (try
 * again shortly); the rest passes unchanged (our bug, logged, INTERNAL_SERVER_ERROR). The
 * named queries are bounded: one that runs out of time or memory does so because the server
 * is overloaded, not because of what the client asked.
 */
function namedQueryFailure(error: unknown): never {
  if (error instanceof StoreInputError || error instanceof StoreUnavailableError) throw error;
  switch (classifyNeo4jError(error)) {
    case 'unreachable': throw new StoreUnavailableError(`the database cannot be reached: ${firstLine(error)}`, { cause: error });
    case 'busy': throw new StoreUnavailableError(`the database is busy: ${firstLine(error)}`, { cause: error });
    case 'timeout': throw new StoreUnavailableError(`the database did not answer in time (it is busy): ${firstLine(error)}`, { cause: error });
    case 'memory': throw new StoreUnavailableError(`the database is short of memory (it is busy): ${firstLine(error)}`, { cause: error });
    default: throw error;
  }
}

/** An ad hoc statement's failure: the `cypher` field's codes, or unavailable. */
function adHocFailure(error: unknown): never {
  if (error instanceof StoreInputError || error instanceof StoreUnavailableError) throw error;
  const message = String((error as Error)?.message ?? error);
  switch (classifyNeo4jError(error)) {
    case 'unreachable': case 'busy': return namedQueryFailure(error);
    case 'timeout': throw new StoreInputError(message, 'QUERY_TIMEOUT');
    case 'memory': throw new StoreInputError(message, 'QUERY_TOO_LARGE');
    case 'refused': throw new StoreInputError(message, 'CYPHER_ERROR');
    default: throw error;
  }
}

export class Neo4jStore implements Store {
  readonly engine = 'neo4j' as const;

  private constructor(private readonly driver: Driver, private readonly options: Neo4jOptions) {}

  static async open(options: Neo4jOptions): Promise<Neo4jStore> {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
      disableLosslessIntegers: false,
    });
    return new Neo4jStore(driver, options);
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private txConfig(timeoutMs = this.options.timeoutMs ?? 60_000) {
    return { timeout: timeoutMs };
  }

  private tx(tx: ManagedTransaction): Transaction {
    return {
      run: async (name, params = {}) => {
        const q = getQuery(name);
        const result = await tx.run(q.text.neo4j, toNeo4jParams(q, checkDeclaredParams(name, q.params, params)));
        return rows(result);
      },
    };
  }

  /** One session and read transaction shared by a caller's named reads (SharedRead below). */
  readScope(): ReadScope {
    return new SharedRead(this, () => {
      const session = this.session('READ');
      return { session, tx: session.beginTransaction(this.txConfig()) };
    });
  }

  async run(name: string, params: Params = {}, scope?: ReadScope): Promise<Row[]> {
    const q = getQuery(name);
    if (scope instanceof SharedRead && q.mode === 'read') return scope.run(name, params);
    return q.mode === 'write' ? this.write((tx) => tx.run(name, params)) : this.read((tx) => tx.run(name, params));
  }

  async read<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead((tx) => work(this.tx(tx)), this.txConfig()).catch(namedQueryFailure);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: Transaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) => work(this.tx(tx)), this.txConfig(timeoutMs)).catch(namedQueryFailure);
    } finally {
      await session.close();
    }
  }

  /** One write transaction: Neo4j rolls the clear back with everything else on failure. */
  replaceGraph(write: (tx: Transaction) => Promise<void>): Promise<void> {
    return this.write(async (tx) => {
      await tx.run('clearGraph');
      await write(tx);
    }, LOAD_TIMEOUT_MS);
  }

  async readOnlyCypher(text: string, params: Params, options: AdHocOptions): Promise<AdHocResult> {
    const adHoc = await prepareAdHoc(text, params, 'neo4j');
    const session = this.session('READ');
    try {
      return await session.executeRead(async (tx) => {
        // Mapped inside the transaction function: a StoreInputError is not retried, so a
        // statement that ran out of time or memory is not run again.
        const running = tx.run(adHoc.text, adHoc.params);
        const columns = (await running.keys().catch(adHocFailure)).map(String);
        const result = await running.catch(adHocFailure);
        const unknown = result.summary.notifications.find((n) => UNKNOWN_NAME.test(n.code));
        if (unknown) throw new StoreInputError(`${unknown.title}: ${unknown.description}`, 'CYPHER_ERROR');
        const all = rows(result);
        return { columns, rows: all.slice(0, options.maxRows), truncated: all.length > options.maxRows };
      }, this.txConfig(options.timeoutMs)).catch(adHocFailure);
    } finally {
      await session.close();
    }
  }

  async migrate(): Promise<void> {
    const session = this.session('WRITE');
    try {
      // Schema statements cannot share a transaction with each other in Neo4j: one each.
      for (const statement of schemaStatements('neo4j')) await session.run(statement);
    } finally {
      await session.close();
    }
    // A graph loaded before the derived properties existed gets them (src/seeds/derived.ts).
    await backfillDerived((name, params) => this.write((tx) => tx.run(name, params)));
  }

  async pendingMigrations(): Promise<string[]> {
    const session = this.session('READ');
    try {
      const names = async (statement: string) => (await session.run(statement)).records.map((r) => String(r.get('name')));
      const present = new Set([...(await names('SHOW CONSTRAINTS YIELD name')), ...(await names('SHOW INDEXES YIELD name'))]);
      return schemaObjectNames('neo4j').filter((name) => !present.has(name));
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.options.database });
  }

  /**
   * Closes the pool, waiting at most CLOSE_TIMEOUT_MS: a driver whose server went away may
   * wait on connections nobody answers. Every request has been answered by then, and the
   * sockets close with the process. (The slow SIGTERM after an outage turned out to be the
   * HTTP drain waiting on kept-alive connections: src/http/app.ts closes them now.)
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => { timer = setTimeout(resolve, CLOSE_TIMEOUT_MS); });
    try {
      await Promise.race([this.driver.close(), bounded]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The named reads of one GraphQL request in one session and one read transaction, opened by the
 * first of them. A statement in an open transaction is one exchange with the server; alone it
 * is a session from the pool and a transaction begun, run and committed: 2.3 ms against 11 ms
 * for `RETURN 1` on the bench machine, and a request makes 3 to 8 of them. A transaction is
 * one conversation, so the statements take turns. Any failure ends the shared transaction
 * (the server has ended it anyway): a busy or unreachable server's is retried alone, in a
 * managed transaction with the driver's retries; a later statement opens a fresh one.
 * Statements asked after close() run alone.
 */
class SharedRead implements ReadScope {
  private open: { session: Session; tx: DriverTransaction } | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly store: Neo4jStore, private readonly begin: () => { session: Session; tx: DriverTransaction }) {}

  run(name: string, params: Params = {}): Promise<Row[]> {
    if (this.closed) return this.store.run(name, params);
    const result = this.turn.then(() => this.runShared(name, params));
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async runShared(name: string, params: Params): Promise<Row[]> {
    if (this.closed) return this.store.run(name, params);
    const q = getQuery(name);
    const checked = toNeo4jParams(q, checkDeclaredParams(name, q.params, params));
    this.open ??= this.begin();
    try {
      return rows(await this.open.tx.run(q.text.neo4j, checked));
    } catch (error) {
      await this.end();
      const failure = classifyNeo4jError(error);
      if (failure === 'busy' || failure === 'unreachable') return this.store.run(name, params);
      return namedQueryFailure(error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.turn;
    await this.end();
  }

  private async end(): Promise<void> {
    const open = this.open;
    this.open = null;
    if (!open) return;
    // Nothing was written: how the transaction ends changes nothing, and a failed one cannot commit.
    await open.tx.commit().catch(() => undefined);
    await open.session.close().catch(() => undefined);
  }
}

/** Declared INT64 parameters become Neo4j integers (a JS number is sent as a float). */
function toNeo4jParams(q: CatalogueQuery, params: Params): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) out[name] = convertParam(q.params[name]!, value);
  return out;
}

function convertParam(type: ParamType, value: unknown): unknown {
  if (value === null) return null;
  if (type.kind === 'scalar') return type.base === 'INT64' ? neo4j.int(value as number) : value;
  if (type.kind === 'list') return type.of === 'INT64' ? (value as number[]).map((v) => neo4j.int(v)) : value;
  return (value as Record<string, unknown>[]).map((row) => {
    const out: Record<string, unknown> = {};
    for (const [field, fieldType] of type.fields) out[field] = convertParam(fieldType, row[field]);
    return out;
  });
}

function rows(result: QueryResult): Row[] {
  return result.records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

/** Driver values to the plain JS both adapters return: numbers, YYYY-MM-DD dates, maps. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toBigInt();
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return value.toString();
  }
  if (neo4j.isNode(value)) {
    const label = value.labels.find((l) => l !== 'Entity') ?? value.labels[0];
    return { _id: value.elementId, _label: label, ...(toPlain(value.properties) as object) };
  }
  if (neo4j.isRelationship(value)) {
    return { _id: value.elementId, _src: value.startNodeElementId, _dst: value.endNodeElementId, _label: value.type, ...(toPlain(value.properties) as object) };
  }
  if (neo4j.isPath(value)) {
    return {
      _nodes: [value.start, ...value.segments.map((s) => s.end)].map(toPlain),
      _rels: value.segments.map((s) => toPlain(s.relationship)),
    };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
