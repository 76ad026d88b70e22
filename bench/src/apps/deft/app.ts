import 'reflect-metadata';
import { createApp, type DeftApp } from '@deft/core';
import { BodyController } from '../../scenarios/body/deft';
import { ChainController } from '../../scenarios/chain/deft';
import { HelloController } from '../../scenarios/hello/deft';
import { QueryController } from '../../scenarios/query/deft';
import { SeedController } from '../../scenarios/seed/deft';

/** Every scenario as one Deft app. */
export function createDeftApp(): DeftApp {
  return createApp({
    controllers: [HelloController, SeedController, ChainController, BodyController, QueryController],
    fastify: { logger: false },
  });
}
