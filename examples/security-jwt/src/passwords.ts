import { hash, verify } from '@node-rs/argon2';

// #region passwords
// Argon2id with the parameters of RFC 9106's second recommendation (the
// defaults of Python's argon2-cffi and pwdlib, so FastAPI's hashes verify here).
const HASH_OPTIONS = { memoryCost: 65536, timeCost: 3, parallelism: 4 };

export function getPasswordHash(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

export function verifyPassword(plainPassword: string, hashedPassword: string): Promise<boolean> {
  return verify(hashedPassword, plainPassword);
}

// Verified against when the user does not exist, so that answering takes as
// long as for a wrong password: response times do not reveal user names.
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= getPasswordHash('dummypassword');
  return dummyHash;
}
// #endregion passwords
