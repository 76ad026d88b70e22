import 'reflect-metadata';
import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { BodyModule } from '../../scenarios/body/nest';
import { ChainModule } from '../../scenarios/chain/nest';
import { ChainRequestScopeModule } from '../../scenarios/chain/nest-request-scope';
import { HelloModule } from '../../scenarios/hello/nest';
import { QueryModule } from '../../scenarios/query/nest';
import { SeedModule } from '../../scenarios/seed/nest';
import { HeadersFilter } from './http-errors';
import { PydanticValidationPipe } from './validation-pipe';

@Module({ imports: [HelloModule, SeedModule, ChainModule, BodyModule, QueryModule] })
class AppModule {}

/** The chain scenario alone, with request-scoped providers. */
@Module({ imports: [ChainRequestScopeModule] })
class RequestScopeAppModule {}

export type NestVariant = 'singleton' | 'request-scope';

/** Every scenario as one NestJS app on its Fastify adapter, initialised (not yet listening). */
export async function createNestApp(variant: NestVariant = 'singleton'): Promise<NestFastifyApplication> {
  const module: Type = variant === 'singleton' ? AppModule : RequestScopeAppModule;
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }), { logger: false });
  app.useGlobalPipes(new PydanticValidationPipe());
  app.useGlobalFilters(new HeadersFilter());
  await app.init();
  return app;
}
