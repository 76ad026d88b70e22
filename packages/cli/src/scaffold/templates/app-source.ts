import type { ScaffoldOptions } from '../scaffold-options';
import { importPath, type SourceStyle } from './source-style';

export function appTs(options: ScaffoldOptions, style: SourceStyle): string {
  return `import 'reflect-metadata';
import { createApp } from '@deft/core';
import { ItemsController } from '${importPath(style, './items/items-controller')}';

/**
 * The app. \`deft dev\`, \`deft start\`, \`deft openapi\` and \`deft routes\` find it
 * here (package.json "deft": { "app": "src/app.ts" }); the tests import it.
 */
export const app = createApp({
  title: '${options.name}',
  version: '0.1.0',
  controllers: [ItemsController],
});
`;
}

export function mainTs(style: SourceStyle): string {
  return `import { app } from '${importPath(style, './app')}';

/**
 * Serves the app without the CLI: \`node dist/main.js\` after \`npm run build\`,
 * on PORT (default 8000) and HOST (default 127.0.0.1).
 */
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '127.0.0.1';

app.listen({ host, port }).then(
  (address) => console.log(\`Listening on \${address}; docs at \${address}/docs\`),
  (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? \`Port \${port} is already in use: choose another with PORT=\${port + 1}.\` : error);
    process.exit(1);
  },
);
`;
}
