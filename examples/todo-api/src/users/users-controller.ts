import { Controller, Get, Security } from '@deft/core';
import { CurrentUser } from '../auth/current-user';
import type { User } from './user';
import { UserOut } from './user-dtos';

@Controller('/users', { tags: ['users'] })
export class UsersController {
  @Get('/me', { responseModel: UserOut, summary: 'Your account' })
  me(@Security(CurrentUser) user: User): User {
    return user;
  }
}
