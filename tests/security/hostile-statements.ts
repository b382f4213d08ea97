/**
 * Statements an attacker sends to the `cypher` field, each with what it tries. The Kùzu suite
 * (hostile.test.ts) sends all of them to the embedded default; a Neo4j suite can send the
 * `neo4j` and `both` ones to a real server. Every one must be refused (QUERY_REFUSED, or
 * BAD_PARAMETER for a parameter hazard) or bounded (QUERY_TIMEOUT, QUERY_TOO_LARGE,
 * QUERY_FAILED), and none may change the graph or write a file.
 *
 * `{DIR}` stands for a scratch folder the test watches: any file appearing there is a failure.
 */

export type Dialect = 'kuzu' | 'neo4j' | 'both';
/** refused: never reaches an engine. bounded: runs, and a limit stops it. */
export type Outcome = 'refused' | 'bounded' | 'bad-parameter';

export interface HostileStatement {
  dialect: Dialect;
  statement: string;
  why: string;
  /** Default 'refused'. */
  outcome?: Outcome;
  params?: Record<string, unknown>;
}

const kuzu = (statement: string, why: string, outcome?: Outcome): HostileStatement => ({ dialect: 'kuzu', statement, why, outcome });
const neo4j = (statement: string, why: string, outcome?: Outcome): HostileStatement => ({ dialect: 'neo4j', statement, why, outcome });
const both = (statement: string, why: string, outcome?: Outcome): HostileStatement => ({ dialect: 'both', statement, why, outcome });

const FILE_AND_NETWORK: HostileStatement[] = [
  kuzu("LOAD FROM '/etc/passwd' RETURN *", 'read a system file'),
  kuzu("LOAD FROM '{DIR}/in.csv' (header=true) RETURN *", 'read a file with options'),
  kuzu("LOAD WITH HEADERS (a STRING) FROM '/etc/passwd' RETURN *", 'read a file with a declared header'),
  kuzu("LOAD FROM 'https://example.com/a.csv' RETURN *", 'fetch a URL'),
  kuzu("LOAD FROM 'http://169.254.169.254/latest/meta-data/' RETURN *", 'reach the cloud metadata service'),
  kuzu("COPY Policy FROM '{DIR}/in.csv'", 'bulk-load rows from a file'),
  kuzu("COPY (MATCH (n) RETURN n.id) TO '{DIR}/out.csv'", 'write a query result to a file'),
  kuzu("COPY Policy TO '{DIR}/out.parquet'", 'write a table to a parquet file'),
  kuzu("COPY (MATCH (n) RETURN n.id) TO 'relative-out.csv'", 'write into the working folder'),
  kuzu("EXPORT DATABASE '{DIR}/dump'", 'export the whole database'),
  kuzu("EXPORT DATABASE '{DIR}/dump' (format=\"parquet\")", 'export as parquet'),
  kuzu("IMPORT DATABASE '{DIR}/dump'", 'import a database over ours'),
  kuzu("ATTACH '{DIR}/other.kuzu' AS other (dbtype kuzu)", 'attach another database file'),
  kuzu("ATTACH 'host=127.0.0.1 user=postgres' AS pg (dbtype postgres)", 'attach a network database'),
  kuzu('DETACH other', 'detach a database'),
  kuzu('USE other', 'switch database'),
  kuzu('INSTALL httpfs', 'download an extension'),
  kuzu('LOAD EXTENSION httpfs', 'load an extension'),
  kuzu("LOAD EXTENSION '{DIR}/libevil.kuzu_extension'", 'load native code from a file'),
  kuzu('UNINSTALL fts', 'remove an extension'),
  neo4j("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'read a system file'),
  neo4j("LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS row RETURN row", 'fetch a URL'),
  neo4j("LOAD CSV FROM 'http://169.254.169.254/latest/meta-data/' AS l RETURN l", 'reach the cloud metadata service'),
  neo4j("LOAD CSV FROM 'file:///' + $f AS l RETURN l", 'a file named by a parameter'),
  neo4j("USING PERIODIC COMMIT 10 LOAD CSV FROM 'file:///x.csv' AS l CREATE (:Policy {id: l[0]})", 'old batched import'),
  neo4j("CALL apoc.load.json('file:///etc/passwd')", 'read a file through APOC'),
  neo4j("CALL apoc.export.csv.all('{DIR}/apoc.csv', {})", 'write a file through APOC'),
  neo4j("RETURN apoc.util.md5(['x']) AS h", 'an APOC function'),
  neo4j("CALL apoc.load.jdbc('jdbc:mysql://127.0.0.1/x', 'SELECT 1')", 'reach another database'),
];

const SETTINGS_AND_TRANSACTIONS: HostileStatement[] = [
  kuzu('CALL threads=1', 'change the thread count for later users'),
  kuzu('CALL timeout=0', 'switch the time limit off'),
  kuzu('CALL spill_to_disk=true', 'let a statement spill to disk'),
  kuzu("CALL home_directory='{DIR}'", 'move the home folder'),
  kuzu("CALL file_search_path='/etc'", 'change where files are looked up'),
  kuzu('CALL progress_bar=true', 'a harmless-looking setting'),
  kuzu('CALL enable_semi_mask=false', 'a planner setting'),
  kuzu("CALL current_setting('threads') RETURN *", 'read a setting'),
  kuzu("RETURN current_setting('threads') AS t", 'read a setting as a function'),
  kuzu('BEGIN TRANSACTION', 'open a write transaction'),
  kuzu('BEGIN TRANSACTION READ ONLY', 'open a transaction that outlives the request'),
  kuzu('COMMIT', 'commit the surrounding read transaction'),
  kuzu('ROLLBACK', 'roll back'),
  kuzu('CHECKPOINT', 'force a checkpoint'),
  kuzu('COMMIT_SKIP_CHECKPOINT', 'commit without a checkpoint'),
  kuzu("MATCH (n) RETURN n.id AS id LIMIT 1 CALL threads=1", 'a setting after a query'),
  neo4j("CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", 'switch the query log off'),
  neo4j('CALL dbms.listConfig()', 'read the server configuration'),
  neo4j("CALL tx.setMetaData({who: 'evil'})", 'tag the transaction'),
  neo4j('SHOW SETTINGS', 'list the settings'),
  neo4j('SHOW TRANSACTIONS', "see others' queries"),
  neo4j("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "kill others' queries"),
  neo4j("CALL dbms.killQuery('query-1')", "kill others' queries (old form)"),
  neo4j('CYPHER runtime=parallel MATCH (n) RETURN count(n) AS n', 'a runtime option'),
  neo4j('CYPHER 25 MATCH (n) RETURN count(n) AS n', 'a language version'),
  neo4j(':param x => 1', 'a console command'),
  neo4j(':use system', 'a console command that switches database'),
];

const WRITES_AND_SCHEMA: HostileStatement[] = [
  both("CREATE (n:Policy {id: 'evil'})", 'create a node'),
  both("MERGE (n:Policy {id: 'evil'}) RETURN n.id AS id", 'merge a node'),
  both("MATCH (n:Policy) SET n.name = 'evil'", 'set a property'),
  both("MATCH (n:Policy) SET n += {name: 'evil'}", 'set a map of properties'),
  both('MATCH (n:Policy) REMOVE n.name', 'remove a property'),
  both('MATCH (n) DELETE n', 'delete nodes'),
  both('MATCH (n) DETACH DELETE n', 'delete everything'),
  both('match (n) detach delete n', 'lower case'),
  both("OPTIONAL MATCH (n) CREATE (m:Policy {id: 'evil'})", 'a write after a read'),
  both("UNWIND [1, 2] AS x CREATE (:Policy {id: 'evil' + toString(x)})", 'writes in a loop'),
  both("MATCH (n) WITH n LIMIT 1 SET n.name = 'evil' RETURN n.id AS id", 'a write after WITH'),
  both("RETURN 1 AS x UNION ALL CREATE (n:Policy {id: 'evil'}) RETURN 1 AS x", 'a write in a UNION branch'),
  both("MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.name = 'x' } RETURN n.id AS id", 'a write inside EXISTS'),
  both("MATCH (n) RETURN COUNT { CREATE (m:Policy {id: 'evil'}) } AS c", 'a write inside COUNT'),
  both("CALL { CREATE (n:Policy {id: 'evil'}) }", 'a write inside a subquery'),
  kuzu('DROP TABLE Policy', 'drop a table'),
  kuzu('ALTER TABLE Policy ADD extra STRING', 'alter a table'),
  kuzu('ALTER TABLE Policy RENAME TO Evil', 'rename a table'),
  kuzu('CREATE NODE TABLE Evil(id STRING, PRIMARY KEY(id))', 'create a table'),
  kuzu('CREATE REL TABLE Evil(FROM Policy TO Policy)', 'create a relationship table'),
  kuzu('CREATE MACRO evil(x) AS x', 'define a macro'),
  kuzu('CREATE SEQUENCE evil', 'create a sequence'),
  kuzu("COMMENT ON TABLE Policy IS 'evil'", 'comment a table'),
  kuzu("CALL CREATE_FTS_INDEX('Policy', 'evil', ['name'])", 'create a full-text index'),
  kuzu("CALL DROP_FTS_INDEX('Policy', 'policy_fts')", 'drop the full-text index'),
  kuzu("CALL CREATE_VECTOR_INDEX('Policy', 'evil', 'name')", 'create a vector index'),
  neo4j("CREATE INDEX evil FOR (n:Policy) ON (n.name)", 'create an index'),
  neo4j('DROP INDEX policy_id', 'drop an index'),
  neo4j('CREATE CONSTRAINT evil FOR (n:Policy) REQUIRE n.name IS UNIQUE', 'create a constraint'),
  neo4j('DROP CONSTRAINT entity_id', 'drop the id constraint'),
  neo4j('CREATE FULLTEXT INDEX evil FOR (n:Policy) ON EACH [n.name]', 'create a full-text index'),
  neo4j('CREATE LOOKUP INDEX evil FOR (n) ON EACH labels(n)', 'create a lookup index'),
  neo4j('SHOW INDEXES', 'list indexes'),
  neo4j('SHOW CONSTRAINTS', 'list constraints'),
  neo4j("MATCH (n:Policy) SET n:Evil", 'add a label'),
  neo4j('MATCH (n:Policy) REMOVE n:Policy', 'remove a label'),
  neo4j("INSERT (n:Evil {id: 'x'})", 'GQL insert'),
  neo4j('MATCH (n) WITH n FINISH', 'FINISH'),
  neo4j("FOREACH (x IN [1] | CREATE (:Policy {id: 'evil'}))", 'FOREACH with a write'),
  neo4j("MATCH (n) FOREACH (x IN [1] | SET n.name = 'evil')", 'FOREACH setting properties'),
  neo4j('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS', 'delete in batches'),
  neo4j('CALL { MATCH (n) RETURN n } IN TRANSACTIONS OF 10 ROWS RETURN n', 'batched transactions, read-only body'),
  neo4j('UNWIND range(1, 10) AS i CALL (i) { RETURN i AS j } IN CONCURRENT TRANSACTIONS RETURN j', 'concurrent transactions'),
  neo4j('CALL () { RETURN 1 AS x } RETURN x', 'a scoped subquery'),
];

const ADMINISTRATION_AND_PROCEDURES: HostileStatement[] = [
  neo4j('USE system SHOW USERS', 'switch to the system database'),
  neo4j('USE system MATCH (n) RETURN n', 'read the system database'),
  neo4j('USE neo4j MATCH (n) RETURN n.id AS id', 'name a database'),
  neo4j("USE graph.byName('system') RETURN 1 AS x", 'a database by function'),
  neo4j('CREATE DATABASE evil', 'create a database'),
  neo4j('DROP DATABASE neo4j', 'drop the database'),
  neo4j('STOP DATABASE neo4j', 'stop the database'),
  neo4j('ALTER DATABASE neo4j SET ACCESS READ ONLY', 'alter the database'),
  neo4j('CREATE ALIAS evil FOR DATABASE neo4j', 'create an alias'),
  neo4j("CREATE USER evil SET PASSWORD 'evil-password' CHANGE NOT REQUIRED", 'create a user'),
  neo4j("ALTER USER neo4j SET PASSWORD 'evil-password'", 'change a password'),
  neo4j('SHOW USERS', 'list users'),
  neo4j('SHOW CURRENT USER', 'who am I'),
  neo4j('SHOW DATABASES', 'list databases'),
  neo4j('SHOW PROCEDURES', 'list procedures'),
  neo4j('SHOW FUNCTIONS', 'list functions'),
  neo4j('SHOW PRIVILEGES', 'list privileges'),
  neo4j('CREATE ROLE evil', 'create a role'),
  neo4j('GRANT ROLE admin TO evil', 'grant a role'),
  neo4j('REVOKE ROLE admin FROM neo4j', 'revoke a role'),
  neo4j('DENY READ {*} ON GRAPH * TO PUBLIC', 'deny everyone'),
  neo4j("CALL dbms.security.createUser('evil', 'evil-password', false)", 'create a user by procedure'),
  neo4j('CALL dbms.components()', 'server version'),
  neo4j("CALL db.createLabel('Evil')", 'create a label token'),
  neo4j("CALL db.createProperty('evil')", 'create a property token'),
  neo4j('CALL db.clearQueryCaches()', 'clear the query caches'),
  neo4j("CALL db.index.fulltext.drop('policy_fts')", 'drop a full-text index'),
  neo4j('CALL db.awaitIndexes(100000)', 'wait on indexes'),
  neo4j("CALL db.stats.retrieve('GRAPH COUNTS')", 'collect statistics'),
  neo4j("CALL apoc.cypher.runWrite('CREATE (n:Policy {id: \"evil\"})', {})", 'a write through APOC'),
  neo4j("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", 'batched deletes through APOC'),
  neo4j("CALL gds.graph.project('g', '*', '*')", 'a Graph Data Science projection'),
  neo4j("CALL db.labels() YIELD label CALL apoc.cypher.run('CREATE (n)', {}) YIELD value RETURN label", 'an allowed call, then a refused one'),
  neo4j('CALL `dbms`.`listConfig`()', 'a backquoted procedure name'),
  neo4j('CALL dbms . listConfig ( )', 'a spaced-out procedure name'),
  neo4j('CALL db.labels() YIELD label RETURN label UNION CALL dbms.listConfig() YIELD name RETURN name AS label', 'a refused call in a UNION branch'),
  kuzu('CALL show_functions() RETURN *', 'a procedure off the allow-list'),
  kuzu('CALL db_version() RETURN *', 'the engine version'),
  kuzu("CALL storage_info('Policy') RETURN *", 'storage internals'),
  kuzu('CALL show_warnings() RETURN *', 'warnings of others'),
  kuzu('CALL clear_warnings()', 'clear warnings'),
  kuzu('CALL show_attached_databases() RETURN *', 'list attached databases'),
  kuzu('RETURN gen_random_uuid() AS u', 'a function off the allow-list'),
  kuzu('CALL `show_tables`() RETURN *', 'a backquoted procedure name'),
  both('EXPLAIN MATCH (n) RETURN n.id AS id', 'EXPLAIN'),
  both('PROFILE MATCH (n) RETURN n.id AS id', 'PROFILE'),
  both("EXPLAIN CREATE (n:Policy {id: 'evil'})", 'EXPLAIN of a write'),
  both('LET x = 1 RETURN x', 'LET'),
  both('MATCH (n) FILTER n.id = 1 RETURN n.id AS id', 'FILTER'),
  both('WHEN true THEN RETURN 1 AS x ELSE RETURN 2 AS x', 'a conditional query'),
  both('MATCH SHORTEST 1 (a)-->+(b) RETURN a.id AS id', 'a GQL path selector'),
  both('MATCH ((a)-->(b)){1,1000} RETURN a.id AS id', 'a quantified path pattern'),
  both('MATCH (n:$($label)) RETURN n.id AS id', 'a dynamic label'),
  both("MATCH (n:Policy) USING INDEX n:Policy(id) WHERE n.id = 'x' RETURN n.id AS id", 'a planner hint'),
  both('RETURN `count`(1) AS c', 'a backquoted function name'),
];

/** Quotes and comment markers inside comments and strings, in every order. */
const COMMENTS_AND_STRINGS: HostileStatement[] = [
  both("MATCH (n) RETURN n.id AS id // it's\nCREATE (m:Policy {id: 'evil'})", "a quote inside a // comment"),
  both('MATCH (n) RETURN n.id AS id // a "quote\nCREATE (m:Policy {id: \'evil\'})', 'a double quote inside a // comment'),
  both("MATCH (n) /* it's */ RETURN n.id AS id; CREATE (m:Policy {id: 'evil'})", "a quote inside /* */, then a second statement"),
  both("/* ' */ MATCH (n) DETACH DELETE n /* ' */", 'quotes in block comments around a write'),
  both("RETURN 'a' AS x /* \" */ ; MATCH (n) DETACH DELETE n", 'a double quote inside /* */'),
  both("RETURN '\\\\' AS x // '\nMATCH (n) DETACH DELETE n", 'an escaped backslash, then a quote in a comment'),
  both("RETURN 'it\\'s' AS x; MATCH (n) DETACH DELETE n", 'an escaped quote, then a second statement'),
  both('RETURN "a\\"b" AS x; MATCH (n) DETACH DELETE n', 'an escaped double quote'),
  both("MATCH (n) RETURN n.id AS id // ' \" /* \nMATCH (m) DETACH DELETE m", 'every opener inside a line comment'),
  both("RETURN '/*' AS a, '*/' AS b; MATCH (n) DETACH DELETE n", 'comment markers inside strings'),
  both("RETURN '//' AS a; MATCH (n) DETACH DELETE n", 'a line-comment marker inside a string'),
  both("RETURN 1 AS x //\rMATCH (n) DETACH DELETE n", 'a carriage return ends the comment'),
  both("RETURN 1 AS x -- not a comment\nMATCH (n) DETACH DELETE n", 'SQL comment syntax'),
  both("RETURN 'a\\\\'; MATCH (n) DETACH DELETE n; RETURN '' AS x", 'a string ending in an escaped backslash'),
  both("MATCH (n) WHERE n.id = 'x\\' OR 1=1 //' RETURN n.id AS id\nDETACH DELETE n", 'a backslash before the closing quote'),
  both("RETURN '\\q' AS x", 'an escape neither engine agrees on'),
  both("RETURN 'unterminated AS x", 'an unterminated string'),
  both('RETURN 1 AS x /* unterminated', 'an unterminated comment'),
  both("RETURN 'x' AS x /* a */ /* b ' */ ; CREATE (n:Policy {id: 'evil'})", 'two block comments, the second holding a quote'),
  kuzu("MATCH (n) RETURN n.id AS id // it's\nLOAD FROM '/etc/passwd' RETURN *", 'the reported bypass: a quote in a comment hides LOAD FROM'),
  kuzu("MATCH (n) /* it's */ RETURN n.id AS id\nCOPY (MATCH (m) RETURN m.id) TO '{DIR}/out.csv'", 'the reported bypass: COPY TO after a quoted comment'),
  kuzu("RETURN 1 AS x // it's\nEXPORT DATABASE '{DIR}/dump'", 'EXPORT after a quoted comment'),
  kuzu("RETURN 1 AS x // it's\nCOMMIT", 'COMMIT after a quoted comment'),
  kuzu("RETURN 1 AS x // it's\nCALL threads=1", 'a setting after a quoted comment'),
  neo4j("RETURN 'a' AS x // \"\nLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'LOAD CSV after a quoted comment'),
  neo4j("/* '\" */ CALL dbms.listConfig() /* */", 'a procedure between quoted comments'),
  both("MATCH (n) // it's\nWHERE n.id IN $ids RETURN n.id AS id", 'the reported crash: a hidden list parameter left missing', 'bad-parameter'),
];

const GLUED_ESCAPED_AND_LOOKALIKES: HostileStatement[] = [
  kuzu("MATCH (n) RETURN n.id AS id LIMIT 1LOAD FROM '/etc/passwd' RETURN *", 'the reported bypass: a keyword glued to a number'),
  kuzu('MATCH (n) RETURN n.id AS id LIMIT 1CALL threads=1', 'a setting glued to a number'),
  kuzu("MATCH (n) RETURN n.id AS id SKIP 0COPY (MATCH (m) RETURN m.id) TO '{DIR}/out.csv'", 'COPY glued to a number'),
  kuzu("RETURN 1e1LOAD FROM '/etc/passwd'", 'a keyword glued to an exponent'),
  both("MATCH (n) RETURN n.id AS id LIMIT 1CREATE (m:Policy {id: 'evil'})", 'CREATE glued to a number'),
  both('RETURN 0x1F AS x', 'a hexadecimal number'),
  both('RETURN 0o17 AS x', 'an octal number'),
  both('RETURN 1_000 AS x', 'an underscore in a number'),
  both('RETURN 1.5e3x AS x', 'a suffix on a number'),
  both("MATCH (n:`Policy`) DETACH DELETE n", 'a backquoted label'),
  both("MATCH (n) RETURN n.id AS `x``; MATCH (m) DETACH DELETE m`", 'a backquoted name holding a statement'),
  both("MATCH (n) RETURN n.id AS `a b`", 'a backquoted name with a space'),
  both("MATCH (n) RETURN n.id AS `it's`", 'a backquoted name with a quote'),
  both('MATCH (n) RETURN n.`id` AS `\\u0041`', 'a backquoted name with an escape'),
  both("ＣＲＥＡＴＥ (n:Policy {id: 'evil'})", 'fullwidth letters'),
  both("\u0421REATE (n:Policy {id: 'evil'})", 'a Cyrillic look-alike'),
  both("CRE\u200bATE (n:Policy {id: 'evil'})", 'a zero-width space inside a keyword'),
  both("MATCH (n) RETURN n.id \uff1b CREATE (m:Policy {id: 'evil'})", 'a fullwidth semicolon'),
  both("MATCH (n) RETURN n.id \u037e CREATE (m:Policy {id: 'evil'})", 'a Greek question mark'),
  both('MATCH (a)\u2014[r]\u2014(b) RETURN a.id AS id', 'em-dash arrows'),
  both('MATCH (a)\uff0d[r]\uff0d\uff1e(b) RETURN a.id AS id', 'fullwidth arrows'),
  both('MATCH (\u0430) RETURN \u0430.id AS id', 'a Cyrillic variable name'),
  both("RETURN '\u0000' AS x", 'a NUL inside a string'),
  both("RETURN '\\u0000' AS x", 'an escaped NUL'),
  both("CRE\\u0041TE (n:Policy {id: 'evil'})", 'an escape outside a string'),
  both('RETURN $0 AS x', 'a numbered parameter'),
  both('RETURN 1 AS x; RETURN 2 AS y', 'two statements'),
  both('RETURN 1 AS x;;', 'an empty second statement'),
  both('   ', 'an empty statement'),
  both('// only a comment', 'a statement that is only a comment'),
  both(`RETURN '${'x'.repeat(10_001)}' AS x`, 'over the length cap'),
];

const nest = (open: string, close: string, depth: number, inner = '1') => `RETURN ${open.repeat(depth)}${inner}${close.repeat(depth)} AS x`;

const NESTING: HostileStatement[] = [
  both(nest('(', ')', 4_990), 'the reported crash: 5,000 nested parentheses (cut to fit the length cap)'),
  both(`RETURN ${'('.repeat(5_000)}`, '5,000 unbalanced parentheses'),
  both(nest('[', ']', 4_990), 'nested lists'),
  both(nest('{a: ', '}', 2_000), 'nested maps'),
  both(`RETURN ${'NOT '.repeat(2_000)}true AS x`, 'a long run of NOT'),
  both(`RETURN ${'- '.repeat(4_000)}1 AS x`, 'a long run of unary minus'),
  both(`RETURN ${'size('.repeat(1_500)}[1]${')'.repeat(1_500)} AS x`, 'nested function calls'),
  both(`RETURN ${'[x IN '.repeat(400)}[1]${' | x]'.repeat(400)} AS x`, 'nested list comprehensions'),
  both(`RETURN ${'CASE WHEN true THEN '.repeat(300)}1${' END'.repeat(300)} AS x`, 'nested CASE'),
  both(nest('(', ')', 41), 'one bracket past the bound'),
];

const ALLOCATION_BOMBS: HostileStatement[] = [
  both('UNWIND range(1, 300000000) AS x RETURN count(x) AS n', 'the reported bomb: a huge range'),
  both('UNWIND range(1, 1000 * 1000 * 1000) AS x RETURN count(x) AS n', 'a range with computed bounds'),
  { dialect: 'both', statement: 'UNWIND range(1, $n) AS x RETURN count(x) AS n', why: 'a range bounded by a parameter', params: { n: 300_000_000 } },
  both('RETURN range(0, 9223372036854775807) AS r', 'a range to the largest integer'),
  both('RETURN range(1, 10, 0) AS r', 'a range with step 0'),
  kuzu("RETURN repeat('x', 1000000000) AS s", 'the reported bomb: repeat'),
  kuzu("RETURN lpad('x', 1000000000, 'y') AS s", 'the reported bomb: lpad'),
  kuzu("RETURN rpad('x', 1000000000, 'y') AS s", 'rpad'),
  kuzu('RETURN size(list_concat(range(1, 100000), range(1, 100000))) AS n', 'the reported bomb: list_concat'),
  kuzu("RETURN size(list_transform(range(1, 100000), x -> repeat('x', 100000))) AS n", 'the reported bomb: list_transform'),
  kuzu('RETURN size(list_filter(range(1, 100000), x -> x > 0)) AS n', 'list_filter'),
  kuzu('RETURN list_reduce(range(1, 64), (a, b) -> a + a) AS n', 'list_reduce doubling'),
  both("RETURN replace('aaaaaaaaaaaaaaaa', 'a', 'aaaaaaaaaaaaaaaa') AS s", 'replace that multiplies'),
  neo4j("RETURN reduce(s = 'x', i IN range(1, 64) | s + s) AS s", 'reduce doubling a string'),
  neo4j("RETURN apoc.text.repeat('x', 1000000000) AS s", 'an APOC builder'),
  neo4j("RETURN left(apoc.text.lpad('x', 1000000000, 'y'), 1) AS s", 'an APOC pad'),
  both(`WITH 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' AS s ${'WITH s + s AS s '.repeat(30)}RETURN size(s) AS n`, 'a string doubled thirty times', 'bounded'),
  both(`UNWIND range(1, 100000) AS x WITH collect(x) AS l ${'WITH l + l AS l '.repeat(14)}RETURN size(l) AS n`, 'a list doubled fourteen times', 'bounded'),
  both('UNWIND range(1, 100000) AS x WITH collect(range(1, 100000)) AS l RETURN size(l) AS n', 'a list of large ranges', 'bounded'),
  both('UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a + b = 7 RETURN count(*) AS n', 'a filtered cross product of ranges', 'bounded'),
  both('MATCH (a), (b), (c), (d) WHERE a.id < b.id AND c.id < d.id RETURN count(*) AS n', 'a four-way cartesian product of the graph', 'bounded'),
  both('MATCH (a)-[*1..30]-(b) RETURN count(*) AS n', 'every walk of up to 30 steps', 'bounded'),
  both('UNWIND range(1, 100000) AS a UNWIND range(1, 1000) AS b RETURN collect(a) AS l', 'a collect over a large product', 'bounded'),
  both('MATCH (a)--(b)--(c)--(d)--(e)--(f)--(g) RETURN count(*) AS n', 'every walk of six steps', 'bounded'),
];

export const HOSTILE_STATEMENTS: HostileStatement[] = [
  ...FILE_AND_NETWORK, ...SETTINGS_AND_TRANSACTIONS, ...WRITES_AND_SCHEMA, ...ADMINISTRATION_AND_PROCEDURES,
  ...COMMENTS_AND_STRINGS, ...GLUED_ESCAPED_AND_LOOKALIKES, ...NESTING, ...ALLOCATION_BOMBS,
];

/** The statements written for an engine (its dialect and the shared one). */
export function statementsFor(engine: 'kuzu' | 'neo4j'): HostileStatement[] {
  return HOSTILE_STATEMENTS.filter((s) => s.dialect === 'both' || s.dialect === engine);
}

export const withDir = (statement: string, dir: string) => statement.replaceAll('{DIR}', dir);
