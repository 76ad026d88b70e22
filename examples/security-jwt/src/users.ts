import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { getDummyHash, verifyPassword } from './passwords';

// #region models
export class User {
  @IsString() username!: string;
  @IsOptional() @IsString() email!: string | null;
  @IsOptional() @IsString() full_name!: string | null;
  @IsOptional() @IsBoolean() disabled!: boolean | null;
}

export interface UserInDB extends User {
  hashed_password: string;
}

export class Token {
  @IsString() access_token!: string;
  @IsString() token_type!: string;
}
// #endregion models

// #region users
const fakeUsersDb: Readonly<Record<string, UserInDB>> = {
  johndoe: {
    username: 'johndoe',
    full_name: 'John Doe',
    email: 'johndoe@example.com',
    // argon2id of "secret"
    hashed_password: '$argon2id$v=19$m=65536,t=3,p=4$wagCPXjifgvUFBzq4hqe3w$CYaIb8sB+wtD+Vu/P4uod1+Qof8h+1g7bbDlBID48Rc',
    disabled: false,
  },
  alice: {
    username: 'alice',
    full_name: 'Alice Chains',
    email: 'alicechains@example.com',
    // argon2id of "secretalice"
    hashed_password: '$argon2id$v=19$m=65536,t=3,p=4$g2/AV1zwopqUntPKJavBFw$BwpRGDCyUHLvHICnwijyX8ROGoiUPwNKZ7915MeYfCE',
    disabled: true,
  },
};

export function getUser(username: string): UserInDB | undefined {
  return Object.hasOwn(fakeUsersDb, username) ? fakeUsersDb[username] : undefined;
}
// #endregion users

// #region authenticate
export async function authenticateUser(username: string, password: string): Promise<UserInDB | undefined> {
  const user = getUser(username);
  if (!user) {
    await verifyPassword(password, await getDummyHash());
    return undefined;
  }
  return (await verifyPassword(password, user.hashed_password)) ? user : undefined;
}
// #endregion authenticate
