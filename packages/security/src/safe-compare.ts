import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Compares two secrets in constant time: how long it takes does not depend on
 * where they differ, nor on whether their lengths match (both are hashed to
 * SHA-256 digests of equal length, which `crypto.timingSafeEqual` compares).
 * Strings are compared as UTF-8.
 */
export function safeCompare(a: string | Uint8Array, b: string | Uint8Array): boolean {
  return timingSafeEqual(digest(a), digest(b));
}
