import { bearer, type Scenario } from '../scenario';

export const chain: Scenario = {
  name: 'chain',
  description: 'GET /users/me: token → current user → active user; the response model drops hashed_password',
  load: [{ method: 'GET', path: '/users/me', headers: bearer('johndoe'), status: 200 }],
  checks: [
    { method: 'GET', path: '/users/me' },
    { method: 'GET', path: '/users/me', headers: bearer('nobody') },
    { method: 'GET', path: '/users/me', headers: bearer('alice') },
  ],
};
