// Runs one query on the raw Kùzu binding with no guard, to show what the guard prevents.
// argv[2]: JSON [query, params]. Exit code 139 (SIGSEGV) or a signal means the process died.
const kuzu = require('kuzu');
(async () => {
  const db = new kuzu.Database(':memory:', 64 * 1024 * 1024);
  const conn = new kuzu.Connection(db);
  const setup = await conn.query("CREATE NODE TABLE Policy(id STRING PRIMARY KEY, name STRING)");
  setup.close();
  const insert = await conn.query("CREATE (:Policy {id: 'p1', name: 'Cybersecurity Law'})");
  insert.close();
  const [text, params] = JSON.parse(process.argv[2]);
  const prepared = await conn.prepare(text);
  const result = await conn.execute(prepared, params);
  console.log(JSON.stringify(await result.getAll()));
  result.close();
  await conn.close();
  await db.close();
})();
