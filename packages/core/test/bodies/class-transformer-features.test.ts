import 'reflect-metadata';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MinLength, ValidateNested } from 'class-validator';
import { Body, Controller, Post } from '@deft/core';
import { clientFor } from '../support/client';

class Tag {
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsString()
  name!: string;
}

/** Uses what only class-transformer applies: the body goes through `plainToInstance`, not Deft's direct instantiation. */
class Article {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3)
  title!: string;

  @Expose()
  @IsOptional()
  @IsInt()
  wordCount?: number;

  @Exclude()
  internal = 'kept default';

  @ValidateNested({ each: true })
  @Type(() => Tag)
  tags: Tag[] = [];

  describe(): string {
    return `${this.title} (${this.tags.map((tag) => tag.name).join(', ')})`;
  }
}

@Controller()
class Articles {
  @Post('/articles')
  create(@Body() article: Article) {
    return {
      isArticle: article instanceof Article,
      tagsAreTags: article.tags.every((tag) => tag instanceof Tag),
      described: article.describe(),
      title: article.title,
      wordCount: article.wordCount,
      internal: article.internal,
    };
  }
}

describe('DTOs that use class-transformer features (@Transform, @Expose, @Exclude)', () => {
  const client = clientFor(Articles);

  it('are built by class-transformer: transforms applied, exposed fields read, excluded fields left at their defaults', async () => {
    const res = await client.post('/articles', {
      json: { title: '  Deft  ', wordCount: '120', internal: 'from the client', tags: [{ name: 'TypeScript' }, { name: 'APIs' }] },
    });
    expect(res.json()).toEqual({
      isArticle: true,
      tagsAreTags: true,
      described: 'Deft (typescript, apis)',
      title: 'Deft',
      wordCount: 120,
      internal: 'kept default',
    });
  });

  it('validate what the transforms produced', async () => {
    const res = await client.post('/articles', { json: { title: '  ab  ', tags: [] } });
    expect(res.status).toBe(422);
    expect(res.json<{ detail: { loc: unknown[]; type: string }[] }>().detail.map((item) => [item.loc, item.type])).toEqual([[['body', 'title'], 'string_too_short']]);
  });
});
