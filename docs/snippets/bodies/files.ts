import 'reflect-metadata';
import { Controller, createApp, File, Form, Post, UploadFile } from '@deft/core';

@Controller()
class FilesController {
  // #region single
  @Post('/files/')
  createFile(@File('file') file: Buffer) {
    return { file_size: file.length };
  }

  @Post('/uploadfile/')
  async createUploadFile(@File('file') file: UploadFile) {
    const content = await file.text();
    return { filename: file.filename, content_type: file.contentType, lines: content.split('\n').length };
  }
  // #endregion single

  // #region many
  @Post('/uploadfiles/')
  createUploadFiles(@File('files', { type: [UploadFile] }) files: UploadFile[], @Form('token') token: string) {
    return { filenames: files.map((file) => file.filename), token };
  }
  // #endregion many

  // #region optional
  @Post('/avatar/')
  uploadAvatar(@File('file', { type: UploadFile, default: null }) file: UploadFile | null) {
    return file === null ? { message: 'No upload file sent' } : { filename: file.filename };
  }
  // #endregion optional
}

export const app = createApp({ controllers: [FilesController] });
