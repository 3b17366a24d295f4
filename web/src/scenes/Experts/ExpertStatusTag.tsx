import { Tag } from "antd";
import type { ExpertStatus } from "../../api/review";
import { useI18n } from "../../i18n/I18nProvider";

export const expertStatuses: ExpertStatus[] = ["active", "suspended", "retired"];

const colors: Record<ExpertStatus, string> = { active: "green", suspended: "orange", retired: "default" };

/** 可抽取 / 暂停 / 退出: only active experts are drawn. */
export function ExpertStatusTag({ status }: { status: ExpertStatus }) {
  const { t } = useI18n();
  return <Tag color={colors[status]}>{t(`expert.status.${status}`)}</Tag>;
}
