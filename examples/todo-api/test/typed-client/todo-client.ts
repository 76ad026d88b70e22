// #region client
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './todo-api';

export type TodoOut = components['schemas']['TodoOut'];

/** A typed client of the todo API: paths, parameters, bodies and answers are checked by the compiler. */
export function todoClient(baseUrl: string): Client<paths> {
  return createClient<paths>({ baseUrl });
}

/** Logs in with the OAuth2 password form and keeps the token for every later call. */
export async function logIn(client: Client<paths>, username: string, password: string): Promise<void> {
  const { data, error } = await client.POST('/auth/token', {
    body: { username, password, scope: 'todos:read todos:write' },
    bodySerializer: (form) => new URLSearchParams(form as Record<string, string>),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (!data) throw new Error(`could not log in: ${JSON.stringify(error)}`);
  client.use({ onRequest: ({ request }) => (request.headers.set('authorization', `Bearer ${data.access_token}`), request) });
}

/** Creates a todo, then lists the open ones whose title contains `q`. */
export async function createAndFind(client: Client<paths>, title: string, q: string): Promise<TodoOut[]> {
  const created = await client.POST('/todos', { body: { title } });
  if (created.error) throw new Error(`could not create: ${JSON.stringify(created.error)}`);
  const { data, error } = await client.GET('/todos', { params: { query: { q, done: false, limit: 10 } } });
  if (!data) throw new Error(`could not list: ${JSON.stringify(error)}`);
  return data.items;
}
// #endregion client
