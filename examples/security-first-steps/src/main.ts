import { app } from './app';

const port = Number(process.env.PORT ?? 8000);
app
  .listen({ port })
  .then((address) => console.log(`Open ${address}/docs and click Authorize`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
