import 'reflect-metadata';
import { Controller, createApp, Get, HTTPException, Path, Post, RequestContext } from '@deft/core';

const tasks: Record<string, string> = { foo: 'Listen to the Bar Fighters' };

@Controller()
class TasksController {
  // #region status
  @Get('/tasks/{task_id}')
  getOrCreateTask(@Path('task_id') taskId: string, context: RequestContext) {
    if (!(taskId in tasks)) {
      tasks[taskId] = 'This did not exist before';
      context.setStatus(201);
    }
    return tasks[taskId];
  }
  // #endregion status

  // #region cookies
  @Post('/login/')
  login(context: RequestContext) {
    context.setCookie('session', 'fake-session-id', { httpOnly: true }).setHeader('X-Login', 'ok');
    return { message: 'Come to the dark side, we have cookies' };
  }

  @Post('/refused/')
  refused(context: RequestContext) {
    context.setCookie('session', 'never-sent');
    throw new HTTPException(403, 'Not today');
  }
  // #endregion cookies
}

export const app = createApp({ controllers: [TasksController] });
