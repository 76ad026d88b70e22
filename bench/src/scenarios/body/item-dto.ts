import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export enum Category {
  Tools = 'tools',
  Toys = 'toys',
  Books = 'books',
}

export class Dimensions {
  @IsNumber() @Min(0) width!: number;
  @IsNumber() @Min(0) height!: number;
  @IsNumber() @Min(0) depth!: number;
}

/** The body scenario's item as a class-validator DTO: Deft and NestJS both validate with it. */
export class Item {
  @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() @Min(0) price!: number;
  @IsOptional() @IsNumber() @Min(0) tax?: number | null;
  @IsInt() @Min(0) quantity!: number;
  @IsBoolean() in_stock!: boolean;
  @IsArray() @IsString({ each: true }) tags!: string[];
  @ValidateNested() @Type(() => Dimensions) dimensions!: Dimensions;
  @IsString() @Matches(/^[A-Z]{3}-\d{4}$/) sku!: string;
  @IsEnum(Category) category!: Category;
}
