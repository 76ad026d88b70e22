import { readSettings } from '../src/settings/load-settings';
import { startupBanner } from '../src/startup-banner';

describe('the start-up banner', () => {
  it('says where /docs is and how to log in', () => {
    const settings = readSettings({}, { dataDir: '/app/data' });
    expect(startupBanner('http://127.0.0.1:8000', 'SQLite /app/data/todo.sqlite', settings)).toBe(
      [
        'Todo API listening on http://127.0.0.1:8000 (SQLite /app/data/todo.sqlite)',
        '  Interactive docs: http://127.0.0.1:8000/docs  (ReDoc: http://127.0.0.1:8000/redoc)',
        '  Demo account:     johndoe / secret  (scopes: todos:read todos:write admin)',
        '  In /docs, click Authorize, log in with it, then try POST /todos and GET /todos.',
        '  JWT_SECRET is not set: tokens are signed with a random key and end when this process does.',
      ].join('\n'),
    );
  });

  it('mentions no demo account when none is seeded, nor the key when one is set', () => {
    const settings = readSettings({ SEED_DEMO_USER: 'false', JWT_SECRET: 'y'.repeat(32) }, { dataDir: '/app/data' });
    expect(startupBanner('http://0.0.0.0:80', 'PostgreSQL postgres://db/todo', settings).split('\n')).toHaveLength(2);
  });
});
