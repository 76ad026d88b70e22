import { HTTPException, RequestValidationError } from '@deft/core';
import { createTeapotApp } from './teapot-app';

export const app = createTeapotApp();

// #region override
app.exceptionHandler(HTTPException, (error, request, reply) => {
  return reply.code(error.statusCode).type('text/plain').send(String(error.detail));
});

app.exceptionHandler(RequestValidationError, (error, request, reply) => {
  const lines = error.errors.map((item) => `${item.loc.join(' -> ')}: ${item.msg}`);
  return reply.code(400).type('text/plain').send(lines.join('\n'));
});
// #endregion override
