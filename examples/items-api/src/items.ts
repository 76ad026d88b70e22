import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class Dimensions {
  @IsNumber() @Min(0) width!: number;
  @IsNumber() @Min(0) height!: number;
}

/** What clients send to create an item. */
export class ItemIn {
  @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() @Min(0) price!: number;
  @IsOptional() @ValidateNested() @Type(() => Dimensions) size?: Dimensions;
}

/** What clients get back: `internalNote` is stored but never sent. */
export class ItemOut {
  @IsNumber() id!: number;
  @IsString() name!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() price!: number;
  @IsOptional() @ValidateNested() @Type(() => Dimensions) size?: Dimensions;
}

export interface StoredItem extends ItemOut {
  internalNote: string;
}
