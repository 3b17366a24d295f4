import { messages } from "../define.ts";

export const homeMessages = messages(
  {
    "home.welcome": "您好，{name}",
    "home.intro.applicant": "管理本单位信息、人员和账号；年度认定通知发布后，在此填报国合基地认定申请并提交推荐部门。",
    "home.intro.recommender":
      "确认辖区内依托单位的注册，查看本辖区单位与人员；认定期间审核、排序并推荐辖区内的申请（第十七条）。",
    "home.intro.officer":
      "作为业务主管部门，管理依托单位、人员与基础数据，组织认定、评审、绩效考核和动态管理（第十六条）。",
    "home.intro.expert": "查看分配给您的评审任务，声明无利益冲突后评分并填写评审意见。",
    "home.intro.evaluator": "查看受托的年度工作报告和绩效评估任务（第十六条第三款）。",
    "home.intro.sysadmin": "创建和维护账号、解锁和停用账号，并为账号申请角色；角色须经安全管理员审批后生效。",
    "home.intro.secadmin": "审批系统管理员提出的角色授权申请，管理安全策略；不接触业务数据。",
    "home.intro.auditor": "检索审计日志，校验审计链的完整性；日志至少保存六个月。",
    "home.todos": "待办事项",
    "home.todosEmpty": "暂无等待您处理的事项。",
    "home.todosQuiet": "以下事项当前无待办",
    "home.overview": "概况",
    "todo.filter.openRounds": "评审进行中",
    "todo.filter.pending": "待评分",
    "notifications.unreadCount": "{n} 条未读通知",
    "notifications.title": "通知",
    "notifications.time": "时间",
    "notifications.all": "全部",
    "notifications.unread": "未读",
    "notifications.read": "已读",
    "notifications.markRead": "标为已读",
    "notifications.readAll": "全部标为已读",
    "notifications.allRead": "已全部标为已读。",
    "notifications.empty": "暂无通知",
  },
  {
    "home.welcome": "Welcome, {name}",
    "home.intro.applicant":
      "Manage your unit's details, people and accounts; when the annual call opens, prepare the base application here and submit it to your recommender.",
    "home.intro.recommender":
      "Confirm the registrations of host units in your jurisdiction and see their units and people; during a call, review, rank and recommend applications (Art. 17).",
    "home.intro.officer":
      "As the business authority, manage host units, people and reference data; run recognition, review, evaluation and monitoring (Art. 16).",
    "home.intro.expert": "See the reviews assigned to you; declare no conflict of interest, then score and comment.",
    "home.intro.evaluator": "See the annual reports and evaluations entrusted to you (Art. 16.3).",
    "home.intro.sysadmin":
      "Create and maintain accounts, unlock or disable them, and request roles; a role takes effect once the security administrator approves it.",
    "home.intro.secadmin":
      "Approve the role grants the system administrator requests and manage security settings; no business data.",
    "home.intro.auditor": "Search the audit log and verify its chain; entries are kept for at least six months.",
    "home.todos": "Waiting on you",
    "home.todosEmpty": "Nothing is waiting on you.",
    "home.todosQuiet": "Nothing waiting in these now",
    "home.overview": "Overview",
    "todo.filter.openRounds": "rounds in review",
    "todo.filter.pending": "to score",
    "notifications.unreadCount": "{n} unread",
    "notifications.title": "Notification",
    "notifications.time": "Time",
    "notifications.all": "All",
    "notifications.unread": "Unread",
    "notifications.read": "Read",
    "notifications.markRead": "Mark read",
    "notifications.readAll": "Mark all read",
    "notifications.allRead": "All marked read.",
    "notifications.empty": "No notifications",
  },
);
