// Not run by the tests (it opens a port); compiled by the type-check like every snippet.
// #region main
import { app } from './app';

app.listen({ port: 8000 }).then((address) => console.log(`Deft is listening on ${address}`));
// #endregion main
