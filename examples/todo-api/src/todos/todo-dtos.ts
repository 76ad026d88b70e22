import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsInt, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';

/** What `POST /todos` accepts. */
export class TodoCreate {
  @IsString() @Length(1, 200) title!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsBoolean() done?: boolean;
}

/** What `PATCH /todos/{todo_id}` accepts: only the fields to change. */
export class TodoUpdate {
  @IsOptional() @IsString() @Length(1, 200) title?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsBoolean() done?: boolean;
}

/** A todo as clients see it (not its owner's id). */
export class TodoOut {
  @IsInt() id!: number;
  @IsString() title!: string;
  @IsOptional() @IsString() description!: string | null;
  @IsBoolean() done!: boolean;
  @IsDate() @Type(() => Date) createdAt!: Date;
  @IsDate() @Type(() => Date) updatedAt!: Date;
}

/** One page of a list, with the total that matches the filters. */
export class TodoPage {
  @ValidateNested({ each: true }) @Type(() => TodoOut) items!: TodoOut[];
  @IsInt() total!: number;
  @IsInt() limit!: number;
  @IsInt() offset!: number;
}
