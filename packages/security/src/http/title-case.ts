/** Python's `str.title()`: each run of letters starts upper case, the rest lower case (`my-scheme` → `My-Scheme`). */
export function titleCase(value: string): string {
  return value.replace(/[\p{Lu}\p{Ll}\p{Lt}]+/gu, (word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase());
}
