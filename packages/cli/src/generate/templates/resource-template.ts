import { importPath, type SourceStyle } from '../../scaffold/templates/source-style';
import type { Names } from '../names';

/** The names a resource's files share: `todos` (the collection) and `todo` (one entity). */
export interface ResourceNames {
  readonly many: Names;
  readonly one: Names;
  /** Import paths from the controller's folder. */
  readonly imports: { readonly entity: string; readonly repository: string };
}

export function entityTs({ one }: ResourceNames): string {
  return `import { IsInt, IsOptional, IsString, MinLength } from 'class-validator';

/** The body of \`POST\`: checked before the handler runs; a bad one answers 422. */
export class Create${one.pascal} {
  @IsString() @MinLength(1) name!: string;
}

/** The body of \`PATCH\`: every field optional. */
export class Update${one.pascal} {
  @IsOptional() @IsString() @MinLength(1) name?: string;
}

/** A ${one.kebab} as the API answers with it. */
export class ${one.pascal} {
  @IsInt() id!: number;
  @IsString() name!: string;
}
`;
}

export function repositoryTs({ many, one, imports }: ResourceNames, style: SourceStyle): string {
  return `import type { Create${one.pascal}, ${one.pascal}, Update${one.pascal} } from '${importPath(style, imports.entity)}';

/** The ${many.kebab}, in memory for the life of the process: swap in a database when you need one. */
export class ${many.pascal}Repository {
  private readonly rows = new Map<number, ${one.pascal}>();
  private nextId = 1;

  list(): ${one.pascal}[] {
    return [...this.rows.values()];
  }

  get(id: number): ${one.pascal} | undefined {
    return this.rows.get(id);
  }

  create(input: Create${one.pascal}): ${one.pascal} {
    const row = { id: this.nextId++, ...input };
    this.rows.set(row.id, row);
    return row;
  }

  update(id: number, changes: Update${one.pascal}): ${one.pascal} | undefined {
    const row = this.rows.get(id);
    if (!row) return undefined;
    const updated = { ...row, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
    this.rows.set(id, updated);
    return updated;
  }

  delete(id: number): boolean {
    return this.rows.delete(id);
  }
}

const repository = new ${many.pascal}Repository();

/** The app's one repository, as a dependency: \`@Depends(${many.camel}Repository)\`; tests can override it. */
export const ${many.camel}Repository = (): ${many.pascal}Repository => repository;
`;
}

export function resourceControllerTs({ many, one, imports }: ResourceNames, style: SourceStyle): string {
  const repo = `@Depends(${many.camel}Repository) ${many.camel}: ${many.pascal}Repository`;
  const id = `@Path('${one.camel}Id', { type: Int }) id: number`;
  return `import { Body, Controller, Delete, Depends, Get, HTTPException, Int, Patch, Path, Post } from '@deft/core';
import { Create${one.pascal}, ${one.pascal}, Update${one.pascal} } from '${importPath(style, imports.entity)}';
import { ${many.pascal}Repository, ${many.camel}Repository } from '${importPath(style, imports.repository)}';

function notFound(): HTTPException {
  return new HTTPException(404, '${one.pascal} not found');
}

@Controller('/${many.kebab}', { tags: ['${many.kebab}'] })
export class ${many.pascal}Controller {
  @Get('/', { responseModel: [${one.pascal}] })
  list(${repo}) {
    return ${many.camel}.list();
  }

  @Get('/{${one.camel}Id}', { responseModel: ${one.pascal} })
  read(${id}, ${repo}) {
    const found = ${many.camel}.get(id);
    if (!found) throw notFound();
    return found;
  }

  @Post('/', { statusCode: 201, responseModel: ${one.pascal} })
  create(@Body() input: Create${one.pascal}, ${repo}) {
    return ${many.camel}.create(input);
  }

  @Patch('/{${one.camel}Id}', { responseModel: ${one.pascal} })
  update(${id}, @Body() changes: Update${one.pascal}, ${repo}) {
    const updated = ${many.camel}.update(id, changes);
    if (!updated) throw notFound();
    return updated;
  }

  @Delete('/{${one.camel}Id}', { statusCode: 204 })
  remove(${id}, ${repo}) {
    if (!${many.camel}.delete(id)) throw notFound();
  }
}
`;
}

export function resourceTestTs({ many, one }: ResourceNames, controllerImport: string, style: SourceStyle): string {
  return `import 'reflect-metadata';
import { createApp } from '@deft/core';
import { TestClient } from '@deft/testing';
import { ${many.pascal}Controller } from '${importPath(style, controllerImport)}';

describe('${many.kebab}', () => {
  const client = new TestClient(createApp({ controllers: [${many.pascal}Controller] }));

  it('creates, reads, changes and deletes a ${one.kebab}', async () => {
    const created = await client.post('/${many.kebab}/', { json: { name: 'First' } });
    expect(created.status).toBe(201);
    const { id } = created.json() as { id: number };
    expect((await client.get(\`/${many.kebab}/\${id}\`)).json()).toEqual({ id, name: 'First' });
    expect((await client.get('/${many.kebab}/')).json()).toContainEqual({ id, name: 'First' });

    const changed = await client.patch(\`/${many.kebab}/\${id}\`, { json: { name: 'Second' } });
    expect(changed.json()).toEqual({ id, name: 'Second' });

    expect((await client.delete(\`/${many.kebab}/\${id}\`)).status).toBe(204);
    expect((await client.get(\`/${many.kebab}/\${id}\`)).status).toBe(404);
  });

  it('answers 422 for an empty name', async () => {
    const response = await client.post('/${many.kebab}/', { json: { name: '' } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [expect.objectContaining({ loc: ['body', 'name'] })] });
  });

  it('answers 404 for a ${one.kebab} that does not exist', async () => {
    expect((await client.patch('/${many.kebab}/999', { json: { name: 'x' } })).status).toBe(404);
    expect((await client.delete('/${many.kebab}/999')).status).toBe(404);
  });
});
`;
}
