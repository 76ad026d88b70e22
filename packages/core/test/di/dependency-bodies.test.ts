import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Body, Controller, createApp, defineDependency, Depends, Post } from '@deft/core';
import { TestClient } from '@deft/testing';

class Item {
  @IsString() data!: string;
}

describe('body parameters declared by dependencies', () => {
  const duplicateDependency = defineDependency({ item: Body('item', { type: Item }) }, ({ item }) => item);
  const dependency = defineDependency({ item2: Body('item2', { type: Item }) }, ({ item2 }) => item2);
  const subDuplicateDependency = defineDependency(
    { item: Body('item', { type: Item }), subItem: Depends(duplicateDependency) },
    ({ item, subItem }) => [item, subItem],
  );

  @Controller()
  class C {
    @Post('/with-duplicates')
    withDuplicates(@Body('item') item: Item, @Depends(duplicateDependency) item2: Item) {
      return [item, item2];
    }

    @Post('/no-duplicates')
    noDuplicates(@Body('item') item: Item, @Depends(dependency) item2: Item) {
      return [item, item2];
    }

    @Post('/with-duplicates-sub')
    withDuplicatesSub(@Body('item') item: Item, @Depends(subDuplicateDependency) subItems: Item[]) {
      return [item, subItems];
    }
  }

  const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));

  it('reads the same body parameter once for the handler and a dependency (the whole body)', async () => {
    expect((await client.post('/with-duplicates', { json: { data: 'myitem' } })).json()).toEqual([{ data: 'myitem' }, { data: 'myitem' }]);
    expect((await client.post('/with-duplicates-sub', { json: { data: 'myitem' } })).json()).toEqual([
      { data: 'myitem' },
      [{ data: 'myitem' }, { data: 'myitem' }],
    ]);
  });

  it('embeds the body when handler and dependency name different body parameters', async () => {
    const ok = await client.post('/no-duplicates', { json: { item: { data: 'myitem' }, item2: { data: 'myitem2' } } });
    expect(ok.json()).toEqual([{ data: 'myitem' }, { data: 'myitem2' }]);
    const missing = await client.post('/no-duplicates', { json: { item: { data: 'myitem' } } });
    expect(missing.status).toBe(422);
    expect(missing.json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'item2'], msg: 'Field required', input: null }] });
  });
});
