/** One language's whole UI dictionary, split out at build time (web/dictionary-plugin.ts). */
declare module "virtual:dictionary/*" {
  const table: Record<string, string>;
  export default table;
}
