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

/**
 * GraphiQL 4 leaves a few accessibility gaps that axe reports as serious: its editors' hidden
 * textareas have no label, its scrolling editor panes cannot be focused, and its tabs nest the
 * close button inside the element with the tab role. They are mended on the rendered DOM
 * (watched, since GraphiQL re-renders), without changing what GraphiQL does.
 */
function mendAccessibility(root: HTMLElement) {
  const names: [string, string][] = [['.graphiql-query-editor', 'Query editor'], ['.graphiql-editor-tool', 'Variables or headers editor'], ['.graphiql-response', 'Result']];
  for (const [area, label] of names) {
    for (const t of Array.from(root.querySelectorAll<HTMLTextAreaElement>(`${area} textarea`))) if (!t.getAttribute('aria-label')) t.setAttribute('aria-label', label);
  }
  for (const s of Array.from(root.querySelectorAll<HTMLElement>('.CodeMirror-scroll'))) if (s.tabIndex !== 0) s.tabIndex = 0;
  // The tabs become plain buttons in a list (the open one aria-current): a tab role on an
  // element holding a close button is what axe refuses.
  for (const list of Array.from(root.querySelectorAll<HTMLElement>('.graphiql-tabs[role="tablist"], ul[role="tablist"]'))) list.setAttribute('role', 'list');
  for (const tab of Array.from(root.querySelectorAll<HTMLElement>('li.graphiql-tab'))) {
    if (tab.getAttribute('role') === 'tab') tab.removeAttribute('role');
    for (const a of ['aria-selected', 'aria-controls']) tab.removeAttribute(a);
    const button = tab.querySelector<HTMLElement>('.graphiql-tab-button');
    if (!button) continue;
    if (tab.classList.contains('graphiql-tab-active')) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}
if (mount) {
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mendAccessibility(mount);
    });
  }).observe(mount, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'role', 'tabindex'] });
}
