/**
 * Opens the configured store. The adapters are imported on demand, so a Neo4j deployment
 * never loads the embedded engine's native binary and vice versa.
 */
import type { Config } from '../config.js';
import type { Store } from './port.js';

export async function openStore(config: Pick<Config, 'store' | 'queryTimeoutMs'>): Promise<Store> {
  const { store } = config;
  if (store.engine === 'kuzu') {
    const { KuzuStore } = await import('./kuzu/adapter.js');
    return KuzuStore.open({ path: store.path, bufferPoolMb: store.bufferPoolMb, timeoutMs: config.queryTimeoutMs });
  }
  const { Neo4jStore } = await import('./neo4j/adapter.js');
  return Neo4jStore.open({ ...store, timeoutMs: config.queryTimeoutMs });
}

export type { Store, Transaction, Row, Params } from './port.js';
