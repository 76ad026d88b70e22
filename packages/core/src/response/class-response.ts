import { isPassthrough } from './passthrough';
import { BaseResponse } from './base-response';
import type { ResponseCompileOptions } from './compile-options';
import { ALREADY_SENT, type CompiledResponse, type ResponseContent } from './compiled-response';
import type { ResponseClass } from './response-class';
import { sendPrepared } from './send-prepared';
import { isThenable } from '../values/thenable';

/**
 * The response of a route whose `responseClass` is not JSON: what the handler
 * returns becomes an instance of the class (`new HTMLResponse(result)`),
 * unless it is a response already (any class's instance, a web `Response`,
 * bytes, a stream), which is sent as it is. Documented as the class
 * documents itself.
 */
export function compileClassResponse(cls: ResponseClass, options: ResponseCompileOptions, writeItem: (item: unknown) => string): CompiledResponse {
  const statusCode = options.statusCode ?? cls.defaultStatus;
  const content: ResponseContent = cls.openapi(options);
  return {
    statusCode,
    prepare(result, frame) {
      if (result === frame.reply) return ALREADY_SENT;
      if (!(result instanceof BaseResponse) && typeof result === 'object' && result !== null && isPassthrough(result) && !cls.takesStreams) return result;
      const response = result instanceof BaseResponse ? result : cls.fromResult(result, writeItem);
      const ready = response.ready(frame.request);
      return isThenable(ready) ? ready : response;
    },
    send: (prepared, frame) => sendPrepared(prepared, frame, statusCode),
    document: () => content,
  };
}
