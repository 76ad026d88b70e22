import { relativeUrl } from '../../src/openapi/relative-url';
import { snakeCase, titleFromName } from '../../src/openapi/names';

describe('relativeUrl', () => {
  it.each([
    ['/docs', '/openapi.json', 'openapi.json'],
    ['/docs', '/docs/assets/x.js', 'docs/assets/x.js'],
    ['/api/docs', '/api/openapi.json', 'openapi.json'],
    ['/api/v1/docs', '/openapi.json', '../../openapi.json'],
    ['/reference/redoc', '/reference/redoc/assets/r.js', 'redoc/assets/r.js'],
    ['/docs/', '/docs/assets/x.js', 'assets/x.js'],
    ['/docs', '/', './'],
    ['/docs', '/a:b', './a:b'],
  ])('from %s to %s is %s', (page, target, expected) => {
    expect(relativeUrl(page, target)).toBe(expected);
    expect(new URL(expected, `http://host${page}`).pathname).toBe(target);
  });
});

describe('names', () => {
  it.each([
    ['readItems', 'Read Items', 'read_items'],
    ['read_items', 'Read Items', 'read_items'],
    ['readUsersMe', 'Read Users Me', 'read_users_me'],
    ['getHTTPStatus', 'Get Http Status', 'get_http_status'],
    ['login', 'Login', 'login'],
    ['x-request-source', 'X-Request-Source', 'x-request-source'],
  ])('%s reads as %s and %s', (name, title, snake) => {
    expect(titleFromName(name)).toBe(title);
    expect(snakeCase(name)).toBe(snake);
  });
});
