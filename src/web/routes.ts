// Placeholder until the explorer lands: the server asks this module first for every
// request it does not serve itself. Replaced by the explorer's routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store/port.js';

export interface WebDeps {
  store: Store;
  production: boolean;
}

export async function handleWebRequest(_req: IncomingMessage, _res: ServerResponse, _deps: WebDeps): Promise<boolean> {
  return false;
}
