import type { FaqEntry } from "./passages";

/**
 * The FAQ the platform starts with: the questions the department is phoned about every year (issue 14: 能不能申报、
 * 需要什么材料、离岸中心怎么命名、考核不合格会怎样、负责人变更多久内报备), answered from the measures' text with the
 * articles cited. Officers edit, add and retire entries (GET/POST/PATCH/DELETE /api/assistant/faq); these rows are
 * inserted once, by id, and never brought back after an officer deleted them.
 */
export const faqSeed: readonly FaqEntry[] = [
  {
    id: "seed-eligibility",
    questions: [
      "哪些单位可以申报省国合基地？",
      "什么样的单位有资格申报国际科技合作基地",
      "Which organisations may apply to become a provincial base?",
    ],
    answerZh:
      "在鄂高等学校、科研机构、科技型企业、科技园区、医疗机构、新型研发机构和科技中介组织（服务机构）等创新主体均可申报；依托单位须为在湖北省内依法注册、在有效存续期内的独立法人，近3年无不良信用和不良科研诚信记录，并满足第七条的其他基本条件及所申报类型（第八至十一条）的条件。",
    answerEn:
      "Universities, research institutes, technology enterprises, science parks, medical institutions, new R&D institutions and S&T intermediaries in Hubei may apply. The host unit must be an independent legal person registered in Hubei with a clean credit and research-integrity record for 3 years, and meet the other conditions of Art. 7 and those of its type (Arts. 8–11).",
    articles: ["2", "7.1", "7"],
    validFrom: "2025-10-26",
    validTo: null,
    edition: "2025",
  },
  {
    id: "seed-materials",
    questions: [
      "申报需要准备哪些材料，怎么报送？",
      "申报材料由谁审核后报送省科技厅",
      "What must an application contain and where is it sent?",
    ],
    answerZh:
      "申报单位按当年度认定通知填写申报材料，由推荐部门审核后报省科技厅；申报单位和基地负责人对材料的真实性、合法性、合规性负责，所有材料均不得涉及国家秘密。具体材料清单以当年通知为准。",
    answerEn:
      "The applicant fills in the materials the year's call asks for; its recommender reviews them and sends them to the department. The applicant and the director answer for their truth, lawfulness and compliance, and nothing may involve state secrets. The list of materials is in each year's call notice.",
    articles: ["14.1", "17"],
    validFrom: "2025-10-26",
    validTo: null,
    edition: "2025",
  },
  {
    id: "seed-offshore-name",
    questions: ["离岸中心的名称怎么取？", "省重点国合基地的命名规则", "How is an offshore centre named?"],
    answerZh:
      "省重点国合基地（离岸创新平台）命名为“湖北省+领域+国际科技合作离岸中心（联合研究/技术转移/特色）”；其他省国合基地命名为“湖北省+领域+国际科技合作基地（类型）”。与港澳台合作的按第三十条命名。名称由平台按规则生成。",
    answerEn:
      "A key base (offshore innovation platform) is named 湖北省 + field + 国际科技合作离岸中心 (type); other bases 湖北省 + field + 国际科技合作基地 (type); Hong Kong, Macao and Taiwan bases follow Art. 30. The platform generates the name by these rules.",
    articles: ["29", "30"],
    validFrom: "2025-10-26",
    validTo: null,
    edition: "2025",
  },
  {
    id: "seed-unqualified",
    questions: [
      "年度考核不合格有什么后果？",
      "绩效考核被评为不合格以后怎么办",
      "What follows an unqualified annual grade?",
    ],
    answerZh:
      "年度绩效考核不合格的省国合基地限期1年整改；整改期满后仍不合格的，取消资格，3年内不得重新认定。未按规定提交年度工作报告或中途退出考核的，当年结果为不合格。",
    answerEn:
      "A base graded unqualified has one year to rectify; still unqualified after it, the base is revoked and cannot be recognized again for 3 years. Not submitting the annual report as required, or withdrawing midway, makes that year's grade unqualified.",
    articles: ["24", "20.6", "22"],
    validFrom: "2025-10-26",
    validTo: null,
    edition: "2025",
  },
  {
    id: "seed-major-change",
    questions: [
      "基地负责人变更后多长时间内要报备？",
      "重大事项变更的报备时限",
      "How soon must a change of director be filed?",
    ],
    answerZh:
      "工作方案、负责人、名称、重点或主要合作国家（地区）变更属于重大事项调整，应在3个月内经推荐部门审核同意后报省科技厅备案，并在当年工作报告中说明。隐瞒重大事项变化的，可被取消资格。",
    answerEn:
      "Changes of the work plan, director, name, or key or main partner countries are major changes: within 3 months, after the recommender's approval, they are filed with the department and reported in that year's annual report. Concealing one is a ground for revocation.",
    articles: ["18.5", "20.8"],
    validFrom: "2025-10-26",
    validTo: null,
    edition: "2025",
  },
  {
    id: "seed-recommender",
    questions: ["我们单位应该通过哪个推荐部门申报？", "推荐部门怎么确定", "Which recommender do we apply through?"],
    answerZh:
      "市州科学技术行政部门是本地区单位申报的推荐部门；省（部）属高等学校、科研机构和驻鄂中央企业直接向省科技厅推荐申报。",
    answerEn:
      "The city or prefecture S&T bureau recommends the units of its area; provincial and ministerial universities and research institutes and central enterprises in Hubei recommend themselves directly to the department.",
    articles: ["17"],
    validFrom: "2025-10-26",
    validTo: null,
    edition: "2025",
  },
];
