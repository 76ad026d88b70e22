import { createHttpBasicApp } from './app';

const port = Number(process.env.PORT ?? 8000);
createHttpBasicApp()
  .listen({ port })
  .then((address) => console.log(`Open ${address}/users/me and log in as stanleyjobson / swordfish`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
