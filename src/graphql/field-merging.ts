/**
 * What graphql-js's OverlappingFieldsCanBeMerged validation rule would cost on a document,
 * worked out in time linear in the document before that rule runs. The rule compares every
 * pair of fields that answer under the same name in the same place (through fragments too),
 * and their sub-fields pair by pair: its time is quadratic in how often one name is repeated.
 * `{ stats { nodeCount } … }` 480 times is 9.6 KB, well under the token cap, and held the event
 * loop for 0.7 to 1.2 s on a busy two-core machine; `__typename` 1,990 times, 2 million pairs.
 *
 * The estimate is an upper bound: fragments are spread in place (the rule remembers fragment
 * pairs it compared, so it may do less) and every root (each operation and each fragment
 * definition) is counted. It is found in two steps, both bounded: the expanded size of each
 * root, with each fragment measured once (so spreads nested in spreads cost nothing extra),
 * refused past `maxExpandedFields`; then, within that bound, the roots spread out and their
 * fields grouped by the path of names the answer would have. A group of n fields costs the rule
 * n(n-1)/2 comparisons.
 *
 * Apollo offers no place to refuse a parsed document before it validates (a plugin hook that
 * throws there gives a 500), so the HTTP edge asks FieldMergingGate first: it parses the text
 * (up to the same token cap), measures it and remembers the texts that passed, so that a client
 * repeating a query pays a map lookup.
 */
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { fragmentMeasure, fragmentsOf } from './fragment-measure.js';

export interface FieldMergingCost {
  /** Fields of every operation and fragment definition with their fragments spread in place. */
  expandedFields: number;
  /** Pairs of same-named fields the merging rule would compare, at most. */
  comparisons: number;
  /** The most repeated answer name and how often it appears (for the refusal's advice). */
  mostRepeated?: { path: string; count: number };
}

interface Group {
  count: number;
  children: Map<string, Group>;
}

/**
 * The cost, or `{ expandedFields }` alone (past `maxExpandedFields`) when the document spreads
 * out too far to be measured further: the caller refuses it either way.
 */
export function fieldMergingCost(document: DocumentNode, maxExpandedFields: number): FieldMergingCost {
  const fragments = fragmentsOf(document);
  const roots: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION || definition.kind === Kind.OPERATION_DEFINITION) roots.push(definition.selectionSet);
  }
  const cap = maxExpandedFields + 1;

  // Step 1: expanded sizes, saturating at the cap.
  const size = fragmentMeasure(fragments, 0, (set, measure) => {
    let fields = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields += 1 + measure.set(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields += measure.set(selection.selectionSet);
      else fields += measure.fragment(selection.name.value);
      if (fields >= cap) return cap;
    }
    return fields;
  });
  let expandedFields = 0;
  for (const root of roots) {
    expandedFields = Math.min(cap, expandedFields + size.set(root));
    if (expandedFields >= cap) return { expandedFields, comparisons: 0 };
  }

  // Step 2: group by answer path, at most `expandedFields` steps in all.
  let comparisons = 0;
  let mostRepeated: FieldMergingCost['mostRepeated'];
  const spreading = new Set<string>();
  const mergeInto = (groups: Map<string, Group>, set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        let group = groups.get(name);
        if (!group) groups.set(name, (group = { count: 0, children: new Map() }));
        group.count++;
        mergeInto(group.children, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        mergeInto(groups, selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || spreading.has(name)) continue;
        spreading.add(name);
        mergeInto(groups, fragment.selectionSet);
        spreading.delete(name);
      }
    }
  };
  const tally = (groups: Map<string, Group>, path: string) => {
    for (const [name, group] of groups) {
      comparisons += (group.count * (group.count - 1)) / 2;
      const here = path ? `${path}.${name}` : name;
      if (group.count > 1 && (!mostRepeated || group.count > mostRepeated.count)) mostRepeated = { path: here, count: group.count };
      tally(group.children, here);
    }
  };
  for (const root of roots) {
    const groups = new Map<string, Group>();
    mergeInto(groups, root);
    tally(groups, '');
  }
  return { expandedFields, comparisons, ...(mostRepeated ? { mostRepeated } : {}) };
}

export interface FieldMergingLimits {
  maxTokens: number;
  maxExpandedFields: number;
  maxFieldComparisons: number;
}

export interface FieldMergingRefusal {
  message: string;
  extensions: Record<string, unknown>;
}

/** Texts remembered as passed; longer ones are measured each time (they are rare and it is cheap). */
const REMEMBERED = 500;
const REMEMBERED_MAX_LENGTH = 10_000;

export class FieldMergingGate {
  private readonly passed = new Map<string, true>();

  constructor(private readonly limits: FieldMergingLimits) {}

  /** Why the query text is refused, or undefined (passed, or unreadable: Apollo's parser says why). */
  check(query: string): FieldMergingRefusal | undefined {
    // An infinite bound turns the gate off (tests of the limits behind it do).
    if (this.passed.has(query) || !Number.isFinite(this.limits.maxExpandedFields)) return undefined;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.limits.maxTokens, noLocation: true });
    } catch {
      return undefined;
    }
    const { maxExpandedFields, maxFieldComparisons } = this.limits;
    const cost = fieldMergingCost(document, maxExpandedFields);
    if (cost.expandedFields > maxExpandedFields) {
      return {
        message: `the document holds more than ${maxExpandedFields} fields once its fragments are spread: spread fewer fragments, or send several queries`,
        extensions: { limit: 'maxExpandedFields', maxExpandedFields },
      };
    }
    if (cost.comparisons > maxFieldComparisons) {
      const worst = cost.mostRepeated;
      return {
        message: `the query repeats fields too often${worst ? ` (${worst.path} ${worst.count} times)` : ''}: checking that the repeats agree would take ${cost.comparisons} comparisons, at most ${maxFieldComparisons} are allowed; ask for each field once`,
        extensions: { limit: 'maxFieldComparisons', comparisons: cost.comparisons, maxFieldComparisons },
      };
    }
    if (query.length <= REMEMBERED_MAX_LENGTH) {
      if (this.passed.size >= REMEMBERED) this.passed.delete(this.passed.keys().next().value!);
      this.passed.set(query, true);
    }
    return undefined;
  }
}
