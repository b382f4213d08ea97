/**
 * Measuring a GraphQL document through its fragments in time linear in the document: each named
 * fragment is measured once and the figure reused at every spread, however fragments spread
 * inside fragments (a walk that re-entered a fragment at each spread is exponential: a 1 KB query
 * held the event loop for seconds). The depth rule (limits.ts) and the field-merging gate
 * (field-merging.ts) measure different things this way.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

export interface FragmentMeasure<T> {
  /** The measure of a selection set (`none` for no set). */
  set(selectionSet: SelectionSetNode | undefined): T;
  /** The measure of a named fragment's selection set, worked out once. */
  fragment(name: string): T;
}

/**
 * `ofSet` measures one selection set, asking `measure.set` for nested sets and
 * `measure.fragment` for spreads. Unknown fragments and cycles measure `none`: graphql's own
 * rules (KnownFragmentNames, NoFragmentCycles) report them.
 */
export function fragmentMeasure<T>(fragments: Map<string, FragmentDefinitionNode>, none: T, ofSet: (selectionSet: SelectionSetNode, measure: FragmentMeasure<T>) => T): FragmentMeasure<T> {
  const known = new Map<string, T>();
  const measuring = new Set<string>();
  const measure: FragmentMeasure<T> = {
    set: (selectionSet) => (selectionSet ? ofSet(selectionSet, measure) : none),
    fragment: (name) => {
      const figure = known.get(name);
      if (figure !== undefined) return figure;
      const fragment = fragments.get(name);
      if (!fragment || measuring.has(name)) return none;
      measuring.add(name);
      const measured = ofSet(fragment.selectionSet, measure);
      measuring.delete(name);
      known.set(name, measured);
      return measured;
    },
  };
  return measure;
}
