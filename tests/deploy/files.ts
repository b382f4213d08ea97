/**
 * The other deployment files the tests read: .env.example, .dockerignore, and the names of the
 * environment variables the app reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectPath } from '../../src/paths.js';

export interface EnvExample {
  /** `NAME=value` lines: what `cp .env.example .env` sets. */
  set: Map<string, string>;
  /** `# NAME=value` lines: documented, left unset. */
  commented: Map<string, string>;
  /** Both. */
  documented: Set<string>;
  /** Each variable's comment block (the comment lines just above it). */
  comments: Map<string, string>;
}

export function readEnvExample(path = projectPath('.env.example')): EnvExample {
  const set = new Map<string, string>();
  const commented = new Map<string, string>();
  const comments = new Map<string, string>();
  let block: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const active = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    const inactive = /^#\s?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    // A variable's explanation is the comment block above it; consecutive variables share one.
    if (active || inactive) {
      const [, name, value] = (active ?? inactive)!;
      if (set.has(name!) || commented.has(name!)) throw new Error(`.env.example lists ${name} twice`);
      (active ? set : commented).set(name!, value!);
      comments.set(name!, block.join('\n'));
    } else if (line.startsWith('#')) {
      block.push(line);
    } else if (line.trim() === '') {
      block = [];
    } else {
      throw new Error(`.env.example: a line that is neither NAME=value nor a comment: "${line}"`);
    }
  }
  return { set, commented, comments, documented: new Set([...set.keys(), ...commented.keys()]) };
}

/**
 * Names of environment variables read in a TypeScript text: `env.X`, `env?.X`, `env['X']`,
 * `process.env.X`, and a name passed next to the environment to a helper (`integer(env, 'X', …)`).
 */
export function envNamesRead(text: string): Set<string> {
  const names = new Set<string>();
  const patterns = [
    /\benv(?:\?\.|\.)([A-Z][A-Z0-9_]*)\b/g,
    /\benv\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g,
    /\(\s*(?:process\.)?env\s*,\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) names.add(m[1]!);
  return names;
}

export function sourceFiles(dir = projectPath('src')): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/**
 * .dockerignore as the builder reads it: one pattern a line, `#` comments, `!` re-includes,
 * Go's filepath.Match plus `**` for any number of folders, the last matching line winning, and
 * a path excluded when one of its parent folders is.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = (negate ? l.slice(1) : l).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      return { negate, re: globToRegExp(pattern) };
    });
  return (path: string) => {
    const parts = path.replace(/^\.\//, '').split('/');
    let excluded = false;
    for (const rule of rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (rule.re.test(parts.slice(0, n).join('/'))) {
          excluded = !rule.negate;
          break;
        }
      }
    }
    return excluded;
  };
}

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k]!;
    if (c === '*' && pattern[k + 1] === '*') {
      k++;
      if (pattern[k + 1] === '/') {
        k++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', k);
      re += pattern.slice(k, close + 1).replace(/^\[!/, '[^');
      k = close;
    } else if (c === '\\') re += `\\${pattern[++k]}`;
    else re += c.replace(/[.+^${}()|]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export const rel = (path: string) => relative(projectPath(), path);
