import { fileURLToPath } from 'node:url';

/**
 * The compiled file beside a module: `new URL(name, moduleUrl)` when running from dist/, and
 * the same file under dist/ when the module runs as TypeScript source (vitest). Worker
 * threads and child processes need JavaScript.
 */
export function compiledSibling(moduleUrl: string, name: string): string {
  const path = fileURLToPath(new URL(name, moduleUrl));
  if (moduleUrl.endsWith('.js')) return path;
  const cut = path.lastIndexOf('/src/');
  return `${path.slice(0, cut)}/dist${path.slice(cut)}`;
}
