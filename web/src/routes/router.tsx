import { createBrowserRouter, Outlet } from "react-router";
import { RouteError } from "../components/RouteError";
import { loadWholeDictionary } from "../i18n/I18nProvider";
import type { SectionKey } from "./sections";

/**
 * The route table. Every page is a lazy `import()`, so each page and the antd components only it uses load on
 * demand. The eager code is the router, the words of the first screen and the plain sign-in page's frame: antd, the
 * layout and the session guard load with the shell route (components/AppShell), so the login page stays small.
 */
const guarded = (section: SectionKey, path: string, lazy: () => Promise<{ Component: React.ComponentType }>) => ({
  handle: { section },
  lazy: () => import("../components/RequireSection").then((m) => ({ Component: m.SectionRoute })),
  children: [{ path, lazy }],
});

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    hydrateFallbackElement: <div className="page-loading" />,
    errorElement: <RouteError />,
    children: [
      {
        path: "/login",
        lazy: () => import("../scenes/Login/LoginPage").then((m) => ({ Component: m.LoginPage })),
      },
      {
        // The shell's pages need the whole dictionary of the reader's language: both load together.
        lazy: () =>
          Promise.all([import("../components/AppShell"), loadWholeDictionary()]).then(([m]) => ({
            Component: m.AppShell,
          })),
        children: routes(),
      },
    ],
  },
]);

function routes() {
  return [
    {
      path: "/register",
      lazy: () => import("../scenes/Register/RegisterPage").then((m) => ({ Component: m.RegisterPage })),
    },
    {
      path: "/forgot-password",
      lazy: () =>
        import("../scenes/ForgotPassword/ForgotPasswordPage").then((m) => ({ Component: m.ForgotPasswordPage })),
    },
    {
      path: "/registry",
      lazy: () => import("../scenes/PublicRegistry/RegistryPage").then((m) => ({ Component: m.RegistryPage })),
    },
    {
      path: "/registry/:id",
      lazy: () => import("../scenes/PublicRegistry/BaseProfilePage").then((m) => ({ Component: m.BaseProfilePage })),
    },
    {
      path: "/achievements",
      lazy: () =>
        import("../scenes/PublicAchievements/PublicAchievementsPage").then((m) => ({
          Component: m.PublicAchievementsPage,
        })),
    },
    {
      path: "/public/alliances",
      lazy: () =>
        import("../scenes/PublicAlliances/PublicAlliancesPage").then((m) => ({ Component: m.PublicAlliancesPage })),
    },
    {
      path: "/notices",
      lazy: () => import("../scenes/PublicNotices/PublicNoticesPage").then((m) => ({ Component: m.PublicNoticesPage })),
    },
    {
      path: "/announcements",
      lazy: () =>
        import("../scenes/PublicAnnouncements/AnnouncementsPage").then((m) => ({ Component: m.AnnouncementsPage })),
    },
    {
      path: "/announcements/:id",
      lazy: () =>
        import("../scenes/PublicAnnouncements/AnnouncementPage").then((m) => ({ Component: m.AnnouncementPage })),
    },
    {
      path: "/policy",
      lazy: () => import("../scenes/Policy/PolicyPage").then((m) => ({ Component: m.PolicyPage })),
    },
    {
      path: "/verify/:code?",
      lazy: () => import("../scenes/Verify/VerifyPage").then((m) => ({ Component: m.VerifyPage })),
    },
    {
      lazy: () => import("../components/RequireAuth").then((m) => ({ Component: m.RequireAuth })),
      children: [
        {
          lazy: () => import("../components/layout/AppLayout").then((m) => ({ Component: m.AppLayout })),
          children: [
            {
              index: true,
              lazy: () => import("../scenes/Home/HomePage").then((m) => ({ Component: m.HomePage })),
            },
            guarded("units", "units", () =>
              import("../scenes/Units/UnitsPage").then((m) => ({ Component: m.UnitsPage })),
            ),
            guarded("my-unit", "my-unit", () =>
              import("../scenes/MyUnit/MyUnitPage").then((m) => ({ Component: m.MyUnitPage })),
            ),
            guarded("people", "people", () =>
              import("../scenes/People/PeoplePage").then((m) => ({ Component: m.PeoplePage })),
            ),
            guarded("accounts", "accounts", () =>
              import("../scenes/Accounts/AccountsPage").then((m) => ({ Component: m.AccountsPage })),
            ),
            guarded("service-accounts", "service-accounts", () =>
              import("../scenes/ServiceAccounts/ServiceAccountsPage").then((m) => ({
                Component: m.ServiceAccountsPage,
              })),
            ),
            guarded("role-grants", "role-grants", () =>
              import("../scenes/RoleGrants/RoleGrantsPage").then((m) => ({ Component: m.RoleGrantsPage })),
            ),
            guarded("security-policy", "security-policy", () =>
              import("../scenes/SecurityPolicy/SecurityPolicyPage").then((m) => ({ Component: m.SecurityPolicyPage })),
            ),
            guarded("audit", "audit", () =>
              import("../scenes/Audit/AuditPage").then((m) => ({ Component: m.AuditPage })),
            ),
            guarded("reference", "reference", () =>
              import("../scenes/Reference/ReferencePage").then((m) => ({ Component: m.ReferencePage })),
            ),
            guarded("experts", "experts", () =>
              import("../scenes/Experts/ExpertsPage").then((m) => ({ Component: m.ExpertsPage })),
            ),
            guarded("reviews", "reviews", () =>
              import("../scenes/Reviews/ReviewsPage").then((m) => ({ Component: m.ReviewsPage })),
            ),
            guarded("expert-portal", "expert-portal", () =>
              import("../scenes/ExpertPortal/ExpertPortalPage").then((m) => ({ Component: m.ExpertPortalPage })),
            ),
            guarded("decisions", "decisions", () =>
              import("../scenes/Decisions/DecisionsPage").then((m) => ({ Component: m.DecisionsPage })),
            ),
            guarded("calls", "calls", () =>
              import("../scenes/Calls/CallsPage").then((m) => ({ Component: m.CallsPage })),
            ),
            guarded("applications", "applications", () =>
              import("../scenes/Applications/ApplicationsPage").then((m) => ({ Component: m.ApplicationsPage })),
            ),
            guarded("applications", "applications/:id", () =>
              import("../scenes/Applications/ApplicationPage").then((m) => ({ Component: m.ApplicationPage })),
            ),
            {
              // 阅览: also for assigned experts, who have no applications list; the server decides who reads what.
              path: "applications/:id/read",
              lazy: () =>
                import("../scenes/ApplicationRead/ApplicationReadPage").then((m) => ({
                  Component: m.ApplicationReadPage,
                })),
            },
            guarded("evaluation", "evaluation", () =>
              import("../scenes/Evaluation/EvaluationPage").then((m) => ({ Component: m.EvaluationPage })),
            ),
            guarded("evaluation", "evaluation/:id", () =>
              import("../scenes/Evaluation/RoundPage").then((m) => ({ Component: m.RoundPage })),
            ),
            guarded("annual-reports", "annual-reports", () =>
              import("../scenes/AnnualReports/AnnualReportsPage").then((m) => ({ Component: m.AnnualReportsPage })),
            ),
            guarded("annual-reports", "annual-reports/:id", () =>
              import("../scenes/AnnualReports/AnnualReportPage").then((m) => ({ Component: m.AnnualReportPage })),
            ),
            guarded("evaluator-tasks", "evaluator-tasks", () =>
              import("../scenes/EvaluatorTasks/EvaluatorTasksPage").then((m) => ({ Component: m.EvaluatorTasksPage })),
            ),
            guarded("evaluator-tasks", "evaluator-tasks/:reportId", () =>
              import("../scenes/EvaluatorTasks/EvaluatorTaskPage").then((m) => ({ Component: m.EvaluatorTaskPage })),
            ),
            guarded("alliances", "alliances", () =>
              import("../scenes/Alliances/AlliancesPage").then((m) => ({ Component: m.AlliancesPage })),
            ),
            guarded("alliances", "alliances/:id", () =>
              import("../scenes/Alliances/AlliancePage").then((m) => ({ Component: m.AlliancePage })),
            ),
            guarded("rectifications", "rectifications", () =>
              import("../scenes/Rectification/RectificationsPage").then((m) => ({ Component: m.RectificationsPage })),
            ),
            guarded("rectifications", "rectifications/:id", () =>
              import("../scenes/Rectification/RectificationPage").then((m) => ({ Component: m.RectificationPage })),
            ),
            guarded("revocations", "revocations", () =>
              import("../scenes/Revocations/RevocationsPage").then((m) => ({ Component: m.RevocationsPage })),
            ),
            guarded("revocations", "revocations/:id", () =>
              import("../scenes/Revocations/RevocationPage").then((m) => ({ Component: m.RevocationPage })),
            ),
            guarded("change-reports", "change-reports", () =>
              import("../scenes/ChangeReports/ChangeReportsPage").then((m) => ({ Component: m.ChangeReportsPage })),
            ),
            guarded("change-reports", "change-reports/:id", () =>
              import("../scenes/ChangeReports/ChangeReportPage").then((m) => ({ Component: m.ChangeReportPage })),
            ),
            guarded("deadlines", "deadlines", () =>
              import("../scenes/Deadlines/DeadlinesPage").then((m) => ({ Component: m.DeadlinesPage })),
            ),
            guarded("statistics", "statistics", () =>
              import("../scenes/Statistics/StatisticsPage").then((m) => ({ Component: m.StatisticsPage })),
            ),
            guarded("workbench", "workbench", () =>
              import("../scenes/Workbench/WorkbenchPage").then((m) => ({ Component: m.WorkbenchPage })),
            ),
            guarded("formal-review", "formal-review", () =>
              import("../scenes/FormalReview/FormalReviewPage").then((m) => ({ Component: m.FormalReviewPage })),
            ),
            guarded("bases", "bases", () =>
              import("../scenes/Bases/BasesPage").then((m) => ({ Component: m.BasesPage })),
            ),
            guarded("bases", "bases/:id", () =>
              import("../scenes/Bases/BasePage").then((m) => ({ Component: m.BasePage })),
            ),
            guarded("registry-facts", "registry-facts", () =>
              import("../scenes/RegistryFacts/RegistryFactsPage").then((m) => ({ Component: m.RegistryFactsPage })),
            ),
            guarded("notifications", "notifications", () =>
              import("../scenes/Notifications/NotificationsPage").then((m) => ({ Component: m.NotificationsPage })),
            ),
            {
              path: "change-password",
              lazy: () =>
                import("../scenes/ChangePassword/ChangePasswordPage").then((m) => ({
                  Component: m.ChangePasswordPage,
                })),
            },
            { path: "*", lazy: () => import("../components/Forbidden").then((m) => ({ Component: m.NotFound })) },
          ],
        },
      ],
    },
  ];
}
