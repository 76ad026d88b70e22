import { BackgroundTasks, Body, Controller, Delete, Depends, Get, HTTPException, Int, Patch, Path, Post, Query, RequestContext, Security } from '@deft/core';
import { AuditLog } from '../audit/audit-log';
import { CurrentUser } from '../auth/current-user';
import { currentTime } from '../clock/current-time';
import type { Db } from '../db/schema';
import { UseTransaction, type Tx } from '../db/transaction';
import { Pagination } from '../pagination/pagination';
import type { User } from '../users/user';
import type { Todo } from './todo';
import { TodoCreate, TodoOut, TodoPage, TodoUpdate } from './todo-dtos';
import { TodoRepository } from './todo-repository';

const notFound = { 404: { description: 'You have no todo with this id' } };

/** `{todo_id}` in every path: a positive integer. */
const TodoId = () => Path('todo_id', { type: Int, ge: 1 });

@Controller('/todos', { tags: ['todos'] })
export class TodosController {
  constructor(
    private readonly todos: TodoRepository,
    private readonly audit: AuditLog,
  ) {}

  // #region list
  @Get('', { responseModel: TodoPage, summary: 'Your todos, a page at a time' })
  async list(
    @Security(CurrentUser, ['todos:read']) user: User,
    @Depends() page: Pagination,
    @Query('done', { type: Boolean, required: false, description: 'Only done (true) or open (false) todos' }) done: boolean | undefined,
    @Query('q', { type: String, required: false, minLength: 1, maxLength: 100, description: 'Text the title contains' }) q: string | undefined,
    @UseTransaction db: Db,
  ): Promise<TodoPage> {
    const { items, total } = await this.todos.list(db, user.id, { done, q }, page);
    return { items, total, limit: page.limit, offset: page.offset };
  }
  // #endregion list

  // #region create
  @Post('', { statusCode: 201, responseModel: TodoOut, summary: 'Create a todo' })
  async create(
    @Security(CurrentUser, ['todos:write']) user: User,
    @Body() body: TodoCreate,
    @UseTransaction tx: Tx,
    @Depends(currentTime) now: Date,
    response: RequestContext,
    tasks: BackgroundTasks,
  ): Promise<Todo> {
    const todo = await this.todos.create(tx, user.id, { title: body.title, description: body.description ?? null, done: body.done ?? false }, now);
    response.setHeader('Location', `/todos/${todo.id}`);
    tasks.addTask(() => this.audit.record({ at: now, user: user.username, action: 'todo.created', todoId: todo.id }));
    return todo;
  // #endregion create
  }

  @Get('/{todo_id}', { responseModel: TodoOut, summary: 'One of your todos', responses: notFound })
  async read(@Security(CurrentUser, ['todos:read']) user: User, @TodoId() id: number, @UseTransaction db: Db): Promise<Todo> {
    const todo = await this.todos.get(db, user.id, id);
    if (!todo) throw new HTTPException(404, 'Todo not found');
    return todo;
  }

  @Patch('/{todo_id}', { responseModel: TodoOut, summary: 'Change a todo', responses: notFound })
  async update(
    @Security(CurrentUser, ['todos:write']) user: User,
    @TodoId() id: number,
    @Body() body: TodoUpdate,
    @UseTransaction tx: Tx,
    @Depends(currentTime) now: Date,
    tasks: BackgroundTasks,
  ): Promise<Todo> {
    const todo = await this.todos.update(tx, user.id, id, body, now);
    if (!todo) throw new HTTPException(404, 'Todo not found');
    tasks.addTask(() => this.audit.record({ at: now, user: user.username, action: 'todo.updated', todoId: id }));
    return todo;
  }

  @Delete('/{todo_id}', { statusCode: 204, summary: 'Delete a todo', responses: notFound })
  async remove(
    @Security(CurrentUser, ['todos:write']) user: User,
    @TodoId() id: number,
    @UseTransaction tx: Tx,
    @Depends(currentTime) now: Date,
    tasks: BackgroundTasks,
  ): Promise<void> {
    if (!(await this.todos.delete(tx, user.id, id))) throw new HTTPException(404, 'Todo not found');
    tasks.addTask(() => this.audit.record({ at: now, user: user.username, action: 'todo.deleted', todoId: id }));
  }
}
