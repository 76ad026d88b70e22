/** What every response instance may set besides its content (`new HTMLResponse(html, { status, headers })`). */
export interface ResponseInit {
  /** The status; default: the route's `statusCode`, else the class's own (200; 307 for a redirect). */
  status?: number;
  headers?: Readonly<Record<string, string>>;
  /** The `Content-Type`; default: the class's. A `text/*` type without a charset gets `; charset=utf-8`. */
  mediaType?: string;
}

/** Starlette's rule: a `text/*` media type without a charset is sent with `; charset=utf-8`. */
export function withCharset(mediaType: string): string {
  return mediaType.startsWith('text/') && !/;\s*charset=/i.test(mediaType) ? `${mediaType}; charset=utf-8` : mediaType;
}
