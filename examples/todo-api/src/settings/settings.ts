import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';

/**
 * The app's settings, read from the environment once at start-up (see
 * `loadSettings`) and registered in the container, so any service can take
 * them in its constructor.
 */
export class Settings {
  /** `postgres://user:password@host/db`, a SQLite file path, or `:memory:`. */
  @IsString() @MinLength(1) databaseUrl!: string;
  /** The HS256 key that signs access tokens; every instance behind a load balancer needs the same one. */
  @IsString() @MinLength(32) jwtSecret!: string;
  /** `true` when no `JWT_SECRET` was given and a random one was made for this process. */
  @IsBoolean() jwtSecretGenerated!: boolean;
  @IsInt() @Min(1) @Max(24 * 60) accessTokenExpireMinutes!: number;
  @IsString() @MinLength(1) host!: string;
  @IsInt() @Min(0) @Max(65535) port!: number;
  /** Create the demo account `johndoe` / `secret` with every scope. */
  @IsBoolean() seedDemoUser!: boolean;
}
