/**
 * What every resolver receives: the request's own store wrapper (counting its round trips for
 * the request log, and starting no work once the request is abandoned), its own loaders and
 * the limits. Built fresh for each request.
 */
import { CountingStore, type AdHocOptions, type Params, type ReadScope, type Store, type Transaction } from '../store/port.js';
import { RequestCancelledError } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Limits } from './limits.js';
import type { Price } from './pricing.js';

export interface ApiContext {
  store: CountingStore;
  loaders: Loaders;
  limits: Limits;
  /**
   * Filled in by the plugins, for the request log. An object of its own because Apollo hands
   * each operation a shallow copy of the context: a field set on the copy would be lost.
   */
  report: RequestReport;
  /** Charges a priced operation to the client's budgets (the HTTP edge's rate limits). */
  charge?(price: Price): Promise<void>;
  /** Whether the request was abandoned (its client went away, or it ran out of time). */
  lifetime?: RequestLifetime;
  /** Ends what the request holds in the database (a shared read transaction); call once it is answered. */
  release(): Promise<void>;
}

/**
 * How long a request's work is wanted. Asked before each statement (a flag and a clock
 * read), and made into an AbortSignal only for the ad hoc statement, which can be stopped
 * midway: a signal and a timer for every request would cost every cheap read.
 */
export interface RequestLifetime {
  /** Why the work is no longer wanted, or undefined while it is. */
  abandoned(): string | undefined;
  /** A signal aborted when the work stops being wanted. */
  signal(): AbortSignal;
}

export interface RequestReport {
  operationName?: string;
  complexity?: number;
  cypherFields?: number;
  errorCodes?: string[];
}

export interface RequestOptions {
  lifetime?: RequestLifetime;
  charge?(price: Price): Promise<void>;
}

/**
 * The store as one request sees it: once its signal is aborted, no new statement starts (a
 * client that went away does not leave twenty queued statements behind it), and the ad hoc
 * statement in flight gets the signal so that the adapter can stop it.
 */
class RequestStore extends CountingStore {
  /** The request's named reads share this, where the engine has one (Store.readScope). */
  private scope: ReadScope | undefined;
  private released = false;

  constructor(private readonly store: Store, private readonly lifetime: RequestLifetime | undefined) {
    super(store);
  }

  /** Ends the shared read scope; later statements run alone. */
  async release(): Promise<void> {
    this.released = true;
    const scope = this.scope;
    this.scope = undefined;
    await scope?.close();
  }

  private stopIfAbandoned() {
    const reason = this.lifetime?.abandoned();
    if (reason) throw new RequestCancelledError(reason);
  }

  override run(name: string, params?: Params) {
    this.stopIfAbandoned();
    if (this.released || !this.store.readScope) return super.run(name, params);
    this.roundTrips++;
    this.scope ??= this.store.readScope();
    return this.store.run(name, params, this.scope);
  }

  override read<T>(work: (tx: Transaction) => Promise<T>) {
    this.stopIfAbandoned();
    return super.read(work);
  }

  override readOnlyCypher(text: string, params: Params, options: AdHocOptions) {
    this.stopIfAbandoned();
    const withSignal: AdHocOptions & { signal?: AbortSignal } = { ...options, signal: this.lifetime?.signal() };
    return super.readOnlyCypher(text, params, withSignal);
  }
}

export function createContext(store: Store, limits: Limits, options: RequestOptions = {}): ApiContext {
  const counting = new RequestStore(store, options.lifetime);
  return {
    store: counting, loaders: createLoaders(counting), limits, report: {}, charge: options.charge, lifetime: options.lifetime,
    release: () => counting.release(),
  };
}
