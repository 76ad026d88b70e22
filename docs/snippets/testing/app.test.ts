import { TestClient, withOverrides } from '@deft/testing';
import { app, commonParameters, currentUser } from './app';

// #region client
const client = new TestClient(app);

test('reads items', async () => {
  const response = await client.get('/items/', { query: { q: 'foo' } });
  expect(response.status).toBe(200);
  expect(response.json()).toEqual({ message: 'Hello Items!', params: { q: 'foo', skip: 0 } });
});
// #endregion client

// #region overrides
afterEach(() => app.dependencyOverrides.clear());

test('overrides a dependency', async () => {
  app.dependencyOverrides.set(commonParameters, () => ({ q: null, skip: 5 }));
  const response = await client.get('/items/', { query: { skip: 'not a number' } });
  expect(response.json()).toEqual({ message: 'Hello Items!', params: { q: null, skip: 5 } });
});
// #endregion overrides

// #region with-overrides
test('logs in as a fake user for one block only', async () => {
  await withOverrides(app, [[currentUser, () => ({ name: 'Test User' })]], async () => {
    expect((await client.get('/me')).json()).toEqual({ name: 'Test User' });
  });
  expect((await client.get('/me')).status).toBe(422);
});
// #endregion with-overrides
