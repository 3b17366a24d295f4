import type { Language } from "./define.ts";
import { authMessages } from "./messages/auth.ts";
import { commonMessages } from "./messages/common.ts";
import { securityMessages } from "./messages/security.ts";

/**
 * The strings the first screen needs (sign-in with its 忘记密码 link, errors). The rest of the dictionary arrives with the
 * application shell (components/AppShell.tsx), so the login page does not download every page's words.
 */
export const coreDictionaries: Record<Language, Record<string, string>> = {
  zh: { ...commonMessages.zh, ...authMessages.zh, ...securityMessages.zh },
  en: { ...commonMessages.en, ...authMessages.en, ...securityMessages.en },
};
