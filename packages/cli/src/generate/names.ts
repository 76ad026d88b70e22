import { CliError } from '../errors/cli-error';

/** One name in the spellings the generated code needs. */
export interface Names {
  /** `user-profiles`: files, folders and URLs. */
  readonly kebab: string;
  /** `UserProfiles`: classes. */
  readonly pascal: string;
  /** `userProfiles`: values. */
  readonly camel: string;
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function fromWords(list: readonly string[]): Names {
  const pascal = list.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return { kebab: list.join('-'), pascal, camel: pascal[0]!.toLowerCase() + pascal.slice(1) };
}

/** `userProfiles`, `user-profiles`, `UserProfiles` and `user_profiles` all name the same thing. */
export function parseName(name: string, kind: string): Names {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) {
    throw new CliError(`"${name}" cannot name a ${kind}: use letters, digits and dashes, starting with a letter (such as user-profiles).`);
  }
  return fromWords(words(name));
}

/** The singular of the last word, for the entity of a resource: `todos` → `todo`, `categories` → `category`. */
export function singular(names: Names): Names {
  const list = words(names.kebab);
  const last = list.pop()!;
  const one = /ies$/.test(last) ? last.replace(/ies$/, 'y') : /(ss|us)$/.test(last) ? last : /(s|x|z|ch|sh)es$/.test(last) ? last.replace(/es$/, '') : last.replace(/s$/, '');
  return fromWords([...list, one || last]);
}
