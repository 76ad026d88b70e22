import { createItemsApp } from './app';

const port = Number(process.env.PORT ?? 8000);
const app = createItemsApp();
app
  .listen({ port })
  .then((address) => {
    console.log(`Items API listening on ${address} (try ${address}/items/)`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
