import { useQuery } from "@tanstack/react-query";
import { securityApi } from "../api/security";
import { useI18n } from "../i18n/I18nProvider";

/**
 * What a new password must meet, in words, from the security policy in force (GET /api/auth/password-rules); the
 * default rules' wording until it answers.
 */
export function usePasswordRulesText(): string {
  const { t } = useI18n();
  const rules = useQuery({ queryKey: ["password-rules"], queryFn: securityApi.passwordRules, staleTime: 60_000 });
  if (!rules.data) return t("password.rules");
  return t("password.rulesOf", {
    length: rules.data.minPasswordLength,
    classes: rules.data.requiredCharacterClasses,
  });
}
