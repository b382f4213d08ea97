/**
 * What an operation costs, worked out from the document before anything runs, in one pass
 * whose time is linear in the document's size:
 * - each fragment is priced once (for its type condition) and its price reused at every spread,
 *   so fragments spread inside fragments cost a lookup each, however they fan out;
 * - a list costs its expected length times its items (`first` when the field has it, its
 *   default included; UNPAGED_LIST_ESTIMATE otherwise); a field with its own rule (type-graphql's
 *   `complexity` option) is priced by it; introspection costs nothing;
 * - `cypher` fields are counted through every spread, for the per-operation cap.
 *
 * It fails closed: a price that is not a finite number (2^300 spreads, a rule that returns
 * nonsense) is over any budget, and the caller refuses a document it cannot price at all.
 */
import {
  getArgumentValues, getDirectiveValues, getNamedType, getNullableType, GraphQLIncludeDirective, GraphQLSkipDirective,
  isAbstractType, isCompositeType, isListType, isObjectType, isInterfaceType, Kind, getVariableValues,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField,
  type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { UserInputError } from './errors.js';

/** How many items a list without a `first` argument is expected to hold, for the budget. */
export const UNPAGED_LIST_ESTIMATE = 5;

export interface Price {
  /** The operation's complexity: compared with Limits.maxComplexity. */
  cost: number;
  /** How many times the operation asks for the `cypher` field. */
  cypher: number;
}

const FREE: Price = { cost: 0, cypher: 0 };

/** The shape of type-graphql's `complexity` option, as graphql-query-complexity defined it. */
type FieldRule = number | ((options: { args: Record<string, unknown>; childComplexity: number; field: GraphQLField<unknown, unknown>; node: FieldNode; type: GraphQLCompositeType }) => number);

/**
 * The price of `operation` (default: the one `operationName` names, or the only one) with its
 * variables. Variables that do not coerce are refused here, with BAD_USER_INPUT, as execution
 * would refuse them: an operation is never run unpriced.
 */
export function priceOperation(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown> | undefined,
): Price {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (coerced.errors) {
    throw new UserInputError(coerced.errors[0]!.message, { http: { status: 400 } });
  }
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const fragmentPrices = new Map<string, Price>();
  const pricing = new Set<string>();
  const queryType = schema.getQueryType();

  const included = (node: { directives?: readonly import('graphql').DirectiveNode[] }) => {
    if (!node.directives?.length) return true;
    // Both read with the coerced variables; a directive that cannot be read counts as "included".
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
    } catch {
      return true;
    }
    return true;
  };

  const fragmentPrice = (name: string): Price => {
    const known = fragmentPrices.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation refuses unknown fragments and cycles first; met here anyway, the document is not priceable.
    if (!fragment || pricing.has(name)) throw new Unpriceable(`fragment ${name} is unknown or spreads itself`);
    pricing.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) throw new Unpriceable(`fragment ${name} is on ${fragment.typeCondition.name.value}, which is not an object, interface or union`);
    const price = selectionSetPrice(fragment.selectionSet, type);
    pricing.delete(name);
    fragmentPrices.set(name, price);
    return price;
  };

  /**
   * Fields apply whatever the concrete type; a fragment applies to the concrete types of its
   * condition. The set costs what its dearest concrete type would make it cost.
   */
  const selectionSetPrice = (set: SelectionSetNode, parent: GraphQLNamedType): Price => {
    let common: Price = FREE;
    const conditional: { types: Set<string>; price: Price }[] = [];
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        common = add(common, fieldPrice(selection, parent));
      } else {
        const typeName = selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value ?? parent.name
          : fragments.get(selection.name.value)?.typeCondition.name.value ?? parent.name;
        const type = schema.getType(typeName);
        if (!type || !isCompositeType(type)) throw new Unpriceable(`a fragment on ${typeName}, which is not an object, interface or union`);
        const price = selection.kind === Kind.INLINE_FRAGMENT ? selectionSetPrice(selection.selectionSet, type) : fragmentPrice(selection.name.value);
        conditional.push({ types: concreteNames(schema, type), price });
      }
    }
    if (!conditional.length) return common;
    let dearest: Price = FREE;
    const candidates = isCompositeType(parent) ? concreteNames(schema, parent) : new Set([parent.name]);
    for (const name of candidates) {
      let total = common;
      for (const c of conditional) if (c.types.has(name)) total = add(total, c.price);
      dearest = { cost: Math.max(dearest.cost, total.cost), cypher: Math.max(dearest.cypher, total.cypher) };
    }
    // Spreads whose type the parent cannot be are refused by validation; counted anyway, cypher included.
    return dearest;
  };

  const fieldPrice = (node: FieldNode, parent: GraphQLNamedType): Price => {
    const name = node.name.value;
    // Introspection is not data: the playground must be able to read the schema.
    if (name.startsWith('__')) return FREE;
    if (!isObjectType(parent) && !isInterfaceType(parent)) throw new Unpriceable(`field ${name} on ${parent.name}`);
    const field = parent.getFields()[name];
    if (!field) throw new Unpriceable(`unknown field ${parent.name}.${name}`);
    const child = node.selectionSet ? selectionSetPrice(node.selectionSet, getNamedType(field.type)) : FREE;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      // Arguments that do not coerce (a date that does not exist …): execution refuses the field
      // before its resolver runs, so it costs one, and nothing below it runs either.
      return { cost: 1, cypher: 0 };
    }
    const cost = fieldCost(field, node, parent as GraphQLCompositeType, args, child.cost);
    const cypher = child.cypher + (parent === queryType && name === 'cypher' ? 1 : 0);
    return { cost, cypher };
  };

  return selectionSetPrice(operation.selectionSet, queryType!);
}

function fieldCost(field: GraphQLField<unknown, unknown>, node: FieldNode, type: GraphQLCompositeType, args: Record<string, unknown>, child: number): number {
  const rule = field.extensions?.complexity as FieldRule | undefined;
  if (typeof rule === 'number') return rule + child;
  if (typeof rule === 'function') return rule({ args, childComplexity: child, field, node, type });
  if (isListType(getNullableType(field.type))) {
    // A list of scalars (aliases, via) is one value.
    if (!isCompositeType(getNamedType(field.type))) return 1;
    const items = typeof args.first === 'number' ? Math.max(args.first, 1) : UNPAGED_LIST_ESTIMATE;
    return 1 + items * child;
  }
  return 1 + child;
}

const add = (a: Price, b: Price): Price => ({ cost: a.cost + b.cost, cypher: a.cypher + b.cypher });

const concreteCache = new WeakMap<GraphQLNamedType, Set<string>>();
function concreteNames(schema: GraphQLSchema, type: GraphQLNamedType): Set<string> {
  let names = concreteCache.get(type);
  if (!names) {
    names = new Set(isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name]);
    concreteCache.set(type, names);
  }
  return names;
}

/** The document holds something the pricing does not know how to price: it is refused. */
export class Unpriceable extends Error {}
