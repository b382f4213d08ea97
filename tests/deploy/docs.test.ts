/**
 * The README's "Deploy with Docker" and "Scale out" sections: every shell command in it is read as a
 * shell would split it and checked against Docker Compose v2's and Docker's command lines, the
 * services of docker-compose.yml, the Dockerfile's build arguments, the CLI's commands, the npm
 * scripts and .env.example.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { projectPath } from '../../src/paths.js';
import { interpolate, parsePort, readCompose } from './compose.js';
import { parseDockerfile, pairs } from './dockerfile.js';
import { readEnvExample } from './files.js';

/** The README's "Deploy with Docker" and "Scale out" sections, up to the heading after them. */
const readme = readFileSync(projectPath('README.md'), 'utf8');
const deployStart = readme.indexOf('## Deploy with Docker');
const scaleStart = readme.indexOf('## Scale out');
const afterScale = readme.slice(scaleStart + 1).search(/^## /m);
const markdown = readme.slice(deployStart, afterScale < 0 ? undefined : scaleStart + 1 + afterScale);
const compose = readCompose(projectPath('docker-compose.yml'));
const env = readEnvExample();
const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> };
const dockerfile = parseDockerfile(readFileSync(projectPath('Dockerfile'), 'utf8'));
const buildArgs = new Set([
  ...Object.keys(dockerfile.globalArgs),
  ...dockerfile.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'ARG').flatMap((i) => Object.keys(pairs(i.rest)))),
]);
/** The commands the CLI's usage text lists (`  seed [--dir DIR] …`). */
const usage = /const USAGE = `([\s\S]*?)`;/.exec(readFileSync(projectPath('src/cli.ts'), 'utf8'))?.[1] ?? '';
const cliCommands = new Set([...usage.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!));

function blocks(lang: string): string[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);
}

type Token = { word: string } | { op: string };

/** Words and operators of a shell text: quotes, backslash-newline, comments, && || ; |. */
function shellTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let word: string | null = null;
  const end = () => {
    if (word !== null) tokens.push({ word });
    word = null;
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c === '\\' && text[k + 1] === '\n') {
      k++;
    } else if (c === "'" || c === '"') {
      const close = text.indexOf(c, k + 1);
      if (close < 0) throw new Error(`unclosed quote in: ${text}`);
      word = (word ?? '') + text.slice(k + 1, close);
      k = close;
    } else if (c === '#' && word === null) {
      const nl = text.indexOf('\n', k);
      k = nl < 0 ? text.length : nl - 1;
    } else if (c === '\n' || c === ';') {
      end();
      tokens.push({ op: ';' });
    } else if (/\s/.test(c)) {
      end();
    } else if ((c === '&' || c === '|') && text[k + 1] === c) {
      end();
      tokens.push({ op: c + c });
      k++;
    } else if (c === '|' || c === '<' || c === '>' || c === '&') {
      throw new Error(`unexpected "${c}" (a redirection or a placeholder?) in: ${text.split('\n').find((l) => l.includes(c))}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  end();
  return tokens;
}

interface Command { assignments: Record<string, string>; words: string[]; block: number }

function commands(): Command[] {
  const out: Command[] = [];
  blocks('sh').forEach((text, block) => {
    let current: string[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const assignments: Record<string, string> = {};
      while (current.length && /^[A-Z_][A-Z0-9_]*=/.test(current[0]!)) {
        const [name, ...value] = current.shift()!.split('=');
        assignments[name!] = value.join('=');
      }
      out.push({ assignments, words: current, block });
      current = [];
    };
    for (const t of shellTokens(text)) {
      if ('op' in t) flush();
      else current.push(t.word);
    }
    flush();
  });
  return out;
}

/** Flags of the commands used, each taking a value or not (Docker Compose v2, Docker 23+). */
const COMPOSE_GLOBAL = { value: ['-p', '--project-name', '-f', '--file', '--profile', '--env-file', '--project-directory', '--progress', '--ansi', '--parallel'], bool: ['--dry-run', '--compatibility', '--all-resources'] };
const COMPOSE: Record<string, { value: string[]; bool: string[]; args: 'services' | 'service+command' | 'none' }> = {
  up: { value: ['--scale', '--wait-timeout', '--pull', '--exit-code-from', '-t', '--timeout', '--attach', '--no-attach'], bool: ['-d', '--detach', '--build', '--no-build', '--wait', '--no-deps', '--force-recreate', '--no-recreate', '--remove-orphans', '--quiet-pull', '-V', '--renew-anon-volumes', '--abort-on-container-exit', '--no-start', '--always-recreate-deps', '--no-color', '--no-log-prefix', '--timestamps', '-y', '-w', '--watch'], args: 'services' },
  down: { value: ['--rmi', '-t', '--timeout'], bool: ['-v', '--volumes', '--remove-orphans'], args: 'services' },
  exec: { value: ['-e', '--env', '-u', '--user', '-w', '--workdir', '--index'], bool: ['-d', '--detach', '-T', '--no-TTY', '--privileged'], args: 'service+command' },
  run: { value: ['-e', '--env', '--entrypoint', '--name', '-u', '--user', '-w', '--workdir', '-v', '--volume', '-p', '--publish', '-l', '--label', '--cap-add', '--cap-drop', '--pull'], bool: ['--rm', '-d', '--detach', '--no-deps', '-T', '--no-TTY', '--service-ports', '--use-aliases', '--build', '--quiet-pull', '--remove-orphans', '-i', '--interactive'], args: 'service+command' },
  logs: { value: ['--tail', '-n', '--since', '--until', '--index'], bool: ['-f', '--follow', '-t', '--timestamps', '--no-color', '--no-log-prefix'], args: 'services' },
  ps: { value: ['--format', '--status', '--filter'], bool: ['-a', '--all', '-q', '--quiet', '--services', '--no-trunc', '--orphans'], args: 'services' },
  build: { value: ['--build-arg', '--progress', '--ssh', '--builder'], bool: ['--no-cache', '--pull', '-q', '--quiet', '--push', '--with-dependencies'], args: 'services' },
  config: { value: ['--format', '-o', '--output', '--hash'], bool: ['-q', '--quiet', '--services', '--volumes', '--images', '--no-interpolate', '--no-normalize', '--resolve-image-digests', '--environment', '--variables', '--profiles'], args: 'services' },
  pull: { value: ['--policy'], bool: ['-q', '--quiet', '--ignore-pull-failures', '--include-deps'], args: 'services' },
  stop: { value: ['-t', '--timeout'], bool: [], args: 'services' },
  restart: { value: ['-t', '--timeout'], bool: ['--no-deps'], args: 'services' },
  version: { value: ['-f', '--format'], bool: ['--short'], args: 'none' },
};
const DOCKER: Record<string, { value: string[]; bool: string[] }> = {
  build: { value: ['-t', '--tag', '--build-arg', '-f', '--file', '--target', '--platform', '--progress'], bool: ['--pull', '--no-cache', '-q', '--quiet'] },
  run: { value: ['--env-file', '-e', '--env', '-p', '--publish', '-v', '--volume', '--name', '--restart', '--network', '-u', '--user', '--entrypoint'], bool: ['--rm', '-d', '--detach', '--init', '-i', '-t', '-it'] },
};

/** Splits flags from arguments; `--flag=value` and `--flag value` both work. */
function parseFlags(words: string[], spec: { value: string[]; bool: string[] }, stopAtFirstArg: boolean, what: string) {
  const flags: [string, string][] = [];
  const args: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.startsWith('-') && !(stopAtFirstArg && args.length)) {
      const [name, inline] = w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
      if (spec.value.includes(name!)) {
        const value = inline ?? words[++k];
        if (value === undefined) throw new Error(`${what}: ${name} needs a value`);
        flags.push([name!, value]);
      } else if (spec.bool.includes(name!) && inline === undefined) flags.push([name!, 'true']);
      else throw new Error(`${what}: unknown option ${w}`);
    } else {
      args.push(w);
      if (stopAtFirstArg && args.length === 1) {
        args.push(...words.slice(k + 1));
        break;
      }
    }
  }
  return { flags, args };
}

const builtImages = new Set<string>();

/** Throws with a reason when the command is not right; returns what it checked. */
function check(cmd: Command, state: { boltPort: string }): string {
  const { words } = cmd;
  const line = [...Object.entries(cmd.assignments).map(([k, v]) => `${k}=${v}`), ...words].join(' ');
  for (const [name, value] of Object.entries(cmd.assignments)) {
    if (!env.documented.has(name)) throw new Error(`${line}: ${name} is not in .env.example`);
    if (name === 'NEO4J_BOLT_PORT') state.boltPort = parsePort(`${value}:7687`).published!;
    if (name === 'NEO4J_URI') {
      const config = loadConfig({ NEO4J_URI: value, NEO4J_PASSWORD: 'x' });
      if (config.store.engine !== 'neo4j') throw new Error(`${line}: not a Neo4j URI`);
      const uri = new URL(value);
      if (uri.hostname === 'localhost' && uri.port !== state.boltPort) {
        throw new Error(`${line}: Neo4j's Bolt port is published on ${state.boltPort} here, not ${uri.port}`);
      }
    }
  }
  const [program, ...rest] = words;
  if (program === 'docker' && rest[0] === 'compose') {
    const global = parseFlags(rest.slice(1), COMPOSE_GLOBAL, true, line);
    const [sub, ...subWords] = global.args;
    const spec = COMPOSE[sub!];
    if (!spec) throw new Error(`${line}: unknown compose command ${sub}`);
    const { flags, args } = parseFlags(subWords, spec, spec.args === 'service+command', line);
    for (const [name, value] of flags) {
      if (name === '--scale') {
        const [service, n] = value.split('=');
        if (!compose.services[service!] || !/^\d+$/.test(n ?? '')) throw new Error(`${line}: --scale ${value}`);
        if (compose.services[service!]!.ports) throw new Error(`${line}: ${service} publishes a host port: replicas would clash`);
      }
    }
    const services = spec.args === 'service+command' ? args.slice(0, 1) : spec.args === 'services' ? args : [];
    if (spec.args === 'none' && args.length) throw new Error(`${line}: ${sub} takes no argument`);
    for (const s of services) if (!compose.services[s]) throw new Error(`${line}: no service ${s}`);
    if (spec.args === 'service+command') {
      if (!services.length) throw new Error(`${line}: ${sub} needs a service`);
      checkInContainer(args.slice(1), line);
    }
    return `compose ${sub}`;
  }
  if (program === 'docker') {
    const [sub, ...subWords] = rest;
    const spec = DOCKER[sub!];
    if (!spec) throw new Error(`${line}: unexpected docker command ${sub}`);
    const { flags, args } = parseFlags(subWords, spec, sub === 'run', line);
    if (sub === 'build') {
      for (const [name, value] of flags) {
        if (name === '--build-arg' && !buildArgs.has(value.split('=')[0]!)) throw new Error(`${line}: the Dockerfile has no ARG ${value}`);
        if (name === '-t' || name === '--tag') builtImages.add(value);
      }
      if (args.join(' ') !== '.') throw new Error(`${line}: build the project folder (.)`);
    } else {
      for (const [name, value] of flags) {
        if (name === '--restart' && !/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(value)) throw new Error(`${line}: --restart ${value}`);
        if (name === '-p' || name === '--publish') parsePort(value);
      }
      if (!builtImages.has(args[0]!)) throw new Error(`${line}: image ${args[0]} is not built by a command above`);
      checkInContainer(args.slice(1), line);
    }
    return `docker ${sub}`;
  }
  if (program === 'npm') {
    if (rest[0] === 'run' && !pkg.scripts[rest[1]!]) throw new Error(`${line}: no npm script ${rest[1]}`);
    if (!['run', 'ci', 'test'].includes(rest[0]!)) throw new Error(`${line}: unexpected npm command`);
    return `npm ${rest[0]}`;
  }
  if (program === 'curl') {
    const url = new URL(rest.find((w) => w.startsWith('http'))!);
    const published = parsePort(interpolate((compose.services.proxy!.ports as string[])[0]!)).published;
    if (url.port !== published) throw new Error(`${line}: the API is published on ${published}`);
    return 'curl';
  }
  if (program === 'cp') {
    if (!existsSync(projectPath(rest[0]!))) throw new Error(`${line}: no ${rest[0]}`);
    return 'cp';
  }
  if (program === 'set' || program === '.' || (program === 'git' && rest[0] === 'pull')) return program!;
  throw new Error(`${line}: unexpected command`);
}

/** A command run inside the API image: the CLI, graph-init, or node/sh. */
function checkInContainer(words: string[], line: string) {
  if (words.length === 0) return;
  const [program, sub] = words;
  if (program === 'graph' && !cliCommands.has(sub!)) throw new Error(`${line}: the CLI has no command ${sub}`);
  if (!['graph', 'graph-init', 'sh', 'node'].includes(program!)) throw new Error(`${line}: ${program} is not in the image`);
}

describe('README: Deploy with Docker, Scale out', () => {
  it('has the two sections for the README', () => {
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Deploy with Docker', 'Scale out']);
  });

  it('reads the CLI commands from src/cli.ts', () => {
    for (const c of ['seed', 'migrate', 'query', 'stats']) expect(cliCommands, c).toContain(c);
  });

  it('gives only commands that are right for Docker Compose v2, Docker and this project', () => {
    const all = commands();
    expect(all.length).toBeGreaterThan(20);
    const kinds = new Set<string>();
    let block = -1;
    const state = { boltPort: '' };
    for (const cmd of all) {
      if (cmd.block !== block) {
        block = cmd.block;
        state.boltPort = parsePort(`${env.set.get('NEO4J_BOLT_PORT')}:7687`).published!;
      }
      kinds.add(check(cmd, state));
    }
    for (const k of ['compose up', 'compose down', 'compose exec', 'compose ps', 'compose logs', 'docker build', 'docker run', 'npm run']) expect(kinds).toContain(k);
  });

  it('scales the api service, and certifies with the contract suite against the compose Neo4j', () => {
    const all = commands().map((c) => [...Object.entries(c.assignments).map(([k, v]) => `${k}=${v}`), ...c.words].join(' '));
    expect(all).toContain('docker compose up -d --scale api=3 --wait');
    expect(all).toContain('docker compose up -d --wait neo4j');
    expect(all).toContain('NEO4J_URI=neo4j://localhost:7687 npm run test:neo4j');
    expect(pkg.scripts['test:neo4j']).toMatch(/vitest\.neo4j\.config\.ts/);
    expect(readFileSync(projectPath('vitest.neo4j.config.ts'), 'utf8')).toMatch(/neo4j-contract/);
  });

  it('shows env files with documented variables only, Aura through neo4j+s://', () => {
    const files = blocks('ini');
    expect(files.length).toBeGreaterThan(0);
    for (const text of files) {
      const vars = Object.fromEntries(text.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      for (const name of Object.keys(vars)) expect(env.documented, name).toContain(name);
      expect(vars.NEO4J_URI).toMatch(/^neo4j\+s:\/\//);
    }
  });

  it('names the real defaults', () => {
    expect(markdown).toContain(compose.services.neo4j!.image);
    const base = dockerfile.stages[0]!.base;
    expect(markdown).toContain(`\`${base}\``);
    expect(markdown).toContain(`stop_grace_period`);
    expect(markdown).toContain(String(compose.services.api!.stop_grace_period).replace(/s$/, ' s'));
  });
});
