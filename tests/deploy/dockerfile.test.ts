/**
 * The API image, read from the Dockerfile: stages, what each installs, what the runtime stage
 * holds and how it runs (non-root, production, health checked).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { projectPath } from '../../src/paths.js';
import { command, healthcheck, only, pairs, parseDockerfile, stage, type Heredoc, type Instruction } from './dockerfile.js';

const file = parseDockerfile(readFileSync(projectPath('Dockerfile'), 'utf8'));
const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const build = stage(file, 'build');
const prodDeps = stage(file, 'prod-deps');
const runtime = stage(file, 'runtime');

/** The words of every RUN of a stage, heredocs included. */
const runText = (ins: Instruction[]) => ins.filter((i) => i.keyword === 'RUN').map((i) => i.rest.replace(/\s+/g, ' ')).join('\n');
/** Each `npm ci …` command of a text, as its list of words. */
const npmCi = (text: string) => [...text.matchAll(/npm ci((?: --?[a-z-]+(?:=[a-z]+)?)*)/g)].map((m) => m[1]!.trim().split(/\s+/).filter(Boolean));

describe('Dockerfile', () => {
  it('uses BuildKit syntax 1 (heredocs, COPY --chmod)', () => {
    expect(file.directives.syntax).toBe('docker/dockerfile:1');
  });

  it('builds in stages on one pinned Node image that package.json engines allow', () => {
    expect(file.stages.map((s) => s.name)).toEqual(['build', 'prod-deps', 'runtime']);
    const bases = new Set(file.stages.map((s) => s.base));
    expect(bases.size).toBe(1);
    const [base] = [...bases];
    const m = /^node:(\d+)\.(\d+)\.(\d+)-bookworm-slim$/.exec(base!);
    expect(m, `base image ${base} is not node:X.Y.Z-bookworm-slim`).not.toBeNull();
    const minimum = Number(/>=\s*(\d+)/.exec(pkg.engines.node)![1]);
    expect(Number(m![1])).toBeGreaterThanOrEqual(minimum);
    expect(file.stages.at(-1)!.name).toBe('runtime');
  });

  it('compiles with every dependency, running only the install scripts package.json approves', () => {
    const text = runText(build.instructions);
    const installs = npmCi(text);
    expect(installs).toHaveLength(1);
    expect(installs[0]).toContain('--ignore-scripts');
    expect(installs[0]!.filter((w) => w.startsWith('--omit'))).toEqual([]);
    const rebuilt = /npm rebuild ([a-z0-9@/ .-]+)/.exec(text)?.[1]!.trim().split(/\s+/).sort();
    const approved = Object.entries(pkg.allowScripts ?? {}).filter(([, ok]) => ok).map(([name]) => name.replace(/(.)@.*$/, '$1')).sort();
    expect(rebuilt).toEqual(approved);
    expect(text).toMatch(/npm run build/);
    expect(text.indexOf('npm rebuild')).toBeLessThan(text.indexOf('npm run build'));
  });

  it('installs production dependencies without Kùzu unless WITH_EMBEDDED=true', () => {
    expect(pairs(only(prodDeps, 'ARG').map((a) => a.rest).join(' '))).toEqual({ WITH_EMBEDDED: 'false' });
    const text = runText(prodDeps.instructions);
    const [embedded, neo4jOnly] = npmCi(text);
    expect(text).toMatch(/if \[ "\$WITH_EMBEDDED" = "true" \]; then npm ci/);
    expect(embedded).toEqual(expect.arrayContaining(['--omit=dev', '--ignore-scripts']));
    expect(embedded).not.toContain('--omit=optional');
    expect(text).toMatch(/npm rebuild kuzu && rm -rf node_modules\/kuzu\/kuzu-source node_modules\/kuzu\/prebuilt/);
    expect(neo4jOnly).toEqual(expect.arrayContaining(['--omit=dev', '--omit=optional', '--ignore-scripts']));
  });

  it('runs production code only: dist from build, node_modules from prod-deps, no compiler', () => {
    const copies = only(runtime, 'COPY');
    const from = (stageName: string) => copies.filter((c) => c.flags.from === stageName).map((c) => c.rest);
    expect(from('build')).toEqual(['/app/dist ./dist']);
    expect(from('prod-deps')).toEqual(['/app/node_modules ./node_modules']);
    expect(runText(runtime.instructions)).not.toMatch(/npm (ci|install|run)/);
    expect(only(runtime, 'WORKDIR').map((w) => w.rest)).toEqual(['/app']);
  });

  it('sets NODE_ENV=production', () => {
    const env = Object.assign({}, ...only(runtime, 'ENV').map((e) => pairs(e.rest)));
    expect(env.NODE_ENV).toBe('production');
  });

  it('listens on every interface in the container (HOST=0.0.0.0), while npm start keeps loopback', () => {
    const env = Object.assign({}, ...only(runtime, 'ENV').map((e) => pairs(e.rest)));
    expect(env.HOST).toBe('0.0.0.0');
  });

  it('runs as a non-root user, by number', () => {
    const users = only(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.rest;
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    // Nothing after USER needs root.
    const after = runtime.instructions.slice(runtime.instructions.indexOf(users.at(-1)!) + 1);
    expect(after.filter((i) => i.keyword === 'RUN')).toEqual([]);
  });

  it('exposes the port the API listens on by default', () => {
    expect(only(runtime, 'EXPOSE').map((e) => e.rest)).toEqual([String(loadConfig({}).port)]);
  });

  it('checks health with Node on /healthz (the slim image has no curl or wget)', () => {
    const checks = only(runtime, 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    const h = healthcheck(checks[0]!);
    if (h.none) throw new Error('HEALTHCHECK NONE');
    expect(h.cmd.form).toBe('exec');
    expect(h.cmd.args.slice(0, 2)).toEqual(['node', '-e']);
    expect(h.cmd.args[2]).toMatch(/fetch\('http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 4000\) \+ '\/healthz'/);
    expect(h.cmd.args[2]).toMatch(/AbortSignal\.timeout\(\d+\)/);
    expect(h.cmd.args.join(' ')).not.toMatch(/curl|wget/);
    expect(Object.keys(h.options).sort()).toEqual(['interval', 'retries', 'start-period', 'timeout']);
    const seconds = (d: string) => Number(/^(\d+)s$/.exec(d)![1]);
    // The fetch gives up before Docker's timeout kills the check.
    expect(Number(/AbortSignal\.timeout\((\d+)\)/.exec(h.cmd.args[2]!)![1])).toBeLessThan(seconds(h.options.timeout!) * 1000);
  });

  it('starts the compiled server with node itself, as npm start does after building', () => {
    const cmds = only(runtime, 'CMD');
    expect(cmds).toHaveLength(1);
    const cmd = command(cmds[0]!.rest);
    expect(cmd.form).toBe('exec');
    const start = /&& (node \S+)$/.exec(pkg.scripts.start!)?.[1];
    expect(start, `npm start is "${pkg.scripts.start}"`).toBeDefined();
    expect(cmd.args.join(' ')).toBe(start);
    expect(only(runtime, 'ENTRYPOINT')).toEqual([]);
  });

  it('installs the graph and graph-init commands as scripts', () => {
    const scripts: Record<string, Heredoc & { chmod?: string }> = Object.fromEntries(
      only(runtime, 'COPY')
        .filter((c) => c.heredocs.length === 1)
        .map((c) => [c.rest.split(/\s+/).at(-1)!, { chmod: c.flags.chmod, ...c.heredocs[0]! }]),
    );
    expect(Object.keys(scripts).sort()).toEqual(['/usr/local/bin/graph', '/usr/local/bin/graph-init']);
    for (const s of Object.values(scripts)) {
      expect(s.chmod).toBe('0755');
      // Quoted: the builder leaves $@ and $tries to the shell.
      expect(s.quoted).toBe(true);
      expect(s.content.startsWith('#!/bin/sh\n')).toBe(true);
    }
    expect(scripts['/usr/local/bin/graph']!.content).toMatch(/^exec node \/app\/dist\/src\/cli\.js "\$@"$/m);
    const init = scripts['/usr/local/bin/graph-init']!.content;
    expect(init).toMatch(/^set -eu$/m);
    expect(init.indexOf('migrate')).toBeLessThan(init.indexOf('seed'));
  });

  it('names no secret', () => {
    for (const ins of file.instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')) {
      for (const name of Object.keys(pairs(ins.rest))) expect(name).not.toMatch(/PASSWORD|SECRET|TOKEN|AUTH|KEY/i);
    }
    expect(readFileSync(projectPath('Dockerfile'), 'utf8')).not.toMatch(/NEO4J_PASSWORD|NEO4J_AUTH/);
  });
});
