/**
 * The browser side of the GraphQL API: one POST to /graphql on the same origin. GraphQL
 * errors become a thrown `GraphQLRequestError` carrying every message, for the page to show.
 */
export class GraphQLRequestError extends Error {
  constructor(message: string, readonly codes: string[] = []) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new GraphQLRequestError(`The server cannot be reached (${(e as Error).message}).`);
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new GraphQLRequestError(`The server answered ${response.status} without a GraphQL response.`);
  }
  if (body.errors?.length) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors.map((e) => e.extensions?.code ?? ''));
  }
  if (!body.data) throw new GraphQLRequestError(`The server answered ${response.status} without data.`);
  return body.data;
}
