/**
 * The assistant's domain vocabulary in one place: groups of words that mean the same thing in questions about the
 * measures, the first of each group being the word the index keeps (the measures' own term, GLOSSARY.md). A
 * question's word is replaced by its group's first word before searching, and so is the measures' text when it is
 * indexed, so "离岸中心" finds 离岸创新平台 and "市州科技局" finds 推荐部门.
 *
 * Written from the measures' text and the ways people name the same things (GLOSSARY.md, SPEC.md), never from the
 * evaluation set's questions.
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ["省国合基地", "国合基地", "省国合", "国合", "湖北省国际科技合作基地", "省级国际科技合作基地", "国际科技合作基地"],
  ["省重点国合基地", "重点国合基地", "重点基地", "省重点基地"],
  ["离岸创新平台", "离岸中心", "离岸创新中心", "离岸平台", "离岸基地", "海外平台", "国际科技合作离岸中心"],
  ["依托单位", "申报单位", "依托机构", "承建单位", "建设单位"],
  ["推荐部门", "市州科技局", "市州科学技术行政部门", "科技局", "市科技局", "州科技局", "地方科技局", "推荐单位"],
  ["省科技厅", "湖北省科学技术厅", "科技厅", "省厅", "厅里", "省里"],
  ["负责人", "基地负责人", "主任", "基地主任", "带头人", "牵头人"],
  ["年度工作报告", "年报", "年度报告", "工作报告", "年度总结", "年度工作总结"],
  ["绩效考核", "考核", "绩效评价", "年度考核", "年度绩效考核", "绩效评估", "考评"],
  ["取消资格", "撤销资格", "摘牌", "取消省国合基地资格", "撤销"],
  ["重大事项", "重大变更", "重大事项变更", "重大事项调整"],
  ["变更", "调整", "更换", "换人", "换", "变动", "变化", "变了", "变", "改变"],
  ["备案", "报备"],
  ["合作协议", "协议", "合作合同", "协议书"],
  ["合作机构", "合作伙伴", "合作方", "伙伴", "科技类知名机构", "外方"],
  ["高等学校", "高校", "大学", "学校"],
  ["医疗机构", "医院"],
  ["科研机构", "研究所", "研究院", "科研院所", "院所"],
  ["企业", "公司", "民营企业", "民企", "私企"],
  ["中央企业", "央企", "驻鄂中央企业", "驻鄂央企"],
  ["正高级职称", "正高级", "正高", "教授", "研究员"],
  ["职称", "副高", "副高级", "副教授", "副研究员"],
  ["科技部国际科技合作基地", "国家级基地", "国家国合基地", "国家级国际科技合作基地", "国家级国合基地"],
  ["一带一路", "一带一路联合实验室"],
  ["境外", "国外", "海外", "外国"],
  ["固定场所", "办公场地", "场地", "办公室", "场所"],
  ["资金支持", "经费", "补助", "资助", "奖补", "资金", "补贴"],
  ["命名", "名称", "名字", "起名", "叫什么", "规范名称", "标准名称"],
  ["申报", "申请", "报名"],
  ["知识产权", "产权"],
  ["论文", "文章"],
  ["学术交流活动", "国际会议", "学术会议", "研讨会"],
  ["技术转移类", "技术转移型"],
  ["联合研究类", "联合研究型"],
  ["特色类", "特色型"],
  ["港澳台", "港澳台地区"],
  ["有效期", "有效期限"],
  ["施行", "生效"],
  ["科技安全", "安全管理"],
  ["全职", "专职", "全职在岗"],
  // A question asking what something is reads the article that defines it (本办法所称…是指…).
  ["是指", "是什么", "什么是", "指什么", "是啥", "啥是", "定义", "含义"],
  ["建设", "建", "建成", "组建"],
  ["职责", "负责什么", "管什么", "主要职责"],
  ["管理制度", "制度", "规章制度", "内部制度"],
  ["批准", "拍板", "审批", "批复"],
  ["用于", "用在", "使用", "花在"],
];

/** Words the measures use that segmentation must keep whole (besides every synonym above). */
export const domainWords: readonly string[] = [
  "国合基地",
  "省国合基地",
  "离岸创新平台",
  "科创蜂巢",
  "依托单位",
  "推荐部门",
  "联合研究",
  "技术转移",
  "合作协议",
  "绩效考核",
  "年度工作计划",
  "年度工作报告",
  "建设工作方案",
  "重大事项",
  "形式审查",
  "专家评审",
  "实地核查",
  "综合评议",
  "厅党组会",
  "发文认定",
  "国家秘密",
  "知识产权",
  "数据跨境",
  "人类遗传资源",
  "科技伦理",
  "科技外交",
  "一带一路",
  "联合实验室",
  "高新技术企业",
  "研发费用",
  "销售收入",
  "独立法人",
  "科研诚信",
  "不良信用",
  "社保缴纳记录",
  "聘用合同",
  "正高级职称",
  "重点合作国家",
  "主要合作国家",
  "辐射合作国家",
  "国际组织",
  "第三方机构",
  "跟踪监测",
  "退出机制",
  "取消资格",
  "重新认定",
  "自动退出",
  "整改期",
  "配套支持",
  "国际技术培训",
  "港澳台",
  "离岸中心",
  "有效期",
  "学术造假",
  "外交事故",
  "失密",
  "泄密",
];

/** Each word of a group to the group's first word. */
export const canonicalOf: ReadonlyMap<string, string> = new Map(
  synonymGroups.flatMap((group) => group.map((word) => [word, group[0] ?? word] as const)),
);

/** The index's word for a word: its group's first, or itself. */
export function canonical(word: string): string {
  return canonicalOf.get(word) ?? word;
}
