/** The search box: hits as buttons (name, Chinese name, type); choosing one opens it and moves focus to its details. */
import { colourOf } from '../../palette.js';
import { debounce, h, typeName } from '../format.js';
import { gql } from '../gql.js';
import { SEARCH } from '../queries.js';
import type { SearchHit } from './types.js';

export function attachSearch(
  form: HTMLFormElement, input: HTMLInputElement, results: HTMLUListElement,
  choose: (id: string) => void, showError: (e: unknown) => void,
): void {
  let controller: AbortController | null = null;
  async function runSearch(text: string) {
    controller?.abort();
    if (text.trim().length < 2) {
      results.replaceChildren();
      results.hidden = true;
      return;
    }
    const mine = new AbortController();
    controller = mine;
    try {
      const data = await gql<{ search: SearchHit[] }>(SEARCH, { text: text.trim() }, mine.signal);
      results.hidden = false;
      results.replaceChildren(...(data.search.length
        ? data.search.map((hit) => h('li', {},
            h('button', {
              type: 'button', class: 'hit', 'data-id': hit.entity.id,
              onclick: () => {
                results.hidden = true;
                choose(hit.entity.id);
                // Focus follows the choice: to the details of what was chosen.
                setTimeout(() => document.getElementById('details-title')?.focus(), 400);
              },
            },
            h('span', { class: 'dot', style: `background:${colourOf(hit.entity.type)}` }),
            h('span', { class: 'hit-name' }, hit.entity.name),
            hit.entity.nameZh ? h('span', { class: 'zh', lang: 'zh' }, ` ${hit.entity.nameZh}`) : null,
            h('span', { class: 'hit-type' }, typeName(hit.entity.type)))))
        : [h('li', { class: 'muted' }, `Nothing found for “${text.trim()}”.`)]));
    } catch (e) {
      showError(e);
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void runSearch(input.value);
  });
  input.addEventListener('input', debounce(() => void runSearch(input.value), 250));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') results.hidden = true;
  });
}
