import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, HTTPException, Path, Post } from '@deft/core';

/** A stand-in for a database session: it records what happened to it. */
export class Session {
  static readonly log: string[] = [];
  constructor(readonly id: number) {
    Session.log.push(`open ${id}`);
  }
  commit() {
    Session.log.push(`commit ${this.id}`);
  }
  rollback(reason: string) {
    Session.log.push(`rollback ${this.id}: ${reason}`);
  }
  close() {
    Session.log.push(`close ${this.id}`);
  }
}

let sessions = 0;

// #region generator
async function* getSession() {
  const session = new Session(++sessions);
  try {
    yield session;
    session.commit();
  } catch (error) {
    session.rollback(error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    session.close();
  }
}

@Controller()
class OrdersController {
  @Get('/orders/{order_id}')
  readOrder(@Path('order_id') orderId: string, @Depends(getSession) session: Session) {
    if (orderId !== 'o1') throw new HTTPException(404, 'Order not found');
    return { orderId, session: session.id };
  }
}
// #endregion generator

// #region disposer
class Lock {
  constructor() {
    Session.log.push('lock');
  }
  [Symbol.dispose]() {
    Session.log.push('unlock');
  }
}

const guarded = defineDependency({ lock: Depends(Lock) }, ({ lock }) => lock instanceof Lock);
// #endregion disposer

@Controller()
class LocksController {
  @Get('/locked')
  locked(@Depends(guarded) held: boolean) {
    return { held };
  }
}

// #region function-scope
@Controller()
class PaymentsController {
  @Post('/payments', { statusCode: 201 })
  pay(@Depends(getSession, { scope: 'function' }) session: Session) {
    return { session: session.id };
  }
}
// #endregion function-scope

export const app = createApp({ controllers: [OrdersController, LocksController, PaymentsController] });
