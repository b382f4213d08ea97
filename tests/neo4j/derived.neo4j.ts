/**
 * On Neo4j: a graph loaded before the derived properties existed gets them from `graph migrate`,
 * the same values the loader writes (tests/support/derived-migration.ts).
 */
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/index.js';
import { describeDerivedMigration } from '../support/derived-migration.js';

describeDerivedMigration('Neo4j', () => openStore(loadConfig(process.env)), ':Policy|Agency|Firm|Region|Sector|Event|Person');
