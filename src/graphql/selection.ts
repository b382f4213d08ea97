/**
 * What a request asks for below a field, where knowing it lets a resolver read less: the
 * document's selections, through inline and named fragments. Conservative: anything it cannot
 * tell (a field with a selection of its own) reads as "more than that".
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields of a selection set, through fragments (directives ignored: they can only leave fields out). */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: FieldNode[] = []): FieldNode[] {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) fieldsOf(s.selectionSet, info, out);
    else fieldsOf(info.fragments[s.name.value]?.selectionSet, info, out);
  }
  return out;
}

/**
 * True when, under the current field, every field named `children` asks only for fields of
 * `allowed`, none with a selection of its own (e.g. `firms { id name }`).
 */
export function asksOnly(info: GraphQLResolveInfo, children: readonly string[], allowed: ReadonlySet<string>): boolean {
  const top = info.fieldNodes.flatMap((f) => fieldsOf(f.selectionSet, info));
  return top
    .filter((f) => children.includes(f.name.value))
    .flatMap((f) => fieldsOf(f.selectionSet, info))
    .every((f) => allowed.has(f.name.value) && !f.selectionSet);
}
