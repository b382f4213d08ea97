/**
 * The one door for ad hoc Cypher: the statement through the guard, its parameters (found by
 * the same parse) through the value checks. Both adapters call this before running anything.
 */
import { checkAdHocParams } from '../params.js';
import type { Engine, Params } from '../port.js';
import { checkAdHocStatement } from './checker.js';

export { checkAdHocStatement, warmUpGrammar } from './checker.js';
export type { CheckedStatement } from './guard.js';

export interface PreparedAdHoc {
  /** The canonical text the engine runs (not the text as sent). */
  text: string;
  params: Params;
}

export async function prepareAdHoc(text: string, params: Params, engine: Engine): Promise<PreparedAdHoc> {
  const checked = await checkAdHocStatement(text, engine);
  return { text: checked.text, params: checkAdHocParams(checked.parameters, params) };
}
