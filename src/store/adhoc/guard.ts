/**
 * The ad hoc guard: what the read-only entry points (the `cypher` GraphQL field, `graph query`)
 * let through to an engine. A statement is read by Neo4j's own Cypher grammar and accepted
 * only if every grammar rule in it, every function and every procedure is on the allow-list
 * (./allow-list.ts) for the engine that will run it. What the grammar cannot read is refused
 * too. The engine then receives the canonical re-rendering of the checked tokens (./render.ts),
 * never the text as sent, and the parameters are those the parse found.
 *
 * Depth is bounded twice before any recursion: brackets and runs of prefix operators are
 * counted on the flat token list, then the tree is walked with an explicit stack.
 */
import type { Engine } from '../port.js';
import { StoreInputError } from '../port.js';
import {
  ALLOWED_FUNCTIONS, ALLOWED_PROCEDURES, ALLOWED_RULES, MAX_BRACKET_DEPTH, MAX_CONCATENATIONS, MAX_LENGTH, MAX_PREFIX_RUN,
  MAX_RANGE_ITEMS, MAX_TREE_DEPTH, RULE_LABELS,
} from './allow-list.js';
import { lex, loadGrammar, ParseFailure, parseTokens, ParserRuleContext, TerminalNode, type Grammar, type ParseTree, type Token } from './grammar.js';
import { decodeBackquoted, renderTokens } from './render.js';

export interface CheckedStatement {
  /** What the engine runs: the canonical rendering of the accepted tokens. */
  text: string;
  /** Parameter names the statement refers to (`$name`), from the parse. */
  parameters: string[];
}

const refuse = (message: string): never => {
  throw new StoreInputError(message, 'QUERY_REFUSED');
};

const READ_CLAUSES = 'MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION and CALL of an allowed procedure';

/** Words that start a clause the grammar may not know (Kùzu's): named in a parse refusal. */
const CLAUSE_WORDS = new Set([
  'LOAD', 'COPY', 'EXPORT', 'IMPORT', 'ATTACH', 'DETACH', 'USE', 'INSTALL', 'UNINSTALL', 'BEGIN', 'COMMIT', 'ROLLBACK',
  'CHECKPOINT', 'CREATE', 'MERGE', 'SET', 'DELETE', 'REMOVE', 'DROP', 'ALTER', 'RENAME', 'FOREACH', 'CALL', 'GRANT',
  'REVOKE', 'DENY', 'SHOW', 'START', 'STOP', 'TERMINATE', 'EXPLAIN', 'PROFILE', 'UPDATE', 'INSERT',
]);

const PREFIX_OPERATORS = new Set(['NOT', '-', '+']);

function position(token: Token | null | undefined): string {
  return token ? ` (line ${token.line}, column ${token.column + 1})` : '';
}

function assertShallow(tokens: Token[]): void {
  let depth = 0;
  let run = 0;
  for (const t of tokens) {
    const text = t.text ?? '';
    if (text === '(' || text === '[' || text === '{') {
      if (++depth > MAX_BRACKET_DEPTH) refuse(`the query nests brackets deeper than ${MAX_BRACKET_DEPTH}${position(t)}`);
    } else if (text === ')' || text === ']' || text === '}') depth--;
    run = PREFIX_OPERATORS.has(text.toUpperCase()) ? run + 1 : 0;
    if (run > MAX_PREFIX_RUN) refuse(`the query has more than ${MAX_PREFIX_RUN} operators in a row${position(t)}`);
  }
}

/**
 * Neo4j only: a string or list doubled again and again is held whole in the server's heap
 * and counted by no memory limit, so the number of + and || is capped before it runs. The
 * embedded engine runs ad hoc statements in a process with a memory ceiling instead.
 */
function assertBoundedGrowth(tokens: Token[]): void {
  let joins = 0;
  for (const t of tokens) {
    const text = t.text ?? '';
    if ((text === '+' || text === '||') && ++joins > MAX_CONCATENATIONS) {
      refuse(`the query uses + or || more than ${MAX_CONCATENATIONS} times${position(t)}: each can double a value, and chained they build one too large to hold`);
    }
  }
}

/** Kùzu writes its shortest paths `-[* SHORTEST 1..4]-`; the Cypher 25 grammar has no such form. */
function withoutKuzuShortest(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => {
    const word = t.text?.toUpperCase();
    const before = tokens[i - 1]?.text?.toUpperCase();
    if (word === 'SHORTEST') return !(before === '*' || (before === 'ALL' && tokens[i - 2]?.text === '*'));
    if (word === 'ALL') return !(before === '*' && tokens[i + 1]?.text?.toUpperCase() === 'SHORTEST');
    return true;
  });
}

function words(ctx: ParserRuleContext, count: number): string {
  const out: string[] = [];
  const stack: ParseTree[] = [ctx];
  while (stack.length && out.length < count) {
    const node = stack.pop()!;
    if (node instanceof TerminalNode) {
      if (/^[A-Za-z]+$/.test(node.getText())) out.push(node.getText());
      else if (out.length) break;
    }
    else for (let i = node.getChildCount() - 1; i >= 0; i--) stack.push(node.getChild(i)!);
  }
  return out.join(' ');
}

/** A dotted name (`db.labels`) as written, refusing backquotes in it. */
function dottedName(ctx: ParserRuleContext, what: string): string {
  const text = ctx.getText();
  if (text.includes('`')) refuse(`backquoted ${what} names are not accepted here (${text})`);
  return text;
}

function checkRange(ctx: ParserRuleContext, ruleNames: string[]): number {
  const args = ctx.children.filter((c) => c instanceof ParserRuleContext && ruleNames[c.ruleIndex] === 'functionArgument')
    .map((c) => c.getText());
  const numbers = args.map((a) => (/^-?\d{1,15}$/.test(a) ? Number(a) : NaN));
  if (args.length < 2 || args.length > 3 || numbers.some(Number.isNaN)) {
    refuse(`range() needs whole-number literal bounds here: it builds its whole list in memory before any limit applies`);
  }
  const [from, to, step = 1] = numbers as [number, number, number?];
  if (step === 0 || Math.abs(to - from) / Math.abs(step) + 1 > MAX_RANGE_ITEMS) {
    refuse(`range() may build at most ${MAX_RANGE_ITEMS} items here (it builds its whole list in memory before any limit applies)`);
  }
  return Math.floor(Math.abs(to - from) / Math.abs(step)) + 1;
}

/**
 * List builders Neo4j holds whole in its heap, where its transaction memory limit does not
 * count them: a list comprehension inside another multiplies (100,000 × 100,000 items filled
 * the heap and the server exited), and so do several ranges combined. The embedded engine
 * runs ad hoc statements in a process with a memory ceiling instead.
 */
const NESTED_COMPREHENSION = 'a list comprehension inside another (the lists it builds multiply)';

function checkTree(tree: ParserRuleContext, ruleNames: string[], engine: Engine): string[] {
  const parameters = new Set<string>();
  let rangeItems = 0;
  // The node, its depth, and whether it is inside a list comprehension.
  const stack: [ParseTree, number, boolean][] = [[tree, 0, false]];
  while (stack.length) {
    const [node, depth, inComprehension] = stack.pop()!;
    if (!(node instanceof ParserRuleContext)) continue;
    if (depth > MAX_TREE_DEPTH) refuse(`the query nests deeper than this service accepts`);
    const rule = ruleNames[node.ruleIndex] ?? '?';
    if (!ALLOWED_RULES.has(rule)) {
      const label = RULE_LABELS[rule] ?? words(node, 2).toUpperCase();
      refuse(`ad hoc queries are read-only: ${label} is refused here (accepted: ${READ_CLAUSES})`);
    }
    switch (rule) {
      case 'statementsOrCommands':
        if (node.children.filter((c) => c instanceof ParserRuleContext && ruleNames[c.ruleIndex] === 'statementOrCommand').length > 1) {
          refuse('only one statement per query');
        }
        break;
      case 'functionInvocation': {
        const nameCtx = node.children.find((c) => c instanceof ParserRuleContext && ruleNames[c.ruleIndex] === 'functionName') as ParserRuleContext;
        const name = dottedName(nameCtx, 'function').toLowerCase();
        if (!ALLOWED_FUNCTIONS[engine].has(name)) {
          refuse(`the function ${nameCtx.getText()}() is not on the allow-list for ad hoc queries on ${engine}`);
        }
        if (name === 'range') {
          rangeItems += checkRange(node, ruleNames);
          if (engine === 'neo4j' && rangeItems > MAX_RANGE_ITEMS) {
            refuse(`the ranges of this query may build at most ${MAX_RANGE_ITEMS} items together on neo4j (each is built whole in memory)`);
          }
        }
        break;
      }
      case 'listComprehension':
        if (engine === 'neo4j' && inComprehension) refuse(`ad hoc queries on neo4j refuse ${NESTED_COMPREHENSION}`);
        break;
      case 'callClause': {
        const nameCtx = node.children.find((c) => c instanceof ParserRuleContext && ruleNames[c.ruleIndex] === 'procedureName') as ParserRuleContext;
        const name = dottedName(nameCtx, 'procedure');
        if (!ALLOWED_PROCEDURES[engine].has(name.toLowerCase())) {
          refuse(`the procedure ${name} is not on the allow-list for ad hoc queries on ${engine} (${[...ALLOWED_PROCEDURES[engine]].join(', ')})`);
        }
        break;
      }
      case 'parameterName': {
        const text = node.getText();
        const name = text.startsWith('`') ? decodeBackquoted(text) : text;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) refuse(`the parameter name $${text} is not accepted: use letters, digits and _`);
        parameters.add(name);
        break;
      }
    }
    const inside = inComprehension || rule === 'listComprehension';
    for (let i = node.getChildCount() - 1; i >= 0; i--) stack.push([node.getChild(i)!, depth + 1, inside]);
  }
  return [...parameters];
}

function nearestClauseWord(tokens: Token[], upTo: number): string | undefined {
  for (let i = Math.min(upTo, tokens.length - 1); i >= 0; i--) {
    const word = tokens[i]!.text?.toUpperCase() ?? '';
    if (!CLAUSE_WORDS.has(word)) continue;
    if (word === 'CALL' && tokens[i + 2]?.text === '=') return `CALL ${tokens[i + 1]!.text}=… (a setting change)`;
    return word;
  }
  return undefined;
}

/** Loads the grammar (once) and checks one statement, in this thread. */
export async function checkInThisThread(text: string, engine: Engine): Promise<CheckedStatement> {
  if (text.length > MAX_LENGTH) refuse(`the query is longer than ${MAX_LENGTH} characters`);
  let grammar: Grammar;
  try {
    grammar = await loadGrammar();
  } catch (error) {
    // Fail closed: no grammar, no ad hoc statement.
    throw new StoreInputError(`ad hoc queries are unavailable: the Cypher grammar could not be loaded (${(error as Error).message})`, 'QUERY_REFUSED');
  }
  return checkStatement(grammar, text, engine);
}

export function checkStatement(grammar: Grammar, text: string, engine: Engine): CheckedStatement {
  if (text.length > MAX_LENGTH) refuse(`the query is longer than ${MAX_LENGTH} characters`);
  const lexed = lex(grammar, text);
  if (lexed.error) refuse(`the query could not be read at line ${lexed.error.line}, column ${lexed.error.column + 1}: ${lexed.error.message}`);
  const tokens = lexed.tokens;
  if (!tokens.length) refuse('the query is empty');
  assertShallow(tokens);
  if (engine === 'neo4j') assertBoundedGrowth(tokens);
  // Render first: it refuses tokens the engines could read differently (glued numbers,
  // unknown escapes, look-alike characters) with the most precise reason.
  const rendered = renderTokens(tokens, lexed.vocabulary);
  const forParser = engine === 'kuzu' ? withoutKuzuShortest(tokens) : tokens;
  let parsed;
  try {
    parsed = parseTokens(grammar, forParser);
  } catch (error) {
    if (error instanceof RangeError) refuse('the query nests deeper than this service accepts');
    if (!(error instanceof ParseFailure)) throw error;
    const at = error.token;
    const index = at ? forParser.indexOf(at) : forParser.length - 1;
    const clause = nearestClauseWord(forParser, index < 0 ? forParser.length - 1 : index);
    const near = at && at.type !== -1 ? ` near "${at.text}"${position(at)}` : ' at its end';
    refuse(clause
      ? `ad hoc queries are read-only: ${clause} is refused here (accepted: ${READ_CLAUSES})`
      : `the query is not a read-only Cypher statement this service accepts: it could not be parsed${near}`);
  }
  const parameters = checkTree(parsed!.tree, parsed!.ruleNames, engine);
  return { text: rendered, parameters };
}
