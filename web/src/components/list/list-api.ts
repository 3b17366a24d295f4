import { api, href, type PathsFor, type Reply } from "../../api/client";

/** The lists with an Excel export: a documented GET path whose `…/export` is documented too. */
export type ListPath = {
  [P in PathsFor<"get">]: `${P}/export` extends PathsFor<"get"> ? P : never;
}[PathsFor<"get">];

// The list's URL holds its query (filters, sort, page) as the address bar gives it: the path and the answer are typed
// by the document, the values are checked by the server (a 400 names the field).
const listGet = api.get as unknown as (
  path: string,
  init: { query: Record<string, string | number> },
) => Promise<unknown>;
const exportUrl = href as unknown as (path: string, init: { query: Record<string, string> }) => string;

/** One page of a list from its API, with the query the list's URL holds (the server validates every value). */
export const fetchListPage = <P extends PathsFor<"get">>(path: P, query: Record<string, string | number>) =>
  listGet(path, { query }) as Promise<Reply<P>>;

/** The list's Excel export: its API path + /export with the list's filters and sort, every page. */
export const exportHref = <P extends ListPath>(path: P, query: Record<string, string>) =>
  exportUrl(`${path}/export`, { query });
