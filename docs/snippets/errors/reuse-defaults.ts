import { HTTPException } from '@deft/core';
import { createTeapotApp } from './teapot-app';

export const app = createTeapotApp();

// #region rethrow
app.exceptionHandler(HTTPException, (error, request) => {
  request.log.info({ status: error.statusCode, detail: error.detail }, 'An HTTP error');
  throw error; // Deft renders it as it always does
});
// #endregion rethrow
