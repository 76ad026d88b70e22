import { importPath, type SourceStyle } from '../../scaffold/templates/source-style';
import type { Names } from '../names';

export function dependencyTs(names: Names): string {
  return `import { defineDependency, Header } from '@deft/core';

/**
 * A dependency: a handler takes its value with \`@Depends(${names.camel}) value: string\`.
 * It reads the request (here the \`X-${names.pascal}\` header) and may throw an
 * HTTPException to refuse it; tests replace it with app.dependencyOverrides.
 */
export const ${names.camel} = defineDependency({ value: Header('x-${names.kebab}', { type: String, default: null }) }, ({ value }) => value ?? 'none');
`;
}

export function dependencyTestTs(names: Names, dependencyImport: string, style: SourceStyle): string {
  return `import 'reflect-metadata';
import { Controller, createApp, Depends, Get } from '@deft/core';
import { TestClient } from '@deft/testing';
import { ${names.camel} } from '${importPath(style, dependencyImport)}';

@Controller()
class ProbeController {
  @Get('/probe')
  probe(@Depends(${names.camel}) value: string) {
    return { value };
  }
}

describe('${names.camel}', () => {
  const client = new TestClient(createApp({ controllers: [ProbeController] }));

  it('reads the X-${names.pascal} header', async () => {
    const response = await client.get('/probe', { headers: { 'x-${names.kebab}': 'hello' } });
    expect(response.json()).toEqual({ value: 'hello' });
  });

  it('has a value without the header', async () => {
    expect((await client.get('/probe')).json()).toEqual({ value: 'none' });
  });
});
`;
}
