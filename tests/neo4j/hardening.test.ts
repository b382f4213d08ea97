/**
 * The Neo4j hardening (no file access from LOAD CSV, an empty import folder, a procedure
 * allow-list, bounded transactions) is the same in docker-compose.yml and in the local server
 * the tests run against, and both run the same Neo4j version.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { environment, readCompose } from '../deploy/compose.js';
import { localSettings, productionSettings } from './settings.js';

const neo4j = readCompose(projectPath('docker-compose.yml')).services.neo4j!;
const composeEnv = environment(neo4j);

describe('Neo4j settings', () => {
  it('the local server hardens what issue 11 asks for', () => {
    const local = localSettings();
    expect(local.get('dbms.security.allow_csv_import_from_file_urls')).toBe('false');
    expect(local.get('dbms.security.procedures.allowlist')?.split(',')).toEqual(
      expect.arrayContaining(['db.labels', 'db.index.fulltext.queryNodes']),
    );
    expect(local.get('dbms.security.procedures.allowlist')).not.toMatch(/\*|apoc|dbms\./);
    expect(local.get('db.memory.transaction.max')).toMatch(/^\d+[kmg]$/);
    expect(local.get('dbms.memory.transaction.total.max')).toMatch(/^\d+[kmg]$/);
    expect(local.get('db.transaction.timeout')).toMatch(/^\d+s$/);
  });

  it('all transactions together stay well inside the smallest heap either server runs with', () => {
    const bytes = (size: string) => Number(/^(\d+)([kmg])$/.exec(size)![1]) * { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[/[kmg]$/.exec(size)![0] as 'k' | 'm' | 'g'];
    const composeHeap = /:-(\d+[kmg])\}/.exec(composeEnv.NEO4J_server_memory_heap_max__size ?? '')?.[1];
    expect(composeHeap).toBeDefined();
    // The local server's heap in the tests and CI: NEO4J_LOCAL_HEAP, 1g (tests/neo4j/local-server.ts).
    const heap = Math.min(bytes(composeHeap!), bytes('1g'));
    const total = bytes(localSettings().get('dbms.memory.transaction.total.max')!);
    expect(total).toBeLessThanOrEqual(0.7 * heap);
    expect(bytes(localSettings().get('db.memory.transaction.max')!)).toBeLessThan(total);
  });

  it('docker-compose.yml sets every one of them to the same value', () => {
    for (const [variable, value] of productionSettings()) expect(composeEnv[variable], variable).toBe(value);
  });

  it("docker-compose.yml's import folder is the image's /import, with nothing mounted there", () => {
    expect(composeEnv.NEO4J_server_directories_import).toBe('/import');
    const targets = ((neo4j.volumes ?? []) as string[]).map((v) => v.split(':')[1]);
    expect(targets).not.toContain('/import');
  });

  it('the image and the Maven project pin the same Neo4j version', () => {
    const pom = readFileSync(projectPath('tools/neo4j-local/pom.xml'), 'utf8');
    const version = /<neo4j\.version>([\d.]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(version).toMatch(/^5\.26\.\d+$/);
    expect(neo4j.image).toBe(`neo4j:${version}-community`);
  });
});
