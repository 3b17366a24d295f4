import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { isApiError } from "./api/errors";
import { DemoClockBanner } from "./components/DemoClockBanner";
import { I18nProvider } from "./i18n/I18nProvider";
import { router } from "./routes/router";
import "./global.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a missing record will not change on retry; a network hiccup might.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// No antd here: the entry and the sign-in page stay small; antd arrives with the shell route (components/AppShell).
const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <DemoClockBanner />
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
