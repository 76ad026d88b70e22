import { Type } from 'class-transformer';
import { IsDate, IsEmail, IsInt, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** What `POST /auth/register` accepts. */
export class RegisterIn {
  /** 3 to 32 lower-case letters, digits or underscores. */
  @IsString() @Matches(/^[a-z0-9_]{3,32}$/, { message: 'username must be 3 to 32 lower-case letters, digits or underscores' }) username!: string;
  @IsEmail() @MaxLength(254) email!: string;
  @IsString() @Length(8, 128) password!: string;
  @IsOptional() @IsString() @MaxLength(100) fullName?: string | null;
}

/** An account as clients see it: never the password hash. */
export class UserOut {
  @IsInt() id!: number;
  @IsString() username!: string;
  @IsString() email!: string;
  @IsOptional() @IsString() fullName!: string | null;
  @IsString({ each: true }) scopes!: string[];
  @IsDate() @Type(() => Date) createdAt!: Date;
}
