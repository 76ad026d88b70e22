const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Decodes base64 as Python's `base64.b64decode` does by default (what FastAPI's
 * `HTTPBasic` uses): characters outside the alphabet are skipped; padding ends
 * the data once it completes a quantum; a dangling final quantum is an error.
 * Returns `undefined` for input that is not ASCII or does not decode.
 */
export function decodeLenientBase64(text: string): Buffer | undefined {
  if (!isAsciiText(text)) return undefined;
  const bytes: number[] = [];
  let quantum = 0;
  let bits = 0;
  let pads = 0;
  for (const char of text) {
    if (char === '=') {
      if (quantum >= 2 && quantum + ++pads >= 4) return Buffer.from(bytes);
      continue;
    }
    const value = VALUES.get(char);
    if (value === undefined) continue;
    pads = 0;
    switch (quantum) {
      case 0:
        bits = value;
        break;
      case 1:
        bytes.push((bits << 2) | (value >> 4));
        bits = value & 0x0f;
        break;
      case 2:
        bytes.push(((bits << 4) | (value >> 2)) & 0xff);
        bits = value & 0x03;
        break;
      case 3:
        bytes.push(((bits << 6) | value) & 0xff);
        break;
    }
    quantum = (quantum + 1) % 4;
  }
  return quantum === 0 ? Buffer.from(bytes) : undefined;
}
