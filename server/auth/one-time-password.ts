import { randomInt } from "node:crypto";
import { checkPasswordStrength, type SecurityPolicy } from "../../policy/security/password-policy";

/** No look-alikes (l, I, 1, O, 0): the administrator reads it out or writes it down. */
const alphabets = ["abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "#%+=@!?"] as const;

/**
 * A one-time password that meets the policy in force: every character class, at least 12 characters (more when the
 * policy asks), from the operating system's random source, never containing the username.
 */
export function generateOneTimePassword(policy: SecurityPolicy, username: string): string {
  const length = Math.max(12, policy.minPasswordLength);
  const all = alphabets.join("");
  for (;;) {
    const characters = alphabets.map((alphabet) => pick(alphabet));
    while (characters.length < length) characters.push(pick(all));
    for (let i = characters.length - 1; i > 0; i -= 1) {
      const j = randomInt(i + 1);
      [characters[i], characters[j]] = [characters[j]!, characters[i]!];
    }
    const password = characters.join("");
    if (!checkPasswordStrength(password, username, policy)) return password;
  }
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}
