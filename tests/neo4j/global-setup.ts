/**
 * `npm run test:neo4j`: the Neo4j the suites run against. NEO4J_URI set: that server (with
 * NEO4J_USER / NEO4J_PASSWORD), which must be empty or NEO4J_TEST_WIPE=1. Unset: a fresh local
 * Neo4j (tools/neo4j-local) on a free port with a throw-away folder and password, stopped at
 * the end. The test files read the usual variables; `localNeo4jDir` is set when the server is
 * ours to stop and start (the lifecycle test does).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLocalNeo4j, freePort, startLocalNeo4j, stopLocalNeo4j } from './local-server.js';

export default async function setup(): Promise<() => Promise<void>> {
  process.env.TEST_ENGINE = 'neo4j';
  if (process.env.NEO4J_URI) {
    console.info(`test:neo4j: against ${process.env.NEO4J_URI}`);
    return async () => {};
  }
  await buildLocalNeo4j();
  const dir = mkdtempSync(join(tmpdir(), 'neo4j-local-'));
  const password = randomBytes(12).toString('hex');
  const started = Date.now();
  const server = await startLocalNeo4j({ port: await freePort(), dir, password });
  console.info(`test:neo4j: local Neo4j at ${server.uri} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  Object.assign(process.env, {
    NEO4J_URI: server.uri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: password,
    NEO4J_TEST_WIPE: '1',
    NEO4J_LOCAL_DIR: dir,
    NEO4J_LOCAL_PORT: String(server.port),
  });
  return async () => {
    await stopLocalNeo4j(dir);
    rmSync(dir, { recursive: true, force: true });
  };
}
