import { Tag } from "antd";
import type { BaseState } from "../../../../policy/lifecycles/base.transitions";
import { useI18n } from "../../i18n/I18nProvider";

const colors: Record<BaseState, string> = {
  active: "green",
  rectifying: "orange",
  "revocation-proposed": "volcano",
  revoked: "red",
  exited: "blue",
};

/** A base's status as the server labelled it, coloured by how it stands. */
export function BaseStatusTag({ base }: { base: { status: string; statusZh: string; statusEn: string } }) {
  const { pick } = useI18n();
  return (
    <Tag color={colors[base.status as BaseState] ?? "default"} data-testid="base-status">
      {pick(base.statusZh, base.statusEn)}
    </Tag>
  );
}
