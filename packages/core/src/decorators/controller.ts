import { setController } from '../metadata/metadata-store';
import type { ControllerOptions } from '../metadata/records';

/**
 * Declares a class of route handlers. `prefix` is prepended to every route path
 * (`@Controller('/users')`); `tags` and `dependencies` apply to every route.
 */
export function Controller(prefix = '', options: ControllerOptions = {}): ClassDecorator {
  return (target) => {
    setController(target, { prefix, options });
  };
}
