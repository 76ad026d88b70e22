import { installCommand, runScript, type ScaffoldOptions } from '../scaffold-options';

export function readmeMd(options: ScaffoldOptions): string {
  const pm = options.packageManager;
  const files = [
    ['src/app.ts', 'the app: `createApp` with its controllers; the `deft` commands and the tests load it from here'],
    ['src/main.ts', 'serves the app without the CLI: `node dist/main.js` after a build'],
    ['src/items/items-controller.ts', 'the routes of `/items/`, their parameters and dependencies'],
    ['src/items/item.ts', 'the DTOs: the validated request body and the response model'],
    ['src/items/items-repository.ts', options.database ? 'the items in SQLite, as a dependency' : 'the items in memory, as a dependency'],
    ...(options.auth ? [['src/auth/oauth2-scheme.ts', 'the OAuth2 bearer token scheme: enforced per route, documented in /docs']] : [['src/items/pagination.ts', '`?skip=&limit=` as a class dependency']]),
    ...(options.database ? [['src/db/database.ts', 'opens the SQLite file (`DATABASE_FILE`, default `data/app.sqlite`) and creates the table']] : []),
    ['test/items.test.ts', 'tests through `TestClient`, in-process, no port'],
  ];
  return `# ${options.name}

A [Deft](https://www.npmjs.com/package/@deft/core) app: FastAPI's programming model for TypeScript, on Fastify.

\`\`\`sh
${installCommand(pm)}
${runScript(pm, 'dev')}     # builds, serves http://127.0.0.1:8000 and reloads on save; docs at /docs
${runScript(pm, 'test')}
${runScript(pm, 'build')}   # compiles src/ into dist/
${runScript(pm, 'start')}   # serves dist/ in production mode (--workers N for several processes)
\`\`\`

Another port: \`${runScript(pm, 'dev')} -- --port 3000\` (or \`PORT=3000\`).

| file | what it is for |
|---|---|
${files.map(([file, what]) => `| \`${file}\` | ${what} |`).join('\n')}

More commands: \`npx deft routes\` lists the routes with their dependencies and
security, \`npx deft openapi --out openapi.json\` writes the OpenAPI document, and
\`npx deft generate resource todos\` adds a CRUD resource with its test.
`;
}
