import { ClientRequestError } from '../errors/client-request-error';
import { RequestValidationError, validationItem } from '../errors/request-validation-error';
import type { JsonSyntaxError } from './json-syntax-error';

/**
 * Left in `request.body` by a body parser when the body cannot be read as its
 * content type says. Only a route that reads a body answers with its error;
 * the others never look at the body, as in FastAPI.
 */
export abstract class RefusedBody {
  abstract error(): Error;
}

/** A JSON body that does not parse: 422 `json_invalid` at Python's position, with Python's message. */
export class InvalidJsonBody extends RefusedBody {
  constructor(readonly syntax: JsonSyntaxError) {
    super();
  }

  error(): Error {
    const { message, position } = this.syntax;
    return new RequestValidationError([validationItem('json_invalid', ['body', position], 'JSON decode error', {}, { error: message })]);
  }
}

/** A body whose bytes are not UTF-8: 400, as FastAPI answers for JSON, rather than text with replacement characters. */
export class NotUtf8Body extends RefusedBody {
  error(): Error {
    return new ClientRequestError('DEFT_REQ_BODY_UNREADABLE', 'There was an error parsing the body: it is not valid UTF-8');
  }
}
