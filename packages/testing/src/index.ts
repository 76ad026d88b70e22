export type { FileField, FileInput } from './multipart-body';
export type { RequestOptions, TestResponse, WebSocketOptions } from './test-client';

export { withOverrides } from './dependency-overrides';
export { TestClient } from './test-client';
export { WebSocketDenied, WebSocketTestSession } from './websocket-session';
