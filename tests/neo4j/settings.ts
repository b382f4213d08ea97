/**
 * The local Neo4j's settings file (tools/neo4j-local/neo4j.conf) and their names as the Neo4j
 * image reads them from the environment (docker-compose.yml).
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../../src/paths.js';

export const LOCAL_CONF = projectPath('tools/neo4j-local/neo4j.conf');

/** Settings that only suit a local, throw-away server; production keeps its own. */
export const LOCAL_ONLY = new Set(['server.memory.pagecache.size', 'db.tx_log.rotation.retention_policy']);

export function localSettings(): Map<string, string> {
  const settings = new Map<string, string>();
  for (const line of readFileSync(LOCAL_CONF, 'utf8').split('\n')) {
    const m = /^\s*([a-z][\w.]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) settings.set(m[1]!, m[2]!);
  }
  return settings;
}

/** The image's rule: `_` becomes `__`, `.` becomes `_`, with a NEO4J_ prefix. */
export const imageVariable = (setting: string) => `NEO4J_${setting.replace(/_/g, '__').replace(/\./g, '_')}`;

/** The settings docker-compose.yml must set the same way, as image variables. */
export function productionSettings(): Map<string, string> {
  return new Map([...localSettings()].filter(([name]) => !LOCAL_ONLY.has(name)).map(([name, value]) => [imageVariable(name), value]));
}
