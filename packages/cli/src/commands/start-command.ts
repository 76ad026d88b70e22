import pc from 'picocolors';
import { findProject } from '../project/find-project';
import { readBuildConfig } from '../project/project-typescript';
import { runCluster } from '../serve/cluster-primary';
import { listenAddress } from '../serve/listen-address';
import { docsPath, serveApp, type ServeSpec } from '../serve/serve-app';

export interface StartOptions {
  readonly port?: number;
  readonly host?: string;
  readonly workers?: number;
}

/**
 * `deft start`: serves the built app (`npm run build` first) in production
 * mode, on all interfaces by default. `--workers N` runs N processes on one port.
 */
export async function startCommand(options: StartOptions, cwd: string): Promise<void> {
  const project = findProject(cwd);
  const config = readBuildConfig(project);
  const spec: ServeSpec = { ...listenAddress(options, process.env, '0.0.0.0'), module: config.appOutput, source: project.settings.app, root: project.root };
  process.env.NODE_ENV ??= 'production';
  if (options.workers !== undefined) {
    runCluster(spec, options.workers);
    return;
  }
  const { app, address } = await serveApp(spec);
  console.log(`${pc.green('Deft')} serving on ${pc.bold(address)} (pid ${process.pid})`);
  const docs = docsPath(app);
  if (docs) console.log(`  Docs:  ${pc.cyan(address + docs)}`);
}
