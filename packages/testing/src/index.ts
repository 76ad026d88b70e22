export type { FileField, FileInput } from './multipart-body';
export type { RequestOptions, TestResponse } from './test-client';

export { withOverrides } from './dependency-overrides';
export { TestClient } from './test-client';
