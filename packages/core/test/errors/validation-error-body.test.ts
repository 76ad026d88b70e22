import 'reflect-metadata';
import { IsInt, IsString } from 'class-validator';
import { Body, Controller, createApp, Post, RequestValidationError } from '@deft/core';
import { TestClient } from '@deft/testing';

class Item {
  @IsString() title!: string;
  @IsInt() size!: number;
}

@Controller()
class Items {
  @Post('/items/')
  create(@Body() item: Item) {
    return item;
  }
}

describe('RequestValidationError', () => {
  it('carries the parsed body, so a handler can echo it back (FastAPI exc.body)', async () => {
    const app = createApp({ controllers: [Items], fastify: { logger: false } });
    app.exceptionHandler(RequestValidationError, (error, _request, reply) =>
      reply.code(422).send({ detail: error.errors, body: error.body }),
    );
    const res = await new TestClient(app).post('/items/', { json: { title: 'towel', size: 'XL' } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [{ type: 'int_parsing', loc: ['body', 'size'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'XL' }],
      body: { title: 'towel', size: 'XL' },
    });
  });
});
