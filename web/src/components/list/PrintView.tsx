import { PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Flex, Spin } from "antd";
import { useEffect, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { QueryError } from "../QueryError";
import "./print.css";

export interface PrintColumn<Row> {
  title: string;
  value: (row: Row) => string;
}

/** At most this many rows go to paper; the export has them all. */
const printLimit = 1000;

/**
 * The print view of a list: every row the list's filters match (up to 1000), as a plain bordered table with its title,
 * filters and date; the browser's print dialog opens once the rows are in. The app's frame is hidden on paper.
 */
export function PrintView<Row>(props: {
  title: string;
  queryKey: readonly unknown[];
  columns: ReadonlyArray<PrintColumn<Row>>;
  /** One page of the list; the view asks for pages until it has every row (or the limit). */
  fetchPage: (page: number, pageSize: number) => Promise<{ items: Row[]; total: number }>;
  pageSize?: number;
  /** The filters in words. */
  filters: ReadonlyArray<string>;
  rowKey: (row: Row) => string;
}) {
  const { t, number, date } = useI18n();
  const pageSize = props.pageSize ?? 200;
  const rows = useQuery({
    queryKey: ["print", ...props.queryKey],
    queryFn: async () => {
      const items: Row[] = [];
      let total = 0;
      for (let page = 1; items.length < printLimit; page += 1) {
        const result = await props.fetchPage(page, pageSize);
        total = result.total;
        items.push(...result.items);
        if (result.items.length < pageSize || items.length >= total) break;
      }
      return { items: items.slice(0, printLimit), total };
    },
  });
  const printed = useRef(false);
  useEffect(() => {
    if (rows.data && !printed.current) {
      printed.current = true;
      window.setTimeout(() => window.print(), 300);
    }
  }, [rows.data]);
  if (rows.isError) return <QueryError error={rows.error} onRetry={() => rows.refetch()} />;
  if (!rows.data) return <Spin />;
  return (
    <div className="print-view" data-testid="print-view">
      <Flex justify="flex-end" gap={8} className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("list.printNow")}
        </Button>
        <Button onClick={() => window.close()}>{t("list.printClose")}</Button>
      </Flex>
      <h1>{props.title}</h1>
      <div className="print-meta">
        <span>{t("list.printFilters", { filters: props.filters.join("；") || t("list.noFilters") })}</span>
        <span>{t("list.printCount", { n: number(rows.data.total) })}</span>
        <span>{t("list.printedOn", { date: date(new Date().toISOString()) })}</span>
      </div>
      {rows.data.total > rows.data.items.length ? (
        <p className="print-meta">{t("list.printTruncated", { n: number(rows.data.items.length) })}</p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>#</th>
            {props.columns.map((column) => (
              <th key={column.title}>{column.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.data.items.map((row, index) => (
            <tr key={props.rowKey(row)}>
              <td>{index + 1}</td>
              {props.columns.map((column) => (
                <td key={column.title}>{column.value(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
