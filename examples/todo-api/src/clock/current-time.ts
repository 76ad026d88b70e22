/**
 * The time, as a dependency: handlers and dependencies that stamp or check
 * times ask for it with `@Depends(currentTime)`, so a test can move the clock
 * with `app.dependencyOverrides.set(currentTime, () => later)`.
 */
export function currentTime(): Date {
  return new Date();
}
