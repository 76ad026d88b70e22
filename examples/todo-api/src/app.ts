import 'reflect-metadata';
import { createApp, type DeftApp } from '@deft/core';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { AdminRouter } from './admin/admin-router';
import { AuthController } from './auth/auth-controller';
import { databaseLocation, describeLocation } from './db/database-location';
import { Dialect } from './db/dialect';
import { Settings } from './settings/settings';
import { TodosController } from './todos/todos-controller';
import { UsersController } from './users/users-controller';

export interface TodoAppOptions {
  settings: Settings;
  /** A container with your own registrations (tests register a recording `AuditLog`); default: tsyringe's root. */
  container?: DependencyContainer;
}

const description = `A todo API with accounts, OAuth2 scopes and a SQL database, built with Deft.

Click **Authorize**, log in as \`johndoe\` / \`secret\`, then try \`POST /todos\` and \`GET /todos\`.`;

/**
 * Builds the app from its settings. The settings and the SQL dialect are
 * registered in the app's container, so services receive them in their
 * constructors. The database itself is an app-scoped dependency
 * (`UseDatabase`): the app opens it, migrates it and seeds it when it starts,
 * and closes it when it closes.
 */
// #region create-app
export function createTodoApp(options: TodoAppOptions): { app: DeftApp; databaseDescription: string } {
  const { settings } = options;
  const location = databaseLocation(settings.databaseUrl);
  if (typeof location === 'string') throw new Error(`DATABASE_URL ${location}`);
  const container = (options.container ?? rootContainer).createChildContainer();
  container.registerInstance(Settings, settings);
  container.registerInstance(Dialect, new Dialect(location.dialect));
  const app = createApp({
    controllers: [AuthController, UsersController, TodosController],
    routers: [AdminRouter],
    container,
    title: 'Todo API',
    version: '1.0.0',
    description,
    // `todos-list`, `auth-token`: the tag and the method, so generated clients get readable method names.
    generateUniqueId: (route) => `${route.tags[0] ?? 'default'}-${route.handlerName}`,
    fastify: { logger: { level: 'warn' } },
  });
  return { app, databaseDescription: describeLocation(location) };
}
// #endregion create-app
