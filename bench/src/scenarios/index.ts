import { appScoped } from './app-scoped/requests';
import { body } from './body/requests';
import { chain } from './chain/requests';
import { errors } from './errors/requests';
import { hello } from './hello/requests';
import { query } from './query/requests';
import { routers } from './routers/requests';
import type { Scenario } from './scenario';
import { seed } from './seed/requests';

/** Every scenario, in the order of the results table. */
export const scenarios: readonly Scenario[] = [hello, seed, chain, body, query, errors, routers, appScoped];
