import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from '@deft/core';

/**
 * docs/errors-reference.md documents every code of the registry
 * (packages/core/src/errors/error-codes.ts), in the registry's order, each
 * under a `## CODE` heading followed by its summary quoted word for word.
 */
const page = readFileSync(join(__dirname, '..', 'errors-reference.md'), 'utf8');

function documented(): Map<string, string | undefined> {
  const sections = new Map<string, string | undefined>();
  const lines = page.split('\n');
  lines.forEach((line, index) => {
    const heading = /^## (\S+)$/.exec(line);
    if (!heading) return;
    const quote = lines.slice(index + 1).find((l) => l.trim() !== '');
    sections.set(heading[1]!, quote?.startsWith('> ') ? quote.slice(2) : undefined);
  });
  return sections;
}

describe('docs/errors-reference.md', () => {
  it('documents exactly the codes of the registry, in its order', () => {
    expect([...documented().keys()]).toEqual(Object.keys(errorCodes));
  });

  it.each(Object.entries(errorCodes))('quotes the summary of %s', (code, summary) => {
    expect(documented().get(code)).toBe(summary);
  });
});
