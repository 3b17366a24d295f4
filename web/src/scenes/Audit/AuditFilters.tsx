import { SearchOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { auditResourceNames } from "../../../../contracts/audit-actions";
import type { AuditQuery } from "../../api/endpoints";
import type { AuditOutcome } from "../../api/types";
import { officeTimeZone } from "../../i18n/format";
import { useI18n } from "../../i18n/I18nProvider";

interface Values {
  q?: string;
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const outcomes: AuditOutcome[] = ["success", "refused", "failed"];
/** The action filter matches the stored code's start: one option per kind of record, by its name. */
const actionKinds = Object.entries(auditResourceNames).filter(([code]) => !code.endsWith("s"));

/** Whole days in Beijing time: from the first day's 00:00 to the last day's 24:00. */
function dayBound(value: Dayjs | null | undefined, end: boolean): string | undefined {
  if (!value) return undefined;
  const day = dayjs.tz(value.format("YYYY-MM-DD"), officeTimeZone);
  return (end ? day.add(1, "day") : day).toISOString();
}

type Filters = Omit<AuditQuery, "page" | "pageSize">;

/** The form's values for filters read from the URL (a bound shows as its Beijing day). */
function valuesOf(filters: Filters): Values {
  const day = (iso: string | undefined, end: boolean) =>
    iso ? (end ? dayjs(iso).tz(officeTimeZone).subtract(1, "day") : dayjs(iso).tz(officeTimeZone)) : null;
  return {
    q: filters.q,
    actor: filters.actor,
    action: filters.action,
    outcome: filters.outcome,
    range: filters.from || filters.to ? [day(filters.from, false), day(filters.to, true)] : null,
  };
}

export function AuditFilters({ initial, onSearch }: { initial: Filters; onSearch: (filters: Filters) => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = (values: Values) =>
    onSearch({
      q: values.q?.trim() || undefined,
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      outcome: values.outcome,
      from: dayBound(values.range?.[0], false),
      to: dayBound(values.range?.[1], true),
    });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={valuesOf(initial)}
      onFinish={submit}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="q">
        <Input allowClear placeholder={t("audit.q")} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="actor">
        <Input allowClear placeholder={t("audit.actor")} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("audit.actionPlaceholder")}
          style={{ width: 190 }}
          options={actionKinds.map(([value, words]) => ({ value: `${value}.`, label: pick(words.zh, words.en) }))}
        />
      </Form.Item>
      <Form.Item name="outcome">
        <Select
          allowClear
          placeholder={t("audit.outcome")}
          style={{ width: 120 }}
          options={outcomes.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
          {t("action.search")}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.setFieldsValue({ q: undefined, actor: undefined, action: undefined, outcome: undefined, range: null });
            submit({});
          }}
        >
          {t("action.reset")}
        </Button>
      </Form.Item>
    </Form>
  );
}
