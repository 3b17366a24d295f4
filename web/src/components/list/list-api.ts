import { buildUrl, http } from "../../api/client";

/** One page of a list from its API, with the query the list's URL holds (the server validates every value). */
export const fetchListPage = <Page>(path: string, query: Record<string, string | number>) =>
  http.get<Page>(path, query);

/** The list's Excel export: its API path + /export with the list's filters and sort, every page. */
export const exportHref = (path: string, query: Record<string, string>) => buildUrl(`${path}/export`, query);
