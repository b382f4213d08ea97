/** Display helpers shared by the explorer and the timeline. */

/** A stored date shown with the precision the source gives: 2017, 2017-06 or 2017-06-01. */
export function formatDate(date: string | null | undefined, precision?: string | null): string {
  if (!date) return '';
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date.slice(0, 10);
}

/** `POLICY` → `Policy`. */
export function typeName(type: string): string {
  return type.charAt(0) + type.slice(1).toLowerCase();
}

/** `ISSUED_BY` → `issued by`. */
export function relationName(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** Creates an element with attributes and children; text is always set as text, never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | number | boolean | undefined | null | ((e: Event) => void)> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (k === 'class') el.className = String(v);
    // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' styles allows.
    else if (k === 'style') el.style.cssText = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
