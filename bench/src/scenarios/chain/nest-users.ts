import { BadRequestException, Injectable } from '@nestjs/common';
import { Exclude } from 'class-transformer';
import { notAuthenticated } from '../../apps/nest/http-errors';
import { findUser, INACTIVE_USER, INVALID_CREDENTIALS, type UserRecord } from './users';

/** What the chain answers: ClassSerializerInterceptor leaves out the excluded field. */
export class UserEntity {
  username!: string;
  email!: string;
  full_name!: string;
  disabled!: boolean;
  @Exclude() hashed_password!: string;

  constructor(user: UserRecord) {
    Object.assign(this, user);
  }
}

/** The user lookups both NestJS variants of the chain share. */
@Injectable()
export class UsersService {
  currentUser(token: string): UserRecord {
    const user = findUser(token);
    if (!user) throw notAuthenticated(INVALID_CREDENTIALS);
    return user;
  }

  activeUser(user: UserRecord): UserRecord {
    if (user.disabled) throw new BadRequestException({ detail: INACTIVE_USER });
    return user;
  }
}
