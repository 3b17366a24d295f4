import { Tag, Tooltip } from "antd";
import type { AuditOutcome, GrantStatus, UnitStatus } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";

const unitColors: Record<UnitStatus, string> = { pending: "gold", confirmed: "green", rejected: "red" };

export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { t } = useI18n();
  return <Tag color={unitColors[status]}>{t(`unit.status.${status}`)}</Tag>;
}

/** GB 32100-2015 check digit: a mismatch is a warning an officer may confirm, never a silent rejection. */
export function UsccTag({ check, confirmed }: { check: "valid" | "checksum-mismatch"; confirmed: boolean }) {
  const { t } = useI18n();
  if (check === "valid") return null;
  if (confirmed) return <Tag color="blue">{t("unit.uscc.confirmed")}</Tag>;
  return (
    <Tooltip title={t("unit.uscc.mismatchHint")}>
      <Tag color="warning" data-testid="uscc-mismatch">
        {t("unit.uscc.mismatch")}
      </Tag>
    </Tooltip>
  );
}

const grantColors: Record<GrantStatus, string> = {
  pending: "gold",
  approved: "green",
  rejected: "red",
  revoked: "default",
};

export function GrantStatusTag({ status }: { status: GrantStatus }) {
  const { t } = useI18n();
  return <Tag color={grantColors[status]}>{t(`grant.status.${status}`)}</Tag>;
}

const outcomeColors: Record<AuditOutcome, string> = { success: "green", refused: "orange", failed: "red" };

export function OutcomeTag({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useI18n();
  return <Tag color={outcomeColors[outcome]}>{t(`audit.outcome.${outcome}`)}</Tag>;
}
