import type { ScaffoldOptions } from '../scaffold-options';
import { importPath, type SourceStyle } from './source-style';

export function itemDtoTs(): string {
  return `import { IsNumber, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** The body of \`POST /items/\`: checked before the handler runs; a bad one answers 422. */
export class CreateItem {
  @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @IsOptional() @IsString() description?: string;
  @IsNumber() @Min(0) price!: number;
}

/** An item as the API answers with it (the response model: other fields are left out). */
export class Item {
  @IsNumber() id!: number;
  @IsString() name!: string;
  @IsOptional() @IsString() description?: string;
  @IsNumber() price!: number;
}
`;
}

export function paginationTs(): string {
  return `import { Int, Query } from '@deft/core';

/** \`?skip=&limit=\`, shared by the list routes: \`@Depends() page: Pagination\`. */
export class Pagination {
  constructor(
    @Query('skip', { type: Int, default: 0, ge: 0 }) readonly skip: number,
    @Query('limit', { type: Int, default: 20, ge: 1, le: 100 }) readonly limit: number,
  ) {}
}
`;
}

function memoryRepository(style: SourceStyle): string {
  return `import type { CreateItem, Item } from '${importPath(style, './item')}';

/** The items, kept in memory for the life of the process. */
export class ItemsRepository {
  private readonly items = new Map<number, Item>();
  private nextId = 1;

  create(input: CreateItem): Item {
    const item: Item = { id: this.nextId++, ...input };
    this.items.set(item.id, item);
    return item;
  }

  get(id: number): Item | undefined {
    return this.items.get(id);
  }

  list(skip: number, limit: number): Item[] {
    return [...this.items.values()].slice(skip, skip + limit);
  }
}

const repository = new ItemsRepository();

/** The app's one repository, as a dependency: \`@Depends(itemsRepository)\`; tests can override it. */
export const itemsRepository = (): ItemsRepository => repository;
`;
}

function sqliteRepository(style: SourceStyle): string {
  return `import type { Database } from 'better-sqlite3';
import { openDatabase } from '${importPath(style, '../db/database')}';
import type { CreateItem, Item } from '${importPath(style, './item')}';

interface ItemRow {
  id: number;
  name: string;
  description: string | null;
  price: number;
}

function toItem({ description, ...row }: ItemRow): Item {
  return description === null ? row : { ...row, description };
}

/** The items, in the app's SQLite database. */
export class ItemsRepository {
  constructor(private readonly db: Database) {}

  create(input: CreateItem): Item {
    const row = this.db
      .prepare<[string, string | null, number], ItemRow>('INSERT INTO items (name, description, price) VALUES (?, ?, ?) RETURNING *')
      .get(input.name, input.description ?? null, input.price);
    return toItem(row!);
  }

  get(id: number): Item | undefined {
    const row = this.db.prepare<[number], ItemRow>('SELECT * FROM items WHERE id = ?').get(id);
    return row && toItem(row);
  }

  list(skip: number, limit: number): Item[] {
    return this.db.prepare<[number, number], ItemRow>('SELECT * FROM items ORDER BY id LIMIT ? OFFSET ?').all(limit, skip).map(toItem);
  }
}

let repository: ItemsRepository | undefined;

/** The app's one repository, as a dependency: \`@Depends(itemsRepository)\`; tests can override it. */
export const itemsRepository = (): ItemsRepository => (repository ??= new ItemsRepository(openDatabase()));
`;
}

export function itemsRepositoryTs(options: ScaffoldOptions, style: SourceStyle): string {
  return options.database ? sqliteRepository(style) : memoryRepository(style);
}

export function itemsControllerTs(options: ScaffoldOptions, style: SourceStyle): string {
  const core = ['Body', 'Controller', 'Depends', 'Get', 'HTTPException', 'Int', 'Path', 'Post'];
  const imports = [
    `import { ${core.join(', ')} } from '@deft/core';`,
    ...(options.auth ? [`import { oauth2Scheme } from '${importPath(style, '../auth/oauth2-scheme')}';`] : []),
    `import { CreateItem, Item } from '${importPath(style, './item')}';`,
    `import { ItemsRepository, itemsRepository } from '${importPath(style, './items-repository')}';`,
    ...(options.auth ? [] : [`import { Pagination } from '${importPath(style, './pagination')}';`]),
  ];
  const list = options.auth
    ? `  /** FastAPI's security first steps: the bearer token back, or 401 without one. */
  @Get('/')
  readItems(@Depends(oauth2Scheme) token: string) {
    return { token };
  }`
    : `  @Get('/', { responseModel: [Item] })
  listItems(@Depends() page: Pagination, @Depends(itemsRepository) items: ItemsRepository) {
    return items.list(page.skip, page.limit);
  }`;
  const token = options.auth ? ', @Depends(oauth2Scheme) _token: string' : '';
  return `${imports.join('\n')}

@Controller('/items', { tags: ['items'] })
export class ItemsController {
${list}

  @Post('/', { statusCode: 201, responseModel: Item })
  createItem(@Body() input: CreateItem, @Depends(itemsRepository) items: ItemsRepository${token}) {
    return items.create(input);
  }

  @Get('/{item_id}', { responseModel: Item })
  readItem(@Path('item_id', { type: Int }) itemId: number, @Depends(itemsRepository) items: ItemsRepository${token}) {
    const item = items.get(itemId);
    if (!item) throw new HTTPException(404, 'Item not found');
    return item;
  }
}
`;
}
