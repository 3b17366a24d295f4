import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Checkbox, Form, Input, InputNumber, Modal, Typography } from "antd";
import { useEffect, useMemo } from "react";
import {
  type DateListProblem,
  formatDateList,
  holidaySourceLabels,
  parseDateList,
} from "../../../../policy/calendar/holiday-sources";
import type { HolidayYear, HolidayYearList, HolidayYearWarning } from "../../api/holiday-years";
import { holidayYearsApi } from "../../api/holiday-years";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { HolidayDateTags } from "./HolidayDateTags";

interface Values {
  year: number;
  documentNumber: string;
  note?: string;
  /** The dates as typed: "2027-01-01, 2027-02-05~2027-02-11". */
  holidays?: string;
  adjustedWorkingDays?: string;
  correction?: boolean;
}

type Packaged = HolidayYearList["packaged"] | undefined;

const problemKeys: Record<DateListProblem["reason"], MessageKey> = {
  unreadable: "holidays.problem.unreadable",
  "other-year": "holidays.problem.other-year",
  "reversed-range": "holidays.problem.reversed-range",
  "range-too-long": "holidays.problem.range-too-long",
};

/** Shows the server's warnings after a save (a warning did not stop it; the officer should check). */
export function useWarningNotice() {
  const { notification } = AntApp.useApp();
  const { t, pick } = useI18n();
  return (warnings: HolidayYearWarning[]) => {
    if (warnings.length === 0) return;
    notification.warning({
      title: t("holidays.savedWithWarnings"),
      description: (
        <ul style={{ paddingInlineStart: 18, margin: 0 }}>
          {warnings.map((warning) => (
            <li key={`${warning.code}-${warning.path}`}>{pick(warning.messageZh, warning.messageEn)}</li>
          ))}
        </ul>
      ),
      duration: 0,
    });
  };
}

/**
 * 录入/修改 one year: the notice's 文号, a note, and the two date lists typed or pasted as dates and ranges, read
 * as the officer types with a preview of every day (the working days with their weekday). The server checks again.
 */
export function HolidayYearModal({
  state,
  packaged,
  entered,
  onClose,
}: {
  state: { entry: HolidayYear | null; year: number } | null;
  packaged: Packaged;
  entered: HolidayYear[];
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const showWarnings = useWarningNotice();
  const editing = state?.entry ?? null;

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    const entry = state.entry;
    form.setFieldsValue({
      year: state.year,
      documentNumber: entry?.isDemo ? "" : (entry?.documentNumber ?? ""),
      note: entry?.isDemo ? "" : (entry?.note ?? ""),
      holidays: entry ? formatDateList(entry.holidays) : "",
      adjustedWorkingDays: entry ? formatDateList(entry.adjustedWorkingDays) : "",
      correction: entry?.correctsPackaged ?? false,
    });
  }, [state, form]);

  const year = Form.useWatch("year", form) ?? state?.year ?? 0;
  const holidaysText = Form.useWatch("holidays", form) ?? "";
  const adjustedText = Form.useWatch("adjustedWorkingDays", form) ?? "";
  const holidays = useMemo(() => parseDateList(holidaysText, year), [holidaysText, year]);
  const adjusted = useMemo(() => parseDateList(adjustedText, year), [adjustedText, year]);
  const inPackaged = packaged !== undefined && year >= packaged.from && year <= packaged.to;
  const existing = editing ? null : entered.find((entry) => entry.year === year);

  const problemText = (problems: DateListProblem[], forYear: number) =>
    problems.map((problem) => t(problemKeys[problem.reason], { token: problem.token, year: forYear })).join("；");
  // Reads the value being validated (the preview's memo is a render behind while the officer types).
  const listRule = (which: "holidays" | "adjustedWorkingDays") => ({
    validator: async (_rule: unknown, value: string | undefined) => {
      const forYear: number = form.getFieldValue("year") ?? year;
      const parsed = parseDateList(value ?? "", forYear);
      if (parsed.problems.length > 0) throw new Error(problemText(parsed.problems, forYear));
      if (which === "holidays" && parsed.dates.length === 0) throw new Error(t("holidays.holidaysRequired"));
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) =>
      holidayYearsApi.save(values.year, {
        documentNumber: values.documentNumber,
        note: values.note?.trim() || null,
        holidays: parseDateList(values.holidays ?? "", values.year).dates,
        adjustedWorkingDays: parseDateList(values.adjustedWorkingDays ?? "", values.year).dates,
        correction: Boolean(values.correction),
      }),
    onSuccess: (saved) => {
      feedback.done(t("common.saved"));
      showWarnings(saved.warnings);
      void client.invalidateQueries({ queryKey: ["reference", "holiday-years"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });

  return (
    <Modal
      open={state !== null}
      title={editing ? t("holidays.editTitle", { year: editing.year }) : t("holidays.newTitle")}
      okText={t("action.save")}
      okButtonProps={{ "data-testid": "holiday-save" }}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={720}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <div style={{ display: "flex", gap: 16, alignItems: "flex-start" }}>
          <Form.Item
            name="year"
            label={t("holidays.year")}
            rules={[{ required: true, message: t("holidays.yearRequired") }]}
            style={{ flex: "none" }}
          >
            <InputNumber
              min={1900}
              max={2200}
              precision={0}
              disabled={editing !== null}
              style={{ width: 120 }}
              data-testid="holiday-year"
            />
          </Form.Item>
          <Form.Item
            name="documentNumber"
            label={t("holidays.documentNumber")}
            extra={t("holidays.documentNumberHelp")}
            rules={[{ required: true, whitespace: true, message: t("holidays.documentNumberRequired") }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Input maxLength={100} placeholder={t("holidays.documentNumberPlaceholder")} data-testid="holiday-number" />
          </Form.Item>
        </div>
        {existing ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("holidays.replaces", {
              year,
              source: pick(holidaySourceLabels[existing.sourceKind].zh, holidaySourceLabels[existing.sourceKind].en),
            })}
          />
        ) : null}
        {inPackaged ? (
          <Form.Item name="correction" valuePropName="checked">
            <Checkbox>{t("holidays.correction")}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item
          name="holidays"
          label={t("holidays.holidayDates")}
          required
          extra={t("holidays.holidaysHelp")}
          rules={[listRule("holidays")]}
        >
          <Input.TextArea
            rows={3}
            placeholder={`${year}-01-01, ${year}-02-05~${year}-02-11`}
            data-testid="holiday-dates"
          />
        </Form.Item>
        <DatePreview dates={holidays.dates} />
        <Form.Item
          name="adjustedWorkingDays"
          label={t("holidays.adjustedDates")}
          extra={t("holidays.adjustedHelp")}
          rules={[listRule("adjustedWorkingDays")]}
          style={{ marginTop: 12 }}
        >
          <Input.TextArea rows={2} placeholder={`${year}-02-20, ${year}-10-09`} data-testid="holiday-working-dates" />
        </Form.Item>
        <DatePreview dates={adjusted.dates} withWeekday />
        <Form.Item name="note" label={t("holidays.note")} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The days read so far, as tags in the UI's date form; adjusted working days with their weekday. */
function DatePreview({ dates, withWeekday = false }: { dates: string[]; withWeekday?: boolean }) {
  const { t } = useI18n();
  if (dates.length === 0) return <Typography.Text type="secondary">{t("holidays.previewEmpty")}</Typography.Text>;
  return (
    <div data-testid="holiday-preview">
      <HolidayDateTags
        dates={dates}
        working={withWeekday}
        before={<Typography.Text type="secondary">{t("holidays.preview", { n: dates.length })}</Typography.Text>}
      />
    </div>
  );
}
