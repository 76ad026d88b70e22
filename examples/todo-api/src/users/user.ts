/** An account, as the app works with it (the row, with its password hash). */
export interface User {
  id: number;
  username: string;
  email: string;
  fullName: string | null;
  hashedPassword: string;
  scopes: string[];
  createdAt: Date;
}
