/**
 * The 31 articles of 《湖北省国际科技合作基地管理办法》(鄂科技规〔2025〕6号), Chinese text as published (the
 * captured page uses ASCII brackets and commas), with items split out so rules can cite "7.2" or "20.6".
 * Generated once from the measures text (spec/measures-2025.zh.txt); the English summaries are ours.
 */
export interface ArticleItem {
  id: string;
  textZh: string;
}

export interface Article {
  id: string;
  chapter: number;
  textZh: string;
  items: ArticleItem[];
  summaryEn: string;
}

/** The chapters; the English titles are ours, for orientation (the Chinese text is the authoritative one). */
export const chapters2025 = [
  { chapter: 1, titleZh: "总则", titleEn: "General provisions" },
  { chapter: 2, titleZh: "认定条件及程序", titleEn: "Conditions and procedure of recognition" },
  { chapter: 3, titleZh: "管理与职责", titleEn: "Management and responsibilities" },
  { chapter: 4, titleZh: "绩效考核", titleEn: "Performance evaluation" },
  { chapter: 5, titleZh: "支持与服务", titleEn: "Support and services" },
  { chapter: 6, titleZh: "附则", titleEn: "Supplementary provisions" },
] as const;

export const articles2025: readonly Article[] = [
  {
    id: "1",
    chapter: 1,
    textZh:
      "为服务支撑高质量共建“一带一路”,加快建成中部地区崛起的重要战略支点,强化湖北省国际科技合作基地(以下简称省国合基地)的顶层设计、统筹规划、建设管理,加快清理规范及整合新建,结合本省实际,制定本办法。",
    items: [],
    summaryEn:
      "Purpose: serve the Belt and Road, make Hubei a strategic pivot of central China, plan, build and manage provincial international S&T cooperation bases.",
  },
  {
    id: "2",
    chapter: 1,
    textZh:
      "本办法所称省国合基地,是指经湖北省科学技术厅(以下简称省科技厅)认定,在鄂高等学校、科研机构、科技型企业、科技园区、医疗机构、新型研发机构和科技中介组织(服务机构)等各类创新主体建立的,在科技领域具有较好国际合作基础和较强国际合作能力,在开展国际联合研究、国际技术转移和成果转化、国际科技人文交流等方面发挥专业或行业引领示范作用的省级科技创新平台。省科技厅可根据示范和导向等工作需要,以定向征集和专家论证相结合的方式,分批遴选、布局建设一批离岸创新平台,打造海外“科创蜂巢”,将其作为省重点国合基地,在支持力度上予以倾斜。",
    items: [],
    summaryEn:
      "Definition: provincial platforms recognized by the department at Hubei universities, institutes, enterprises, parks, hospitals, new R&D institutions and intermediaries; offshore innovation platforms selected by targeted call and expert argumentation are key bases.",
  },
  {
    id: "3",
    chapter: 1,
    textZh:
      "省国合基地建设旨在服务国家外交、支撑省域发展,提升我省国际科技合作能级,构建“平台筑基、项目牵引、人才聚能、活动强势”四位一体新模式,使省国合基地成为深化联合研究,加速技术转移,促进示范应用,集聚国际人才,建设开放创新环境,参与全球科技治理,开展国际科技合作形势研判与战略国别研究的重要力量。",
    items: [],
    summaryEn:
      "Aims: serve diplomacy and provincial development through the four pillars platform, projects, talent and activities.",
  },
  {
    id: "4",
    chapter: 1,
    textZh:
      "省国合基地布局坚持“内外联动、功能互补、错位发展”的基本原则,遵循“战略导向、资源集聚、科产融合”的总体思路,不断增强我省国际科技合作的影响力和辐射力。",
    items: [],
    summaryEn: "Layout principles: internal-external linkage, complementary functions, differentiated development.",
  },
  {
    id: "5",
    chapter: 1,
    textZh:
      "省国合基地管理遵循“分类认定、统一管理,定期评估、择优支持,动态调整、有序退出”的总体思路,持续提升开放创新合作能力。",
    items: [],
    summaryEn:
      "Management principles: classified recognition, unified management, periodic evaluation, selective support, dynamic adjustment, orderly exit.",
  },
  {
    id: "6",
    chapter: 2,
    textZh:
      "省国合基地分为联合研究类、技术转移类、特色类三种类型。\n1.联合研究类:与世界先进科技研究机构开展高水平的基础研究、应用研究和技术创新合作,努力培育国际大科学计划与大科学工程,努力发起建立(参与)国际科技组织(分支机构),提升我省在全球的科技治理能力。\n2.技术转移类:精准对接相关技术领域与重点国别的产业合作需求,开展多样化国际技术转移活动,积极组织技术推介与对接活动,打造国际技术转移领域的特色品牌,助推高质量技术、产业出海,促进国际先进技术成果在我省实现有效转化与产业化。\n3.特色类:重点聚焦我省特色优势领域及国别战略重点合作方向,通过国际合作助力培育和发展战略性新兴产业,带动区域开放创新发展,涵盖资源信息共享网络、成果综合应用示范、产业技术转移孵化及科技伦理治理等形式多样的开放合作需求。\n原省国合基地、国际科技合作(技术转移)离岸中心,省内各类创新主体在境外建设的科技合作园、海外研发机构、科技服务机构等离岸创新平台,以及省内外资研发中心,符合相关条件的,纳入三类省国合基地认定范围。",
    items: [
      {
        id: "6.1",
        textZh:
          "联合研究类:与世界先进科技研究机构开展高水平的基础研究、应用研究和技术创新合作,努力培育国际大科学计划与大科学工程,努力发起建立(参与)国际科技组织(分支机构),提升我省在全球的科技治理能力。",
      },
      {
        id: "6.2",
        textZh:
          "技术转移类:精准对接相关技术领域与重点国别的产业合作需求,开展多样化国际技术转移活动,积极组织技术推介与对接活动,打造国际技术转移领域的特色品牌,助推高质量技术、产业出海,促进国际先进技术成果在我省实现有效转化与产业化。",
      },
      {
        id: "6.3",
        textZh:
          "特色类:重点聚焦我省特色优势领域及国别战略重点合作方向,通过国际合作助力培育和发展战略性新兴产业,带动区域开放创新发展,涵盖资源信息共享网络、成果综合应用示范、产业技术转移孵化及科技伦理治理等形式多样的开放合作需求。",
      },
    ],
    summaryEn:
      "Three types: joint research, technology transfer, characteristic; former bases, offshore centres, overseas platforms of Hubei units and foreign-funded R&D centres may be recognized under them.",
  },
  {
    id: "7",
    chapter: 2,
    textZh:
      "省国合基地基本遴选认定条件:\n1.依托单位应为在湖北省内依法注册、在有效存续期内的独立法人机构,且近3年无不良信用、不良科研诚信记录。鼓励企业牵头申报认定各类省国合基地。\n2.具有稳定的国际科技合作渠道与伙伴网络关系,与不少于3个合作领域、合作国家(地区)的科技类知名机构建立长期合作关系,具有有效合作协议。拥有一支既懂科技创新又具有国际合作经验的复合型人才团队。\n3.具有明确的发展目标和运行机制,对外开展合作的国别(地区)和领域重点突出、特色鲜明,在吸引全球创新资源、集聚海外高层次人才或创新团队、共建联合研发和技术转移平台等方面具备良好基础。\n4.建立明确的知识产权归属、权益分配、数据跨境、人类遗传资源和科技伦理等管理制度,以及应对违约责任及争议处理的方案,具备科技安全风险研判、预警监测和综合评估等方面的安全管理责任机制。\n5.除位于不同国家(地区)的离岸创新平台外,同一家企业,高等学校同一学院,科研机构、科技园区、医疗机构、新型研发机构和科技中介组织(服务机构)等同一领域,原则上只建设1个省国合基地。\n6.已获批建设的国家级“一带一路”联合实验室、科技部国际科技合作基地原则上不再申报认定省国合基地。",
    items: [
      {
        id: "7.1",
        textZh:
          "依托单位应为在湖北省内依法注册、在有效存续期内的独立法人机构,且近3年无不良信用、不良科研诚信记录。鼓励企业牵头申报认定各类省国合基地。",
      },
      {
        id: "7.2",
        textZh:
          "具有稳定的国际科技合作渠道与伙伴网络关系,与不少于3个合作领域、合作国家(地区)的科技类知名机构建立长期合作关系,具有有效合作协议。拥有一支既懂科技创新又具有国际合作经验的复合型人才团队。",
      },
      {
        id: "7.3",
        textZh:
          "具有明确的发展目标和运行机制,对外开展合作的国别(地区)和领域重点突出、特色鲜明,在吸引全球创新资源、集聚海外高层次人才或创新团队、共建联合研发和技术转移平台等方面具备良好基础。",
      },
      {
        id: "7.4",
        textZh:
          "建立明确的知识产权归属、权益分配、数据跨境、人类遗传资源和科技伦理等管理制度,以及应对违约责任及争议处理的方案,具备科技安全风险研判、预警监测和综合评估等方面的安全管理责任机制。",
      },
      {
        id: "7.5",
        textZh:
          "除位于不同国家(地区)的离岸创新平台外,同一家企业,高等学校同一学院,科研机构、科技园区、医疗机构、新型研发机构和科技中介组织(服务机构)等同一领域,原则上只建设1个省国合基地。",
      },
      {
        id: "7.6",
        textZh: "已获批建设的国家级“一带一路”联合实验室、科技部国际科技合作基地原则上不再申报认定省国合基地。",
      },
    ],
    summaryEn:
      "Basic conditions: host unit in Hubei with a clean 3-year record; at least 3 partners with valid agreements and a composite team; clear goals; management systems; one base per scope; national platforms in principle do not apply.",
  },
  {
    id: "8",
    chapter: 2,
    textZh:
      "联合研究类基地还应具备以下条件:\n1.在前沿技术、基础研究或应用研究等领域具有较强研发实力,近3年承担过省级及以上国际科技合作项目。\n2.近3年中外联合发表的高水平论文不少于3篇或联合承办相关领域高层次国际学术交流活动不少于3次。\n3.依托企业建立的,近3年研发费用总额占同期销售收入总额的比例应不低于高新技术企业认定标准,合作研发成果应具有自主知识产权并形成明显市场竞争优势。",
    items: [
      {
        id: "8.1",
        textZh: "在前沿技术、基础研究或应用研究等领域具有较强研发实力,近3年承担过省级及以上国际科技合作项目。",
      },
      {
        id: "8.2",
        textZh: "近3年中外联合发表的高水平论文不少于3篇或联合承办相关领域高层次国际学术交流活动不少于3次。",
      },
      {
        id: "8.3",
        textZh:
          "依托企业建立的,近3年研发费用总额占同期销售收入总额的比例应不低于高新技术企业认定标准,合作研发成果应具有自主知识产权并形成明显市场竞争优势。",
      },
    ],
    summaryEn:
      "Joint research: provincial-or-higher international project in 3 years; at least 3 joint papers or 3 co-hosted events; enterprise R&D ratio at the high-tech standard with own IP.",
  },
  {
    id: "9",
    chapter: 2,
    textZh:
      "技术转移类基地还应具备以下条件:\n1.具有专业的国际技术转移服务团队,在服务开展技术引进、孵化、输出,以及产业化等方面具有良好基础和成效。\n2.近3年成功实施国际技术转移项目不少于2项。\n3.每年举办国际技术转移活动等国际科技交流活动不少于5场。",
    items: [
      {
        id: "9.1",
        textZh: "具有专业的国际技术转移服务团队,在服务开展技术引进、孵化、输出,以及产业化等方面具有良好基础和成效。",
      },
      { id: "9.2", textZh: "近3年成功实施国际技术转移项目不少于2项。" },
      { id: "9.3", textZh: "每年举办国际技术转移活动等国际科技交流活动不少于5场。" },
    ],
    summaryEn:
      "Technology transfer: professional transfer team; at least 2 transfer projects in 3 years; at least 5 events each year.",
  },
  {
    id: "10",
    chapter: 2,
    textZh:
      "特色类基地还应具备以下条件:\n1.聚焦省内各领域重点科技合作需求,原则上近3年应承担过省级及以上国际科技合作项目。\n2.已取得良好的国际科技创新合作成效,对本地区、本领域或本行业国际科技创新合作具有引导和示范作用。",
    items: [
      { id: "10.1", textZh: "聚焦省内各领域重点科技合作需求,原则上近3年应承担过省级及以上国际科技合作项目。" },
      {
        id: "10.2",
        textZh: "已取得良好的国际科技创新合作成效,对本地区、本领域或本行业国际科技创新合作具有引导和示范作用。",
      },
    ],
    summaryEn:
      "Characteristic: in principle a provincial-or-higher international project in 3 years; good results with a demonstration effect.",
  },
  {
    id: "11",
    chapter: 2,
    textZh:
      "离岸创新平台还应具备以下条件:\n1.在境外拥有满足科学研究、技术研发、技术转移、技术服务、技术孵化或产业化等功能和条件的固定场所。\n2.在境外拥有开展科学研究、技术研发、技术转移、技术服务或从事相关工作的人员。",
    items: [
      {
        id: "11.1",
        textZh: "在境外拥有满足科学研究、技术研发、技术转移、技术服务、技术孵化或产业化等功能和条件的固定场所。",
      },
      { id: "11.2", textZh: "在境外拥有开展科学研究、技术研发、技术转移、技术服务或从事相关工作的人员。" },
    ],
    summaryEn: "Offshore platforms: fixed premises and staff abroad.",
  },
  {
    id: "12",
    chapter: 2,
    textZh:
      "省国合基地负责人应具备的基本条件:\n1.应为依托单位全职在岗人员(以社保缴纳记录、人才聘用合同为准),是省国合基地科研工作负责人或主要科研团队牵头人,近3年无不良信用、不良科研诚信记录;\n2.熟悉科技外交与国际合作的基本方针和政策,具有较高的开展国际科技创新合作的水平及较强的管理能力,联合研究类须具有正高级职称,其他类一般应具有正高级职称或同等研究能力;\n3.同一自然人原则上仅可担任1个省国合基地负责人。",
    items: [
      {
        id: "12.1",
        textZh:
          "应为依托单位全职在岗人员(以社保缴纳记录、人才聘用合同为准),是省国合基地科研工作负责人或主要科研团队牵头人,近3年无不良信用、不良科研诚信记录;",
      },
      {
        id: "12.2",
        textZh:
          "熟悉科技外交与国际合作的基本方针和政策,具有较高的开展国际科技创新合作的水平及较强的管理能力,联合研究类须具有正高级职称,其他类一般应具有正高级职称或同等研究能力;",
      },
      { id: "12.3", textZh: "同一自然人原则上仅可担任1个省国合基地负责人。" },
    ],
    summaryEn:
      "Director: full-time research lead with a clean 3-year record; knows S&T diplomacy; senior title (required for joint research); one base per person in principle.",
  },
  {
    id: "13",
    chapter: 2,
    textZh:
      "省国合基地应明确重点合作国家(地区)、主要合作国家(地区)和辐射合作国家(地区)。境外合作对象为国际组织的,重点合作国家(地区)应为该国际组织总部所在国家(地区),或为双方主要科研合作项目所在国家(地区)。",
    items: [],
    summaryEn:
      "Key, main and radiating partner countries; for an international organization the key country is its headquarters or main project country.",
  },
  {
    id: "14",
    chapter: 2,
    textZh:
      "省科技厅原则上每年组织省国合基地认定工作。程序如下:\n1.申报单位填写申报材料,由推荐部门审核后报省科技厅。申报单位和省国合基地负责人须对材料的真实性、合法性、合规性负责,所有材料均不得涉及国家秘密。\n2.省科技厅进行形式审查后,组织专家对材料进行评审,出具评价意见。省科技厅可组织专家对申报单位进行实地核查。\n3.省科技厅基于专家评审与实地核查情况,结合国别布局、产业领域、技术方向、行业前景等因素进行综合评议,经厅党组会批准后发文认定。",
    items: [
      {
        id: "14.1",
        textZh:
          "申报单位填写申报材料,由推荐部门审核后报省科技厅。申报单位和省国合基地负责人须对材料的真实性、合法性、合规性负责,所有材料均不得涉及国家秘密。",
      },
      {
        id: "14.2",
        textZh:
          "省科技厅进行形式审查后,组织专家对材料进行评审,出具评价意见。省科技厅可组织专家对申报单位进行实地核查。",
      },
      {
        id: "14.3",
        textZh:
          "省科技厅基于专家评审与实地核查情况,结合国别布局、产业领域、技术方向、行业前景等因素进行综合评议,经厅党组会批准后发文认定。",
      },
    ],
    summaryEn:
      "Yearly recognition: application through the recommender (true, lawful, no state secrets), formal review, expert review, optional on-site check, comprehensive evaluation, Party group approval and notice.",
  },
  {
    id: "15",
    chapter: 3,
    textZh: "省科技厅与推荐部门根据各自职能对省国合基地的建设与发展进行指导和管理。",
    items: [],
    summaryEn: "The department and recommenders guide and manage the bases within their functions.",
  },
  {
    id: "16",
    chapter: 3,
    textZh:
      "省科技厅作为省国合基地的业务主管部门,主要职责如下:\n1.设计省国合基地总体发展规划,制定管理政策,指导和支持省国合基地建设与规范运行。\n2.建立省国合基地统筹管理与交流机制。\n3.组织省国合基地申报、评审、认定、调整、取消等工作,委托第三方机构对省国合基地的建设运行进行绩效考核。建立跟踪监测、动态管理和退出机制。\n4.建立省国合基地工作报告和重大事项报告制度,负责审核省国合基地工作报告和重大事项变更情况,适时遴选重大联合研发成果,推动更多科技成果惠及全球。",
    items: [
      { id: "16.1", textZh: "设计省国合基地总体发展规划,制定管理政策,指导和支持省国合基地建设与规范运行。" },
      { id: "16.2", textZh: "建立省国合基地统筹管理与交流机制。" },
      {
        id: "16.3",
        textZh:
          "组织省国合基地申报、评审、认定、调整、取消等工作,委托第三方机构对省国合基地的建设运行进行绩效考核。建立跟踪监测、动态管理和退出机制。",
      },
      {
        id: "16.4",
        textZh:
          "建立省国合基地工作报告和重大事项报告制度,负责审核省国合基地工作报告和重大事项变更情况,适时遴选重大联合研发成果,推动更多科技成果惠及全球。",
      },
    ],
    summaryEn:
      "The department's duties: planning and policy, coordination, recognition, adjustment, revocation, third-party evaluation, monitoring, reports and major-change review.",
  },
  {
    id: "17",
    chapter: 3,
    textZh:
      "市州科学技术行政部门作为本地区单位申报省国合基地的推荐部门,负责审核基地申报、绩效考核等材料,加强基地日常管理。省(部)属高等学校、科研机构和驻鄂中央企业,直接向省科技厅推荐申报省国合基地。",
    items: [],
    summaryEn:
      "Recommenders: city and prefecture S&T bureaus; provincial/ministerial universities and institutes and central enterprises in Hubei recommend directly.",
  },
  {
    id: "18",
    chapter: 3,
    textZh:
      "依托单位作为省国合基地建设和运行管理的具体实施单位,对以省国合基地名义开展的各项工作承担主体责任,主要职责如下:\n1.制定省国合基地建设工作方案,制定年度工作计划,完成年度工作总结。\n2.负责省国合基地的日常管理,制定内部管理制度,健全情况调查制度,加强国际科技合作战略研究和形势分析。按规定参加工作报告、绩效考核等工作。\n3.在经费预算、仪器设备、平台搭建、人员聘用、经费使用和跨境拨付等方面给予省国合基地必要的支持条件。\n4.配备一定比例、相对固定的人员,全职全时开展省国合基地建设管理工作。\n5.负责省国合基地工作方案变更、负责人变更、名称变更、重点或主要合作国家(地区)变更等重大事项调整报告。重大事项调整应在3个月内经推荐部门审核同意后报省科技厅备案,并在当年工作报告中予以说明。\n6.加强省国合基地知识产权全过程管理,注重科技成果的转化应用和管理。\n7.建立省国合基地科技安全管理责任机制,针对省国合基地开展科技合作活动中潜在的科技风险隐患,事先制定科技安全风险应对预案,建立科技安全预警和风险防控体系,强化对事关国家安全和重大利益的敏感技术领域、重大科技项目、重点机构、重要科技人才的保密管理。严格遵守生物安全法规、科技伦理准则,健全生物安全科研攻关审查机制,确保科研活动和科研人员出国(境)合法、合规、可控。",
    items: [
      { id: "18.1", textZh: "制定省国合基地建设工作方案,制定年度工作计划,完成年度工作总结。" },
      {
        id: "18.2",
        textZh:
          "负责省国合基地的日常管理,制定内部管理制度,健全情况调查制度,加强国际科技合作战略研究和形势分析。按规定参加工作报告、绩效考核等工作。",
      },
      {
        id: "18.3",
        textZh: "在经费预算、仪器设备、平台搭建、人员聘用、经费使用和跨境拨付等方面给予省国合基地必要的支持条件。",
      },
      { id: "18.4", textZh: "配备一定比例、相对固定的人员,全职全时开展省国合基地建设管理工作。" },
      {
        id: "18.5",
        textZh:
          "负责省国合基地工作方案变更、负责人变更、名称变更、重点或主要合作国家(地区)变更等重大事项调整报告。重大事项调整应在3个月内经推荐部门审核同意后报省科技厅备案,并在当年工作报告中予以说明。",
      },
      { id: "18.6", textZh: "加强省国合基地知识产权全过程管理,注重科技成果的转化应用和管理。" },
      {
        id: "18.7",
        textZh:
          "建立省国合基地科技安全管理责任机制,针对省国合基地开展科技合作活动中潜在的科技风险隐患,事先制定科技安全风险应对预案,建立科技安全预警和风险防控体系,强化对事关国家安全和重大利益的敏感技术领域、重大科技项目、重点机构、重要科技人才的保密管理。严格遵守生物安全法规、科技伦理准则,健全生物安全科研攻关审查机制,确保科研活动和科研人员出国(境)合法、合规、可控。",
      },
    ],
    summaryEn:
      "Host unit's duties: work plan, annual plan and report, daily management, support, staff, major changes reported within 3 months, IP management, S&T security and ethics.",
  },
  {
    id: "19",
    chapter: 3,
    textZh: "鼓励省国合基地根据区域发展需求和自身实际情况,建立差异化和特色化管理制度。",
    items: [],
    summaryEn: "Bases are encouraged to develop differentiated management systems.",
  },
  {
    id: "20",
    chapter: 3,
    textZh:
      "对出现以下情形之一的,取消省国合基地资格,3年内不得重新认定:\n1.提供虚假申报、绩效考核材料;\n2.无故不参加或中途退出绩效考核;\n3.存在学术造假、抄袭等严重科研失信行为或重大科技伦理违规行为;\n4.发生重大违法、违规、违纪或失密、泄密行为;\n5.发生重大外交事故,或出现影响科技安全并造成严重后果的行为;\n6.绩效考核整改期满后仍不合格;\n7.依托单位主动申请撤销,或依托单位被依法终止,且无法进行变更;\n8.隐瞒重大事项变化或整改后不符合本办法规定;\n9.其他不宜继续作为省国合基地的情形。",
    items: [
      { id: "20.1", textZh: "提供虚假申报、绩效考核材料;" },
      { id: "20.2", textZh: "无故不参加或中途退出绩效考核;" },
      { id: "20.3", textZh: "存在学术造假、抄袭等严重科研失信行为或重大科技伦理违规行为;" },
      { id: "20.4", textZh: "发生重大违法、违规、违纪或失密、泄密行为;" },
      { id: "20.5", textZh: "发生重大外交事故,或出现影响科技安全并造成严重后果的行为;" },
      { id: "20.6", textZh: "绩效考核整改期满后仍不合格;" },
      { id: "20.7", textZh: "依托单位主动申请撤销,或依托单位被依法终止,且无法进行变更;" },
      { id: "20.8", textZh: "隐瞒重大事项变化或整改后不符合本办法规定;" },
      { id: "20.9", textZh: "其他不宜继续作为省国合基地的情形。" },
    ],
    summaryEn: "Nine grounds for revocation, each followed by a 3-year ban.",
  },
  {
    id: "21",
    chapter: 3,
    textZh:
      "在鄂科技部国际科技合作基地原则上统一纳入省国合基地管理体系。省国合基地升级为国家级“一带一路”联合实验室、科技部国际科技合作基地的,自发文之日起自动退出省国合基地序列。",
    items: [],
    summaryEn:
      "MOST international bases in Hubei are managed provincially; a base upgraded to national level exits the provincial sequence from the national document's date.",
  },
  {
    id: "22",
    chapter: 4,
    textZh:
      "省科技厅每年根据工作需要适时启动省国合基地年度绩效考核,以年度工作报告为依据,通过专家评审与实地核查的方式开展。年度绩效考核结果分为优秀、合格、不合格。省国合基地填报年度工作报告,经依托单位、推荐部门审核后报省科技厅。未按规定提交或中途退出绩效考核的,当年绩效考核结果为不合格。",
    items: [],
    summaryEn:
      "Annual performance evaluation on the annual report by expert review and on-site checks: excellent, qualified, unqualified; no report or withdrawal is unqualified.",
  },
  {
    id: "23",
    chapter: 4,
    textZh:
      "省科技厅根据年度绩效考核结果,给予部省国合基地一定的资金支持,依托单位可依照国家和我省财政科研经费管理有关文件规定统筹用于基地开展科技创新相关活动支出。",
    items: [],
    summaryEn: "Funding according to the evaluation grade.",
  },
  {
    id: "24",
    chapter: 4,
    textZh:
      "年度绩效考核不合格的省国合基地,限期1年整改。整改期满后仍不合格的,取消资格,3年内不得重新认定。在鄂科技部国际科技合作基地被科技部取消资格但符合省国合基地认定条件的,可申请认定为省国合基地。",
    items: [],
    summaryEn:
      "Unqualified: one year of rectification; still unqualified: revoked with a 3-year ban; a MOST base losing national status may apply provincially.",
  },
  {
    id: "25",
    chapter: 5,
    textZh:
      "对于成效显著的省国合基地,同等条件下,优先推荐申报国家级“一带一路”联合实验室、科技部国际科技合作基地等创新合作平台、国家级国际科技创新合作计划项目,承办或参与国家级国际科技交流活动;同等条件下,优先支持申报省级国际科技合作项目,申请承担省级国际科技交流活动。",
    items: [],
    summaryEn: "Priority recommendation of successful bases to national platforms, programmes and events.",
  },
  {
    id: "26",
    chapter: 5,
    textZh: "省国合基地推荐部门(所在地方)和依托单位应给予相应配套支持,相关配套政策和支持措施将作为绩效考核的重要指标。",
    items: [],
    summaryEn: "Matching support of recommenders and host units is an important evaluation indicator.",
  },
  {
    id: "27",
    chapter: 5,
    textZh:
      "鼓励省国合基地组建区域性、产业性、领域性、学术性等各类联盟,支持将联盟打造为国合基地成员相互学习、资源共享、优势互补、分工协作和实现共同目标的组织机制。",
    items: [],
    summaryEn: "Bases are encouraged to form alliances.",
  },
  {
    id: "28",
    chapter: 5,
    textZh:
      "支持省国合基地开展国际技术培训、国际人员交流、人才培养和引进、信息服务等工作,提高辐射影响力。倡导社会资本投入,以产业发展需求为导向,构建“政产学研金服用”一体化成果转化体系。",
    items: [],
    summaryEn: "Support for training, exchange, talent and information services; social capital for results transfer.",
  },
  {
    id: "29",
    chapter: 6,
    textZh:
      "省重点国合基地命名为“湖北省+领域+国际科技合作离岸中心(联合研究/技术转移/特色)”,其他省国合基地命名为“湖北省+领域+国际科技合作基地(联合研究/技术转移/特色)”。",
    items: [],
    summaryEn:
      "Names: 湖北省 + field + 国际科技合作离岸中心 (key) or 国际科技合作基地 (other), with the type in brackets.",
  },
  {
    id: "30",
    chapter: 6,
    textZh:
      "鼓励我省各类创新主体与港澳台地区开展科技创新合作,建立的创新合作基地认定与管理参照本办法执行。离岸基地命名为“湖北省(香港/澳门/台湾)+领域+科技合作离岸中心(联合研究/技术转移/特色)”,其他基地命名为“湖北省(香港/澳门/台湾)+领域+科技合作基地(联合研究/技术转移/特色)”。",
    items: [],
    summaryEn:
      "Hong Kong, Macao and Taiwan cooperation bases follow these measures, named 湖北省（香港/澳门/台湾）+ field + 科技合作离岸中心 / 科技合作基地 (type).",
  },
  {
    id: "31",
    chapter: 6,
    textZh:
      "本办法由省科技厅负责解释,自发布之日起施行,有效期5年。原《湖北省国际科技合作基地管理办法》(鄂科技规〔2022〕6号)同时废止。",
    items: [],
    summaryEn: "Interpreted by the department; effective on issuance, valid 5 years; replaces 鄂科技规〔2022〕6号.",
  },
];
