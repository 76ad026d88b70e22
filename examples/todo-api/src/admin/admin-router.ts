import { Router, Security } from '@deft/core';
import { CurrentUser } from '../auth/current-user';
import { AdminController } from './admin-controller';

// #region admin-router
/** Everything under /admin: only for accounts with the `admin` scope; the requirement sits on the router, so every route below has it. */
@Router({ prefix: '/admin', tags: ['admin'], dependencies: [Security(CurrentUser, ['admin'])], controllers: [AdminController] })
export class AdminRouter {}
// #endregion admin-router
