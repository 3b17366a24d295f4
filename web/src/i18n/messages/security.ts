import { messages } from "../define.ts";

/** Password reset, the 安全策略 page, the 忘记密码 page and the confirmations of irreversible actions. */
export const securityMessages = messages(
  {
    "nav.securityPolicy": "安全策略",
    "securityPolicy.intro":
      "设置口令复杂度、登录失败锁定和会话空闲超时。各项取值须在等保三级要求的范围内；保存后立即生效，修改前后的取值记入审计日志。",
    "securityPolicy.passwordSection": "口令规则",
    "securityPolicy.lockoutSection": "登录失败处理",
    "securityPolicy.sessionSection": "会话",
    "securityPolicy.range": "可设范围：{min}–{max}",
    "securityPolicy.unitCharacters": "位",
    "securityPolicy.unitClasses": "类",
    "securityPolicy.unitTimes": "次",
    "securityPolicy.unitMinutes": "分钟",
    "securityPolicy.classesHint": "大写字母、小写字母、数字、符号四类中须包含的类别数；新密码还不能包含用户名。",
    "securityPolicy.appliesHint": "已设置的密码不受影响，用户下次修改密码时适用新规则。",
    "securityPolicy.idleHint": "超过该时长未操作的会话自动失效，用户须重新登录。",
    "securityPolicy.save": "保存安全策略",
    "securityPolicy.saveConfirm": "保存后新的规则立即对所有账号生效，确定保存？",
    "securityPolicy.saved": "安全策略已保存。",
    "securityPolicy.lastSaved": "最近由 {name} 于 {time} 修改",
    "securityPolicy.defaults": "当前使用系统默认策略，尚未修改过。",
    "securityPolicy.noHistory": "暂不支持口令历史与定期更换。",
    "reset.action": "重置密码",
    "reset.confirm":
      "将为 {name} 生成一次性临时密码：原密码立即失效，该账号已登录的会话全部退出，用临时密码登录后须立即修改密码。确定重置？",
    "reset.resultTitle": "临时密码",
    "reset.resultText":
      "已重置 {name}（{username}）的密码。请将下面的临时密码当面或电话告知本人：它只显示这一次，只能登录一次，登录后须立即设置新密码。",
    "reset.copy": "复制",
    "reset.copied": "已复制",
    "reset.close": "我已告知，关闭",
    "forgot.link": "忘记密码？",
    "forgot.title": "忘记密码",
    "forgot.intro": "本平台不通过电子邮件找回密码。请按账号类型联系下列人员，由其重置密码后取得一次性临时密码：",
    "forgot.unitUser":
      "依托单位的用户：请联系本单位的单位管理员，在“本单位”页面为您重置；单位管理员本人请联系系统管理员。",
    "forgot.business": "推荐部门、省科技厅、评审专家和第三方评估机构的用户：请联系平台的系统管理员。",
    "forgot.administrators":
      "系统管理员、安全管理员、审计管理员：按三员账号变更程序，由运维人员在服务器上重置，任何管理员都不能在平台内重置三员账号。",
    "forgot.afterReset": "用临时密码登录后须立即设置新密码；临时密码只能登录一次。",
    "forgot.locked": "连续输错密码导致账号锁定的，等待锁定时间结束后即可再试，或请管理员解锁。",
    "forgot.back": "返回登录",
    "password.rulesOf":
      "密码至少 {length} 位，须包含大写字母、小写字母、数字、符号中的至少 {classes} 类，且不能包含用户名。",
  },
  {
    "nav.securityPolicy": "Security policy",
    "securityPolicy.intro":
      "Password complexity, lockout after failed sign-ins and the idle session timeout. Each value stays within the bounds of 等保 level 3; it takes effect on saving, and the old and new values are written to the audit log.",
    "securityPolicy.passwordSection": "Passwords",
    "securityPolicy.lockoutSection": "Failed sign-ins",
    "securityPolicy.sessionSection": "Sessions",
    "securityPolicy.range": "Allowed: {min}–{max}",
    "securityPolicy.unitCharacters": "characters",
    "securityPolicy.unitClasses": "classes",
    "securityPolicy.unitTimes": "times",
    "securityPolicy.unitMinutes": "minutes",
    "securityPolicy.classesHint":
      "How many of upper case, lower case, digits and symbols a password uses; it must not contain the username either.",
    "securityPolicy.appliesHint": "Passwords already set stay valid; the new rules apply at the next change.",
    "securityPolicy.idleHint": "A session left unused this long ends; the user signs in again.",
    "securityPolicy.save": "Save the security policy",
    "securityPolicy.saveConfirm": "The new rules apply to every account as soon as they are saved. Save them?",
    "securityPolicy.saved": "Security policy saved.",
    "securityPolicy.lastSaved": "Last changed by {name} on {time}",
    "securityPolicy.defaults": "The system defaults apply; they have not been changed.",
    "securityPolicy.noHistory": "Password history and periodic expiry are not supported yet.",
    "reset.action": "Reset password",
    "reset.confirm":
      "A one-time password will be generated for {name}: the current password stops working at once, the account's sessions end, and after signing in with the one-time password it must set a new one. Reset?",
    "reset.resultTitle": "One-time password",
    "reset.resultText":
      "The password of {name} ({username}) was reset. Tell the user this one-time password in person or by phone: it is shown only now, signs in only once, and must be replaced at that sign-in.",
    "reset.copy": "Copy",
    "reset.copied": "Copied",
    "reset.close": "Done, close",
    "forgot.link": "Forgot your password?",
    "forgot.title": "Forgot your password",
    "forgot.intro":
      "The platform does not recover passwords by e-mail. Ask the person below for your kind of account; they reset it and give you a one-time password:",
    "forgot.unitUser":
      "Host unit users: ask your unit's administrator, who resets it on the My unit page; the unit's administrator asks the system administrator.",
    "forgot.business":
      "Recommenders, department officers, experts and third-party evaluators: ask the platform's system administrator.",
    "forgot.administrators":
      "System, security and audit administrators: the operator resets the password on the server, following the administrator-change procedure; no administrator can reset an administrator's account in the platform.",
    "forgot.afterReset":
      "After signing in with the one-time password you set a new one at once; it signs in only once.",
    "forgot.locked":
      "An account locked by wrong passwords opens again when the lock ends, or an administrator unlocks it.",
    "forgot.back": "Back to sign-in",
    "password.rulesOf":
      "At least {length} characters from at least {classes} of: upper case, lower case, digits, symbols; must not contain the username.",
  },
);
