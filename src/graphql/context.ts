/**
 * What every resolver receives: the request's own store wrapper (counting its round trips for
 * the request log, and starting no work once the request is abandoned), its own loaders and
 * the limits. Built fresh for each request.
 */
import { CountingStore, type AdHocOptions, type Params, type Store, type Transaction } from '../store/port.js';
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
  /** Aborted when the client goes away or the request runs out of time. */
  signal?: AbortSignal;
}

export interface RequestReport {
  operationName?: string;
  complexity?: number;
  cypherFields?: number;
  errorCodes?: string[];
}

export interface RequestOptions {
  signal?: AbortSignal;
  charge?(price: Price): Promise<void>;
}

/**
 * The store as one request sees it: once its signal is aborted, no new statement starts (a
 * client that went away does not leave twenty queued statements behind it), and the ad hoc
 * statement in flight gets the signal so that the adapter can stop it.
 */
class RequestStore extends CountingStore {
  constructor(inner: Store, private readonly signal: AbortSignal | undefined) {
    super(inner);
  }

  private stopIfAbandoned() {
    const signal = this.signal;
    if (!signal?.aborted) return;
    const reason = signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'it ran out of time' : 'the client went away';
    throw new RequestCancelledError(reason);
  }

  override run(name: string, params?: Params) {
    this.stopIfAbandoned();
    return super.run(name, params);
  }

  override read<T>(work: (tx: Transaction) => Promise<T>) {
    this.stopIfAbandoned();
    return super.read(work);
  }

  override readOnlyCypher(text: string, params: Params, options: AdHocOptions) {
    this.stopIfAbandoned();
    const withSignal: AdHocOptions & { signal?: AbortSignal } = { ...options, signal: this.signal };
    return super.readOnlyCypher(text, params, withSignal);
  }
}

export function createContext(store: Store, limits: Limits, options: RequestOptions = {}): ApiContext {
  const counting = new RequestStore(store, options.signal);
  return { store: counting, loaders: createLoaders(counting), limits, report: {}, charge: options.charge, signal: options.signal };
}
