import 'reflect-metadata';
import { Controller, createApp, Depends, Get, type DeftApp } from '@deft/core';
import { OAuth2PasswordBearer } from '@deft/security';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

// #region user
export class User {
  @IsString() username!: string;
  @IsOptional() @IsString() email!: string | null;
  @IsOptional() @IsString() full_name!: string | null;
  @IsOptional() @IsBoolean() disabled!: boolean | null;
}
// #endregion user

// #region current-user
function fakeDecodeToken(token: string): User {
  return { username: `${token}fakedecoded`, email: 'john@example.com', full_name: 'John Doe', disabled: null };
}

export class CurrentUser {
  resolve(@Depends(oauth2Scheme) token: string): User {
    return fakeDecodeToken(token);
  }
}
// #endregion current-user

// #region controller
@Controller()
class UsersController {
  @Get('/users/me', { responseModel: User })
  readUsersMe(@Depends(CurrentUser) currentUser: User) {
    return currentUser;
  }
}
// #endregion controller

export function createCurrentUserApp(): DeftApp {
  return createApp({ controllers: [UsersController] });
}
