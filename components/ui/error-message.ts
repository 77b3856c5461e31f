/** What went wrong, in the words the thrower chose (background errors arrive as Error objects). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
