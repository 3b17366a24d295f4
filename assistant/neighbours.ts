/**
 * Neighbouring programmes: questions about another programme of the department or another office — 高新技术企业认定,
 * 重点实验室, 自然科学基金, tax, visas, the national bases' own calls — share words with the measures (研发费用,
 * 科技部国际科技合作基地, 申报) and would be answered from an article that only mentions them. When a question asks how
 * that other programme works and says nothing that ties it to the provincial bases, the assistant refuses instead.
 *
 * The list was written from the department's programmes, not from the index; a question naming one of them with
 * 省国合基地, 省级, 依托单位 … stays a question about the measures (已是科技部基地还能申报省国合基地吗？).
 */
const programmesZh =
  /高新技术企业|高企认定|科技型中小企业|重点实验室|工程(?:技术)?研究中心|技术创新中心|新型研发机构|院士(?:专家)?工作站|专精特新|自然科学基金|加计扣除|技术合同(?:认定)?登记|科技成果登记|社保.{0,4}(?:补缴|断缴|转移)|签证|工作许可|外国人来华|出口退税|专利(?:申请|年)费|科技部国际科技合作基地|国家(?:级)?国际科技合作基地|(?:国家级)?[“"]?一带一路[”"]?联合实验室/;
const procedureZh =
  /怎么(?:认定|申报|办理|弄|申请|补缴|登记|评)|如何(?:认定|申报|办理|申请|登记)|(?:需要|要)满足(?:哪些|什么)条件|需要什么条件|条件是什么|比例是多少|多少钱|什么时候(?:申报|发布|开始)|申报指南|认定标准是什么/;
const provincialZh =
  /省国合|省级|省里|湖北省国际科技合作基地|国合基地|本办法|管理办法|依托单位|离岸|推荐部门|我们的基地|基地负责人/;

const programmesEn =
  /high[- ]and[- ]new[- ]technology enterprise|\bHNTE\b|key laborator|natural science foundation|super[- ]deduction|work permit|\bvisa\b|\bVAT\b|national international (?:S&T|science and technology) cooperation bases?|ministry of science and technology's own|belt and road joint laborator/i;
const procedureEn =
  /\bhow (?:do|does|to|can)\b|\bcriteria\b|\brequirements?\b|\bwhat are\b|\bwhen (?:is|will|does)\b|\brate\b/i;
const provincialEn =
  /provincial|hubei (?:international )?(?:S&T )?cooperation base|host unit|offshore|these measures|the measures/i;

/** The question asks how another programme works, with nothing tying it to the provincial bases. */
export function asksAboutNeighbour(question: string): boolean {
  const zh = programmesZh.test(question) && procedureZh.test(question) && !provincialZh.test(question);
  const en = programmesEn.test(question) && procedureEn.test(question) && !provincialEn.test(question);
  return zh || en;
}
