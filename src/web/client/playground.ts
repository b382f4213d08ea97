/**
 * The GraphQL playground: GraphiQL 4 from npm, bundled at build time, talking to /graphql on
 * the same origin. Nothing is fetched from elsewhere (GraphiQL's fonts are inlined in its CSS).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { Fetcher, FetcherParams } from '@graphiql/toolkit';
import { Kind, parse } from 'graphql';
import { EXAMPLES } from './playground-examples.js';

/**
 * GraphiQL updates the operation name a moment after the editor changes, so a query run right
 * after switching tabs or editing can go out with the previous tab's name and be refused
 * ("Unknown operation named …"). A name the document does not define is corrected here: to
 * the document's only operation, or left out.
 */
export function currentOperationName(params: FetcherParams): FetcherParams {
  if (!params.operationName) return params;
  let names: (string | undefined)[];
  try {
    names = parse(params.query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : []));
  } catch {
    return params;
  }
  if (names.includes(params.operationName)) return params;
  return { ...params, operationName: names.length === 1 ? names[0] ?? null : null };
}

const fetcher: Fetcher = async (raw, options) => {
  const params = currentOperationName(raw);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { ...(options?.headers ?? {}), 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Not a GraphQL answer (a proxy's error page, a server that is down): say so in the result pane.
    return { errors: [{ message: `The server answered ${response.status} ${response.statusText} without a GraphQL response.` }] };
  }
};

const mount = document.getElementById('graphiql');
if (mount) {
  createRoot(mount).render(
    createElement(GraphiQL, {
      fetcher,
      defaultTabs: EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ?? null })),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'variables',
    }),
  );
}
