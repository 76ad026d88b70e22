import { UnprocessableEntityException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { toPydanticErrors } from './class-validator-errors';

class ClassValidatorFailure extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('validation failed');
  }
}

/**
 * Nest's ValidationPipe (class-transformer, class-validator, whitelisting) with
 * FastAPI's 422 body: the failure is rendered here, where the parameter's
 * source (`query`, `body`) and the raw input are known.
 */
export class PydanticValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      // The error's target (the DTO instance) leads to the constraints' arguments (`@Min(1)`'s 1).
      validationError: { target: true, value: true },
      exceptionFactory: (errors) => new ClassValidatorFailure(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ClassValidatorFailure)) throw error;
      const source = metadata.type === 'param' ? 'path' : metadata.type;
      throw new UnprocessableEntityException({ detail: toPydanticErrors(error.errors, [source], value, source === 'body') });
    }
  }
}
