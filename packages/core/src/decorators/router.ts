import { setRouter } from '../metadata/metadata-store';
import type { RouterOptions } from '../metadata/records';

/**
 * Declares a router: a class that groups controllers and other routers under
 * a prefix, with tags, dependencies, responses, `deprecated` and
 * `includeInSchema` for every route below (FastAPI's `APIRouter`, NestJS's
 * modules). Include it in `createApp({ routers })` or in another router,
 * as it is or with options of its own: `include(AdminRouter, { prefix: '/admin' })`.
 *
 * ```ts
 * @Router({ prefix: '/users', tags: ['users'], controllers: [UsersController, ProfilesController] })
 * class UsersRouter {}
 * ```
 */
export function Router(options: RouterOptions = {}): ClassDecorator {
  return (target) => {
    setRouter(target, { options });
  };
}
