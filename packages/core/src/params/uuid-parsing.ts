import { ConversionIssue } from './conversion-issue';

const HEX = /^[0-9a-fA-F]$/;
const HYPHENATED = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SIMPLE = /^[0-9a-fA-F]{32}$/;
const GROUP_STARTS = [0, 9, 14, 19, 24] as const;
const GROUP_LENGTHS = [8, 4, 4, 4, 12] as const;

const uuidType = new ConversionIssue('uuid_type', 'UUID input should be a string, bytes or UUID object');

function parsingIssue(error: string): ConversionIssue {
  return new ConversionIssue('uuid_parsing', `Input should be a valid UUID, ${error}`, { error });
}

/** Why a text is no UUID, worded as the `uuid` crate Pydantic uses words it. */
function whyInvalid(text: string): string {
  const [body, offset, simple] = text.startsWith('{') && text.endsWith('}') && text.length >= 2
    ? [text.slice(1, -1), 1, false]
    : text.startsWith('urn:uuid:')
      ? [text.slice(9), 9, false]
      : [text, 0, true];
  const hyphens: number[] = [];
  for (let index = 0; index < body.length; index++) {
    const char = String.fromCodePoint(body.codePointAt(index)!);
    if (char === '-') hyphens.push(index);
    else if (!HEX.test(char)) return `invalid character: found \`${char}\` at ${index + offset + 1}`;
  }
  if (hyphens.length === 0 && simple) return `invalid length: expected length 32 for simple format, found ${Buffer.byteLength(text)}`;
  if (hyphens.length !== 4) return `invalid group count: expected 5, found ${hyphens.length + 1}`;
  for (let group = 0; group < 4; group++) {
    if (hyphens[group] !== GROUP_STARTS[group + 1]! - 1) {
      return `invalid group length in group ${group}: expected ${GROUP_LENGTHS[group]}, found ${hyphens[group]! - GROUP_STARTS[group]!}`;
    }
  }
  // The crate measures the last group against the whole input, braces included.
  return `invalid group length in group 4: expected 12, found ${text.length - GROUP_STARTS[4]}`;
}

function hyphenate(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toLowerCase();
}

/** A UUID in its lowercase hyphenated form, or Pydantic's `uuid_type` / `uuid_parsing` issue. */
export function toUuid(raw: unknown): unknown {
  if (typeof raw !== 'string') return uuidType;
  if (raw.length === 36 && HYPHENATED.test(raw)) return raw.toLowerCase();
  if (raw.length === 32 && SIMPLE.test(raw)) return hyphenate(raw);
  const inner = raw.length === 38 && raw.startsWith('{') && raw.endsWith('}') ? raw.slice(1, -1) : raw.length === 45 && raw.startsWith('urn:uuid:') ? raw.slice(9) : undefined;
  if (inner !== undefined && HYPHENATED.test(inner)) return inner.toLowerCase();
  return parsingIssue(whyInvalid(raw));
}
