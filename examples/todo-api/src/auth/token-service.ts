import { errors, jwtVerify, SignJWT } from 'jose';
import { injectable } from 'tsyringe';
import { Settings } from '../settings/settings';

/** What an access token says: whose it is, and which scopes it grants. */
export interface TokenClaims {
  userId: number;
  scopes: string[];
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

const ISSUER = 'todo-api';

/**
 * Signs and checks JWT access tokens (HS256, `sub` = the user's id, `scope` =
 * the granted scopes, `exp`). Any instance with the same `JWT_SECRET` accepts
 * any other's tokens: nothing about a session is kept in memory.
 */
@injectable()
export class TokenService {
  private readonly key: Uint8Array;
  private readonly lifetimeSeconds: number;

  constructor(settings: Settings) {
    this.key = new TextEncoder().encode(settings.jwtSecret);
    this.lifetimeSeconds = settings.accessTokenExpireMinutes * 60;
  }

  async issue(claims: TokenClaims, now: Date): Promise<IssuedToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const accessToken = await new SignJWT({ scope: claims.scopes.join(' ') })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(String(claims.userId))
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.lifetimeSeconds)
      .sign(this.key);
    return { accessToken, expiresIn: this.lifetimeSeconds };
  }

  // #region verify
  /** The claims of a valid token; `undefined` for a forged, malformed or expired one (as of `now`). */
  async verify(token: string, now: Date): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, currentDate: now, requiredClaims: ['sub', 'exp'] });
      const userId = Number(payload.sub);
      if (!Number.isSafeInteger(userId) || typeof payload.scope !== 'string') return undefined;
      return { userId, scopes: payload.scope.split(' ').filter((s) => s !== '') };
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  // #endregion verify
  }
}
