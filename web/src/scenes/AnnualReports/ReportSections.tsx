import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Tooltip,
  Typography,
} from "antd";
import type { ReactNode } from "react";
import type { AnnualReportContent } from "../../api/annual-reports";
import { CountrySelect, useCountryName } from "../../components/CountrySelect";
import { DateInput } from "../../components/DateInput";
import { useI18n } from "../../i18n/I18nProvider";
import {
  type ColumnSpec,
  type FieldSpec,
  type GroupKey,
  groupFields,
  newRow,
  reportSections,
  type SectionSpec,
  sectionAnchor,
  sectionTitle,
  type TableKey,
  tableColumns,
  type ValueKind,
} from "./report-spec";

type AnyColumn = ColumnSpec<never>;
type AnyField = FieldSpec<never>;

/** One section's frame: its title, the hint under it, and the anchor the "still missing" list scrolls to. */
function SectionCard({
  section,
  withHint,
  children,
}: {
  section: SectionSpec;
  withHint: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      id={sectionAnchor(section.key)}
      title={t(sectionTitle(section.key))}
      style={{ marginBottom: 16, scrollMarginTop: 16 }}
      data-testid={`section-${section.key}`}
    >
      {withHint && section.hint ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 13 }}>
          {t(section.hint)}
        </Typography.Paragraph>
      ) : null}
      {children}
    </Card>
  );
}

/** The input of one value kind; antd's Form.Item passes value and onChange through. */
function ValueEditor({
  kind,
  testId,
  choices,
  ...control
}: {
  kind: ValueKind;
  testId: string;
  choices?: AnyColumn["choices"];
  value?: unknown;
  onChange?: (value: unknown) => void;
}) {
  const { t } = useI18n();
  const props = { ...control, "data-testid": testId } as Record<string, unknown>;
  switch (kind) {
    case "text":
      return <Input {...props} maxLength={300} />;
    case "longtext":
      return <Input.TextArea {...props} autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />;
    case "country":
      return <CountrySelect {...control} testId={testId} style={{ minWidth: 0, width: "100%" }} />;
    case "countries":
      return <CountrySelect {...control} mode="multiple" testId={testId} style={{ minWidth: 0, width: "100%" }} />;
    case "date":
      return <DateInput {...(control as { value?: string })} testId={testId} style={{ width: "100%" }} />;
    case "count":
      return <InputNumber {...props} min={0} precision={0} style={{ width: "100%" }} />;
    case "wan":
      return <InputNumber {...props} min={0} precision={2} style={{ width: "100%" }} />;
    case "lead":
      return (
        <Select
          {...props}
          options={[
            { value: true, label: t("report.lead.yes") },
            { value: false, label: t("report.lead.no") },
          ]}
        />
      );
    case "choice":
      return <Select {...props} options={(choices ?? []).map((c) => ({ value: c.value, label: t(c.label) }))} />;
  }
}

/** An editable table of one list section: one row per entry, each cell a form field, rows added and removed. */
function EditableRows({ name }: { name: TableKey }) {
  const { t } = useI18n();
  const columns = tableColumns[name] as AnyColumn[];
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            dataSource={rows}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 760 }}
            locale={{ emptyText: t("report.notGiven") }}
            columns={[
              ...columns.map((column) => ({
                title: t(column.label),
                key: column.key,
                width: column.width,
                render: (_: unknown, row: (typeof rows)[number]) => (
                  <Form.Item name={[row.name, column.key]} style={{ margin: 0 }}>
                    <ValueEditor
                      kind={column.kind}
                      choices={column.choices}
                      testId={`${name}-${row.name}-${column.key}`}
                    />
                  </Form.Item>
                ),
              })),
              {
                title: "",
                key: "remove",
                width: 48,
                render: (_: unknown, row: (typeof rows)[number]) => (
                  <Tooltip title={t("report.row.remove")}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("report.row.remove")}
                      onClick={() => remove(row.name)}
                      data-testid={`remove-${name}-${row.name}`}
                    />
                  </Tooltip>
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(newRow(name))}
            style={{ marginTop: 8 }}
            data-testid={`add-${name}`}
          >
            {t("report.row.add")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function GroupFields({ name }: { name: GroupKey }) {
  const { t } = useI18n();
  const specs = groupFields[name] as AnyField[];
  return (
    <Row gutter={16}>
      {specs.map((field) => {
        const testId = `${name}-${field.key}`;
        const wide = field.kind === "longtext" || field.kind === "tags";
        return (
          <Col key={field.key} xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 6}>
            <Form.Item name={[name, field.key]} label={t(field.label)} extra={field.hint ? t(field.hint) : undefined}>
              {field.kind === "tags" ? (
                <Select mode="tags" tokenSeparators={["；", ";"]} suffixIcon={null} data-testid={testId} />
              ) : field.kind === "longtext" ? (
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid={testId} />
              ) : (
                <InputNumber
                  min={0}
                  precision={field.kind === "count" ? 0 : 2}
                  style={{ width: "100%" }}
                  data-testid={testId}
                />
              )}
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}

const textLimits = { summary: 5_000, changes: 3_000, experience: 3_000, nextYearPlan: 3_000 } as const;

/** Every section of the report as form fields (inside the page's Form). */
export function ReportFormSections() {
  return (
    <>
      {reportSections.map((section) => (
        <SectionCard key={section.key} section={section} withHint>
          {section.kind === "text" ? (
            <Form.Item name={section.key} style={{ marginBottom: 20 }}>
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 12 }}
                maxLength={textLimits[section.key]}
                showCount
                data-testid={`report-${section.key}`}
              />
            </Form.Item>
          ) : section.kind === "table" ? (
            <EditableRows name={section.key} />
          ) : (
            <GroupFields name={section.key} />
          )}
        </SectionCard>
      ))}
    </>
  );
}

/** One value as text: countries by name, dates in the office form, numbers grouped. */
function useShow() {
  const { t, date, number } = useI18n();
  const countryName = useCountryName();
  return (kind: ValueKind | AnyField["kind"], value: unknown, choices?: AnyColumn["choices"]): ReactNode => {
    if (value === undefined || value === null || value === "") return "—";
    switch (kind) {
      case "country":
        return countryName(String(value));
      case "countries":
        return Array.isArray(value) && value.length > 0
          ? value.map((code) => countryName(String(code))).join("、")
          : "—";
      case "date":
        return date(String(value));
      case "count":
      case "wan":
        return typeof value === "number" ? number(value) : String(value);
      case "lead":
        return value ? t("report.lead.yes") : t("report.lead.no");
      case "choice": {
        const choice = choices?.find((c) => c.value === value);
        return choice ? t(choice.label) : String(value);
      }
      case "tags":
        return Array.isArray(value) && value.length > 0 ? value.join("；") : "—";
      default:
        return <span style={{ whiteSpace: "pre-wrap" }}>{String(value)}</span>;
    }
  };
}

/** The same sections, read-only: what the unit wrote, as reviewers and the department read it. */
export function ReportView({ content }: { content: AnnualReportContent }) {
  const { t } = useI18n();
  const show = useShow();
  const values = content as Record<string, unknown>;
  return (
    <>
      {reportSections.map((section) => {
        const value = values[section.key];
        return (
          <SectionCard key={section.key} section={section} withHint={false}>
            {section.kind === "text" ? (
              typeof value === "string" && value.trim() ? (
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }} data-testid={`view-${section.key}`}>
                  {value}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t("report.notGiven")}</Typography.Text>
              )
            ) : section.kind === "table" && Array.isArray(value) && value.length > 0 ? (
              <Table
                size="small"
                rowKey={(_, index) => String(index)}
                dataSource={value as Record<string, unknown>[]}
                pagination={false}
                tableLayout="fixed"
                scroll={{ x: 760 }}
                columns={(tableColumns[section.key] as AnyColumn[]).map((column) => ({
                  title: t(column.label),
                  key: column.key,
                  width: column.width,
                  render: (_: unknown, row: Record<string, unknown>) =>
                    show(column.kind, row[column.key], column.choices),
                }))}
              />
            ) : section.kind === "group" && value && typeof value === "object" ? (
              <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
                {(groupFields[section.key] as AnyField[]).map((field) => (
                  <Descriptions.Item
                    key={field.key}
                    label={t(field.label)}
                    span={field.kind === "longtext" || field.kind === "tags" ? 2 : 1}
                  >
                    {show(field.kind, (value as Record<string, unknown>)[field.key])}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t("report.notGiven")}</Typography.Text>
            )}
          </SectionCard>
        );
      })}
    </>
  );
}
