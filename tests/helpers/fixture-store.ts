import { KuzuStore } from '../../src/store/kuzu/adapter.js';
import { checkSeedFolder, loadGraph } from '../../src/seeds/index.js';
import { formatProblem } from '../../src/seeds/validate.js';
import type { Store } from '../../src/store/port.js';

export const FIXTURE_DIR = new URL('../fixtures/graph/', import.meta.url).pathname;

/** An in-memory Kùzu store holding the graph of a seed folder (the small fixture by default). */
export async function openSeededStore(dir = FIXTURE_DIR, path = ':memory:'): Promise<Store> {
  const { problems, graph } = checkSeedFolder(dir);
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  const store = await KuzuStore.open({ path, bufferPoolMb: 256 });
  await loadGraph(store, graph);
  return store;
}
