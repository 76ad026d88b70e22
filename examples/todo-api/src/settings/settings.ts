import { Int } from '@deft/core';
import { Setting } from '@deft/core/settings';

/**
 * The app's settings, read from the environment once at start-up (see
 * `readSettings`) and registered in the container, so any service can take
 * them in its constructor. Each is converted and checked as a query
 * parameter of its type would be.
 */
export class Settings {
  /** `postgres://user:password@host/db`, a SQLite file path, or `:memory:`; by default a SQLite file in the data folder. */
  @Setting('DATABASE_URL') databaseUrl = '';
  /** The HS256 key that signs access tokens; every instance behind a load balancer needs the same one. By default a random one. */
  @Setting('JWT_SECRET', { minLength: 32 }) jwtSecret = '';
  @Setting('ACCESS_TOKEN_EXPIRE_MINUTES', { type: Int, ge: 1, le: 24 * 60 }) accessTokenExpireMinutes = 30;
  @Setting('HOST', { minLength: 1 }) host = '127.0.0.1';
  @Setting('PORT', { type: Int, ge: 0, le: 65535 }) port = 8000;
  /** Create the demo account `johndoe` / `secret` with every scope. */
  @Setting('SEED_DEMO_USER') seedDemoUser = true;
  /** `true` when no `JWT_SECRET` was given and a random one was made for this process. */
  jwtSecretGenerated = false;
}
