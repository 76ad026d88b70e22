import { IsInt, IsString } from 'class-validator';

/** The token endpoint's answer, in OAuth2's wire format (RFC 6749, section 5.1). */
export class TokenOut {
  @IsString() access_token!: string;
  @IsString() token_type!: string;
  /** Seconds until the token expires. */
  @IsInt() expires_in!: number;
  /** The scopes granted, space-separated: those asked for that the account has (all of them when none were asked for). */
  @IsString() scope!: string;
}
