import { TestClient } from '@deft/testing';
import { accessLog, app } from './hooks';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('docs/request-lifecycle.md', () => {
  it("shares the request's context and background tasks between a hook and the handler", async () => {
    const res = await new TestClient(app).get('/ping');
    expect(res.json()).toEqual({ pong: true });
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    await until(() => accessLog.length === 2);
    expect(accessLog).toEqual(['GET /ping', 'ping handled']);
    await app.close();
  });
});
