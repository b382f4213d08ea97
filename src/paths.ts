import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project folder, whether the code runs compiled from dist/ or as sources under vitest. */
export function projectRoot(): string {
  const here = fileURLToPath(import.meta.url);
  const cut = here.lastIndexOf('/dist/src/') >= 0 ? here.lastIndexOf('/dist/src/') : here.lastIndexOf('/src/');
  return here.slice(0, cut);
}

export const projectPath = (...parts: string[]) => join(projectRoot(), ...parts);
