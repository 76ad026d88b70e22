import 'reflect-metadata';
import { IsEmail, IsInt, IsOptional, IsString, MinLength } from 'class-validator';
import { Body, Controller, createApp, Field, Post } from '@deft/core';

// #region field
class User {
  @Field({ readOnly: true, description: 'Given by the server' }) @IsOptional() @IsInt() id?: number;
  @Field({ title: 'User name', description: 'Unique, chosen at sign-up', examples: ['johndoe'] }) @IsString() @MinLength(3) username!: string;
  @Field({ description: 'Where we write to' }) @IsEmail() email!: string;
  @Field({ writeOnly: true, format: 'password' }) @IsString() @MinLength(8) password!: string;
  @Field({ deprecated: true, description: 'Use `username`' }) @IsOptional() @IsString() nickname?: string | null;
}
// #endregion field

@Controller()
class UsersController {
  // #region examples
  @Post('/users/')
  createUser(
    @Body({
      examples: [{ username: 'johndoe', email: 'john@example.com', password: 'correct horse' }],
      openapiExamples: {
        normal: { summary: 'A new user', value: { username: 'johndoe', email: 'john@example.com', password: 'correct horse' } },
        invalid: { summary: 'Refused', description: 'The password is too short: 422.', value: { username: 'jd', email: 'x', password: 'short' } },
      },
    })
    user: User,
  ) {
    return { username: user.username, email: user.email };
  }
  // #endregion examples
}

export const app = createApp({ controllers: [UsersController] });
