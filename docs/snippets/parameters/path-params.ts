import 'reflect-metadata';
import { Controller, createApp, Get, Int, Path } from '@deft/core';

// #region model-name
enum ModelName {
  Alexnet = 'alexnet',
  Resnet = 'resnet',
  Lenet = 'lenet',
}
// #endregion model-name

@Controller()
class PathController {
  // #region typed
  @Get('/items/{item_id}')
  readItem(@Path('item_id', { type: Int }) itemId: number) {
    return { item_id: itemId };
  }
  // #endregion typed

  // #region order
  @Get('/users/me')
  readUserMe() {
    return { user_id: 'the current user' };
  }

  @Get('/users/{user_id}')
  readUser(@Path('user_id') userId: string) {
    return { user_id: userId };
  }
  // #endregion order

  // #region enum
  @Get('/models/{model_name}')
  getModel(@Path('model_name', { enum: ModelName }) modelName: ModelName) {
    if (modelName === ModelName.Alexnet) return { model_name: modelName, message: 'Deep Learning FTW!' };
    return { model_name: modelName, message: 'Have some residuals' };
  }
  // #endregion enum

  // #region path
  @Get('/files/{file_path:path}')
  readFile(@Path('file_path') filePath: string) {
    return { file_path: filePath };
  }
  // #endregion path
}

export const app = createApp({ controllers: [PathController] });
