/**
 * What every resolver receives: the request's own store wrapper (counting its round trips for
 * the request log), its own loaders and the limits. Built fresh for each request.
 */
import { CountingStore, type Store } from '../store/port.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Limits } from './limits.js';

export interface ApiContext {
  store: CountingStore;
  loaders: Loaders;
  limits: Limits;
  /**
   * Filled in by the plugins, for the request log. An object of its own because Apollo hands
   * each operation a shallow copy of the context: a field set on the copy would be lost.
   */
  report: RequestReport;
}

export interface RequestReport {
  operationName?: string;
  complexity?: number;
  errorCodes?: string[];
}

export function createContext(store: Store, limits: Limits): ApiContext {
  const counting = new CountingStore(store);
  return { store: counting, loaders: createLoaders(counting), limits, report: {} };
}
