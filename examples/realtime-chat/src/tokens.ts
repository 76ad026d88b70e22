import { errors, jwtVerify, SignJWT } from 'jose';

// Read it from the environment in production, never from the source.
const SECRET_KEY = new TextEncoder().encode(process.env.SECRET_KEY ?? 'b5f1d0e35c3a4f1e9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928');

/** A signed token naming the user, valid for an hour. */
export function createToken(username: string): Promise<string> {
  return new SignJWT({ sub: username }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(SECRET_KEY);
}

/** The user a token names, or `undefined` when it is not one of ours (or has expired). */
export async function userOf(token: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, SECRET_KEY, { algorithms: ['HS256'] });
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}
