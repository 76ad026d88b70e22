import 'reflect-metadata';
import { IsInt, IsOptional, IsString, MinLength } from 'class-validator';
import { Controller, createApp, File, Form, Int, Post, UploadFile } from '@deft/core';
import { TestClient } from '@deft/testing';
import { clientFor } from '../support/client';
import { missing } from '../support/validation';

describe('form fields', () => {
  @Controller()
  class Login {
    @Post('/login/')
    login(
      @Form('username') username: string,
      @Form('password', { minLength: 3 }) password: string,
      @Form('remember', { type: Boolean, default: false }) remember: boolean,
      @Form('scopes', { type: [String], default: [] }) scopes: string[],
    ) {
      return { username, password, remember, scopes };
    }
  }
  const client = clientFor(Login);

  it('are read from a url-encoded body and converted', async () => {
    const res = await client.post('/login/', { form: { username: 'johndoe', password: 'secret', remember: 'on', scopes: ['me', 'items'] } });
    expect(res.json()).toEqual({ username: 'johndoe', password: 'secret', remember: true, scopes: ['me', 'items'] });
  });

  it('are read from a multipart body too', async () => {
    const res = await client.post('/login/', { form: { username: 'johndoe', password: 'secret' }, files: {} });
    expect(res.json()).toEqual({ username: 'johndoe', password: 'secret', remember: false, scopes: [] });
  });

  it('report missing and invalid fields under ["body", name]', async () => {
    const res = await client.post('/login/', { form: { password: 'ab' } });
    expect(res.json()).toEqual({
      detail: [
        missing('body', 'username'),
        { type: 'string_too_short', loc: ['body', 'password'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } },
      ],
    });
  });

  it('count an empty value as missing, so the default applies', async () => {
    const res = await client.post('/login/', { form: { username: '', password: 'secret', remember: '' } });
    expect(res.json()).toEqual({ detail: [missing('body', 'username')] });
    const withDefault = await client.post('/login/', { form: { username: 'a', password: 'secret', remember: '' } });
    expect(withDefault.json()).toMatchObject({ remember: false });
  });

  it('are all missing when the body is JSON or absent', async () => {
    const expected = { detail: [missing('body', 'username'), missing('body', 'password')] };
    expect((await client.post('/login/', { json: { username: 'a', password: 'secret' } })).json()).toEqual(expected);
    expect((await client.post('/login/')).json()).toEqual(expected);
  });
});

describe('a DTO-typed @Form()', () => {
  class FormData_ {
    @IsString() username!: string;
    @IsString() @MinLength(3) password!: string;
    @IsOptional() @IsInt() age?: number;
    @IsString({ each: true }) tags: string[] = [];
  }
  @Controller()
  class Signup {
    @Post('/signup')
    signup(@Form() data: FormData_) {
      return { data, isDto: data instanceof FormData_ };
    }
  }
  const client = clientFor(Signup);

  it('reads the whole form into the class, converting and collecting lists', async () => {
    const res = await client.post('/signup', { form: { username: 'jo', password: 'secret', age: '42', tags: ['a', 'b'] } });
    expect(res.json()).toEqual({ data: { username: 'jo', password: 'secret', age: 42, tags: ['a', 'b'] }, isDto: true });
  });

  it('reports errors under ["body", field], empty values counting as missing', async () => {
    const res = await client.post('/signup', { form: { username: '', password: 'ab', age: 'x' } });
    expect(res.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: { password: 'ab', age: 'x' } },
        { type: 'string_too_short', loc: ['body', 'password'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } },
        { type: 'int_parsing', loc: ['body', 'age'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'x' },
      ],
    });
  });
});

describe('files', () => {
  @Controller()
  class Uploads {
    @Post('/files/')
    bytes(@File('file') file: Buffer) {
      return { size: file.length, isBuffer: Buffer.isBuffer(file) };
    }
    @Post('/uploadfile/')
    async upload(@File('file') file: UploadFile) {
      return { filename: file.filename, contentType: file.contentType, size: file.size, text: await file.text(), read: (await file.read()).length };
    }
    @Post('/many/')
    many(@File('files', { type: [UploadFile] }) files: UploadFile[]) {
      return files.map((file) => file.filename);
    }
    @Post('/many-bytes/')
    manyBytes(@File('files', { type: [Buffer] }) files: Buffer[]) {
      return files.map((file) => file.toString());
    }
    @Post('/optional/')
    optional(@File('file', { type: UploadFile, default: null }) file: UploadFile | null) {
      return file === null ? 'No upload file sent' : file.filename;
    }
    @Post('/with-fields/')
    withFields(@File('file') file: Buffer, @File('fileb') fileb: UploadFile, @Form('token') token: string, @Form('count', { type: Int }) count: number) {
      return { fileSize: file.length, filebType: fileb.contentType, token, count };
    }
  }
  const client = clientFor(Uploads);

  it('arrive as a Buffer of their content', async () => {
    expect((await client.post('/files/', { files: { file: 'hello' } })).json()).toEqual({ size: 5, isBuffer: true });
  });

  it('arrive as an UploadFile with name, type, size and content', async () => {
    const res = await client.post('/uploadfile/', { files: { file: { filename: 'notes.txt', content: 'hello world', contentType: 'text/plain' } } });
    expect(res.json()).toEqual({ filename: 'notes.txt', contentType: 'text/plain', size: 11, text: 'hello world', read: 11 });
  });

  it('stream their content', async () => {
    @Controller()
    class Streaming {
      @Post('/stream')
      async stream(@File('file') file: UploadFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of file.stream()) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString();
      }
    }
    expect((await clientFor(Streaming).post('/stream', { files: { file: 'streamed' } })).json()).toBe('streamed');
  });

  it('are required, reported under ["body", name]', async () => {
    expect((await client.post('/uploadfile/', { form: { other: 'x' }, files: {} })).json()).toEqual({ detail: [missing('body', 'file')] });
    expect((await client.post('/files/')).json()).toEqual({ detail: [missing('body', 'file')] });
  });

  it('reject a plain field where a file is expected', async () => {
    const res = await client.post('/uploadfile/', { form: { file: 'not a file' }, files: { other: 'x' } });
    expect(res.json()).toEqual({
      detail: [{ type: 'value_error', loc: ['body', 'file'], msg: 'Value error, Expected UploadFile, received: string', input: 'not a file' }],
    });
  });

  it('collect several files of one name into a list', async () => {
    const files = { files: [{ filename: 'a.txt', content: '1' }, { filename: 'b.txt', content: '2' }] };
    expect((await client.post('/many/', { files })).json()).toEqual(['a.txt', 'b.txt']);
    expect((await client.post('/many-bytes/', { files })).json()).toEqual(['1', '2']);
    expect((await client.post('/many/', { files: { files: { filename: 'only.txt', content: '1' } } })).json()).toEqual(['only.txt']);
  });

  it('may be optional', async () => {
    expect((await client.post('/optional/')).json()).toBe('No upload file sent');
    expect((await client.post('/optional/', { files: { file: { filename: 'x.bin', content: 'x' } } })).json()).toBe('x.bin');
  });

  it('mix with form fields in one multipart body, all errors at once', async () => {
    const ok = await client.post('/with-fields/', {
      files: { file: 'abc', fileb: { filename: 'b.png', content: 'png', contentType: 'image/png' } },
      form: { token: 'foo', count: '2' },
    });
    expect(ok.json()).toEqual({ fileSize: 3, filebType: 'image/png', token: 'foo', count: 2 });
    const bad = await client.post('/with-fields/', { form: { count: 'x' }, files: {} });
    expect(bad.json()).toEqual({
      detail: [
        missing('body', 'file'),
        missing('body', 'fileb'),
        missing('body', 'token'),
        { type: 'int_parsing', loc: ['body', 'count'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'x' },
      ],
    });
  });

  it('larger than the app allows are refused with 413', async () => {
    const small = new TestClient(createApp({ controllers: [Uploads], limits: { fileSize: 4 }, fastify: { logger: false } }));
    const res = await small.post('/files/', { files: { file: 'more than four bytes' } });
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({ detail: 'A file is larger than 4 bytes (limits.fileSize)' });
  });
});
