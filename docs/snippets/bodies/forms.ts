import 'reflect-metadata';
import { IsString, MinLength } from 'class-validator';
import { Controller, createApp, Form, Post } from '@deft/core';

// #region model
class SignupForm {
  @IsString() username!: string;
  @IsString() @MinLength(8) password!: string;
}
// #endregion model

@Controller()
class FormsController {
  // #region fields
  @Post('/login/')
  login(@Form('username') username: string, @Form('password') password: string) {
    return { username, passwordLength: password.length };
  }
  // #endregion fields

  // #region dto
  @Post('/signup/')
  signup(@Form() form: SignupForm) {
    return { username: form.username };
  }
  // #endregion dto
}

export const app = createApp({ controllers: [FormsController] });
