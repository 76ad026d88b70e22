import 'reflect-metadata';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, Controller, createApp, Cookie, DeftError, errorCodes, File, Form, Get, Header, Path, Post, Query, UploadFile } from '@deft/core';
import { startupError } from '../support/client';

class Tag {
  @IsString() name!: string;
}

describe('start-up errors', () => {
  it('are DeftErrors whose code is in the registry and whose message starts with it', () => {
    @Controller()
    class Items {
      @Get('/items/{id}')
      read() {
        return 'no id';
      }
    }
    const error = startupError(Items);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DeftError');
    expect(Object.keys(errorCodes)).toContain(error.code);
    expect(error.message.startsWith(`${error.code}: `)).toBe(true);
    expect(error.summary).toBe(errorCodes[error.code]);
  });

  describe('DEFT_ERR_REFLECT_METADATA_MISSING', () => {
    it('says to import reflect-metadata first', () => {
      @Controller()
      class Items {}
      const reflect = Reflect as unknown as { getMetadata?: unknown };
      const original = reflect.getMetadata;
      delete reflect.getMetadata;
      try {
        expect(() => createApp({ controllers: [Items] })).toThrow(
          "DEFT_ERR_REFLECT_METADATA_MISSING: reflect-metadata is not loaded: add `import 'reflect-metadata';` as the first line of your entry point.",
        );
      } finally {
        reflect.getMetadata = original;
      }
    });
  });

  describe('DEFT_ERR_CONTROLLER_NOT_DECORATED', () => {
    it('names the class and says to add @Controller()', () => {
      class Plain {}
      const error = startupError(Plain);
      expect(error.code).toBe('DEFT_ERR_CONTROLLER_NOT_DECORATED');
      expect(error.message).toContain('Plain is listed in controllers but has no @Controller() decorator: add @Controller()');
    });
  });

  describe('DEFT_ERR_PARAM_TYPE_UNKNOWN', () => {
    it('names the parameter of a union type and says to give `type`', () => {
      @Controller()
      class Items {
        @Get('/items')
        list(@Query('skip') _skip: number, @Query('q') _q: string | null) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_PARAM_TYPE_UNKNOWN');
      expect(error.message).toContain('Items.list() parameter #1 is typed Object');
      expect(error.message).toContain('an interface, a union or `any`');
      expect(error.message).toContain('`type: Number`');
    });

    it('refuses a class where only scalars can come from the wire', () => {
      @Controller()
      class Items {
        @Get('/items')
        list(@Header('x-tag') _tag: Tag) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_PARAM_TYPE_UNKNOWN');
      expect(error.message).toContain('Items.list() parameter #0 is typed Tag, which cannot be converted from a header value');
    });

    it('refuses a list path parameter', () => {
      @Controller()
      class Items {
        @Get('/items/{ids}')
        read(@Path('ids', { type: [Number] }) _ids: number[]) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_PARAM_TYPE_UNKNOWN');
      expect(error.message).toContain('Items.read() parameter #0: a path parameter cannot be a list.');
    });
  });

  describe('DEFT_ERR_PARAM_UNDECORATED', () => {
    it('marks the parameter in the signature and lists the fixes', () => {
      @Controller()
      class Items {
        @Get('/items/{id}')
        read(@Path('id') _id: string, _q: string) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_PARAM_UNDECORATED');
      expect(error.message).toContain('Items.read() parameter #1 has no Deft decorator and a String cannot be injected by type.');
      expect(error.message).toContain('Items.read(String, >>String<<)');
      expect(error.message).toContain("@Query('name')");
    });
  });

  describe('DEFT_ERR_PARAM_DECORATED_TWICE', () => {
    it('names the parameter', () => {
      @Controller()
      class Items {
        @Get('/items')
        list(@Query('q') @Cookie('q') _q: string) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_PARAM_DECORATED_TWICE');
      expect(error.message).toContain('Items.list() parameter #0 has 2 Deft parameter decorators; keep exactly one.');
    });
  });

  describe('DEFT_ERR_PARAM_OPTIONS_INVALID', () => {
    it.each([
      [
        'required with a default',
        () => {
          @Controller()
          class Items {
            @Get('/items')
            list(@Query('q', { required: true, default: 'x' }) _q: string) {
              return [];
            }
          }
          return Items;
        },
        'Items.list() parameter #0 has both `required: true` and a `default`: keep one.',
      ],
      [
        'an optional path parameter',
        () => {
          @Controller()
          class Items {
            @Get('/items/{id}')
            read(@Path('id', { default: '1' }) _id: string) {
              return [];
            }
          }
          return Items;
        },
        'Items.read() parameter #0: path parameters are always required',
      ],
      [
        'a list type of two elements',
        () => {
          @Controller()
          class Items {
            @Get('/items')
            list(@Query('q', { type: [String, Number] as never }) _q: string[]) {
              return [];
            }
          }
          return Items;
        },
        'Items.list() parameter #0: a list type is written as a one-element array, e.g. `type: [Number]`.',
      ],
      [
        'an unnamed @Form() that is no DTO',
        () => {
          @Controller()
          class Login {
            @Post('/login')
            login(@Form() _username: string) {
              return [];
            }
          }
          return Login;
        },
        "Login.login() parameter #0: @Form() needs the field's name, e.g. @Form('username')",
      ],
      [
        'an invalid pattern',
        () => {
          @Controller()
          class Items {
            @Get('/items')
            list(@Query('q', { pattern: '(' }) _q: string) {
              return [];
            }
          }
          return Items;
        },
        'Items.list() parameter #0: pattern "(" is not a valid regular expression.',
      ],
      [
        'a nested DTO without @ValidateNested()',
        () => {
          class Item {
            @IsOptional() tag?: Tag;
          }
          @Controller()
          class Items {
            @Post('/items')
            create(@Body() _item: Item) {
              return [];
            }
          }
          return Items;
        },
        'Item.tag holds a Tag, but it has no @ValidateNested(): add @ValidateNested() and @Type(() => Tag)',
      ],
    ])('explains %s', (_case, define, message) => {
      const error = startupError(define());
      expect(error.code).toBe('DEFT_ERR_PARAM_OPTIONS_INVALID');
      expect(error.message).toContain(message);
    });
  });

  describe('DEFT_ERR_DESIGN_TYPES_MISSING', () => {
    it('asks for @Type() on a list of nested DTOs', () => {
      class Item {
        @ValidateNested({ each: true }) tags!: Tag[];
      }
      @Controller()
      class Items {
        @Post('/items')
        create(@Body() _item: Item) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_DESIGN_TYPES_MISSING');
      expect(error.message).toContain('Item.tags is a list validated with @ValidateNested(), but its element class is unknown: add @Type(() => ElementClass)');
    });
  });

  describe('path errors', () => {
    it('DEFT_ERR_PATH_PARAM_MISSING: a placeholder nobody reads', () => {
      @Controller('/users')
      class Users {
        @Get('/{user_id}/items/{item_id}')
        read(@Path('user_id') _userId: string) {
          return [];
        }
      }
      const error = startupError(Users);
      expect(error.code).toBe('DEFT_ERR_PATH_PARAM_MISSING');
      expect(error.message).toContain(
        "GET /users/{user_id}/items/{item_id} (Users.read): the path has {item_id} but no parameter reads it: add @Path('item_id')",
      );
    });

    it('DEFT_ERR_PATH_PARAM_NOT_IN_PATH: a @Path the path does not have', () => {
      @Controller()
      class Items {
        @Get('/items')
        read(@Path('item_id') _id: string) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_PATH_PARAM_NOT_IN_PATH');
      expect(error.message).toContain("GET /items (Items.read): @Path('item_id') names a placeholder the path does not have: add {item_id} to the path, or read the value with @Query('item_id').");
    });

    it.each([
      ['/items/{item-id}', '"{item-id}" in /items/{item-id} is not a valid placeholder'],
      ['/items/{id:int}', '"{id:int}" in /items/{id:int} is not a valid placeholder'],
      ['/items/{id}/{id}', 'placeholder {id} appears twice in /items/{id}/{id}'],
      ['/files/{p:path}/raw', '{p:path} must end the path /files/{p:path}/raw'],
      ['/items/{id', 'unbalanced braces in /items/{id'],
    ])('DEFT_ERR_PATH_INVALID: %s', (path, message) => {
      @Controller()
      class Items {
        @Get(path)
        read() {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_PATH_INVALID');
      expect(error.message).toContain(`(Items.read): ${message}`);
    });
  });

  describe('DEFT_ERR_ROUTE_DUPLICATE', () => {
    it('names both routes, whatever their placeholders are called', () => {
      @Controller('/items')
      class Items {
        @Get('/{item_id}')
        read(@Path('item_id') _id: string) {
          return [];
        }
      }
      @Controller()
      class Legacy {
        @Get('/items/{id}')
        old(@Path('id') _id: string) {
          return [];
        }
      }
      const error = startupError(Items, Legacy);
      expect(error.code).toBe('DEFT_ERR_ROUTE_DUPLICATE');
      expect(error.message).toContain('GET /items/{id} (Legacy.old) has the same method and path as GET /items/{item_id} (Items.read)');
    });
  });

  describe('body errors', () => {
    it('DEFT_ERR_BODY_UNNAMED: several bodies, one unnamed', () => {
      @Controller()
      class Items {
        @Post('/items')
        create(@Body() _item: Tag, @Body('importance', { type: Number }) _importance: number) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_BODY_UNNAMED');
      expect(error.message).toContain("POST /items (Items.create) has 2 body parameters and one is unnamed: name each (@Body('item'), @Body('user'))");
    });

    it('DEFT_ERR_BODY_MIXED: JSON and form in one route', () => {
      @Controller()
      class Items {
        @Post('/items')
        create(@Body() _item: Tag, @File('image') _image: UploadFile) {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_BODY_MIXED');
      expect(error.message).toContain('POST /items (Items.create) reads a JSON @Body and form fields (@Form/@File)');
    });
  });

  describe('DEFT_ERR_RESPONSE_MODEL_INVALID', () => {
    it.each([
      ['a built-in type that is no scalar', Map],
      ['a list of two classes', [Tag, Tag]],
    ])('refuses %s', (_case, model) => {
      @Controller()
      class Items {
        @Get('/items', { responseModel: model as never })
        list() {
          return [];
        }
      }
      const error = startupError(Items);
      expect(error.code).toBe('DEFT_ERR_RESPONSE_MODEL_INVALID');
      expect(error.message).toContain('GET /items (Items.list): responseModel must be a DTO class, a scalar type (String, Number, Int, Boolean, Date), a one-element array of a model (`[ItemOut]`)');
    });
  });

  it('are thrown by createApp, before anything listens', () => {
    @Controller()
    class Items {
      @Get('/items')
      list(@Query('q') _q: unknown) {
        return [];
      }
    }
    expect(() => createApp({ controllers: [Items] })).toThrow(DeftError);
  });
});
