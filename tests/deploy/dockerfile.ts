/**
 * A small Dockerfile parser, enough to assert what the project's Dockerfile does: parser
 * directives, line continuations (with the escape character the file chooses), comments,
 * heredocs, flags, exec and shell forms, ARG/ENV/LABEL pairs, and stages with their
 * variables resolved. It follows the reference's rules
 * (https://docs.docker.com/reference/dockerfile/), not BuildKit's every corner.
 */

export interface Heredoc {
  name: string;
  /** The body, each line ending in a newline, leading tabs removed for `<<-`. */
  content: string;
  /** `<<'EOF'` / `<<"EOF"`: the builder expands no variable in the body. */
  quoted: boolean;
}

export interface Command {
  form: 'exec' | 'shell';
  /** Exec form: the JSON array. Shell form: one element, the command line. */
  args: string[];
}

export interface Instruction {
  keyword: string;
  /** `--from=build` → { from: 'build' }; a flag without a value maps to 'true'. */
  flags: Record<string, string>;
  /** The text after the keyword and its flags, continuations joined. */
  rest: string;
  heredocs: Heredoc[];
  /** 1-based line of the keyword. */
  line: number;
}

export interface Stage {
  index: number;
  name?: string;
  /** The image as written (`node:${NODE_VERSION}-bookworm-slim`) and resolved with the global ARGs. */
  baseRaw: string;
  base: string;
  from: Instruction;
  instructions: Instruction[];
}

export interface Dockerfile {
  directives: Record<string, string>;
  /** ARGs before the first FROM, with their defaults. */
  globalArgs: Record<string, string | undefined>;
  instructions: Instruction[];
  stages: Stage[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const directives: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m) break;
    const key = m[1]!.toLowerCase();
    // An unknown or repeated directive is a comment, and ends the directives.
    if (!KNOWN_DIRECTIVES.has(key) || key in directives) break;
    directives[key] = m[2]!;
  }
  const escape = directives.escape ?? '\\';
  if (escape !== '\\' && escape !== '`') throw new Error(`invalid escape directive "${escape}"`);

  const instructions: Instruction[] = [];
  while (i < lines.length) {
    const first = lines[i]!;
    if (/^\s*$/.test(first) || /^\s*#/.test(first)) {
      i++;
      continue;
    }
    const line = i + 1;
    // Join continuation lines; comment lines inside a continuation are dropped.
    let logical = '';
    let current = first;
    for (;;) {
      const trimmed = current.replace(/\s+$/, '');
      if (trimmed.endsWith(escape)) {
        logical += trimmed.slice(0, -1);
        i++;
        while (i < lines.length && /^\s*#/.test(lines[i]!)) i++;
        if (i >= lines.length) break;
        current = lines[i]!;
        continue;
      }
      logical += current;
      i++;
      break;
    }
    const m = /^\s*([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(logical);
    if (!m) throw new Error(`line ${line}: cannot read an instruction in "${logical}"`);
    const keyword = m[1]!.toUpperCase();
    let rest = (m[2] ?? '').trim();
    const flags: Record<string, string> = {};
    for (;;) {
      const f = /^--([A-Za-z][A-Za-z0-9-]*)(?:=("[^"]*"|\S*))?(?:\s+|$)/.exec(rest);
      if (!f) break;
      flags[f[1]!] = f[2] === undefined ? 'true' : f[2].replace(/^"(.*)"$/, '$1');
      rest = rest.slice(f[0].length);
    }
    const heredocs: Heredoc[] = [];
    if (HEREDOC_KEYWORDS.has(keyword) && !rest.startsWith('[')) {
      for (const h of rest.matchAll(HEREDOC)) {
        const strip = h[1] === '-';
        const name = h[3]!;
        const body: string[] = [];
        for (;;) {
          if (i >= lines.length) throw new Error(`line ${line}: heredoc ${name} is not closed`);
          const l = lines[i++]!;
          const cmp = strip ? l.replace(/^\t+/, '') : l;
          if (cmp === name) break;
          body.push(cmp);
        }
        heredocs.push({ name, content: body.map((b) => `${b}\n`).join(''), quoted: h[2] !== '' });
      }
    }
    instructions.push({ keyword, flags, rest, heredocs, line });
  }

  const globalArgs: Record<string, string | undefined> = {};
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const f = /^(\S+)(?:\s+[Aa][Ss]\s+(\S+))?$/.exec(ins.rest);
      if (!f) throw new Error(`line ${ins.line}: FROM image [AS name], not "${ins.rest}"`);
      const baseRaw = f[1]!;
      stages.push({
        index: stages.length,
        name: f[2]?.toLowerCase(),
        baseRaw,
        base: substitute(baseRaw, globalArgs),
        from: ins,
        instructions: [],
      });
    } else if (stages.length === 0) {
      if (ins.keyword !== 'ARG') throw new Error(`line ${ins.line}: only ARG may come before the first FROM`);
      Object.assign(globalArgs, pairs(ins.rest));
    } else {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  return { directives, globalArgs, instructions, stages };
}

/** Exec form when the text is a JSON array of strings, shell form otherwise. */
export function command(text: string): Command {
  const t = text.trim();
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return { form: 'exec', args: parsed };
    } catch {
      // Not JSON: Docker runs it as a shell command.
    }
  }
  return { form: 'shell', args: [t] };
}

/** HEALTHCHECK [flags] CMD …, or NONE. */
export function healthcheck(ins: Instruction): { none: true } | { none: false; options: Record<string, string>; cmd: Command } {
  if (/^NONE$/i.test(ins.rest)) return { none: true };
  const m = /^CMD\s+([\s\S]+)$/i.exec(ins.rest);
  if (!m) throw new Error(`line ${ins.line}: HEALTHCHECK needs CMD or NONE`);
  return { none: false, options: ins.flags, cmd: command(m[1]!) };
}

/**
 * `KEY=value KEY2="two words"` (ENV, LABEL, ARG), or the legacy `KEY value` (ENV) and a bare
 * `NAME` (ARG without a default).
 */
export function pairs(text: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const legacy = /^([A-Za-z_][A-Za-z0-9_.-]*)\s+([^=\s][\s\S]*)$/.exec(text.trim());
  if (legacy && !legacy[2]!.includes('=')) {
    out[legacy[1]!] = legacy[2]!.trim();
    return out;
  }
  const words = splitWords(text);
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) out[word] = undefined;
    else out[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return out;
}

/** Splits on whitespace outside quotes, removing the quotes and backslash escapes. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | null = null;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && k + 1 < text.length) word += text[++k];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && k + 1 < text.length) {
      word += text[++k];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in "${text}"`);
  if (inWord) words.push(word);
  return words;
}

/** `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}` with the given values. */
export function substitute(text: string, vars: Record<string, string | undefined>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_, braced, op, word, bare) => {
    const value = vars[braced ?? bare];
    if (op === '-') return value ? value : word;
    if (op === '+') return value ? word : '';
    if (value === undefined) throw new Error(`$${braced ?? bare} has no value`);
    return value;
  });
}

export function stage(file: Dockerfile, name: string): Stage {
  const s = file.stages.find((st) => st.name === name);
  if (!s) throw new Error(`no stage named ${name}`);
  return s;
}

export function only(s: Stage, keyword: string): Instruction[] {
  return s.instructions.filter((ins) => ins.keyword === keyword);
}
