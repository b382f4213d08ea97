import { readSeeds } from './read.js';
import { validateSeeds, type ValidationResult } from './validate.js';

/** Reads and validates a seed folder: the graph is loadable only when `problems` is empty. */
export function checkSeedFolder(dir: string): ValidationResult {
  const { records, problems } = readSeeds(dir);
  return validateSeeds(records, problems);
}

export { loadGraph } from './load.js';
export { formatProblem } from './validate.js';
export type { GraphData } from './graph-data.js';
