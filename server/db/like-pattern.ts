/** `%text%` for ILIKE with the user's own %, _ and \ taken literally (a search for "10%" finds "10%"). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
