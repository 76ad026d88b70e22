import 'reflect-metadata';
import { Controller, createApp, Depends, Get, Query, RequestContext, type DeftApp } from '@deft/core';

/** A stand-in for a machine-learning model: slow to load, shared by every request. */
export const loaded: string[] = [];

// #region lifespan
async function* lifespan(_app: DeftApp) {
  // Before the app takes requests: load the model (or open the pool).
  const model = (x: number) => x * 42;
  loaded.push('loaded');
  yield { model };
  // When the app closes, after the last request: release it.
  loaded.push('released');
}
// #endregion lifespan

// #region app-scoped
/** The same as an app-scoped dependency: made once, before the first request, torn down at close(). */
async function* loadVocabulary() {
  const words = new Map([['deft', 'skilful and quick']]);
  yield words;
  words.clear();
}

const UseVocabulary = Depends(loadVocabulary, { scope: 'app' });

@Controller()
class PredictController {
  @Get('/predict')
  predict(@Query('x', { type: Number }) x: number, context: RequestContext) {
    const model = context.state.model as (x: number) => number;
    return { result: model(x) };
  }

  @Get('/define')
  define(@Query('word') word: string, @UseVocabulary words: Map<string, string>) {
    return { word, meaning: words.get(word) ?? null };
  }
}

export const app = createApp({ controllers: [PredictController], lifespan });
// #endregion app-scoped
