import { hash, verify } from '@node-rs/argon2';
import { injectable } from 'tsyringe';

/** Argon2id password hashes (the library's defaults: OWASP's recommended cost). */
@injectable()
export class PasswordHasher {
  /** Compared against when the user does not exist, so that an unknown username takes as long as a wrong password. */
  private readonly decoy = hash('not a password of anyone');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** `false` for a wrong password, and for no account (`hashed` undefined) after the same work. */
  async verify(hashed: string | undefined, password: string): Promise<boolean> {
    const ok = await verify(hashed ?? (await this.decoy), password);
    return hashed !== undefined && ok;
  }
}
