/** The attributes of a `Set-Cookie` header (`RequestContext.setCookie`). */
export interface CookieOptions {
  domain?: string;
  path?: string;
  expires?: Date;
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'strict' | 'lax' | 'none' | boolean;
  partitioned?: boolean;
}
