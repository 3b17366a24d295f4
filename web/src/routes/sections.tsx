import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  ClusterOutlined,
  ContainerOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  LockOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  StopOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { hasAbility } from "../api/session";
import type { Me } from "../api/types";
import type { MessageKey } from "../i18n/dictionary";

/**
 * One entry per page of the shell: its menu item (`data-testid="menu-<key>"`), its path, and whether the caller may
 * open it — read from the abilities /api/auth/me returned, never from role names.
 */
export interface Section {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  visible: (me: Me) => boolean;
}

const holds =
  (...abilities: string[]) =>
  (me: Me) =>
    abilities.some((ability) => hasAbility(me, ability));

export const sections = [
  { key: "home", path: "/", label: "nav.home", icon: <HomeOutlined />, visible: holds("dashboard.read") },
  {
    key: "units",
    path: "/units",
    label: "nav.units",
    icon: <BankOutlined />,
    // The cross-unit list is for those who confirm or manage units; a host unit's own staff use "my unit".
    visible: (me) => hasAbility(me, "unit.read") && holds("unit.confirm", "unit.manage")(me),
  },
  {
    key: "my-unit",
    path: "/my-unit",
    label: "nav.myUnit",
    icon: <ApartmentOutlined />,
    visible: (me) => hasAbility(me, "unit.read") && Boolean(me.jurisdiction.unitId),
  },
  { key: "people", path: "/people", label: "nav.people", icon: <TeamOutlined />, visible: holds("person.read") },
  {
    key: "accounts",
    path: "/accounts",
    label: "nav.accounts",
    icon: <IdcardOutlined />,
    visible: holds("account.read"),
  },
  {
    key: "service-accounts",
    path: "/service-accounts",
    label: "nav.serviceAccounts",
    icon: <ApiOutlined />,
    visible: holds("api-token.manage"),
  },
  {
    key: "role-grants",
    path: "/role-grants",
    label: "nav.roleGrants",
    icon: <SafetyCertificateOutlined />,
    visible: holds("role-grant.approve"),
  },
  {
    key: "security-policy",
    path: "/security-policy",
    label: "nav.securityPolicy",
    icon: <LockOutlined />,
    visible: holds("security-setting.manage"),
  },
  { key: "audit", path: "/audit", label: "nav.audit", icon: <AuditOutlined />, visible: holds("audit.read") },
  {
    key: "reference",
    path: "/reference",
    label: "nav.reference",
    icon: <DatabaseOutlined />,
    visible: holds("reference.manage"),
  },
  { key: "calls", path: "/calls", label: "nav.calls", icon: <NotificationOutlined />, visible: holds("call.read") },
  {
    key: "applications",
    path: "/applications",
    label: "nav.applications",
    icon: <ProfileOutlined />,
    // Experts read applications only through their review assignments, not as a list.
    visible: (me) => hasAbility(me, "application.read") && me.scopes["application.read"] !== "assigned",
  },
  {
    key: "workbench",
    path: "/workbench",
    label: "nav.workbench",
    icon: <OrderedListOutlined />,
    visible: holds("application.recommend"),
  },
  {
    key: "formal-review",
    path: "/formal-review",
    label: "nav.formalReview",
    icon: <CheckSquareOutlined />,
    visible: holds("application.formal-review"),
  },
  {
    key: "bases",
    path: "/bases",
    label: "nav.bases",
    icon: <FlagOutlined />,
    // Evaluators reach bases through their entrustments, not as a list.
    visible: (me) => hasAbility(me, "base.read") && me.scopes["base.read"] !== "assigned",
  },
  {
    key: "registry-facts",
    path: "/registry-facts",
    label: "nav.registryFacts",
    icon: <ContainerOutlined />,
    visible: holds("registry-fact.read"),
  },
  { key: "experts", path: "/experts", label: "nav.experts", icon: <SolutionOutlined />, visible: holds("expert.read") },
  { key: "reviews", path: "/reviews", label: "nav.reviews", icon: <ClusterOutlined />, visible: holds("draw.run") },
  {
    key: "expert-portal",
    path: "/expert-portal",
    label: "nav.expertPortal",
    icon: <FormOutlined />,
    visible: holds("review.declare"),
  },
  {
    key: "decisions",
    path: "/decisions",
    label: "nav.decisions",
    icon: <FileDoneOutlined />,
    visible: holds("application.evaluate"),
  },
  {
    key: "evaluation",
    path: "/evaluation",
    label: "nav.evaluation",
    icon: <TrophyOutlined />,
    visible: holds("evaluation.manage"),
  },
  {
    key: "annual-reports",
    path: "/annual-reports",
    label: "nav.annualReports",
    icon: <FileTextOutlined />,
    // Host units and recommenders list theirs; experts and evaluators read reports only through their assignments.
    visible: (me) => hasAbility(me, "annual-report.read") && me.scopes["annual-report.read"] !== "assigned",
  },
  {
    key: "evaluator-tasks",
    path: "/evaluator-tasks",
    label: "nav.evaluatorTasks",
    icon: <FileSearchOutlined />,
    // The entrusted third-party evaluator's own list (Art. 16.3, 22), as the expert portal is the experts'.
    visible: holds("evaluation.score"),
  },
  {
    key: "rectifications",
    path: "/rectifications",
    label: "nav.rectifications",
    icon: <ToolOutlined />,
    visible: holds("rectification.read"),
  },
  {
    key: "deadlines",
    path: "/deadlines",
    label: "nav.deadlines",
    icon: <ClockCircleOutlined />,
    // 期限提醒 (SPEC §6): the department all bases, a recommender its jurisdiction, a host unit its own.
    visible: holds("deadline.read"),
  },
  {
    key: "statistics",
    path: "/statistics",
    label: "nav.statistics",
    icon: <BarChartOutlined />,
    // 统计分析: the department the province, a recommender its jurisdiction; no one else sees the entry.
    visible: holds("statistics.read"),
  },
  {
    key: "revocations",
    path: "/revocations",
    label: "nav.revocations",
    icon: <StopOutlined />,
    visible: holds("revocation.read"),
  },
  {
    key: "change-reports",
    path: "/change-reports",
    label: "nav.changeReports",
    icon: <SwapOutlined />,
    visible: holds("change-report.read"),
  },
  {
    key: "alliances",
    path: "/alliances",
    label: "nav.alliances",
    icon: <DeploymentUnitOutlined />,
    visible: holds("alliance.read"),
  },
  // The public registry (no sign-in): opens outside the shell, for everyone.
  { key: "registry", path: "/registry", label: "nav.registry", icon: <GlobalOutlined />, visible: () => true },
  {
    key: "notifications",
    path: "/notifications",
    label: "nav.notifications",
    icon: <BellOutlined />,
    visible: holds("notification.read"),
  },
] as const satisfies readonly Section[];

export type SectionKey = (typeof sections)[number]["key"];

export function sectionOf(key: SectionKey): Section {
  return sections.find((section) => section.key === key)!;
}

/** The menu entry a path belongs to (for highlighting). */
export function sectionForPath(pathname: string): Section | undefined {
  return [...sections]
    .sort((a, b) => b.path.length - a.path.length)
    .find((section) => (section.path === "/" ? pathname === "/" : pathname.startsWith(section.path)));
}
