import { Controller, Depends, Get, Security } from '@deft/core';
import { CurrentUser } from '../auth/current-user';
import type { Db } from '../db/schema';
import { UseTransaction } from '../db/transaction';
import { Pagination } from '../pagination/pagination';
import { UserOut } from '../users/user-dtos';
import { UserRepository } from '../users/user-repository';

/** Routes for accounts with the `admin` scope: the requirement sits on the controller, so every route has it. */
@Controller('/admin', { tags: ['admin'], dependencies: [Security(CurrentUser, ['admin'])] })
export class AdminController {
  constructor(private readonly users: UserRepository) {}

  @Get('/users', { responseModel: [UserOut], summary: 'Every account' })
  listUsers(@Depends() page: Pagination, @UseTransaction db: Db) {
    return this.users.list(db, page);
  }
}
