import 'reflect-metadata';
import { createApp, type DeftApp } from '@deft/core';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { AdminController } from './admin/admin-controller';
import { AuthController } from './auth/auth-controller';
import { Database } from './db/database';
import { databaseLocation } from './db/database-location';
import { migrate } from './db/migrations';
import { seedDemoUser } from './seed/demo-user';
import { Settings } from './settings/settings';
import { TodosController } from './todos/todos-controller';
import { PasswordHasher } from './users/password-hasher';
import { UsersController } from './users/users-controller';

export interface TodoAppOptions {
  settings: Settings;
  /** A container with your own registrations (tests register a recording `AuditLog`); default: tsyringe's root. */
  container?: DependencyContainer;
}

const description = `A todo API with accounts, OAuth2 scopes and a SQL database, built with Deft.

Click **Authorize**, log in as \`johndoe\` / \`secret\`, then try \`POST /todos\` and \`GET /todos\`.`;

/**
 * Opens the database, brings its schema up to date, seeds the demo account,
 * and builds the app. The settings and the database are registered in the
 * app's container, so services receive them in their constructors; closing
 * the app closes the database.
 */
// #region create-app
export async function createTodoApp(options: TodoAppOptions): Promise<{ app: DeftApp; database: Database }> {
  const { settings } = options;
  const location = databaseLocation(settings.databaseUrl);
  if (typeof location === 'string') throw new Error(`DATABASE_URL ${location}`);
  const database = Database.open(location);
  try {
    await migrate(database);
    const container = (options.container ?? rootContainer).createChildContainer();
    container.registerInstance(Settings, settings);
    container.registerInstance(Database, database);
    if (settings.seedDemoUser) await seedDemoUser(database, container.resolve(PasswordHasher), new Date());
    const app = createApp({
      controllers: [AuthController, UsersController, TodosController, AdminController],
      container,
      title: 'Todo API',
      version: '1.0.0',
      description,
      // `todos-list`, `auth-token`: the tag and the method, so generated clients get readable method names.
      generateUniqueId: (route) => `${route.tags[0] ?? 'default'}-${route.handlerName}`,
      fastify: { logger: { level: 'warn' } },
    });
    app.fastify.addHook('onClose', () => database.close());
    return { app, database };
  } catch (error) {
    await database.close();
    throw error;
  }
// #endregion create-app
}
