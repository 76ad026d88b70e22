import type { DeftApp } from '@deft/core';
import { buildOnce } from '../build/build-once';
import { findProject } from './find-project';
import { loadApp } from './load-app';
import { readBuildConfig } from './project-typescript';

/**
 * The project's app, freshly built: for the commands that read it without
 * serving it (`deft openapi`, `deft routes`). Nothing listens on a port.
 */
export async function loadBuiltApp(cwd: string): Promise<DeftApp> {
  const project = findProject(cwd);
  const config = readBuildConfig(project);
  buildOnce(config, project.root);
  return loadApp(config.appOutput, project.settings.app, project.root);
}
