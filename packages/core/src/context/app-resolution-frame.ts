import type { FastifyRequest } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import type { ValidationErrorItem } from '../errors/request-validation-error';
import type { FormFields } from '../http/form-fields';
import type { AppFrame } from '../lifecycle/app-frame';
import type { ScopeFrame } from '../lifecycle/scope-frame';
import type { DependencyScope } from '../metadata/depends-spec';
import type { BackgroundTasks } from './background-tasks';
import type { RequestContext } from './request-context';
import type { ResolutionFrame } from './resolution-frame';

function noRequest(what: string): never {
  // The graph compiler refuses any app-scoped dependency that reads the request, so this is a bug in Deft if it happens.
  throw new Error(`An app-scoped dependency was resolved without a request, and something asked for ${what}.`);
}

/** The frame app-scoped dependencies are made in when no request is there: at start-up. */
export class AppResolutionFrame implements ResolutionFrame {
  readonly errors: ValidationErrorItem[] = [];
  readonly websocket = undefined;

  constructor(readonly app: AppFrame) {}

  get request(): FastifyRequest {
    return noRequest('the request');
  }

  get context(): RequestContext {
    return noRequest('RequestContext');
  }

  get backgroundTasks(): BackgroundTasks {
    return noRequest('BackgroundTasks');
  }

  get container(): DependencyContainer {
    return noRequest("the request's container");
  }

  get formFields(): FormFields {
    return noRequest('the form');
  }

  frameFor(scope: DependencyScope): ScopeFrame {
    return scope === 'app' ? this.app : noRequest(`the ${scope} frame`);
  }
}
