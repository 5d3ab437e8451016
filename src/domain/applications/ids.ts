/** Branded ids for the applications room, so an application id cannot be passed where a payment's is wanted. */
export type ApplicationId = string & { readonly __brand: "ApplicationId" };
/** The provider's id for one payment event (a webhook delivery or a reconciliation row). */
export type ProviderEventId = string & { readonly __brand: "ProviderEventId" };
/** The id of one decision on an application (first decision or appeal outcome). */
export type ApplicationDecisionId = string & { readonly __brand: "ApplicationDecisionId" };

/** Brands a string as an application id. */
export const applicationId = (s: string): ApplicationId => s as ApplicationId;
/** Brands a string as a provider event id. */
export const providerEventId = (s: string): ProviderEventId => s as ProviderEventId;
/** Brands a string as an application decision id. */
export const applicationDecisionId = (s: string): ApplicationDecisionId => s as ApplicationDecisionId;
