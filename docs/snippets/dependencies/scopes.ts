import 'reflect-metadata';
import { Controller, createApp, Depends, Get, RequestAborted, RequestContext } from '@deft/core';

/** A stand-in for a connection pool: expensive to open, shared by every request. */
export class Pool {
  static readonly instances: Pool[] = [];
  readonly id = Pool.instances.push(this);
  ended = false;
  query(sql: string): string {
    return `${sql} on pool ${this.id}`;
  }
  async end(): Promise<void> {
    this.ended = true;
  }
}

/** What happened to each transaction, for the tests. */
export const transactions: string[] = [];

// #region app-scope
async function* openPool() {
  const pool = new Pool();
  try {
    yield pool;
  } finally {
    await pool.end();
  }
}

/** One pool for the app: opened on first use, ended by `app.close()`. */
const UsePool = Depends(openPool, { scope: 'app' });

@Controller('/reports')
class ReportsController {
  @Get('/daily')
  daily(@UsePool pool: Pool) {
    return { result: pool.query('SELECT 1') };
  }

  @Get('/weekly')
  weekly(@UsePool pool: Pool) {
    return { result: pool.query('SELECT 7') };
  }
}
// #endregion app-scope

// #region abort
async function* getTransaction() {
  const id = transactions.length + 1;
  try {
    yield id;
    transactions.push(`commit ${id}`);
  } catch (error) {
    // The client went away before the answer: nobody was told it worked.
    transactions.push(error instanceof RequestAborted ? `rollback ${id}: ${error.source} gone` : `rollback ${id}: failed`);
    throw error;
  }
}
// #endregion abort

@Controller('/orders')
class OrdersController {
  @Get('/')
  list(@Depends(getTransaction) tx: number) {
    return { tx };
  }

  /** Stands for a client that hangs up before the answer. */
  @Get('/hang-up')
  hangUp(@Depends(getTransaction) tx: number, context: RequestContext) {
    context.reply.raw.destroy();
    return { tx };
  }
}

export const app = createApp({ controllers: [ReportsController, OrdersController] });
