// Roles, actions and the one check every service runs.
export { roles, isRole, accountIdsOf, type Role, type Actor } from "./roles.ts";
export { permissions, type Action } from "./actions.ts";
export { authorise, authoriseRole } from "./authorise.ts";
