import { useSearchParams } from "react-router";

export type SortOrder = "asc" | "desc";

export interface ListParamsSpec<Filter extends string> {
  /** The filter parameters the list takes (besides q, page, pageSize, sort, order), named as the API names them. */
  filters: readonly Filter[];
  defaultPageSize?: number;
}

/**
 * A list's filters, search, sort and page, kept in the URL (so a link such as /applications?state=returned&callId=…
 * opens the list filtered, and a reload keeps it). Values are passed to the server as they are: the server validates
 * them and answers a bad one with a 400 naming it.
 */
export function useListParams<Filter extends string>(spec: ListParamsSpec<Filter>) {
  const [params, setParams] = useSearchParams();
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const filters = Object.fromEntries(spec.filters.map((key) => [key, text(key)])) as Record<Filter, string | undefined>;
  const q = text("q");
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const pageSize = Math.max(1, Number(params.get("pageSize") ?? spec.defaultPageSize ?? 20) || 20);
  const sort = text("sort");
  const order = params.get("order") === "desc" ? ("desc" as const) : params.get("order") === "asc" ? "asc" : undefined;

  /** Changes some parameters; any change but the page's goes back to page 1. */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };

  /** What the list's API and its export take: the filters, the search and the sort (no page). */
  const exportQuery: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...filters, q, sort, order })) {
    if (typeof value === "string" && value) exportQuery[key] = value;
  }
  const listQuery: Record<string, string | number> = { ...exportQuery, page, pageSize };

  return {
    filters,
    q,
    page,
    pageSize,
    sort,
    order,
    update,
    exportQuery,
    listQuery,
    /** The print view of the same list (opened in a new tab with ?print=1). */
    printing: params.get("print") === "1",
    printHref: () => {
      const next = new URLSearchParams(params);
      next.set("print", "1");
      return `${window.location.pathname}?${next.toString()}`;
    },
    /** antd's sort order of a column whose sort key is `key`. */
    sortOrderOf: (key: string) =>
      sort === key ? (order === "desc" ? ("descend" as const) : ("ascend" as const)) : null,
    /** Table `onChange`: the page, the page size and the sorter go to the URL. */
    onTableChange: (
      pagination: { current?: number | undefined; pageSize?: number | undefined },
      sorter: { columnKey?: React.Key | undefined; order?: "ascend" | "descend" | null | undefined } | unknown,
    ) => {
      const one = (Array.isArray(sorter) ? sorter[0] : sorter) as
        | { columnKey?: React.Key | undefined; order?: "ascend" | "descend" | null | undefined }
        | undefined;
      const nextSort = one?.order ? String(one.columnKey ?? "") : undefined;
      const nextOrder = one?.order === "descend" ? "desc" : one?.order === "ascend" ? "asc" : undefined;
      if (nextSort !== sort || nextOrder !== order) {
        update({ sort: nextSort, order: nextOrder });
        return;
      }
      update({
        page: pagination.current && pagination.current > 1 ? String(pagination.current) : undefined,
        pageSize: pagination.pageSize ? String(pagination.pageSize) : undefined,
      });
    },
  };
}

export type ListParams = ReturnType<typeof useListParams>;
