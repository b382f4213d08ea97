/**
 * `scalar Date`: a calendar day written YYYY-MM-DD. Invalid input (wrong form or a day that
 * does not exist, such as 2017-02-30) is refused with BAD_USER_INPUT, whether it arrives as a
 * variable or written in the query. `scalar JSON` is graphql-scalars' JSON.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

/**
 * Thrown by the Date scalar. For a literal in the query graphql-js reports it during
 * validation, where Apollo labels every error GRAPHQL_VALIDATION_FAILED; errors.ts recognises
 * this class and answers BAD_USER_INPUT, as for a variable.
 */
export class BadDateError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(value: unknown) {
    super(`${JSON.stringify(value)} is not a date: write a real calendar day as YYYY-MM-DD, e.g. "2017-06-01"`);
    this.name = 'BadDateError';
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The value when it is a real day written YYYY-MM-DD; throws BadDateError otherwise. */
export function parseDay(value: unknown): string {
  const m = typeof value === 'string' ? ISO_DAY.exec(value) : null;
  if (!m) throw new BadDateError(value);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new BadDateError(value);
  }
  return value as string;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day, written YYYY-MM-DD. A date known only to its month or year is given as the first day of that period, with a precision beside it.',
  serialize(value) {
    if (typeof value !== 'string' || !ISO_DAY.test(value)) {
      // Our own data, not the user's: a bug to log, not a message to show.
      throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseValue: (value) => parseDay(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new BadDateError(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : ast.kind);
    return parseDay(ast.value);
  },
});

export const JSONScalar = GraphQLJSON;
