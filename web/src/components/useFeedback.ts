import { App as AntApp, type FormInstance } from "antd";
import { useCallback, useMemo } from "react";
import { errorMessage } from "../api/errors";
import { applyFieldErrors } from "../api/form-errors";
import { useI18n } from "../i18n/I18nProvider";

/**
 * Toasts for mutations: a failure puts the server's field errors on the form (when there is one) and shows the
 * server's message in the current language.
 */
export function useFeedback() {
  const { message } = AntApp.useApp();
  const { language } = useI18n();
  const fail = useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form) applyFieldErrors(form, error, language);
      message.error(errorMessage(error, language));
    },
    [message, language],
  );
  const done = useCallback((text: string) => message.success(text), [message]);
  return useMemo(() => ({ fail, done }), [fail, done]);
}
