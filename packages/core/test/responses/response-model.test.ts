import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEmail, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Controller, Get } from '@deft/core';
import { clientFor } from '../support/client';

class Address {
  @IsString() city!: string;
}

class UserOut {
  @IsString() username!: string;
  @IsOptional() @IsEmail() email?: string | null;
  @IsOptional() @ValidateNested() @Type(() => Address) address?: Address;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => UserOut) friends?: UserOut[];
}

class UserInDb {
  constructor(
    readonly username: string,
    readonly hashed_password: string,
    readonly email: string | null = null,
  ) {}
  get address() {
    return { city: 'Paris', geo: 'secret coordinates' };
  }
}

class Named {
  @IsString() name!: string;
}

class Priced extends Named {
  @IsNumber() price!: number;
}

const stored = {
  username: 'johndoe',
  hashed_password: 'fakehashedsecret',
  email: 'john@example.com',
  address: { city: 'Lyon', street: '1 rue de la Paix' },
  friends: [{ username: 'alice', hashed_password: 'x', friends: [{ username: 'bob', hashed_password: 'y' }] }],
};

@Controller()
class Users {
  @Get('/users/me', { responseModel: UserOut })
  me() {
    return stored;
  }
  @Get('/users/', { responseModel: [UserOut] })
  list() {
    return [stored, { username: 'jane', hashed_password: 'z', email: null }];
  }
  @Get('/users/instance', { responseModel: UserOut })
  instance() {
    return new UserInDb('ann', 'hash');
  }
  @Get('/users/none', { responseModel: UserOut })
  none() {
    return null;
  }
  @Get('/priced', { responseModel: Priced })
  priced() {
    return { price: 1, cost: 0.5, name: 'Foo' };
  }
}
const client = clientFor(Users);

const bob = { username: 'bob', email: null, address: null, friends: null };
const alice = { username: 'alice', email: null, address: null, friends: [bob] };

describe('responseModel', () => {
  it("keeps only the model's declared fields, at every depth, and fills the optional ones it lacks with null", async () => {
    const res = await client.get('/users/me');
    expect(res.json()).toEqual({
      username: 'johndoe',
      email: 'john@example.com',
      address: { city: 'Lyon' },
      friends: [alice],
    });
    expect(res.text).not.toContain('hashed_password');
  });

  it('filters each element of a list model', async () => {
    const res = await client.get('/users/');
    expect(res.json()).toEqual([
      { username: 'johndoe', email: 'john@example.com', address: { city: 'Lyon' }, friends: [alice] },
      { username: 'jane', email: null, address: null, friends: null },
    ]);
    expect(res.text).not.toContain('hashed_password');
  });

  it('reads class instances, getters included', async () => {
    expect((await client.get('/users/instance')).json()).toEqual({ username: 'ann', email: null, address: { city: 'Paris' }, friends: null });
  });

  it('answers 500 for null, which is no UserOut (as FastAPI does)', async () => {
    const res = await client.get('/users/none');
    expect([res.status, res.text]).toEqual([500, '{"detail":"Internal Server Error"}']);
  });

  it('sends fields in declaration order, inherited ones first', async () => {
    expect((await client.get('/priced')).text).toBe('{"name":"Foo","price":1}');
  });
});
