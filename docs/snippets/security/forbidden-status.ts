import 'reflect-metadata';
import { Controller, createApp, Depends, Get, HTTPException } from '@deft/core';
import { HTTPAuthorizationCredentials, HTTPBearer } from '@deft/security';

// #region subclass
class HTTPBearer403 extends HTTPBearer {
  protected override makeNotAuthenticatedError(): HTTPException {
    return new HTTPException(403, 'Not authenticated');
  }
}

const security = new HTTPBearer403();
// #endregion subclass

@Controller()
class MeController {
  @Get('/me')
  readMe(@Depends(security) credentials: HTTPAuthorizationCredentials) {
    return { message: 'You are authenticated', token: credentials.credentials };
  }
}

export const app = createApp({ controllers: [MeController] });
