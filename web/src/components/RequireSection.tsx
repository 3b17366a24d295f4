import { Outlet, useMatches } from "react-router";
import { useSession } from "../api/session";
import { type SectionKey, sectionOf } from "../routes/sections";
import { Forbidden } from "./Forbidden";

/** Guards a page by the same rule that shows its menu entry; the API still checks every call. */
export function RequireSection({ section }: { section: SectionKey }) {
  const me = useSession();
  return sectionOf(section).visible(me) ? <Outlet /> : <Forbidden />;
}

/** The guard as a lazy route's component: the section comes from the route's `handle` (routes/router.tsx). */
export function SectionRoute() {
  const matches = useMatches();
  const handle = [...matches].reverse().find((match) => isSectionHandle(match.handle))?.handle;
  if (!isSectionHandle(handle)) throw new Error("SectionRoute without a section handle");
  return <RequireSection section={handle.section} />;
}

function isSectionHandle(handle: unknown): handle is { section: SectionKey } {
  return typeof handle === "object" && handle !== null && "section" in handle;
}
