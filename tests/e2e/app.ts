/**
 * The real server (src/server.ts) for the browser tests: an in-memory Kùzu graph seeded from
 * seeds/, a free port, the playground on, logs silent.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.js';
import { launchBrowser, openWatched, type Watched } from './browser.js';

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

/**
 * The server and Chromium for one test file, started before its tests and stopped after them.
 * `open()` gives a watched page on the server (or on another origin, such as a second server a
 * test starts); each is closed after the test that opened it.
 */
export interface BrowserSuite {
  app: RunningServer;
  browser: Browser;
  open(origin?: string): Promise<Watched>;
}

export function browserSuite(): BrowserSuite {
  const opened: Watched[] = [];
  const suite: BrowserSuite = {
    app: undefined as unknown as RunningServer,
    browser: undefined as unknown as Browser,
    async open(origin = suite.app.url): Promise<Watched> {
      const w = await openWatched(suite.browser, origin);
      opened.push(w);
      return w;
    },
  };
  beforeAll(async () => {
    suite.app = await startApp();
    suite.browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((w) => w.context.close()));
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
  });
  return suite;
}
