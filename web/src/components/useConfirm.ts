import { App as AntApp } from "antd";
import { useCallback } from "react";
import { useI18n } from "../i18n/I18nProvider";

export interface ConfirmOptions {
  title: string;
  /** The consequence, said in one sentence ("撤回后本申报终止，…"). */
  content: string;
  okText?: string;
  danger?: boolean;
  onOk: () => unknown;
}

/**
 * Asks before an irreversible action, saying what will happen; cancelling changes nothing. The buttons carry
 * `confirm-ok` / `confirm-cancel` test ids.
 */
export function useConfirm() {
  const { modal } = AntApp.useApp();
  const { t } = useI18n();
  return useCallback(
    (options: ConfirmOptions) => {
      modal.confirm({
        title: options.title,
        content: options.content,
        okText: options.okText ?? t("action.confirm"),
        cancelText: t("confirm.cancel"),
        okButtonProps: { danger: options.danger, "data-testid": "confirm-ok" },
        cancelButtonProps: { "data-testid": "confirm-cancel" },
        onOk: () => {
          options.onOk();
        },
      });
    },
    [modal, t],
  );
}
