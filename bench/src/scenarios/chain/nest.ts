import {
  ClassSerializerInterceptor,
  Controller,
  createParamDecorator,
  Get,
  Injectable,
  Module,
  UseGuards,
  UseInterceptors,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { BearerGuard, type AuthRequest } from '../../apps/nest/bearer-guard';
import { UserEntity, UsersService } from './nest-users';
import type { UserRecord } from './users';

/** Token → current user → active user, kept on the request for the handler. */
@Injectable()
class ActiveUserGuard implements CanActivate {
  constructor(private readonly users: UsersService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthRequest>();
    request.user = this.users.activeUser(this.users.currentUser(request.token ?? ''));
    return true;
  }
}

const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthRequest>().user);

@Controller()
@UseInterceptors(ClassSerializerInterceptor)
class ChainController {
  @Get('users/me')
  @UseGuards(BearerGuard, ActiveUserGuard)
  readUsersMe(@CurrentUser() user: UserRecord) {
    return new UserEntity(user);
  }
}

@Module({ controllers: [ChainController], providers: [UsersService] })
export class ChainModule {}
