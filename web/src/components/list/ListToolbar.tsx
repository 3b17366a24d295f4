import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Select, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { ListParams } from "./useListParams";

export interface FilterControl {
  /** The URL and API parameter. */
  key: string;
  placeholder: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  width?: number;
  testId?: string;
}

/**
 * The one list toolbar: a search box with its placeholder, the filters as selects, and the Excel export (exactly what
 * is filtered, every page) and print buttons. Every value lives in the URL (useListParams).
 */
export function ListToolbar(props: {
  list: ListParams;
  /** Prefix of the test ids: `<prefix>-search`, `<prefix>-export`, `<prefix>-print`, `<prefix>-filter-<key>`. */
  name: string;
  searchPlaceholder: string;
  filters: ReadonlyArray<FilterControl>;
  /** The export's URL (the list's /export with the list's query), when the caller may export. */
  exportHref?: string | undefined;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const { list } = props;
  const filtered = Object.keys(list.exportQuery).some((key) => key !== "sort" && key !== "order");
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} className="no-print">
      <Input.Search
        key={list.q ?? ""}
        allowClear
        defaultValue={list.q}
        placeholder={props.searchPlaceholder}
        aria-label={t("list.q")}
        style={{ width: 300 }}
        onSearch={(value) => list.update({ q: value.trim() || undefined })}
        data-testid={`${props.name}-search`}
      />
      {props.filters.map((filter) => (
        <Select
          key={filter.key}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          value={list.exportQuery[filter.key]}
          placeholder={filter.placeholder}
          aria-label={filter.placeholder}
          style={{ width: filter.width ?? 160 }}
          options={filter.options.map((option) => ({ ...option }))}
          onChange={(value?: string) => list.update({ [filter.key]: value })}
          data-testid={filter.testId ?? `${props.name}-filter-${filter.key}`}
        />
      ))}
      {filtered ? (
        <Button
          type="link"
          onClick={() => list.update(Object.fromEntries(Object.keys(list.exportQuery).map((key) => [key, undefined])))}
          data-testid={`${props.name}-reset`}
        >
          {t("list.reset")}
        </Button>
      ) : null}
      <Flex gap={8} style={{ marginLeft: "auto" }}>
        {props.extra}
        {props.exportHref ? (
          <Tooltip title={t("list.exportHint")}>
            <Button icon={<DownloadOutlined />} href={props.exportHref} data-testid={`${props.name}-export`}>
              {t("list.export")}
            </Button>
          </Tooltip>
        ) : null}
        <Button
          icon={<PrinterOutlined />}
          href={list.printHref()}
          target="_blank"
          rel="noopener"
          data-testid={`${props.name}-print`}
        >
          {t("list.print")}
        </Button>
      </Flex>
    </Flex>
  );
}
