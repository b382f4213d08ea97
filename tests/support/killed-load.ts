/**
 * Crash safety of a load, on either engine: `graph generate` is killed with SIGKILL (no chance
 * to clean up) after each delay, and the graph must then be the previous one or the complete
 * generated one, never a part (compared by counts and a checksum, tests/helpers/fingerprint.ts).
 */
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { projectPath } from '../../src/paths.js';

type Fingerprint = { nodes: number; relationships: number; checksum: string };

/** What each killed load left: 'previous' or 'complete'. */
export async function killLoadsAfter(
  delaysMs: number[],
  options: { env: NodeJS.ProcessEnv; previous: Fingerprint; fingerprint: () => Promise<Fingerprint> },
): Promise<('previous' | 'complete')[]> {
  const nodes = 20_000;
  const rels = 80_000;
  const outcomes: ('previous' | 'complete')[] = [];
  for (const delayMs of delaysMs) {
    const child = spawn(process.execPath, [projectPath('dist/src/cli.js'), 'generate', '--nodes', String(nodes), '--rels', String(rels)], { env: options.env, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, delayMs));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const now = await options.fingerprint();
    if (now.checksum === options.previous.checksum) outcomes.push('previous');
    else {
      // Not the old graph: then it must be the whole generated one.
      expect(now.nodes).toBeGreaterThanOrEqual(nodes);
      expect(now.relationships).toBeGreaterThanOrEqual(rels);
      outcomes.push('complete');
    }
  }
  return outcomes;
}
