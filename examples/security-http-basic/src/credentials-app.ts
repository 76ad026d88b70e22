import 'reflect-metadata';
import { Controller, createApp, Depends, Get, type DeftApp } from '@deft/core';
import { HTTPBasic, HTTPBasicCredentials } from '@deft/security';

const security = new HTTPBasic();

@Controller()
class UsersController {
  @Get('/users/me')
  readCurrentUser(@Depends(security) credentials: HTTPBasicCredentials) {
    return { username: credentials.username, password: credentials.password };
  }
}

export function createCredentialsApp(): DeftApp {
  return createApp({ controllers: [UsersController] });
}
