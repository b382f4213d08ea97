/**
 * The real server (src/server.ts) for the browser tests: an in-memory Kùzu graph seeded from
 * seeds/, a free port, the playground on, logs silent.
 */
import { startServer, type RunningServer } from '../../src/server.js';

export async function startApp(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({
    env: {
      ...process.env,
      EMBEDDED_DB: ':memory:',
      EMBEDDED_BUFFER_MB: '256',
      NEO4J_URI: '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ...env,
    },
    port: 0,
    host: '127.0.0.1',
  });
}
