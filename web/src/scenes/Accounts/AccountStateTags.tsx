import { Flex, Tag } from "antd";
import type { Account } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";

export function AccountStateTags({
  account,
}: {
  account: Pick<Account, "disabled" | "locked" | "mustChangePassword"> & Partial<Pick<Account, "isService">>;
}) {
  const { t } = useI18n();
  const tags = [];
  // An outside system's account: its tokens are managed on the 服务账号与令牌 page.
  if (account.isService)
    tags.push(
      <Tag key="service" color="purple">
        {t("account.service")}
      </Tag>,
    );
  if (account.disabled)
    tags.push(
      <Tag key="disabled" color="red">
        {t("account.disabled")}
      </Tag>,
    );
  if (account.locked)
    tags.push(
      <Tag key="locked" color="orange">
        {t("account.locked")}
      </Tag>,
    );
  if (account.mustChangePassword)
    tags.push(
      <Tag key="must" color="blue">
        {t("account.mustChangePassword")}
      </Tag>,
    );
  if (!tags.length)
    tags.push(
      <Tag key="active" color="green">
        {t("account.active")}
      </Tag>,
    );
  return (
    <Flex gap={4} wrap>
      {tags}
    </Flex>
  );
}
