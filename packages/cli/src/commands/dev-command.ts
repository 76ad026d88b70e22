import pc from 'picocolors';
import { watchBuild } from '../build/watch-build';
import { findProject } from '../project/find-project';
import { readBuildConfig } from '../project/project-typescript';
import { DevServer } from '../serve/dev-server';
import { listenAddress } from '../serve/listen-address';

export interface DevOptions {
  readonly port?: number;
  readonly host?: string;
}

/**
 * `deft dev`: builds with the project's TypeScript in watch mode and runs
 * the app; after each good build the server is replaced. A build with errors
 * prints them and leaves the last good server running.
 */
export async function devCommand(options: DevOptions, cwd: string): Promise<void> {
  const project = findProject(cwd);
  const config = readBuildConfig(project);
  const address = listenAddress(options, process.env, '127.0.0.1');
  let buildStarted = 0;
  let changed = false;
  const watcher = { close: () => undefined as void };
  const server = new DevServer(
    { ...address, module: config.appOutput, source: project.settings.app, root: project.root },
    {
      onListening(message, restart) {
        if (restart) console.log(pc.green(`Restarted in ${Date.now() - buildStarted} ms`));
        else {
          console.log(`${pc.green('Deft dev server')} listening on ${pc.bold(message.address)}`);
          if (message.docsPath) console.log(`  Docs:  ${pc.bold(pc.cyan(message.address + message.docsPath))}`);
          console.log(pc.dim('  Watching for changes; Ctrl+C stops.'));
        }
      },
      onPortInUse(message) {
        console.error(pc.red(message));
        watcher.close();
        process.exit(1);
      },
    },
  );
  const watch = watchBuild(config, project.root, {
    onBuildStart() {
      buildStarted = Date.now();
      if (changed) console.log(pc.dim('Change detected, rebuilding...'));
      changed = true;
    },
    onBuildEnd(errorCount, diagnostics) {
      if (errorCount > 0) {
        console.error(diagnostics);
        const errors = `${errorCount} compile error${errorCount === 1 ? '' : 's'}`;
        console.error(pc.red(server.started ? `${errors}: the last good build keeps running. Save a fix to reload.` : `${errors}: the server starts after the first good build. Save a fix.`));
        return;
      }
      void server.restart();
    },
  });
  watcher.close = () => watch.close();
  const stop = () => {
    watch.close();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
