import 'reflect-metadata';
import { Controller, createApp, Depends, Post } from '@deft/core';
import { OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict } from '@deft/security';
import { TestClient } from '@deft/testing';

@Controller()
class LoginController {
  @Post('/token')
  token(@Depends() form: OAuth2PasswordRequestForm) {
    return form;
  }

  @Post('/login')
  login(@Depends() form: OAuth2PasswordRequestFormStrict) {
    return form;
  }
}

const client = new TestClient(createApp({ controllers: [LoginController] }));

function missing(field: string) {
  return { type: 'missing', loc: ['body', field], msg: 'Field required', input: null };
}

function patternMismatch(input: string) {
  return { type: 'string_pattern_mismatch', loc: ['body', 'grant_type'], msg: "String should match pattern '^password$'", input, ctx: { pattern: '^password$' } };
}

describe('OAuth2PasswordRequestForm', () => {
  it('reads the form fields, splitting scope on whitespace', async () => {
    const res = await client.post('/token', {
      form: { grant_type: 'password', username: 'johndoe', password: 'secret', scope: ' me  items\tadmin ', client_id: 'app', client_secret: 'shh' },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ grantType: 'password', username: 'johndoe', password: 'secret', scopes: ['me', 'items', 'admin'], clientId: 'app', clientSecret: 'shh' });
  });

  it('defaults the optional fields', async () => {
    const res = await client.post('/token', { form: { username: 'johndoe', password: 'secret' } });
    expect(res.json()).toEqual({ grantType: null, username: 'johndoe', password: 'secret', scopes: [], clientId: null, clientSecret: null });
  });

  it('is a class dependency: the handler receives an instance', async () => {
    @Controller()
    class InstanceController {
      @Post('/token')
      token(@Depends() form: OAuth2PasswordRequestForm) {
        return { isForm: form instanceof OAuth2PasswordRequestForm };
      }
    }
    const res = await new TestClient(createApp({ controllers: [InstanceController] })).post('/token', { form: { username: 'u', password: 'p' } });
    expect(res.json()).toEqual({ isForm: true });
  });

  it('requires username and password; an empty value counts as missing', async () => {
    const empty = await client.post('/token');
    expect(empty.status).toBe(422);
    expect(empty.json()).toEqual({ detail: [missing('username'), missing('password')] });
    const blank = await client.post('/token', { form: { username: '', password: 'secret' } });
    expect(blank.json()).toEqual({ detail: [missing('username')] });
  });

  it('finds no fields in a JSON body', async () => {
    const res = await client.post('/token', { json: { username: 'johndoe', password: 'secret' } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [missing('username'), missing('password')] });
  });

  it.each(['incorrect', 'passwordblah', 'blahpassword'])('rejects grant_type=%s', async (grantType) => {
    const res = await client.post('/token', { form: { username: 'johndoe', password: 'secret', grant_type: grantType } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [patternMismatch(grantType)] });
  });
});

describe('OAuth2PasswordRequestFormStrict', () => {
  it('requires grant_type, username and password, in that order', async () => {
    const res = await client.post('/login');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [missing('grant_type'), missing('username'), missing('password')] });
  });

  it('requires grant_type even with a username and password', async () => {
    const res = await client.post('/login', { form: { username: 'johndoe', password: 'secret' } });
    expect(res.json()).toEqual({ detail: [missing('grant_type')] });
  });

  it.each(['incorrect', 'passwordblah', 'blahpassword'])('rejects grant_type=%s', async (grantType) => {
    const res = await client.post('/login', { form: { username: 'johndoe', password: 'secret', grant_type: grantType } });
    expect(res.json()).toEqual({ detail: [patternMismatch(grantType)] });
  });

  it('accepts grant_type=password', async () => {
    const res = await client.post('/login', { form: { username: 'johndoe', password: 'secret', grant_type: 'password' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ grantType: 'password', username: 'johndoe', password: 'secret', scopes: [], clientId: null, clientSecret: null });
  });
});
