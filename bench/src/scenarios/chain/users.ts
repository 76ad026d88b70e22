/** The stored user, as a database would hold it; `hashed_password` must never reach a client. */
export interface UserRecord {
  username: string;
  email: string;
  full_name: string;
  disabled: boolean;
  hashed_password: string;
}

/** The fake user table of the chain scenario; the token is the username, as in FastAPI's tutorial. */
const USERS: ReadonlyMap<string, UserRecord> = new Map([
  ['johndoe', { username: 'johndoe', email: 'johndoe@example.com', full_name: 'John Doe', disabled: false, hashed_password: 'fakehashedsecret' }],
  ['alice', { username: 'alice', email: 'alice@example.com', full_name: 'Alice Wonderson', disabled: true, hashed_password: 'fakehashedsecret2' }],
]);

export function findUser(token: string): UserRecord | undefined {
  return USERS.get(token);
}

export const INVALID_CREDENTIALS = 'Invalid authentication credentials';
export const INACTIVE_USER = 'Inactive user';
