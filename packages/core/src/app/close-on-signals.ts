/** What can be closed: a Deft app. */
interface Closable {
  close(): Promise<void>;
}

/**
 * Closes the app on the first of `signals`, then ends the process: exit code
 * 0 when it closed cleanly, 1 when closing failed. Returns what removes the
 * listeners (the app does so as it closes, after which a second signal has
 * Node's default effect: the process ends at once).
 */
export function closeOnSignals(app: Closable, signals: readonly NodeJS.Signals[]): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Closing the app after ${signal} failed:`, error);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.once(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
