/**
 * Opens the configured store. The adapters are imported on demand, so a Neo4j deployment
 * never loads the embedded engine's native binary and vice versa.
 */
import { ConfigError, type Config } from '../config.js';
import type { Store } from './port.js';

export async function openStore(config: Pick<Config, 'store' | 'queryTimeoutMs'>): Promise<Store> {
  const { store } = config;
  if (store.engine === 'kuzu') {
    // kuzu is an optional dependency, left out of images that run against Neo4j only.
    const { KuzuStore } = await import('./kuzu/adapter.js').catch((error: Error) => {
      throw new ConfigError(`the embedded engine is not installed (${error.message.split('\n')[0]}): run npm install, or set NEO4J_URI to use Neo4j`);
    });
    return KuzuStore.open({ path: store.path, bufferPoolMb: store.bufferPoolMb, timeoutMs: config.queryTimeoutMs });
  }
  const { Neo4jStore } = await import('./neo4j/adapter.js');
  return Neo4jStore.open({ ...store, timeoutMs: config.queryTimeoutMs });
}

export type { Store, Transaction, Row, Params } from './port.js';
