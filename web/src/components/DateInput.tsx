import { DatePicker } from "antd";
import dayjs from "dayjs";
import { toIsoDate } from "../i18n/format";
import { useI18n } from "../i18n/I18nProvider";

/**
 * A calendar date picker whose form value is the ISO date string the API takes (YYYY-MM-DD), shown in the office
 * form (2026年3月31日) in Chinese; typing either form is understood.
 */
export function DateInput({
  value,
  onChange,
  testId,
  disabled,
  style,
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  testId?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
}) {
  const { language } = useI18n();
  return (
    <DatePicker
      value={value ? dayjs(value) : null}
      onChange={(picked) => onChange?.(picked ? toIsoDate(picked) : undefined)}
      format={language === "zh" ? ["YYYY年M月D日", "YYYY-MM-DD"] : ["YYYY-MM-DD"]}
      disabled={disabled}
      style={{ width: 150, ...style }}
      data-testid={testId}
    />
  );
}
