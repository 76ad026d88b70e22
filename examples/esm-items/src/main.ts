import { app } from './app.js';

// An ES module may wait at the top level.
const address = await app.listen({ port: Number(process.env.PORT ?? 8000) });
console.log(`Listening on ${address}; docs at ${address}/docs`);
