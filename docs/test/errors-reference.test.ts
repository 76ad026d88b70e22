import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes, requestErrorCodes } from '@deft/core';

/**
 * docs/errors-reference.md documents every code of the registry
 * (packages/core/src/errors/error-codes.ts), in the registry's order, each
 * under a `## CODE` heading followed by its summary quoted word for word; a
 * request error's status follows its quote.
 */
const page = readFileSync(join(__dirname, '..', 'errors-reference.md'), 'utf8');

function documented(): Map<string, { quote: string | undefined; after: string | undefined }> {
  const sections = new Map<string, { quote: string | undefined; after: string | undefined }>();
  const lines = page.split('\n');
  lines.forEach((line, index) => {
    const heading = /^## (\S+)$/.exec(line);
    if (!heading) return;
    const [quote, after] = lines.slice(index + 1).filter((l) => l.trim() !== '');
    sections.set(heading[1]!, { quote: quote?.startsWith('> ') ? quote.slice(2) : undefined, after });
  });
  return sections;
}

describe('docs/errors-reference.md', () => {
  it('documents exactly the codes of the registry, in its order', () => {
    expect([...documented().keys()]).toEqual([...Object.keys(errorCodes), ...Object.keys(requestErrorCodes)]);
  });

  it.each(Object.entries(errorCodes))('quotes the summary of %s', (code, summary) => {
    expect(documented().get(code)?.quote).toBe(summary);
  });

  it.each(Object.entries(requestErrorCodes))('quotes the summary of %s and gives its status', (code, { status, summary }) => {
    expect(documented().get(code)?.quote).toBe(summary);
    expect(documented().get(code)?.after).toMatch(new RegExp(`^\\*\\*Status:\\*\\* ${status}\\. `));
  });
});
