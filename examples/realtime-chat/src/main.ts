import { createChatApp } from './app';

const app = createChatApp();
app.listen({ port: Number(process.env.PORT ?? 8000) }).then((address) => console.log(`Chat on ${address}/ (log in with any name)`));
