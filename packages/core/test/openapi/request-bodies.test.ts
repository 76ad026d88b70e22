import 'reflect-metadata';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Depends, File, Form, Get, Post, Put, UploadFile } from '@deft/core';
import { documentOf, operationOf } from './support';

class Item {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

class User {
  @IsString() username!: string;
  @IsOptional() @IsString() fullName?: string | null;
}

class LoginForm {
  constructor(
    @Form('grant_type', { type: String, default: null, pattern: '^password$' }) readonly grantType: string | null,
    @Form('username') readonly username: string,
    @Form('password') readonly password: string,
    @Form('scope', { default: '' }) readonly scope: string,
  ) {}
}

@Controller()
class Bodies {
  @Post('/items/')
  createItem(@Body() item: Item) {
    return item;
  }

  @Put('/items/optional')
  maybeItem(@Body({ type: Item, required: false }) item: Item | undefined) {
    return item ?? null;
  }

  @Put('/both')
  both(@Body('item') item: Item, @Body('user') user: User, @Body('importance', { type: Number, gt: 0 }) importance: number) {
    return { item, user, importance };
  }

  @Put('/embedded')
  embedded(@Body('item', { embed: true }) item: Item) {
    return item;
  }

  @Post('/token')
  login(@Depends() form: LoginForm) {
    return form;
  }

  @Post('/profile')
  profile(@Form() user: User) {
    return user;
  }

  @Post('/files/')
  createFile(@File('file', { type: Buffer }) file: Buffer, @File('fileb') fileb: UploadFile, @Form('token') token: string) {
    return { size: file.length, type: fileb.contentType, token };
  }

  @Get('/no-body')
  noBody() {
    return {};
  }
}

describe('request bodies', () => {
  const document = documentOf(Bodies);
  const schemas = document.components?.schemas ?? {};

  it('documents one JSON body as a $ref to its class, required', () => {
    expect(operationOf(document, '/items/', 'post').requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
      required: true,
    });
  });

  it('documents an optional body without required', () => {
    expect(operationOf(document, '/items/optional', 'put').requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
    });
  });

  it('embeds several body parameters in Body_<operationId>', () => {
    expect(operationOf(document, '/both', 'put').requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Body_both_both_put' } } },
      required: true,
    });
    expect(schemas.Body_both_both_put).toEqual({
      properties: {
        item: { $ref: '#/components/schemas/Item' },
        user: { $ref: '#/components/schemas/User' },
        importance: { type: 'number', exclusiveMinimum: 0, title: 'Importance' },
      },
      type: 'object',
      required: ['item', 'user', 'importance'],
      title: 'Body_both_both_put',
    });
  });

  it('embeds a single body parameter with embed: true', () => {
    expect(schemas.Body_embedded_embedded_put).toEqual({
      properties: { item: { $ref: '#/components/schemas/Item' } },
      type: 'object',
      required: ['item'],
      title: 'Body_embedded_embedded_put',
    });
  });

  it('documents form fields of a dependency as a form-urlencoded Body_<operationId>', () => {
    expect(operationOf(document, '/token', 'post').requestBody).toEqual({
      content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Body_login_token_post' } } },
      required: true,
    });
    expect(schemas.Body_login_token_post).toEqual({
      properties: {
        grant_type: { anyOf: [{ type: 'string', pattern: '^password$' }, { type: 'null' }], title: 'Grant Type' },
        username: { type: 'string', title: 'Username' },
        password: { type: 'string', title: 'Password' },
        scope: { type: 'string', title: 'Scope', default: '' },
      },
      type: 'object',
      required: ['username', 'password'],
      title: 'Body_login_token_post',
    });
  });

  it('documents a form model by $ref', () => {
    expect(operationOf(document, '/profile', 'post').requestBody).toEqual({
      content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/User' } } },
      required: true,
    });
  });

  it('documents files as multipart/form-data with binary fields', () => {
    expect(operationOf(document, '/files/', 'post').requestBody).toEqual({
      content: { 'multipart/form-data': { schema: { $ref: '#/components/schemas/Body_create_file_files__post' } } },
      required: true,
    });
    expect(schemas.Body_create_file_files__post).toEqual({
      properties: {
        file: { type: 'string', contentMediaType: 'application/octet-stream', title: 'File' },
        fileb: { type: 'string', contentMediaType: 'application/octet-stream', title: 'Fileb' },
        token: { type: 'string', title: 'Token' },
      },
      type: 'object',
      required: ['file', 'fileb', 'token'],
      title: 'Body_create_file_files__post',
    });
  });

  it('has no requestBody when nothing reads the body', () => {
    expect(operationOf(document, '/no-body', 'get')).not.toHaveProperty('requestBody');
  });
});
