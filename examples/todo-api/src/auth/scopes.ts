import { OAuth2PasswordBearer } from '@deft/security';

/** The OAuth2 scopes this API knows, with what Swagger UI's Authorize dialog shows for each. */
export const scopes = {
  'todos:read': 'Read your todos',
  'todos:write': 'Create, change and delete your todos',
  admin: 'See every account',
} as const;

export type Scope = keyof typeof scopes;

/** What a new account may ask for; `admin` is given only by the seed (or by hand in the database). */
export const defaultScopes: readonly Scope[] = ['todos:read', 'todos:write'];

/**
 * Bearer tokens from the password flow. `tokenUrl` is relative, as the
 * OpenAPI document is served at the root: Swagger UI resolves it against
 * `/openapi.json` to `/auth/token`, and keeps working behind a path prefix.
 */
export const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'auth/token', scopes });
