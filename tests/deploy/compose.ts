/**
 * Reading docker-compose.yml as Docker Compose v2 does, as far as the tests need: YAML with
 * anchors, then variable interpolation in every string value (`$$` is a literal `$`).
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> } | string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | Record<string, Json>)[];
  expose?: (string | number)[];
  volumes?: (string | Record<string, Json>)[];
  depends_on?: string[] | Record<string, { condition?: string; required?: boolean; restart?: boolean }>;
  healthcheck?: { test?: string[] | string; interval?: string; timeout?: string; retries?: number; start_period?: string; disable?: boolean };
  restart?: string;
  profiles?: string[];
  read_only?: boolean;
  user?: string;
  configs?: (string | { source: string; target?: string })[];
  [key: string]: unknown;
}

export interface ComposeFile {
  name?: string;
  version?: unknown;
  services: Record<string, Service>;
  volumes?: Record<string, Json>;
  configs?: Record<string, { content?: string; file?: string; environment?: string }>;
  [key: string]: unknown;
}

export function readCompose(path: string): ComposeFile {
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  if (doc.warnings.length) throw new Error(doc.warnings.map((e) => e.message).join('\n'));
  return doc.toJS({ maxAliasCount: 100 }) as ComposeFile;
}

export interface Reference {
  name: string;
  /** '' for `${X}`/`$X`; ':-' / '-' default, ':?' / '?' required, ':+' / '+' alternative. */
  operator: '' | ':-' | '-' | ':?' | '?' | ':+' | '+';
  /** The default, the error message or the alternative. */
  word: string;
  /** Where in the file: `services.api.environment.PORT`. */
  at: string;
}

/** Every string value of the parsed file with where it is. */
export function strings(value: unknown, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, k) => strings(v, `${at}[${k}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  }
  return [];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Tokens of one string: literal text and references. Nested references are refused. */
export function tokenize(text: string, at = ''): (string | Reference)[] {
  const out: (string | Reference)[] = [];
  let literal = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c !== '$') {
      literal += c;
      continue;
    }
    const next = text[k + 1];
    if (next === '$') {
      literal += '$';
      k++;
      continue;
    }
    if (next === '{') {
      const close = text.indexOf('}', k + 2);
      if (close < 0) throw new Error(`${at}: unclosed \${ in "${text}"`);
      const inner = text.slice(k + 2, close);
      if (inner.includes('${') || inner.includes('$')) throw new Error(`${at}: nested interpolation in "${text}"`);
      const name = NAME.exec(inner)?.[0];
      if (!name) throw new Error(`${at}: bad variable in "${text}"`);
      const op = /^(:-|-|:\?|\?|:\+|\+)?/.exec(inner.slice(name.length))![0] as Reference['operator'];
      const word = inner.slice(name.length + op.length);
      if (!op && word) throw new Error(`${at}: bad variable in "${text}"`);
      if (literal) out.push(literal);
      literal = '';
      out.push({ name, operator: op, word, at });
      k = close;
      continue;
    }
    const name = NAME.exec(text.slice(k + 1))?.[0];
    if (!name) throw new Error(`${at}: a lone $ in "${text}" (write $$ for a literal $)`);
    if (literal) out.push(literal);
    literal = '';
    out.push({ name, operator: '', word: '', at });
    k += name.length;
  }
  if (literal) out.push(literal);
  return out;
}

export function references(file: ComposeFile): Reference[] {
  return strings(file).flatMap(({ at, text }) => tokenize(text, at).filter((t): t is Reference => typeof t !== 'string'));
}

/** The string Compose would produce with these variables set (unset ones take their default). */
export function interpolate(text: string, vars: Record<string, string | undefined> = {}): string {
  return tokenize(text)
    .map((t) => {
      if (typeof t === 'string') return t;
      const value = vars[t.name];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      switch (t.operator) {
        case '':
          return value ?? '';
        case ':-':
          return nonEmpty ? value : t.word;
        case '-':
          return set ? value : t.word;
        case ':?':
          if (!nonEmpty) throw new Error(`required variable ${t.name} is missing a value: ${t.word}`);
          return value;
        case '?':
          if (!set) throw new Error(`required variable ${t.name} is missing a value: ${t.word}`);
          return value;
        case ':+':
          return nonEmpty ? t.word : '';
        case '+':
          return set ? t.word : '';
      }
    })
    .join('');
}

export function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => [e.split('=')[0]!, e.includes('=') ? e.slice(e.indexOf('=') + 1) : '']));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

export function dependsOn(service: Service): Record<string, string> {
  const d = service.depends_on ?? {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(d).map(([name, v]) => [name, v.condition ?? 'service_started']));
}

export interface PortMapping {
  hostIp?: string;
  published?: string;
  target: string;
}

/** The short syntax `[[ip:]published:]target[/protocol]`, after interpolation. */
export function parsePort(spec: string): PortMapping {
  const m = /^(?:(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+(?:-\d+)?)?:)?(\d+(?:-\d+)?)(?:\/(tcp|udp))?$/.exec(spec);
  if (!m) throw new Error(`not a port mapping: "${spec}"`);
  return { hostIp: m[1], published: m[2], target: m[3]! };
}
