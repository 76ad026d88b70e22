/** Nanoseconds per call of `write(value)`, over `count` calls in a row; throws if it wrote nothing (a loop the engine could drop). */
export function nsPerWrite(write: (value: unknown) => string, value: unknown, count: number): number {
  let length = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) length += write(value).length;
  const ns = Number(process.hrtime.bigint() - start) / count;
  if (length === 0) throw new Error('nothing written');
  return ns;
}
