import { injectable } from 'tsyringe';
import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import { Dialect } from '../db/dialect';
import type { Db, Schema, TodoTable } from '../db/schema';
import type { Todo } from './todo';

export interface TodoFilter {
  done?: boolean;
  /** Text the title contains, ignoring case. */
  q?: string;
}

export interface TodoChanges {
  title?: string;
  description?: string | null;
  done?: boolean;
}

function toTodo(row: Selectable<TodoTable>): Todo {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    done: Boolean(row.done),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/**
 * Todos. Every query is scoped to the owner, so another user's todo is
 * simply not found: its existence never leaks. Stateless: each method takes
 * the request's transaction.
 */
@injectable()
export class TodoRepository {
  constructor(private readonly dialect: Dialect) {}

  async list(db: Db, ownerId: number, filter: TodoFilter, page: { limit: number; offset: number }): Promise<{ items: Todo[]; total: number }> {
    const matching = (eb: ExpressionBuilder<Schema, 'todos'>) => {
      const conditions: Expression<SqlBool>[] = [eb('owner_id', '=', ownerId)];
      if (filter.done !== undefined) conditions.push(eb('done', '=', this.dialect.bool(filter.done)));
      if (filter.q !== undefined) conditions.push(this.dialect.contains(eb.ref('title'), filter.q));
      return eb.and(conditions);
    };
    const rows = await db.selectFrom('todos').selectAll().where(matching).orderBy('id').limit(page.limit).offset(page.offset).execute();
    const { total } = await db
      .selectFrom('todos')
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .where(matching)
      .executeTakeFirstOrThrow();
    return { items: rows.map(toTodo), total: Number(total) };
  }

  // #region get
  async get(db: Db, ownerId: number, id: number): Promise<Todo | undefined> {
    const row = await db.selectFrom('todos').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    return row && toTodo(row);
  }
  // #endregion get

  async create(db: Db, ownerId: number, todo: { title: string; description: string | null; done: boolean }, now: Date): Promise<Todo> {
    const row = await db
      .insertInto('todos')
      .values({
        owner_id: ownerId,
        title: todo.title,
        description: todo.description,
        done: this.dialect.bool(todo.done),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTodo(row);
  }

  /** Applies the changes; `undefined` when the owner has no such todo. */
  async update(db: Db, ownerId: number, id: number, changes: TodoChanges, now: Date): Promise<Todo | undefined> {
    const row = await db
      .updateTable('todos')
      .set({
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.done !== undefined && { done: this.dialect.bool(changes.done) }),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .returningAll()
      .executeTakeFirst();
    return row && toTodo(row);
  }

  /** `false` when the owner has no such todo. */
  async delete(db: Db, ownerId: number, id: number): Promise<boolean> {
    const result = await db.deleteFrom('todos').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
