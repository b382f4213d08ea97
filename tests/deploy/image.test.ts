/**
 * What goes into the image, checked from the files that decide it: the build context
 * (.dockerignore), the folders the code reads at run time, and the dependencies. The Neo4j
 * image leaves Kùzu out (`npm ci --omit=optional`), which is only safe while nothing the
 * server or the CLI imports statically needs it, and while Kùzu is the only thing that flag
 * leaves out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/paths.js';
import { only, parseDockerfile, splitWords, stage } from './dockerfile.js';
import { dockerignore, rel, sourceFiles } from './files.js';

interface Lock {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; devOptional?: boolean; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
}
type Sections = 'dependencies' | 'devDependencies' | 'optionalDependencies';
const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as Record<Sections, Record<string, string>> & { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(projectPath('package-lock.json'), 'utf8')) as Lock;
const dockerfile = parseDockerfile(readFileSync(projectPath('Dockerfile'), 'utf8'));
const ignored = dockerignore(readFileSync(projectPath('.dockerignore'), 'utf8'));

/** The package a bare import names: `@apollo/server/express4` → `@apollo/server`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * Packages reached from an entry file through static, value-carrying imports and re-exports
 * (type-only ones are erased by the compiler; `await import()` loads on demand).
 */
function staticPackages(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const node of source.statements) {
      let specifier: string | undefined;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const typeOnly = clause?.isTypeOnly
          || (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
            && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
        if (!typeOnly) specifier = (node.moduleSpecifier as ts.StringLiteral).text;
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
        specifier = (node.moduleSpecifier as ts.StringLiteral).text;
      }
      if (!specifier) continue;
      if (specifier.startsWith('.')) {
        const base = resolve(dirname(file), specifier).replace(/\.js$/, '');
        const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
        if (!target) throw new Error(`${rel(file)}: cannot resolve ${specifier}`);
        visit(target);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        if (!packages.has(packageOf(specifier))) packages.set(packageOf(specifier), rel(file));
      }
    }
  };
  visit(entry);
  return packages;
}

/** Lockfile paths reachable from one package through its dependencies, as Node resolves them. */
function closure(start: string): Set<string> {
  const reached = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const at = queue.pop()!;
    if (reached.has(at)) continue;
    reached.add(at);
    const entry = lock.packages[at]!;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      let dir = at;
      for (;;) {
        const candidate = `${dir}/node_modules/${name}`;
        if (lock.packages[candidate]) {
          queue.push(candidate);
          break;
        }
        const up = dir.lastIndexOf('/node_modules/');
        if (up < 0) {
          if (lock.packages[`node_modules/${name}`]) queue.push(`node_modules/${name}`);
          break;
        }
        dir = dir.slice(0, up);
      }
    }
  }
  return reached;
}

// The entry points the image runs (CMD, graph, graph-init); src/server.ts is checked once it exists.
const entries = ['src/server.ts', 'src/cli.ts'].filter((f) => existsSync(projectPath(f)));

describe('the image', () => {
  it('has Kùzu as an optional dependency, approved to run its install script', () => {
    expect(pkg.optionalDependencies).toEqual({ kuzu: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(pkg.dependencies).not.toHaveProperty('kuzu');
    expect(pkg.devDependencies).not.toHaveProperty('kuzu');
    expect(pkg.allowScripts?.kuzu).toBe(true);
  });

  it('pins every dependency to an exact version, and the lockfile agrees', () => {
    const root = lock.packages['']! as Record<string, unknown>;
    for (const section of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
      for (const [name, version] of Object.entries(pkg[section] ?? {})) {
        expect(version, `${section}.${name}`).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
        expect(lock.packages[`node_modules/${name}`]?.version, `${name} in package-lock.json`).toBe(version);
      }
      expect(root[section] ?? {}, section).toEqual(pkg[section] ?? {});
    }
  });

  it('leaves out nothing but Kùzu and what only Kùzu needs when optional dependencies are omitted', () => {
    expect(lock.packages['node_modules/kuzu']?.optional).toBe(true);
    const kuzuOnly = closure('node_modules/kuzu');
    // graphql-armor's rules declare their Envelop integration as optional: the rules we load
    // (src/graphql/limits.ts) import graphql alone, so the image may leave Envelop out.
    const armorExtras = new Set<string>();
    for (const name of ['@escape.tech/graphql-armor-max-aliases', '@escape.tech/graphql-armor-max-directives']) {
      const entry = lock.packages[`node_modules/${name}`]!;
      for (const extra of Object.keys(entry.optionalDependencies ?? {})) for (const path of closure(`node_modules/${extra}`)) armorExtras.add(path);
      const code = readFileSync(projectPath('node_modules', name, 'dist', `${name.split('/')[1]}.esm.js`), 'utf8');
      expect([...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]), name).toEqual(['graphql']);
    }
    // pdfjs-dist's optional packages draw pages and stream from Node streams; `graph ingest`
    // reads the text layer of a file it hands over whole (with a DOMMatrix shim), and needs neither.
    const pdfRenderingOnly = new Set(Object.keys(lock.packages['node_modules/pdfjs-dist']?.optionalDependencies ?? {}).flatMap((name) => [...closure(`node_modules/${name}`)]));
    const omitted = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.optional && !p.dev)
      .map(([path]) => path);
    expect(omitted.filter((path) => !kuzuOnly.has(path) && !armorExtras.has(path) && !pdfRenderingOnly.has(path))).toEqual([]);
    // And every production dependency stays.
    for (const name of Object.keys(pkg.dependencies)) {
      const p = lock.packages[`node_modules/${name}`]!;
      expect(p.optional || p.dev, name).toBeFalsy();
    }
  });

  it.each(entries)('%s imports statically only production dependencies, never Kùzu', (entry) => {
    const packages = staticPackages(projectPath(entry));
    expect(packages.size).toBeGreaterThan(0);
    expect(packages.has('kuzu'), `kuzu is imported statically by ${packages.get('kuzu')}`).toBe(false);
    const notProduction = [...packages].filter(([name]) => !(name in pkg.dependencies)).map(([name, by]) => `${name} (imported by ${by})`);
    expect(notProduction).toEqual([]);
  });

  it('copies every folder the code reads at run time', () => {
    const runtime = stage(dockerfile, 'runtime');
    const copied = new Set(
      only(runtime, 'COPY').map((c) => splitWords(c.rest).at(-1)!.replace(/^\.\//, '').replace(/\/$/, '')),
    );
    const read = new Set(
      sourceFiles().flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/projectPath\(\s*['"]([^'"/]+)/g)].map((m) => m[1]!)),
    );
    expect(read).toContain('cypher');
    expect(read).toContain('seeds');
    // data/ is the embedded database, made at run time (and an empty, writable folder in the image).
    read.delete('data');
    expect([...read].filter((folder) => !copied.has(folder))).toEqual([]);
    expect(copied).toContain('dist');
    expect(copied).toContain('node_modules');
  });

  it('builds from a context without dependencies, builds, databases or secrets', () => {
    for (const path of ['node_modules', 'node_modules/x/index.js', 'dist/src/server.js', 'data/graph.kuzu', 'graph.kuzu', 'tmp/other.kuzu', '.git/HEAD', '.env', '.env.local', 'test-artifacts/x.png', 'coverage/index.html', 'tests/cli.test.ts']) {
      expect(ignored(path), path).toBe(true);
    }
  });

  it('keeps in the context everything the Dockerfile copies from it and the build reads', () => {
    const fromContext = dockerfile.stages
      .flatMap((s) => only(s, 'COPY'))
      .filter((c) => !c.flags.from && c.heredocs.length === 0)
      .flatMap((c) => splitWords(c.rest).slice(0, -1));
    expect(fromContext).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', '.', 'cypher', 'seeds']));
    for (const source of fromContext.filter((s) => s !== '.')) {
      expect(existsSync(projectPath(source)), source).toBe(true);
      expect(ignored(source), source).toBe(false);
    }
    const build = JSON.parse(readFileSync(projectPath('tsconfig.build.json'), 'utf8')) as { extends?: string; include: string[] };
    const inputs = ['tsconfig.json', 'tsconfig.build.json', ...build.include, ...sourceFiles().map(rel), 'cypher/schema/neo4j.cypher'];
    expect(inputs.filter((path) => ignored(path))).toEqual([]);
  });
});
