/**
 * .env.example documents every variable: the ones docker-compose.yml interpolates, the ones
 * the app reads (src/config.ts and anywhere else in src/), the ones compose hands to its
 * containers and the ones the image's scripts read; and it holds no secret.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { environment, readCompose, references } from './compose.js';
import { only, parseDockerfile, stage } from './dockerfile.js';
import { envNamesRead, readEnvExample, rel, sourceFiles } from './files.js';

const env = readEnvExample();
const compose = readCompose(projectPath('docker-compose.yml'));
const missing = (names: Iterable<string>) => [...names].filter((n) => !env.documented.has(n)).sort();

describe('.env.example', () => {
  it('documents every variable docker-compose.yml interpolates', () => {
    const names = new Set(references(compose).map((r) => r.name));
    expect(names.size).toBeGreaterThan(5);
    expect(missing(names)).toEqual([]);
  });

  it('documents every variable src/config.ts reads', () => {
    const names = envNamesRead(readFileSync(projectPath('src/config.ts'), 'utf8'));
    // The reader finds the ones we know are there, so an empty result cannot pass.
    for (const known of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'PORT', 'QUERY_TIMEOUT_MS', 'EMBEDDED_DB', 'EMBEDDED_BUFFER_MB', 'NODE_ENV']) {
      expect(names, known).toContain(known);
    }
    expect(missing(names)).toEqual([]);
  });

  it('documents every variable read anywhere in src/', () => {
    // PATH is the operating system's, not a setting of ours (the ad hoc runner looks up prlimit along it).
    const system = new Set(['PATH']);
    const unread = sourceFiles().flatMap((file) => missing([...envNamesRead(readFileSync(file, 'utf8'))].filter((n) => !system.has(n))).map((n) => `${rel(file)}: ${n}`));
    expect(unread).toEqual([]);
  });

  it('documents the settings of the deployment brief, LOG_LEVEL and PLAYGROUND included', () => {
    expect(missing(['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'PORT', 'QUERY_TIMEOUT_MS', 'EMBEDDED_DB', 'EMBEDDED_BUFFER_MB', 'NODE_ENV', 'LOG_LEVEL', 'PLAYGROUND'])).toEqual([]);
  });

  it('documents every variable compose gives its containers and the image scripts read', () => {
    const given = Object.entries(compose.services)
      .filter(([, s]) => s.build)
      .flatMap(([, s]) => Object.keys(environment(s)));
    expect(missing(given)).toEqual([]);
    const dockerfile = parseDockerfile(readFileSync(projectPath('Dockerfile'), 'utf8'));
    const scripts = only(stage(dockerfile, 'runtime'), 'COPY').flatMap((c) => c.heredocs.map((h) => h.content)).join('\n');
    const read = [...scripts.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!);
    expect(read).toContain('GRAPH_INIT_ATTEMPTS');
    expect(missing(read)).toEqual([]);
  });

  it('explains every variable', () => {
    for (const name of env.documented) expect(env.comments.get(name)?.replace(/#/g, '').trim(), name).toBeTruthy();
  });

  it('holds no secret: secret variables are empty', () => {
    for (const [name, value] of [...env.set, ...env.commented]) {
      if (/PASSWORD|SECRET|TOKEN|KEY/.test(name)) expect(value, name).toBe('');
    }
    expect(env.set.get('NEO4J_PASSWORD')).toBe('');
  });

  it('gives compose the same defaults as the file does', () => {
    for (const r of references(compose)) {
      if (r.operator !== ':-' || !env.set.has(r.name)) continue;
      expect(env.set.get(r.name), `${r.at}: \${${r.name}:-${r.word}}`).toBe(r.word);
    }
  });

  it('uses values compose reads as they are: no spaces, quotes or $', () => {
    for (const [name, value] of env.set) expect(value, name).toMatch(/^[^\s'"$#]*$/);
  });

  it('stays out of git and of the image, while .env.example does not', () => {
    const lines = (file: string) => readFileSync(projectPath(file), 'utf8').split('\n').map((l) => l.trim());
    expect(lines('.gitignore')).toContain('.env');
    expect(lines('.dockerignore')).toContain('.env');
    expect(lines('.gitignore')).not.toContain('.env.example');
  });
});
