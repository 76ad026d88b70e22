import type { ScaffoldOptions } from './scaffold-options';
import { appTs, mainTs } from './templates/app-source';
import { itemDtoTs, itemsControllerTs, itemsRepositoryTs, paginationTs } from './templates/items-source';
import { packageJson } from './templates/package-json';
import { databaseTs, gitignore, oauth2SchemeTs, setupEnvTs } from './templates/parts-source';
import { readmeMd } from './templates/readme';
import { itemsTestTs } from './templates/test-source';
import { tsconfigBuildJson, tsconfigJson } from './templates/tsconfig-files';

/** Every file of a new project, by path from its root. */
export function projectFiles(options: ScaffoldOptions): Map<string, string> {
  const style = { esm: options.moduleSystem === 'esm' };
  const files = new Map<string, string>([
    ['package.json', packageJson(options)],
    ['tsconfig.json', tsconfigJson(options)],
    ['tsconfig.build.json', tsconfigBuildJson()],
    ['.gitignore', gitignore(options)],
    ['README.md', readmeMd(options)],
    ['src/main.ts', mainTs(style)],
    ['src/app.ts', appTs(options, style)],
    ['src/items/items-controller.ts', itemsControllerTs(options, style)],
    ['src/items/item.ts', itemDtoTs()],
    ['src/items/items-repository.ts', itemsRepositoryTs(options, style)],
    ['test/items.test.ts', itemsTestTs(options, style)],
  ]);
  if (options.auth) files.set('src/auth/oauth2-scheme.ts', oauth2SchemeTs());
  else files.set('src/items/pagination.ts', paginationTs());
  if (options.database) {
    files.set('src/db/database.ts', databaseTs());
    files.set('test/setup-env.ts', setupEnvTs());
  }
  return files;
}
