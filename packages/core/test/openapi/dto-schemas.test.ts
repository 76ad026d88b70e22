import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsDateString,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Body, Controller, Post } from '@deft/core';
import { documentOf } from './support';

enum Role {
  Admin = 'admin',
  User = 'user',
}

class Address {
  @IsString() street!: string;
  @IsOptional() @IsString() @Matches(/^\d{5}$/) zip?: string | null;
}

class Node {
  @IsString() name!: string;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Node) children?: Node[];
}

class UserIn {
  @IsString() @Length(3, 20) username!: string;
  @IsEmail() email!: string;
  @IsUUID('4') id!: string;
  @IsDateString() createdAt!: string;
  @IsOptional() @IsUrl() homepage?: string | null;
  @IsInt() @Min(0) @Max(150) age!: number;
  @IsNumber() @IsPositive() score!: number;
  @IsBoolean() active = true;
  @IsDate() @Type(() => Date) birthday!: Date;
  @IsEnum(Role) role!: Role;
  @IsIn(['s', 'm', 'l']) size!: string;
  @IsArray() @IsString({ each: true }) @MinLength(2, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(5) tags!: string[];
  @ValidateNested() @Type(() => Address) address!: Address;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Address) others?: Address[];
  @IsString() @MaxLength(200) bio = '';
}

@Controller()
class Users {
  @Post('/users')
  create(@Body() user: UserIn) {
    return user;
  }

  @Post('/trees')
  tree(@Body() node: Node) {
    return node;
  }
}

describe('DTO classes as components.schemas', () => {
  const schemas = documentOf(Users).components?.schemas ?? {};

  it('describes each class once, sorted by name, with the validation components', () => {
    expect(Object.keys(schemas)).toEqual(['Address', 'HTTPValidationError', 'Node', 'UserIn', 'ValidationError']);
  });

  it('turns class-validator metadata into JSON Schema keywords, in declaration order', () => {
    expect(schemas.UserIn).toEqual({
      properties: {
        username: { type: 'string', minLength: 3, maxLength: 20, title: 'Username' },
        email: { type: 'string', format: 'email', title: 'Email' },
        id: { type: 'string', format: 'uuid', title: 'Id' },
        createdAt: { type: 'string', format: 'date-time', title: 'Created At' },
        homepage: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }], title: 'Homepage' },
        age: { type: 'integer', minimum: 0, maximum: 150, title: 'Age' },
        score: { type: 'number', exclusiveMinimum: 0, title: 'Score' },
        active: { type: 'boolean', title: 'Active', default: true },
        birthday: { type: 'string', format: 'date-time', title: 'Birthday' },
        role: { enum: ['admin', 'user'], type: 'string', title: 'Role' },
        size: { enum: ['s', 'm', 'l'], type: 'string', title: 'Size' },
        tags: { items: { type: 'string', minLength: 2 }, type: 'array', minItems: 1, maxItems: 5, title: 'Tags' },
        address: { $ref: '#/components/schemas/Address' },
        others: { anyOf: [{ items: { $ref: '#/components/schemas/Address' }, type: 'array' }, { type: 'null' }], title: 'Others' },
        bio: { type: 'string', maxLength: 200, title: 'Bio', default: '' },
      },
      type: 'object',
      required: ['username', 'email', 'id', 'createdAt', 'age', 'score', 'birthday', 'role', 'size', 'tags', 'address'],
      title: 'UserIn',
    });
  });

  it('describes a nested class by $ref, optional fields as T | null with the constraints inside', () => {
    expect(schemas.Address).toEqual({
      properties: {
        street: { type: 'string', title: 'Street' },
        zip: { anyOf: [{ type: 'string', pattern: '^\\d{5}$' }, { type: 'null' }], title: 'Zip' },
      },
      type: 'object',
      required: ['street'],
      title: 'Address',
    });
  });

  it('describes a class that contains itself', () => {
    expect(schemas.Node).toEqual({
      properties: {
        name: { type: 'string', title: 'Name' },
        children: { anyOf: [{ items: { $ref: '#/components/schemas/Node' }, type: 'array' }, { type: 'null' }], title: 'Children' },
      },
      type: 'object',
      required: ['name'],
      title: 'Node',
    });
  });

  it('never uses OpenAPI 3.0 nullable', () => {
    expect(JSON.stringify(schemas)).not.toContain('nullable');
  });

  it('names a different class with a name already taken <Name>_2', () => {
    const make = () => {
      class Item {
        @IsString() name!: string;
      }
      return Item;
    };
    const First = make();
    const Second = make();
    @Controller()
    class Both {
      @Post('/a') a(@Body({ type: First }) item: InstanceType<typeof First>) {
        return item;
      }
      @Post('/b') b(@Body({ type: Second }) item: InstanceType<typeof Second>) {
        return item;
      }
    }
    const document = documentOf(Both);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(['HTTPValidationError', 'Item', 'Item_2', 'ValidationError']);
  });
});
