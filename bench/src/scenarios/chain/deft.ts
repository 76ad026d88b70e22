import { Controller, defineDependency, Depends, Get, HTTPException } from '@deft/core';
import { IsBoolean, IsString } from 'class-validator';
import { oauth2Scheme } from '../../apps/deft/oauth2';
import { findUser, INACTIVE_USER, INVALID_CREDENTIALS, type UserRecord } from './users';

export class User {
  @IsString() username!: string;
  @IsString() email!: string;
  @IsString() full_name!: string;
  @IsBoolean() disabled!: boolean;
}

const currentUser = defineDependency({ token: Depends(oauth2Scheme) }, ({ token }) => {
  const user = findUser(token);
  if (!user) throw new HTTPException(401, INVALID_CREDENTIALS, { 'WWW-Authenticate': 'Bearer' });
  return user;
});

const activeUser = defineDependency({ user: Depends(currentUser) }, ({ user }) => {
  if (user.disabled) throw new HTTPException(400, INACTIVE_USER);
  return user;
});

@Controller()
export class ChainController {
  @Get('/users/me', { responseModel: User })
  readUsersMe(@Depends(activeUser) user: UserRecord) {
    return user;
  }
}
