import { Outlet } from "react-router";
import { useSession } from "../api/session";
import { type SectionKey, sectionOf } from "../routes/sections";
import { Forbidden } from "./Forbidden";

/** Guards a page by the same rule that shows its menu entry; the API still checks every call. */
export function RequireSection({ section }: { section: SectionKey }) {
  const me = useSession();
  return sectionOf(section).visible(me) ? <Outlet /> : <Forbidden />;
}
