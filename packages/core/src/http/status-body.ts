/** Whether a response with this status may carry a body (FastAPI's `is_body_allowed_for_status_code`). */
export function bodyAllowed(status: number): boolean {
  return !(status < 200 || status === 204 || status === 205 || status === 304);
}
