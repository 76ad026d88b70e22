import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

// #region tokens
// To get a key like this, run: openssl rand -hex 32
// (and read it from the environment in production, never from the source).
const SECRET_KEY = new TextEncoder().encode(process.env.SECRET_KEY ?? '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7');
const ALGORITHM = 'HS256';
export const ACCESS_TOKEN_EXPIRE_MINUTES = 30;

export function createAccessToken(claims: JWTPayload, expiresInMinutes = 15): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setExpirationTime(`${expiresInMinutes}m`)
    .sign(SECRET_KEY);
}

/**
 * The token's claims, or `undefined` when it is not a JWT signed with our key
 * by HS256 (that rules out `alg: none` and other algorithms), or has expired.
 */
export async function decodeAccessToken(token: string): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, SECRET_KEY, { algorithms: [ALGORITHM] });
    return payload;
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}
// #endregion tokens
