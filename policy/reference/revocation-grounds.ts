/** The nine grounds of Art. 20 on which a base is revoked (3-year ban). */
export const revocationGrounds = [
  {
    ground: 1,
    article: "20.1",
    nameZh: "提供虚假申报、绩效考核材料",
    nameEn: "False application or evaluation materials",
  },
  {
    ground: 2,
    article: "20.2",
    nameZh: "无故不参加或中途退出绩效考核",
    nameEn: "Not taking part in, or withdrawing from, the evaluation without cause",
  },
  {
    ground: 3,
    article: "20.3",
    nameZh: "存在学术造假、抄袭等严重科研失信行为或重大科技伦理违规行为",
    nameEn: "Serious research misconduct or a major S&T ethics violation",
  },
  {
    ground: 4,
    article: "20.4",
    nameZh: "发生重大违法、违规、违纪或失密、泄密行为",
    nameEn: "Major violation of law, rules or discipline, or leak of secrets",
  },
  {
    ground: 5,
    article: "20.5",
    nameZh: "发生重大外交事故，或出现影响科技安全并造成严重后果的行为",
    nameEn: "Major diplomatic incident, or conduct harming S&T security with serious consequences",
  },
  {
    ground: 6,
    article: "20.6",
    nameZh: "绩效考核整改期满后仍不合格",
    nameEn: "Still unqualified after the rectification period",
  },
  {
    ground: 7,
    article: "20.7",
    nameZh: "依托单位主动申请撤销，或依托单位被依法终止，且无法进行变更",
    nameEn: "Host unit asks to withdraw, or is terminated and cannot be replaced",
  },
  {
    ground: 8,
    article: "20.8",
    nameZh: "隐瞒重大事项变化或整改后不符合本办法规定",
    nameEn: "Concealed a major change, or non-compliant after rectification",
  },
  {
    ground: 9,
    article: "20.9",
    nameZh: "其他不宜继续作为省国合基地的情形",
    nameEn: "Other circumstances unfit for a provincial base",
  },
] as const;

export type RevocationGround = (typeof revocationGrounds)[number]["ground"];

export function isRevocationGround(value: unknown): value is RevocationGround {
  return revocationGrounds.some((g) => g.ground === value);
}
