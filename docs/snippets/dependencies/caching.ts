import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get } from '@deft/core';

// #region caching
let calls = 0;
const expensive = async () => ++calls;

const wrapper = defineDependency({ n: Depends(expensive) }, ({ n }) => n);

@Controller()
class CountersController {
  @Get('/cached')
  cached(@Depends(expensive) a: number, @Depends(wrapper) b: number) {
    return { a, b };
  }

  @Get('/fresh')
  fresh(@Depends(expensive) a: number, @Depends(expensive, { useCache: false }) b: number) {
    return { a, b };
  }
}
// #endregion caching

export const app = createApp({ controllers: [CountersController] });
