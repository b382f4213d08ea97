/**
 * The image's graph-init script, taken from the Dockerfile and run here with its /app paths
 * pointed at this project (npm test builds dist/ first): on the embedded engine it migrates,
 * seeds an empty database, leaves a seeded one alone; against a Neo4j that does not answer it
 * retries a bounded number of times and fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { only, parseDockerfile, stage } from './dockerfile.js';

const runtime = stage(parseDockerfile(readFileSync(projectPath('Dockerfile'), 'utf8')), 'runtime');
const workdir = only(runtime, 'WORKDIR').at(-1)!.rest;
const script = only(runtime, 'COPY').find((c) => c.rest.endsWith(' /usr/local/bin/graph-init'))!.heredocs[0]!.content;
const dir = mkdtempSync(join(tmpdir(), 'graph-init-'));
const path = join(dir, 'graph-init');
writeFileSync(path, script.replaceAll(`${workdir}/`, `${projectPath()}/`));

function graphInit(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync('sh', [path, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 90_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('graph-init', () => {
  beforeAll(() => {
    expect(script).toContain(`${workdir}/dist/src/cli.js`);
  });

  it('seeds an empty database once, then leaves it alone', () => {
    const env = { NEO4J_URI: '', EMBEDDED_DB: join(dir, 'graph.kuzu'), EMBEDDED_BUFFER_MB: '256' };
    const fixture = projectPath('tests/fixtures/graph');
    const first = graphInit(env, '--dir', fixture);
    expect(first.err).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/schema is up to date/);
    expect(first.out).toMatch(/the database is empty; seeding it/);
    expect(first.out).toMatch(/loaded 27 nodes and 47 relationships/);

    const second = graphInit(env, '--dir', fixture);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/the database holds 27 nodes; not seeding/);
    expect(second.out).not.toMatch(/loaded/);
  }, 90_000);

  it('gives up after GRAPH_INIT_ATTEMPTS tries when Neo4j does not answer', async () => {
    const port = await new Promise<number>((done) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => done(port));
      });
    });
    const started = Date.now();
    const r = graphInit({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'not-used', GRAPH_INIT_ATTEMPTS: '2' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the database is not ready \(try 1 of 2\); retrying in 3 s/);
    expect(r.err).toMatch(/graph-init: migrations failed 2 times; giving up/);
    expect(r.out).not.toMatch(/seeding/);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
