import { dirname, join, relative } from 'node:path';
import { findProject } from '../project/find-project';
import type { SourceStyle } from '../scaffold/templates/source-style';

/** Where generated files go in the project: beside the app module, tests in test/. */
export interface GenerateTarget {
  readonly root: string;
  /** The sources folder, from the root (`src`). */
  readonly sourceDir: string;
  readonly testDir: string;
  readonly style: SourceStyle;
}

export function generateTarget(cwd: string): GenerateTarget {
  const project = findProject(cwd);
  return {
    root: project.root,
    sourceDir: relative(project.root, dirname(project.appFile)) || '.',
    testDir: 'test',
    style: { esm: project.esm },
  };
}

/** The import specifier of source `to` from file `from` (both from the root), without the extension. */
export function relativeImport(from: string, to: string): string {
  const path = relative(dirname(join('/', from)), join('/', to)).replace(/\\/g, '/').replace(/\.ts$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}
