/**
 * `npm run schema:print`: writes the schema to the file named on the command line (the npm
 * script names schema.graphql at the project root, where it is committed; tests/api/schema.test.ts
 * fails when the file and the code disagree).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, printSchemaText } from './schema.js';

const file = resolve(process.argv[2] ?? 'schema.graphql');
writeFileSync(file, printSchemaText(await buildSchema()));
console.log(`wrote ${file}`);
