/** A todo, as the app works with it. */
export interface Todo {
  id: number;
  ownerId: number;
  title: string;
  description: string | null;
  done: boolean;
  createdAt: Date;
  updatedAt: Date;
}
