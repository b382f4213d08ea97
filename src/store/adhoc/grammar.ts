/**
 * Neo4j's own Cypher grammar (the ANTLR lexer and parser that `@neo4j-cypher/language-support`
 * generates from Cypher25Parser.g4), loaded for the ad hoc guard.
 *
 * The package exports its language services but not the generated parser itself, so it is
 * found in the package's folder; if a new version moves it, loading fails and every ad hoc
 * statement is refused (the guard fails closed) until this path is corrected. Only that folder
 * (6 MB) and antlr4ng are needed at run time: an image may drop the rest of the package (80 MB).
 *
 * Loading takes about 1.5 s and the first parse warms ANTLR's caches, so the adapters start
 * it in the background when they open (`warmUpGrammar`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BailErrorStrategy, CharStream, PredictionMode, CommonTokenStream, ListTokenSource, ParserRuleContext, TerminalNode,
  type ANTLRErrorListener, type ATNSimulator, type Lexer, type Parser, type ParseTree, type Recognizer, type Token, type Vocabulary,
} from 'antlr4ng';

interface LexerClass { new (input: CharStream): Lexer }
interface ParserClass { new (input: CommonTokenStream): Parser & { statementsOrCommands(): ParserRuleContext }; readonly ruleNames: string[] }

export interface Grammar { Lexer: LexerClass; Parser: ParserClass }

let loading: Promise<Grammar> | undefined;

function generatedParserFolder(): string {
  // Found through Node's own lookup paths rather than the package entry, so an image that
  // trims the package down to this folder still works.
  const relative = join('@neo4j-cypher', 'language-support', 'dist', 'esm', 'project', 'language-support', 'src', 'generated-parser');
  for (const base of createRequire(import.meta.url).resolve.paths('@neo4j-cypher/language-support') ?? []) {
    if (existsSync(join(base, relative, 'CypherCmdParser.js'))) return join(base, relative);
  }
  throw new Error(`${relative} was not found: npm install`);
}

export function loadGrammar(): Promise<Grammar> {
  loading ??= (async () => {
    const folder = generatedParserFolder();
    const lexer = await import(pathToFileURL(join(folder, 'CypherCmdLexer.js')).href);
    const parser = await import(pathToFileURL(join(folder, 'CypherCmdParser.js')).href);
    return { Lexer: lexer.CypherCmdLexer as LexerClass, Parser: parser.CypherCmdParser as ParserClass };
  })();
  return loading;
}

/** A first parse: ANTLR builds its prediction caches on the first statements it reads. */
export function warmUp(grammar: Grammar): void {
  parseTokens(grammar, lex(grammar, 'MATCH (a)-[r:R*1..2]->(b) WHERE a.x = $p RETURN count(*) AS n ORDER BY n LIMIT 1').tokens);
}

export interface Lexed {
  /** Tokens on the default channel (comments and white space dropped), EOF excluded. */
  tokens: Token[];
  vocabulary: Vocabulary;
  /** The first thing the lexer could not read, if any. */
  error?: { line: number; column: number; message: string };
}

function collectingListener(onError: (line: number, column: number, message: string, token: Token | null) => void): ANTLRErrorListener {
  return {
    syntaxError<S extends Token, T extends ATNSimulator>(_r: Recognizer<T>, symbol: S | null, line: number, column: number, message: string) {
      onError(line, column, message, symbol);
    },
    reportAmbiguity() {},
    reportAttemptingFullContext() {},
    reportContextSensitivity() {},
  };
}

export function lex(grammar: Grammar, text: string): Lexed {
  const lexer = new grammar.Lexer(CharStream.fromString(text));
  let error: Lexed['error'];
  lexer.removeErrorListeners();
  lexer.addErrorListener(collectingListener((line, column, message) => { error ??= { line, column, message }; }));
  const tokens: Token[] = [];
  for (let t = lexer.nextToken(); t.type !== -1 /* EOF */; t = lexer.nextToken()) {
    if (t.channel === 0) tokens.push(t);
  }
  return { tokens, vocabulary: lexer.vocabulary, error };
}

export class ParseFailure extends Error {
  constructor(readonly token: Token | null, message: string) {
    super(message);
  }
}

/**
 * Parses a token list as `statementsOrCommands`, stopping at the first syntax error (no
 * recovery: a statement the grammar does not accept as written is refused, not repaired).
 */
export function parseTokens(grammar: Grammar, tokens: Token[]): { tree: ParserRuleContext; ruleNames: string[] } {
  // ANTLR's two-stage strategy: the fast SLL prediction first, full LL only if SLL fails
  // (SLL never accepts what LL refuses; it may refuse what LL accepts).
  try {
    return parseWith(grammar, tokens, PredictionMode.SLL);
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    return parseWith(grammar, tokens, PredictionMode.LL);
  }
}

function parseWith(grammar: Grammar, tokens: Token[], mode: number): { tree: ParserRuleContext; ruleNames: string[] } {
  const stream = new CommonTokenStream(new ListTokenSource(tokens));
  const parser = new grammar.Parser(stream);
  parser.interpreter.predictionMode = mode;
  parser.removeErrorListeners();
  let first: ParseFailure | undefined;
  parser.addErrorListener(collectingListener((_l, _c, message, token) => { first ??= new ParseFailure(token, message); }));
  parser.errorHandler = new BailErrorStrategy();
  try {
    const tree = parser.statementsOrCommands();
    if (first) throw first;
    return { tree, ruleNames: grammar.Parser.ruleNames };
  } catch (error) {
    if (error instanceof ParseFailure) throw error;
    if (error instanceof RangeError) throw error; // too deep: the caller refuses it
    const cause = (error as { cause?: { offendingToken?: Token } }).cause;
    throw first ?? new ParseFailure(cause?.offendingToken ?? null, (error as Error).message || 'syntax error');
  }
}

export { ParserRuleContext, TerminalNode, type ParseTree, type Token, type Vocabulary };
