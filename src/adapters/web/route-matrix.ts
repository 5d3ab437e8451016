import type { Role } from "../../domain/access/index.ts";

// The route × role matrix (RELIABILITY 11): every route the server registers, with who may use it.
// A route missing here fails the matrix test (deny by default), so a new route must be placed here
// on purpose. The roles mirror the actions each route's service authorises (src/domain/access/
// actions.ts); the services enforce them, this file states them so a test can check from outside.
// HEAD routes follow their GET.

/** Who may call a route: anyone (voters, applicants, the public, sign-in pages), or these roles. */
export type Audience = "public" | readonly Role[];

const officers = ["administrator", "returning-officer"] as const;
const overseers = ["administrator", "returning-officer", "scrutineer"] as const;
const officeStaff = ["administrator", "returning-officer", "staff"] as const;
const staffRoles = [
  "administrator",
  "returning-officer",
  "scrutineer",
  "staff",
  "vetting-panel",
  "observer",
  "nominator",
  "candidate",
] as const;

/** `METHOD /url` → audience. */
export const routeMatrix: Readonly<Record<string, Audience>> = {
  // Foundation.
  "GET /api/openapi.json": "public",
  "GET /health": "public",
  "GET /api/elections/:slug/record/verify": overseers,
  // Electorate (JSON API).
  "POST /api/elections": ["administrator"],
  "POST /api/elections/:slug/roll": officers,
  "POST /api/elections/:slug/roll/freeze": officers,
  "GET /api/elections/:slug/eligibility": [...overseers, "staff"],
  "POST /api/elections/:slug/sections/:section/rules": officers,
  // Voting: voters prove themselves with their code, not a role.
  "GET /vote/:election": "public",
  "GET /vote/:election/link/:token": "public",
  "POST /vote/:election/start": "public",
  "POST /vote/:election/review": "public",
  "POST /vote/:election/cast": "public",
  "GET /vote/:election/reminders/stop/:token": "public",
  "POST /vote/:election/reminders/stop/:token": "public",
  // Nominations.
  "GET /api/elections/:slug/nominations": "public",
  "GET /elections/:slug/nominations": "public",
  "PUT /api/elections/:slug/nominations/setup": officers,
  "POST /api/elections/:slug/nominations": ["nominator", ...officeStaff],
  "POST /api/elections/:slug/nominations/:nomination/withdraw": ["nominator", ...officeStaff],
  "POST /api/elections/:slug/nominations/consent": ["candidate"],
  "POST /api/elections/:slug/nominations/close": officers,
  // Applications (public forms; the applicant's link is their authority).
  "GET /apply/:election/:section": "public",
  "POST /apply/:election/:section": "public",
  "GET /apply/:election/:section/sent": "public",
  "GET /apply/status/:token": "public",
  "POST /apply/status/:token/appeal": "public",
  "GET /appeal/:token": "public",
  "POST /appeal/:token": "public",
  "PUT /api/elections/:slug/applications/settings/:section": officers,
  "POST /api/elections/:slug/applications/register-extract": officeStaff,
  "POST /api/elections/:slug/payments/reconciliation": officeStaff,
  "POST /api/elections/:slug/applications/decide": officers,
  "GET /api/elections/:slug/applications/figures": [...overseers, "staff", "observer"],
  "POST /api/elections/:slug/union-officers": officers,
  "POST /api/elections/:slug/applications/:application/union-answer": ["union-officer"],
  "POST /api/elections/:slug/union-list": ["union-officer"],
  // The payment provider signs its webhook; the signature is checked, not a role.
  "POST /api/payments/stripe-webhook": "public",
  // Vetting.
  "POST /api/elections/:slug/panels": officers,
  "POST /api/elections/:slug/vetting/cases": officeStaff,
  "POST /api/elections/:slug/vetting/cases/:case/decision": ["vetting-panel"],
  "POST /api/elections/:slug/appeals": officeStaff,
  "POST /api/elections/:slug/appeals/:appeal/hearing": ["vetting-panel"],
  // Published results: public once published (unpublished ones answer 404 to everyone).
  "GET /results/:slug": "public",
  "GET /results/:slug/declaration.json": "public",
  "GET /results/:slug/declaration.csv": "public",
  "GET /results/:slug/declaration.pdf": "public",
  "GET /results/:slug/archive.json": "public",
  // Stylesheets.
  "GET /assets/site.css": "public",
  "GET /assets/console.css": "public",
  "GET /assets/roll-upload.js": "public",
  // Console sign-in: reachable by anyone, by its nature.
  "GET /console/sign-in": "public",
  "POST /console/sign-in": "public",
  "GET /console/sign-in/code": "public",
  "POST /console/sign-in/code": "public",
  "GET /console/role": "public",
  "POST /console/role": "public",
  "POST /console/sign-out": "public",
  // Re-authentication: any signed-in person (it only confirms who they are).
  "GET /console/reauth": "public",
  "POST /console/reauth": "public",
  "GET /console/setup/:token": "public",
  "POST /console/setup/:token": "public",
  // Console pages. Anyone signed in changes their own password.
  "GET /console/password": staffRoles,
  "POST /console/password": staffRoles,
  "GET /console": staffRoles,
  "GET /console/elections/new": ["administrator"],
  "POST /console/elections/new": ["administrator"],
  "GET /console/elections/:slug": [...overseers, "staff"],
  "GET /console/elections/:slug/roll": officers,
  "POST /console/elections/:slug/roll": officers,
  "GET /console/elections/:slug/roll/upload": officers,
  "POST /console/elections/:slug/roll/upload": officers,
  "GET /console/elections/:slug/roll/uploads/:upload": officers,
  "POST /console/elections/:slug/freeze": officers,
  "GET /console/elections/:slug/audit": overseers,
  "GET /console/elections/:slug/turnout": overseers,
  "GET /console/elections/:slug/poll": [...overseers, "staff"],
  "POST /console/elections/:slug/poll": officers,
  "POST /console/elections/:slug/poll/close": officers,
  "GET /console/elections/:slug/count": overseers,
  "POST /console/elections/:slug/count": officers,
  "POST /console/elections/:slug/count/sign-off": ["scrutineer"],
  "POST /console/elections/:slug/count/declare": officers,
  "POST /console/elections/:slug/count/publish": officers,
  // Credentials (the returning officer's) and mail (everyone running the election; never reminders' rows).
  "GET /console/elections/:slug/credentials": officers,
  "POST /console/elections/:slug/credentials/issue": officers,
  "GET /console/elections/:slug/credentials/print": officers,
  "POST /console/elections/:slug/credentials/print": officers,
  "POST /console/elections/:slug/credentials/reissue": officers,
  "POST /console/elections/:slug/credentials/revoke": officers,
  "GET /console/elections/:slug/mail": [...overseers, "staff"],
  "GET /console/elections/:slug/mail/preview/:template": [...overseers, "staff"],
  "GET /console/elections/:slug/mail/history/:kind": [...overseers, "staff"],
  // Applications and vetting pages: the services check each role (and, for panels, membership).
  "GET /console/elections/:slug/applications": [...overseers, "staff"],
  "GET /console/elections/:slug/applications/decide": officers,
  "POST /console/elections/:slug/applications/decide": officers,
  "GET /console/elections/:slug/applications/:application": [...overseers, "staff"],
  "POST /console/elections/:slug/applications/:application/appeal": officeStaff,
  "GET /console/elections/:slug/vetting": [...overseers, "staff", "vetting-panel"],
  "POST /console/elections/:slug/vetting/cases": officeStaff,
  "GET /console/elections/:slug/vetting/cases/:case": [...overseers, "staff", "vetting-panel"],
  "POST /console/elections/:slug/vetting/cases/:case/decision": ["vetting-panel"],
  "GET /console/elections/:slug/vetting/decide": ["vetting-panel"],
  "GET /console/elections/:slug/vetting/panels": [...overseers, "staff", "vetting-panel"],
  "POST /console/elections/:slug/vetting/panels": officers,
  "GET /console/elections/:slug/applications/settings": officers,
  "POST /console/elections/:slug/applications/settings": officers,
  "GET /console/elections/:slug/applications/register": officeStaff,
  "POST /console/elections/:slug/applications/register": officeStaff,
  "POST /console/elections/:slug/vetting/decide": ["vetting-panel"],
  "POST /console/elections/:slug/vetting/cases/:case/appeal": officeStaff,
  "POST /console/elections/:slug/appeals/:appeal/hearing": ["vetting-panel"],
  // Nominations: officers of nominating bodies for their own nominators (the services check the
  // body's lists), staff for paper forms, candidates for their consent, officers for the close.
  "GET /console/elections/:slug/nominations": ["nominator", "candidate", ...officeStaff],
  "POST /console/elections/:slug/nominations": ["nominator", ...officeStaff],
  "POST /console/elections/:slug/nominations/:nomination/withdraw": ["nominator", ...officeStaff],
  "POST /console/elections/:slug/nominations/consent": ["candidate"],
  "POST /console/elections/:slug/nominations/setup": officers,
  "POST /console/elections/:slug/nominations/close": officers,
  "GET /console/people": ["administrator"],
  "POST /console/people": ["administrator"],
  "POST /console/people/:account/reset-authenticator": ["administrator"],
};
