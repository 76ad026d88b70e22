import 'reflect-metadata';
import { IsIn, IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, createApp, dictOf, discriminatedUnion, Get, Patch, Path } from '@deft/core';

// #region exclude-unset
class Item {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() price: number = 10.5;
  @IsNumber() tax: number = 0;
}

const items: Record<string, Partial<Item>> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
};

@Controller()
class ItemsController {
  @Get('/items/{item_id}', { responseModel: Item, responseModelExcludeUnset: true })
  readItem(@Path('item_id') itemId: string) {
    return items[itemId];
  }

  @Patch('/items/{item_id}', { responseModel: Item, responseModelExcludeUnset: true })
  updateItem(@Path('item_id') _itemId: string, @Body() item: Item) {
    // `item` has every default (tax: 0), but only what the client sent is "set": that is what the client gets back.
    return item;
  }
}
// #endregion exclude-unset

// #region unions
class Cat {
  @IsIn(['cat']) pet_type!: 'cat';
  @IsString() meows!: string;
}

class Dog {
  @IsIn(['dog']) pet_type!: 'dog';
  @IsString() barks!: string;
}

@Controller()
class PetsController {
  @Get('/pets/{name}', { responseModel: discriminatedUnion('pet_type', { cat: Cat, dog: Dog }) })
  readPet(@Path('name') name: string) {
    return name === 'tom' ? { pet_type: 'cat', meows: 'loudly' } : { pet_type: 'dog', barks: 'at night' };
  }

  @Get('/weights', { responseModel: dictOf(Number) })
  weights() {
    return { foo: 2.3, bar: 3.4 };
  }
}
// #endregion unions

export const app = createApp({ controllers: [ItemsController, PetsController] });
