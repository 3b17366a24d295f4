import type { IsoDate } from "../policy/calendar/dates";
import { banEnd, changeReportDeadline, rectificationEnd } from "../policy/calendar/deadlines";
import { type OfficerHolidayYear, publicNoticeEnd } from "../policy/calendar/working-days";
import type { Edition } from "../policy/measures/editions";
import { standardName } from "../policy/names";
import { type BaseType, baseTypes } from "../policy/reference/base-types";
import { fields2025 } from "../policy/reference/fields-2025";
import { type Region, regions } from "../policy/reference/regions";
import type { InterpretationSettings } from "../policy/settings";
import { findDates } from "./dates";
import { withOfficeDates } from "./text";

/**
 * Answers that need a computation the platform already has: a deadline (Art. 18.5 change reports, Art. 24
 * rectification, the Art. 20/24 ban, the 公示 of Art. 14.3, the measures' own validity, Art. 31) or a standard name
 * (Art. 29–30). The question is read for what it asks and the facts it gives (a date, a field, a type); the value
 * always comes from policy/ — the same functions the workflows use — never from the assistant.
 */
export type ComputedType = "deadline" | "standard-name";

export interface ComputedAnswer {
  type: ComputedType;
  /** The date (YYYY-MM-DD) or the name. */
  value: string;
  /** Articles the computation rests on, best first. */
  articles: string[];
  /** The rule used, in words. */
  ruleZh: string;
  ruleEn: string;
  /** What was read from the question (the date, the field, the type). */
  inputs: Record<string, string>;
  answerZh: string;
  answerEn: string;
}

export interface ComputeContext {
  today: IsoDate;
  edition: Edition;
  settings: InterpretationSettings;
  /** Holiday years officers entered beyond the packaged calendar (for working days). */
  holidayYears?: readonly OfficerHolidayYear[];
  /** The fields of the platform (领域), Chinese and English names; defaults to the 2025 list. */
  fields?: readonly { nameZh: string; nameEn: string }[];
}

// What a question asks, in words a caller uses (Chinese and English), each tied to the rule it needs.
const asksWhen =
  /最晚|截止|哪天|何时|什么时候|几号|日期|多久|到哪|期限|deadline|last day|by when|which day|what date|until|when/i;
const publicNotice = /公示|public notice|publicity period/i;
const rectification = /整改|rectif/i;
const unqualified = /不合格|unqualified|fail/i;
const revoked = /取消资格|取消.{0,6}资格|被取消|撤销|摘牌|revok|revocation|disqualif/i;
const again = /重新|再次|再申报|再认定|again|reapply|re-apply|哪天起|从哪天|何时起/i;
const changed = /变更|更换|换了|换成|换人|变了|调整|变动|变化|chang|replac/i;
const reported = /报备|备案|报告|报到|上报|报省|file|filing|report|notify/i;
const measuresValidity =
  /(办法|measures|rules).{0,20}(有效|失效|到期|valid|expire|lapse|in force)|(有效期|valid|expire|lapse).{0,20}(办法|measures)/i;
const nameAsked = /叫什么|名称|命名|名字|怎么写|起名|规范名|标准名|standard name|official name|name of|named|called/i;

function deadline(
  value: IsoDate,
  articles: string[],
  rule: { zh: string; en: string },
  inputs: Record<string, string>,
  lead: { zh: string; en: string },
): ComputedAnswer {
  return {
    type: "deadline",
    value,
    articles,
    ruleZh: withOfficeDates(rule.zh),
    ruleEn: rule.en,
    inputs,
    answerZh: withOfficeDates(`${lead.zh}${value}。依据：${rule.zh}`),
    answerEn: `${lead.en}${value}. Rule: ${rule.en}`,
  };
}

function computeDeadline(question: string, context: ComputeContext): ComputedAnswer | null {
  const { settings } = context;
  const [first] = findDates(question, context.today);
  const yearNote = (assumed: boolean) =>
    assumed
      ? { zh: `（未写年份，按今年 ${context.today.slice(0, 4)} 年计）`, en: " (no year given: this year)" }
      : null;

  if (
    measuresValidity.test(question) &&
    (asksWhen.test(question) || /有效期|多久|how long/i.test(question)) &&
    !first
  ) {
    const { edition } = context;
    return deadline(
      edition.validUntil,
      ["31"],
      {
        zh: `第三十一条：“自发布之日起施行，有效期5年”。${edition.documentNumber}于 ${edition.effectiveFrom} 发布施行，有效期至 ${edition.validUntil}（含）。`,
        en: `Art. 31: effective on issuance, valid 5 years. ${edition.documentNumber} took effect on ${edition.effectiveFrom}; its last day is ${edition.validUntil}.`,
      },
      { effectiveFrom: edition.effectiveFrom },
      { zh: "《湖北省国际科技合作基地管理办法》有效期至 ", en: "The measures are valid until " },
    );
  }
  if (!first) return null;
  const note = yearNote(first.yearAssumed);
  const inputs = { date: first.date };

  if (publicNotice.test(question)) {
    const end = publicNoticeEnd(
      first.date,
      settings.publicNoticeWorkingDays,
      context.holidayYears,
      settings.publicNoticeStartDayCounts,
    );
    if (!end.ok) return null;
    const days = settings.publicNoticeWorkingDays;
    return deadline(
      end.value,
      ["14.3"],
      {
        zh: `公示期为 ${days} 个工作日（平台设置的公示工作日数，第十四条第3项“发文认定”前的公示），按国家法定节假日和调休安排计算，开始当日为工作日时计入第1天；异议应在公示期内以书面形式实名提出。`,
        en: `The public notice runs ${days} working days (setting publicNoticeWorkingDays, before recognition under Art. 14.3), counted on the national holiday calendar with adjusted working days, the first day counting when it is a working day; objections are lodged in writing with a real name within the period.`,
      },
      inputs,
      {
        zh: `公示自 ${first.date} 开始${note?.zh ?? ""}，公示期（及提出异议）的最后一天是 `,
        en: `A public notice starting on ${first.date}${note?.en ?? ""} ends (and objections close) on `,
      },
    );
  }
  if (rectification.test(question) || (unqualified.test(question) && asksWhen.test(question))) {
    const end = rectificationEnd(first.date, settings);
    return deadline(
      end,
      ["24"],
      {
        zh: `第二十四条：“年度绩效考核不合格的省国合基地，限期1年整改”。自不合格结果通知之日起 ${settings.rectificationMonths} 个月，至周年前一日止（平台设置的整改期限）。`,
        en: `Art. 24: an unqualified base rectifies within one year — ${settings.rectificationMonths} months from the grade's notification, ending the day before its anniversary (setting rectificationMonths).`,
      },
      inputs,
      {
        zh: `${first.date} 收到不合格结果${note?.zh ?? ""}，整改期最后一天是 `,
        en: `Notified as unqualified on ${first.date}${note?.en ?? ""}, the rectification period ends on `,
      },
    );
  }
  if (revoked.test(question) && (again.test(question) || asksWhen.test(question))) {
    const end = banEnd(first.date, settings);
    return deadline(
      end,
      ["20", "24"],
      {
        zh: `第二十条、第二十四条：取消资格后“3年内不得重新认定”。取消之日起满 ${settings.banYears} 年的当日起可以重新认定（平台设置的不得重新认定年限）。`,
        en: `Arts. 20 and 24: no recognition again within 3 years of revocation; from the ${settings.banYears}rd anniversary of the revocation the unit may be recognized again (setting banYears).`,
      },
      inputs,
      {
        zh: `${first.date} 被取消资格${note?.zh ?? ""}，可以重新认定的第一天是 `,
        en: `Revoked on ${first.date}${note?.en ?? ""}, the unit may be recognized again from `,
      },
    );
  }
  if (changed.test(question) && (reported.test(question) || asksWhen.test(question))) {
    const end = changeReportDeadline(first.date, settings);
    return deadline(
      end,
      ["18.5"],
      {
        zh: `第十八条第5项：重大事项调整“应在3个月内经推荐部门审核同意后报省科技厅备案”。自变化发生之日起 ${settings.changeReportMonths} 个月的同一日，该月没有这一天的取该月最后一天（平台设置的报备期限）；当日报备仍属按时。`,
        en: `Art. 18.5: a major change is filed with the department, after the recommender's approval, within 3 months — the same day ${settings.changeReportMonths} months after the change, or that month's last day when it has no such day (setting changeReportMonths); filing on that day is on time.`,
      },
      inputs,
      {
        zh: `变化发生于 ${first.date}${note?.zh ?? ""}，最晚应于以下日期前经推荐部门审核后报省科技厅备案：`,
        en: `The change happened on ${first.date}${note?.en ?? ""}; the last day to file it with the department (after the recommender's approval) is `,
      },
    );
  }
  return null;
}

const typeWords: { type: BaseType; pattern: RegExp }[] = [
  { type: "joint-research", pattern: /联合研究|joint research/i },
  { type: "technology-transfer", pattern: /技术转移|technology transfer|tech transfer/i },
  { type: "characteristic", pattern: /特色|characteristic/i },
];

const regionWords: { region: Region; pattern: RegExp }[] = [
  { region: "HK", pattern: /香港|hong\s*kong/i },
  { region: "MO", pattern: /澳门|macao|macau/i },
  { region: "TW", pattern: /台湾|taiwan/i },
];

/** Art. 2, 29: a key base (省重点国合基地) is named 离岸中心; "ordinary" or "other" bases are not key. */
const keyBase = /省重点|重点国合基地|重点基地|离岸中心|key base|offshore cent/i;
const ordinaryBase = /普通|一般|其他|ordinary|regular|non-key/i;

function fieldIn(question: string, fields: readonly { nameZh: string; nameEn: string }[]): string | null {
  const lower = question.toLowerCase();
  const byLength = [...fields].sort((a, b) => b.nameZh.length - a.nameZh.length);
  for (const field of byLength) {
    if (question.includes(field.nameZh) || lower.includes(field.nameEn.toLowerCase())) return field.nameZh;
  }
  // A field outside the list, written as 某某领域.
  const written = /([\p{Script=Han}]{2,10}?)领域/u.exec(question)?.[1];
  return written ?? null;
}

function computeName(question: string, context: ComputeContext): ComputedAnswer | null {
  if (!nameAsked.test(question)) return null;
  const types = typeWords.filter((entry) => entry.pattern.test(question));
  const field = fieldIn(question, context.fields ?? fields2025);
  if (types.length !== 1 || !field) return null;
  const type = types[0]!.type;
  const region = regionWords.find((entry) => entry.pattern.test(question))?.region;
  const isKey = keyBase.test(question) && !ordinaryBase.test(question);
  const result = standardName({ type, field, isKey, ...(region ? { region } : {}) });
  if (!result.ok) return null;
  const article = region ? "30" : "29";
  const typeName = baseTypes.find((entry) => entry.code === type)!;
  const regionName = region ? regions.find((entry) => entry.code === region) : undefined;
  const ruleZh = region
    ? `第三十条：与港澳台合作的离岸基地命名为“湖北省（香港/澳门/台湾）+领域+科技合作离岸中心（类型）”，其他基地命名为“湖北省（香港/澳门/台湾）+领域+科技合作基地（类型）”。`
    : `第二十九条：省重点国合基地命名为“湖北省+领域+国际科技合作离岸中心（类型）”，其他省国合基地命名为“湖北省+领域+国际科技合作基地（类型）”。`;
  const ruleEn = region
    ? "Art. 30: Hong Kong, Macao and Taiwan bases are named 湖北省（region）+ field + 科技合作离岸中心 / 科技合作基地（type）."
    : "Art. 29: key bases are named 湖北省 + field + 国际科技合作离岸中心（type）, other bases 湖北省 + field + 国际科技合作基地（type）.";
  const inputs: Record<string, string> = {
    field,
    type: typeName.shortZh,
    key: isKey ? "省重点国合基地" : "其他省国合基地",
    ...(regionName ? { region: regionName.shortZh } : {}),
  };
  return {
    type: "standard-name",
    value: result.value,
    articles: [article],
    ruleZh,
    ruleEn,
    inputs,
    answerZh: `规范名称是：${result.value}（领域：${field}；类型：${typeName.shortZh}；${inputs.key}${regionName ? `；${regionName.nameZh}` : ""}）。依据：${ruleZh}`,
    answerEn: `The standard name is: ${result.value} (field ${field}, type ${typeName.nameEn}${isKey ? ", key base" : ""}${regionName ? `, ${regionName.nameEn}` : ""}). Rule: ${ruleEn}`,
  };
}

/** A computed answer when the question asks for one and gives what it needs; null otherwise. */
export function computeAnswer(question: string, context: ComputeContext): ComputedAnswer | null {
  return computeDeadline(question, context) ?? computeName(question, context);
}
