import { IsNumber, IsString, MinLength } from 'class-validator';

export class CreateItem {
  @IsString() @MinLength(1) name!: string;
  @IsNumber() price!: number;
}
