import { DeleteOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Space, Table, Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import { type HTMLAttributes, useState } from "react";
import { holidaySourceLabels } from "../../../../policy/calendar/holiday-sources";
import { type HolidayYear, type HolidayYearList, holidayYearsApi } from "../../api/holiday-years";
import { hasAbility, useSession } from "../../api/session";
import { QueryError } from "../../components/QueryError";
import { ReasonModal } from "../../components/ReasonModal";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { HolidayDateTags } from "./HolidayDateTags";
import { HolidayImportModal } from "./HolidayImportModal";
import { HolidayYearModal } from "./HolidayYearModal";

export const holidayYearsKey = ["reference", "holiday-years"] as const;

type Row = { kind: "packaged"; packaged: HolidayYearList["packaged"] } | { kind: "entered"; entry: HolidayYear };

/** The year after the last covered one: what an officer most likely enters next. */
function nextYear(list: HolidayYearList | undefined): number {
  const last = Math.max(list?.packaged.to ?? dayjs().year(), ...(list?.years.map((entry) => entry.year) ?? []));
  return last + 1;
}

/**
 * 节假日安排 (SPEC §2): the built-in years as one row, then every year officers entered from the State Council's
 * notices (or the demo estimated). Officers (`reference.manage`) enter, import, change and delete; the server checks.
 */
export function HolidayYearsTab() {
  const me = useSession();
  const { t, pick, date, dateTime } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const list = useQuery({ queryKey: holidayYearsKey, queryFn: holidayYearsApi.list });
  const canManage = hasAbility(me, "reference.manage");
  const [editing, setEditing] = useState<{ entry: HolidayYear | null; year: number } | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<HolidayYear | null>(null);
  const remove = useMutation({
    mutationFn: ({ year, reason }: { year: number; reason: string }) => holidayYearsApi.remove(year, reason),
    onSuccess: (_result, { year }) => {
      feedback.done(t("holidays.deleted", { year }));
      void client.invalidateQueries({ queryKey: holidayYearsKey });
      setDeleting(null);
    },
    onError: (error) => feedback.fail(error),
  });

  const packaged = list.data?.packaged;
  const rows: Row[] = packaged
    ? [{ kind: "packaged", packaged }, ...list.data!.years.map((entry) => ({ kind: "entered" as const, entry }))]
    : [];
  const dash = "—";
  const entered = (row: Row) => (row.kind === "entered" ? row.entry : null);

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("holidays.intro", { from: packaged?.from ?? 2004, to: packaged?.to ?? 2026 })}
      />
      {canManage ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => setEditing({ entry: null, year: nextYear(list.data) })}
            data-testid="holiday-enter"
          >
            {t("holidays.enter")}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="holiday-import">
            {t("holidays.import")}
          </Button>
          <Button icon={<DownloadOutlined />} href={holidayYearsApi.templateUrl}>
            {t("holidays.template")}
          </Button>
        </Space>
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<Row>
        rowKey={(row) => (row.kind === "packaged" ? "packaged" : String(row.entry.year))}
        size="small"
        loading={list.isFetching}
        dataSource={rows}
        pagination={false}
        onRow={(row) =>
          ({
            "data-testid": `holiday-row-${row.kind === "packaged" ? "packaged" : row.entry.year}`,
          }) as HTMLAttributes<HTMLElement>
        }
        expandable={{
          rowExpandable: (row) => row.kind === "entered",
          expandedRowRender: (row) => (row.kind === "entered" ? <HolidayDates entry={row.entry} /> : null),
        }}
        columns={[
          {
            title: t("holidays.year"),
            key: "year",
            width: 120,
            render: (_, row) =>
              row.kind === "packaged" ? (
                `${row.packaged.from}–${row.packaged.to}`
              ) : (
                <Space size={4} wrap>
                  <strong>{row.entry.year}</strong>
                  {row.entry.correctsPackaged ? <Tag color="orange">{t("holidays.correctionTag")}</Tag> : null}
                </Space>
              ),
          },
          {
            title: t("holidays.source"),
            key: "source",
            render: (_, row) => {
              if (row.kind === "packaged") {
                return t("holidays.packagedSource", { name: row.packaged.packageName, version: row.packaged.version });
              }
              const label = holidaySourceLabels[row.entry.sourceKind];
              return (
                <Space size={4} wrap>
                  {pick(label.zh, label.en)}
                  {row.entry.isDemo ? (
                    <Tooltip title={t("holidays.demoTooltip")}>
                      <Tag color="gold" data-testid="holiday-demo-tag">
                        {t("holidays.demoTag")}
                      </Tag>
                    </Tooltip>
                  ) : null}
                </Space>
              );
            },
          },
          {
            title: t("holidays.documentNumber"),
            key: "number",
            // A 文号 is never broken across lines.
            render: (_, row) => <span style={{ whiteSpace: "nowrap" }}>{entered(row)?.documentNumber ?? dash}</span>,
          },
          {
            title: t("holidays.holidayCount"),
            key: "holidays",
            width: 80,
            render: (_, row) => {
              const entry = entered(row);
              return entry ? t("holidays.days", { n: entry.holidayCount }) : dash;
            },
          },
          {
            title: t("holidays.adjustedCount"),
            key: "adjusted",
            width: 100,
            render: (_, row) => {
              const entry = entered(row);
              return entry ? t("holidays.days", { n: entry.adjustedWorkingDayCount }) : dash;
            },
          },
          {
            title: t("holidays.enteredBy"),
            key: "by",
            width: 90,
            render: (_, row) => entered(row)?.enteredBy ?? dash,
          },
          {
            title: t("holidays.enteredAt"),
            key: "at",
            width: 130,
            render: (_, row) => {
              const entry = entered(row);
              if (!entry) return dash;
              if (entry.updatedAt === entry.createdAt)
                return <Tooltip title={dateTime(entry.createdAt)}>{date(entry.createdAt)}</Tooltip>;
              return (
                <Tooltip
                  title={t("holidays.updated", { name: entry.updatedBy ?? dash, time: dateTime(entry.updatedAt) })}
                >
                  {date(entry.createdAt)}
                </Tooltip>
              );
            },
          },
          ...(canManage
            ? [
                {
                  title: t("table.actions"),
                  key: "actions",
                  width: 170,
                  render: (_: unknown, row: Row) =>
                    row.kind === "entered" ? (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ entry: row.entry, year: row.entry.year })}
                          data-testid={`holiday-edit-${row.entry.year}`}
                        >
                          {t("holidays.edit")}
                        </Button>
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => setDeleting(row.entry)}
                          data-testid={`holiday-delete-${row.entry.year}`}
                        >
                          {t("holidays.delete")}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <HolidayYearModal
        state={editing}
        packaged={packaged}
        entered={list.data?.years ?? []}
        onClose={() => setEditing(null)}
      />
      <HolidayImportModal open={importing} packaged={packaged} onClose={() => setImporting(false)} />
      <ReasonModal
        open={deleting !== null}
        title={t("holidays.deleteTitle", { year: deleting?.year ?? "" })}
        description={t(
          deleting?.correctsPackaged ? "holidays.deleteDescriptionCorrection" : "holidays.deleteDescription",
          {
            year: deleting?.year ?? "",
          },
        )}
        required
        danger
        okText={t("holidays.delete")}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onSubmit={(reason) => {
          if (deleting && reason) remove.mutate({ year: deleting.year, reason });
        }}
      />
    </>
  );
}

/** The dates of an entered year: runs of holidays, working days with their weekday, in the UI's date form. */
function HolidayDates({ entry }: { entry: HolidayYear }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={1} bordered data-testid={`holiday-dates-${entry.year}`}>
      <Descriptions.Item label={t("holidays.holidayDates")}>
        {entry.holidays.length > 0 ? <HolidayDateTags dates={entry.holidays} /> : t("holidays.none")}
      </Descriptions.Item>
      <Descriptions.Item label={t("holidays.adjustedDates")}>
        {entry.adjustedWorkingDays.length > 0 ? (
          <HolidayDateTags dates={entry.adjustedWorkingDays} working />
        ) : (
          t("holidays.none")
        )}
      </Descriptions.Item>
      {entry.note ? <Descriptions.Item label={t("holidays.note")}>{entry.note}</Descriptions.Item> : null}
    </Descriptions>
  );
}
