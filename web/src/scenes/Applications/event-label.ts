import { type ApplicationEvent, applicationEvents } from "../../../../policy/lifecycles/application.transitions";
import type { MessageKey } from "../../i18n/dictionary";

/** Compiles only while every lifecycle event has a label in the dictionary (none shows as "undefined"). */
const labelled = (key: `event.${ApplicationEvent}`): MessageKey => key;

/** The dictionary key of an application event from the history, or null for an event the lifecycle does not know. */
export function eventLabelKey(event: string): MessageKey | null {
  return (applicationEvents as readonly string[]).includes(event)
    ? labelled(`event.${event as ApplicationEvent}`)
    : null;
}
