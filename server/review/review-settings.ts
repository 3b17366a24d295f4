import type { ReviewSettingsInput } from "../../contracts/review";
import { type AggregationSettings, defaultAggregationSettings } from "../../policy/review/aggregation";
import { type DrawRules, defaultDrawRules } from "../../policy/review/draw";

/** A round's settings with the defaults filled in (SPEC §7: panel size, recusal windows, aggregation per call). */
export function drawRulesOf(
  settings: ReviewSettingsInput,
  overrides: ReviewSettingsInput["draw"] | undefined,
  facts: { field: string },
  referenceYear: number,
): DrawRules {
  const chosen = { ...settings.draw, ...overrides };
  return {
    mode: "panel",
    fields: chosen.fields ?? [facts.field],
    allowedTitles: chosen.allowedTitles ?? defaultDrawRules.allowedTitles,
    statuses: chosen.statuses ?? defaultDrawRules.statuses,
    panelSize: chosen.panelSize ?? defaultDrawRules.panelSize,
    backups: chosen.backups ?? defaultDrawRules.backups,
    collaborationYears: chosen.collaborationYears ?? defaultDrawRules.collaborationYears,
    maxDrawsPerYear: chosen.maxDrawsPerYear ?? defaultDrawRules.maxDrawsPerYear,
    referenceYear,
    pinnedExclusions: chosen.pinnedExclusions ?? [],
  };
}

export function aggregationSettingsOf(settings: ReviewSettingsInput): AggregationSettings {
  return {
    ...defaultAggregationSettings,
    ...Object.fromEntries(Object.entries(settings.aggregation).filter(([, v]) => v !== undefined)),
  };
}

export function panelSizeOf(settings: ReviewSettingsInput): number {
  return settings.draw.panelSize ?? defaultDrawRules.panelSize;
}

/** The year in China (UTC+8) of an instant: the draw-count year and the collaboration reference year. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}
