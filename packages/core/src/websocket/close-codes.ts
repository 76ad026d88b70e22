/** The close codes Deft sends (RFC 6455 section 7.4.1), FastAPI's names. */
export const WS_1000_NORMAL_CLOSURE = 1000;
export const WS_1001_GOING_AWAY = 1001;
export const WS_1006_ABNORMAL_CLOSURE = 1006;
export const WS_1008_POLICY_VIOLATION = 1008;
export const WS_1011_INTERNAL_ERROR = 1011;

/** A close reason is at most 123 bytes of UTF-8 (a control frame carries 125, two of them the code). */
export function closeReason(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= 123) return text;
  let end = 120;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return `${bytes.subarray(0, end).toString('utf8')}...`;
}
