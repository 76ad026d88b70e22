import { bearer, type Scenario } from '../scenario';

export const seed: Scenario = {
  name: 'seed',
  description: "GET /items/ behind OAuth2PasswordBearer (FastAPI's security first steps)",
  load: [{ method: 'GET', path: '/items/', headers: bearer('foobar'), status: 200 }],
  checks: [
    { method: 'GET', path: '/items/' },
    { method: 'GET', path: '/items/', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
    { method: 'GET', path: '/items/', headers: { authorization: 'bearer lower-case-scheme' } },
  ],
};
