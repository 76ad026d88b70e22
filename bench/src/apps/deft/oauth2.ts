import { OAuth2PasswordBearer } from '@deft/security';

/** The one bearer scheme of the Deft app, shared by the seed and chain scenarios. */
export const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });
