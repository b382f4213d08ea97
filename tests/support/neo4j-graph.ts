/**
 * The graph of the one Neo4j that `npm run test:neo4j` shares between its test files: each
 * file asks for a seed folder, and the load (30–40 s on a busy two-core machine, a third of the
 * suite's time when every file loaded its own) is skipped when the database already holds
 * exactly what loading that folder produced. "Exactly" is checked, not assumed: the graph's
 * fingerprint (counts and a checksum of every node and relationship) must equal the one taken
 * right after the last load of the same folder, whose content must not have changed since.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSeedFolder, loadGraph } from '../../src/seeds/index.js';
import type { Store } from '../../src/store/port.js';
import { graphFingerprint } from '../helpers/fingerprint.js';

interface Loaded { seedDir: string; seedHash: string; fingerprint: Awaited<ReturnType<typeof graphFingerprint>> }

/** One record per server (its address), beside the server's own folder when it is ours. */
function recordFile(): string {
  const uri = process.env.NEO4J_URI ?? '';
  const dir = process.env.NEO4J_LOCAL_DIR ?? tmpdir();
  return join(dir, `test-graph-${createHash('sha256').update(uri).digest('hex').slice(0, 12)}.json`);
}

/** Replaces the graph with the seed folder's, unless it holds exactly that already. */
export async function loadSeedFolderOnce(store: Store, seedDir: string): Promise<'loaded' | 'kept'> {
  const { graph, problems } = checkSeedFolder(seedDir);
  if (problems.length) throw new Error(`${seedDir} does not validate`);
  const seedHash = createHash('sha256').update(JSON.stringify(graph)).digest('hex');
  const file = recordFile();
  const last = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Loaded) : undefined;
  if (last?.seedDir === seedDir && last.seedHash === seedHash && !(await store.pendingMigrations()).length) {
    const now = await graphFingerprint(store);
    if (now.checksum === last.fingerprint.checksum && now.nodes === last.fingerprint.nodes) return 'kept';
  }
  await loadGraph(store, graph);
  const record: Loaded = { seedDir, seedHash, fingerprint: await graphFingerprint(store) };
  writeFileSync(file, JSON.stringify(record));
  return 'loaded';
}
