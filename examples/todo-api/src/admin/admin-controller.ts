import { Controller, Depends, Get } from '@deft/core';
import type { Db } from '../db/schema';
import { UseTransaction } from '../db/transaction';
import { Pagination } from '../pagination/pagination';
import { UserOut } from '../users/user-dtos';
import { UserRepository } from '../users/user-repository';

/** Account administration; served under the admin router, which requires the `admin` scope. */
@Controller()
export class AdminController {
  constructor(private readonly users: UserRepository) {}

  @Get('/users', { responseModel: [UserOut], summary: 'Every account' })
  listUsers(@Depends() page: Pagination, @UseTransaction db: Db) {
    return this.users.list(db, page);
  }
}
