import { injectable } from 'tsyringe';

/** One thing a user did. */
export interface AuditEvent {
  at: Date;
  user: string;
  action: 'user.registered' | 'token.issued' | 'todo.created' | 'todo.updated' | 'todo.deleted';
  /** The todo, for todo actions. */
  todoId?: number;
}

/**
 * The audit trail: one JSON line per event on standard output. Handlers add
 * `audit.record` as a background task, so it runs after the response is sent
 * and only when the request succeeded. Tests register a subclass that keeps
 * the lines.
 */
@injectable()
export class AuditLog {
  record(event: AuditEvent): void {
    this.write(JSON.stringify({ audit: event.action, at: event.at.toISOString(), user: event.user, todoId: event.todoId }));
  }

  protected write(line: string): void {
    process.stdout.write(`${line}\n`);
  }
}
