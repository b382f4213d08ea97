/**
 * What an ad hoc statement may contain, as grammar rules of Neo4j's Cypher 25 grammar and as
 * function and procedure names per engine. Everything not listed here is refused: a new
 * clause in a future grammar is refused until someone decides it is safe and adds it.
 */
import type { Engine } from '../port.js';

/** Grammar rules a read-only query is made of. */
export const ALLOWED_RULES = new Set([
  // the statement
  'statementsOrCommands', 'statementOrCommand', 'preparsedStatement', 'statement', 'queryWithLocalDefinitions',
  'nextStatement', 'regularQuery', 'union', 'singleQuery', 'clause', 'endOfFile',
  // read clauses
  'matchClause', 'whereClause', 'withClause', 'unwindClause', 'returnClause', 'returnBody', 'returnItems', 'returnItem',
  'orderBy', 'orderItem', 'ascToken', 'descToken', 'skip', 'limit', 'orderBySkipLimitClause',
  'callClause', 'procedureName', 'procedureArgument', 'procedureResultItem',
  // patterns
  'patternList', 'pattern', 'anonymousPattern', 'patternElement', 'nodePattern', 'relationshipPattern', 'leftArrow',
  'arrowLine', 'rightArrow', 'pathLength', 'nodeLabels', 'labelType', 'relType', 'labelOrRelType', 'properties',
  'labelExpression', 'labelExpression4', 'labelExpression3', 'labelExpression2', 'labelExpression1',
  'shortestPathPattern', 'shortestPathExpression', 'patternExpression', 'patternComprehension',
  // expressions
  'expression', 'expression11', 'expression10', 'expression9', 'expression8', 'expression7', 'comparisonExpression6',
  'expression6', 'expression5', 'expression4', 'expression3', 'expression2', 'expression1', 'postFix', 'property',
  'literal', 'numberLiteral', 'signedIntegerLiteral', 'stringLiteral', 'listLiteral', 'map', 'propertyKeyName',
  'parameter', 'parameterName', 'variable', 'caseExpression', 'caseAlternative', 'extendedCaseExpression',
  'extendedCaseAlternative', 'extendedWhen', 'listComprehension', 'listItemsPredicate', 'parenthesizedExpression',
  'mapProjection', 'mapProjectionElement', 'countStar', 'existsExpression', 'countExpression', 'collectExpression',
  'functionInvocation', 'functionArgument', 'functionName', 'namespace', 'trimFunction',
  // names
  'symbolicVariableNameString', 'escapedSymbolicVariableNameString', 'unescapedSymbolicVariableNameString',
  'symbolicNameString', 'escapedSymbolicNameString', 'unescapedSymbolicNameString', 'unescapedSymbolicNameString_',
]);

/** How a refused rule is named to the user (otherwise by its first words). */
export const RULE_LABELS: Record<string, string> = {
  preparserOption: 'EXPLAIN, PROFILE and CYPHER options',
  subqueryClause: 'CALL { … } subqueries',
  subqueryInTransactionsParameters: 'CALL { … } IN TRANSACTIONS',
  loadCSVClause: 'LOAD CSV',
  foreachClause: 'FOREACH',
  useClause: 'USE',
  command: 'administration commands',
  consoleCommand: 'console commands',
  reduceExpression: 'reduce() (it can build values that grow without bound)',
  quantifier: 'quantified path patterns',
  parenthesizedPath: 'quantified path patterns',
  pathPatternPrefix: 'path selectors (SHORTEST, ALL …)',
  hint: 'planner hints (USING …)',
  dynamicExpression: 'dynamic labels and types',
  dynamicProperty: 'dynamic property access (n[key])',
  localDefinition: 'local procedure and function definitions',
  matchMode: 'match modes',
  when: 'conditional queries (WHEN … THEN)',
  letClause: 'LET',
  filterClause: 'FILTER',
  forListClause: 'FOR',
  finishClause: 'FINISH',
  searchClause: 'SEARCH',
  insertClause: 'INSERT',
};

/** Functions both engines spell the same way and that allocate no more than their input. */
const COMMON_FUNCTIONS = [
  'count', 'sum', 'avg', 'min', 'max', 'collect', 'coalesce', 'size', 'nodes', 'length',
  'abs', 'ceil', 'floor', 'round', 'sign', 'sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'pi',
  'lower', 'upper', 'trim', 'ltrim', 'rtrim', 'substring', 'left', 'right', 'reverse', 'split',
  'date', 'properties', 'keys', 'starts_with', 'ends_with', 'contains',
];

/**
 * Per engine. Left out on purpose: builders whose result can be far larger than their input
 * (`repeat`, `lpad`, `rpad`, `replace`, `list_concat`, `list_transform`, `list_filter`,
 * `list_reduce`, `reduce` …), anything that reads files, settings or the network, and
 * anything not in the list. `range` is accepted only with small literal bounds (see guard.ts).
 */
export const ALLOWED_FUNCTIONS: Record<Engine, Set<string>> = {
  kuzu: new Set([
    ...COMMON_FUNCTIONS, 'range', 'label', 'labels', 'id', 'rels', 'properties', 'is_trail', 'is_acyclic', 'cost',
    'tolower', 'toupper', 'to_string', 'string', 'to_int64', 'to_int32', 'to_double', 'to_float', 'to_date', 'to_bool',
    'concat', 'prefix', 'suffix', 'list_contains', 'list_has', 'list_extract', 'list_element', 'list_sort', 'list_reverse_sort',
    'list_distinct', 'list_unique', 'list_any_value', 'list_position', 'list_slice', 'list_sum', 'list_product',
    'array_contains', 'list_has_all', 'struct_extract', 'date_part', 'datepart', 'year', 'month', 'day', 'current_date',
    'regexp_matches', 'regexp_extract', 'levenshtein', 'initcap', 'ascii', 'array_length', 'cardinality', 'head', 'last', 'tail',
  ]),
  neo4j: new Set([
    ...COMMON_FUNCTIONS, 'range', 'labels', 'type', 'elementid', 'id', 'relationships', 'startnode', 'endnode',
    'tolower', 'toupper', 'tostring', 'tointeger', 'tofloat', 'toboolean', 'tostringornull', 'tointegerornull',
    'tofloatornull', 'tobooleanornull', 'head', 'last', 'tail', 'isempty', 'exists', 'datetime', 'localdatetime',
    'duration', 'duration.between', 'date.truncate', 'stdev', 'stdevp', 'percentilecont', 'percentiledisc',
    'char_length', 'character_length', 'btrim', 'valuetype', 'isnan', 'atan', 'asin', 'acos', 'atan2', 'degrees', 'radians',
  ]),
};

/** Procedures that describe the graph and change nothing. */
export const ALLOWED_PROCEDURES: Record<Engine, Set<string>> = {
  kuzu: new Set(['show_tables', 'table_info', 'show_connection', 'show_indexes', 'query_fts_index']),
  neo4j: new Set(['db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.schema.visualization', 'db.index.fulltext.querynodes']),
};

/** Longest list `range()` may build in an ad hoc statement. */
export const MAX_RANGE_ITEMS = 100_000;
/**
 * `+` and `||` operators in a statement on Neo4j. Each can double a string or a list
 * (`WITH s + s AS s WITH s + s AS s …`), and Neo4j counts no such value against its
 * transaction memory limit: a chain of 40 filled the heap and the server exited. Six keep a
 * value within 64 times the largest one it starts from.
 */
export const MAX_CONCATENATIONS = 6;
/** Brackets ((, [, {) open at once. */
export const MAX_BRACKET_DEPTH = 40;
/** Prefix operators in a row (NOT NOT …, - - …): each is a level of the engine's parser. */
export const MAX_PREFIX_RUN = 8;
/** Depth of the parse tree: bounds what the engine's own (recursive) parser will meet. */
export const MAX_TREE_DEPTH = 600;
export const MAX_LENGTH = 10_000;
