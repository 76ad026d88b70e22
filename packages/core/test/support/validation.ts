/** Builders for the 422 items tests expect, in FastAPI's shape; each names only what varies. */
export const missing = (...loc: (string | number)[]) => ({ type: 'missing', loc, msg: 'Field required', input: null });

export const intParsing = (loc: (string | number)[], input: string) => ({
  type: 'int_parsing',
  loc,
  msg: 'Input should be a valid integer, unable to parse string as an integer',
  input,
});

export const floatParsing = (loc: (string | number)[], input: string) => ({
  type: 'float_parsing',
  loc,
  msg: 'Input should be a valid number, unable to parse string as a number',
  input,
});

export const boolParsing = (loc: (string | number)[], input: string) => ({
  type: 'bool_parsing',
  loc,
  msg: 'Input should be a valid boolean, unable to interpret input',
  input,
});
