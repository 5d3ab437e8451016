/** Branded ids for vetting: cases, panels, appeals. */
export type VettingCaseId = string & { readonly __brand: "VettingCaseId" };
export type PanelId = string & { readonly __brand: "PanelId" };
export type AppealId = string & { readonly __brand: "AppealId" };

/** Brands a string as a vetting case id. */
export const vettingCaseId = (s: string): VettingCaseId => s as VettingCaseId;
/** Brands a string as a panel id. */
export const panelId = (s: string): PanelId => s as PanelId;
/** Brands a string as an appeal id. */
export const appealId = (s: string): AppealId => s as AppealId;
