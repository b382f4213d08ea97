/**
 * A cheap question asked of the API every INTERVAL ms from a process of its own, so that what it
 * measures is the server's answer time, not the load of whoever runs the test or the benchmark:
 * `node dist/scripts/lib/prober.js <url> [intervalMs]`. It asks until SIGTERM, then prints one
 * JSON line: every answer's time (ms), when each was asked (epoch ms, so that a slow answer can be
 * set beside what else the server was doing then) and the answers that were wrong.
 */
const [url, intervalArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: prober.js <url of the API> [interval ms]');
  process.exit(2);
}
const intervalMs = Number(intervalArg ?? 200);
const QUERY = JSON.stringify({ query: '{ entity(id: "cybersecurity-law") { id } }' });

const times: number[] = [];
const askedAt: number[] = [];
const failures: string[] = [];
let running = true;

async function ask(): Promise<void> {
  const started = performance.now();
  askedAt.push(Date.now());
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: QUERY,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!text.includes('"id":"cybersecurity-law"')) failures.push(`${response.status} ${text.slice(0, 200)}`);
  } catch (error) {
    failures.push((error as Error).message);
  }
  times.push(Math.round((performance.now() - started) * 10) / 10);
}

process.on('SIGTERM', () => {
  running = false;
});

while (running) {
  await ask();
  await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
process.stdout.write(`${JSON.stringify({ times, askedAt, failures })}\n`);
