/**
 * The canonical text of an accepted statement: its tokens, as the guard's lexer read them,
 * written out again in the one spelling both engines read the same way. Comments are gone,
 * tokens are separated by a space, strings are re-quoted with only `\\` and `\'` escaped,
 * names are plain ASCII (backquoted ones re-quoted), numbers are plain decimals. So the
 * engine's own lexer, whose rules for escapes, comments and numbers differ (Kùzu reads `'\n'`
 * as `n`, and `1LOAD` as two tokens), can only ever read what the guard checked.
 */
import { StoreInputError } from '../port.js';
import type { Token, Vocabulary } from './grammar.js';

const refuse = (message: string): never => {
  throw new StoreInputError(message, 'QUERY_REFUSED');
};

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** Punctuation and operators: ASCII, no quote, backslash or backquote. */
const OPERATOR = /^[-+*/%^=<>!~|&:;,.()[\]{}$?]+$/;

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A string literal's value, read with Neo4j's rules (those of the guard's lexer). */
export function decodeString(literal: string): string {
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i] ?? '';
    if (next in ESCAPES) out += ESCAPES[next];
    else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === 'U' && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 1, i + 9))) {
      const code = parseInt(body.slice(i + 1, i + 9), 16);
      if (code > 0x10ffff) refuse(`the escape \\U${body.slice(i + 1, i + 9)} in a string is not a character`);
      out += String.fromCodePoint(code);
      i += 8;
    } else refuse(`the escape \\${next} in a string is not accepted here (use \\\\, \\', \\", \\n, \\t, \\r, \\b, \\f or \\uXXXX)`);
  }
  return out;
}

export function quoteString(value: string): string {
  if (value.includes('\0')) refuse('a string holds a NUL character');
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function decodeBackquoted(text: string): string {
  return text.slice(1, -1).replace(/``/g, '`');
}

function renderToken(token: Token, vocabulary: Vocabulary): string {
  const kind = vocabulary.getSymbolicName(token.type) ?? '';
  const text = token.text ?? '';
  switch (kind) {
    case 'STRING_LITERAL1':
    case 'STRING_LITERAL2':
      return quoteString(decodeString(text));
    case 'ESCAPED_SYMBOLIC_NAME': {
      const name = decodeBackquoted(text);
      if (!SIMPLE_NAME.test(name)) refuse(`the backquoted name ${text} is not accepted here: names are letters, digits and _`);
      return `\`${name}\``;
    }
    case 'UNSIGNED_DECIMAL_INTEGER':
    case 'DECIMAL_DOUBLE':
      if (!NUMBER.test(text)) refuse(`"${text}" is not a plain decimal number (a number glued to a word, underscores or a suffix are not accepted)`);
      return text;
    default:
      if (SIMPLE_NAME.test(text) || OPERATOR.test(text)) return text;
      if (/[^\x20-\x7e]/.test(text)) {
        const odd = /[^\x20-\x7e]/.exec(text)![0];
        const point = `U+${odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        refuse(`only ASCII is accepted outside string literals (found ${point} in "${text}"): put text in quotes or in params`);
      }
      return refuse(`"${text}" is not accepted in an ad hoc query`);
  }
}

/** The statement written out from its tokens (a trailing `;` dropped). */
export function renderTokens(tokens: Token[], vocabulary: Vocabulary): string {
  const parts: string[] = [];
  let glueNext = false;
  const last = tokens.length - 1;
  tokens.forEach((token, i) => {
    if (i === last && token.text === ';') return;
    const text = renderToken(token, vocabulary);
    // `$name` and `a.b` are written without a space: the engines read both that way. A comma
    // too: Kùzu's grammar takes no space before it after ASC/DESC (`ORDER BY n DESC , m` fails).
    const glue = glueNext || text === '.' || text === ',';
    if (glue && parts.length) parts[parts.length - 1] += text;
    else parts.push(text);
    glueNext = text === '$' || text === '.';
  });
  return parts.join(' ');
}
