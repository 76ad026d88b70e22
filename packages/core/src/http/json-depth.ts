/**
 * Whether a JSON text nests arrays and objects deeper than `limit`. A text
 * with no more than `limit` brackets cannot, and most texts are told so by a
 * count of their `[` and `{` (found by the engine's native search, so a
 * request pays almost nothing); only a text with more brackets than the limit
 * is walked, character by character, skipping strings. Iterative, like every
 * walk of client data in the request path.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  if (text.length <= limit || countUpTo(text, limit) <= limit) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string: to the next quote that no backslash escapes.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** How many `[` and `{` the text holds, counting no further than `limit + 1`. */
function countUpTo(text: string, limit: number): number {
  let count = 0;
  for (const opener of ['[', '{']) {
    for (let i = text.indexOf(opener); i !== -1 && count <= limit; i = text.indexOf(opener, i + 1)) count++;
  }
  return count;
}
