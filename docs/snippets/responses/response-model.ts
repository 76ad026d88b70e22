import 'reflect-metadata';
import { Body, Controller, createApp, Get, Post } from '@deft/core';
// #region models
import { IsEmail, IsOptional, IsString } from 'class-validator';

class UserIn {
  @IsString() username!: string;
  @IsString() password!: string;
  @IsEmail() email!: string;
  @IsOptional() @IsString() full_name?: string;
}

class UserOut {
  @IsString() username!: string;
  @IsEmail() email!: string;
  @IsOptional() @IsString() full_name?: string;
}
// #endregion models

interface UserInDb {
  username: string;
  email: string;
  full_name?: string;
  hashed_password: string;
}

const users: UserInDb[] = [];

function hash(password: string): string {
  return `supersecret${password}`;
}

@Controller()
class UsersController {
  // #region route
  @Post('/users/', { statusCode: 201, responseModel: UserOut })
  createUser(@Body() user: UserIn) {
    const { password, ...rest } = user;
    const stored: UserInDb = { ...rest, hashed_password: hash(password) };
    users.push(stored);
    return stored;
  }

  @Get('/users/', { responseModel: [UserOut] })
  listUsers() {
    return users;
  }
  // #endregion route
}

export const app = createApp({ controllers: [UsersController] });
