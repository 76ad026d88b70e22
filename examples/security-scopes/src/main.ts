import { createScopesApp } from './app';

const port = Number(process.env.PORT ?? 8000);
createScopesApp()
  .listen({ port })
  .then((address) => console.log(`Open ${address}/docs and click Authorize (johndoe / secret)`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
