import { importPath, type SourceStyle } from '../../scaffold/templates/source-style';
import type { Names } from '../names';

export function controllerTs(names: Names): string {
  return `import { Controller, Get, Int, Path } from '@deft/core';

@Controller('/${names.kebab}', { tags: ['${names.kebab}'] })
export class ${names.pascal}Controller {
  @Get('/')
  list() {
    return [];
  }

  @Get('/{id}')
  read(@Path('id', { type: Int }) id: number) {
    return { id };
  }
}
`;
}

export function controllerTestTs(names: Names, controllerImport: string, style: SourceStyle): string {
  return `import 'reflect-metadata';
import { createApp } from '@deft/core';
import { TestClient } from '@deft/testing';
import { ${names.pascal}Controller } from '${importPath(style, controllerImport)}';

describe('${names.pascal}Controller', () => {
  const client = new TestClient(createApp({ controllers: [${names.pascal}Controller] }));

  it('lists nothing yet', async () => {
    const response = await client.get('/${names.kebab}/');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([]);
  });

  it('reads the id from the path as an integer', async () => {
    expect((await client.get('/${names.kebab}/7')).json()).toEqual({ id: 7 });
    expect((await client.get('/${names.kebab}/seven')).status).toBe(422);
  });
});
`;
}
