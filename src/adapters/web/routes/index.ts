import { applicationsRoutes } from "./applications.ts";
import { consoleRoutes } from "./console/index.ts";
import { electorateRoutes } from "./electorate.ts";
import { healthRoutes } from "./health.ts";
import { nominationsRoutes } from "./nominations.ts";
import { recordRoutes } from "./api/record.ts";
import { resultsRoutes } from "./results.ts";
import type { RoutePlugin } from "./route-deps.ts";
import { votingRoutes } from "./voting.ts";
import { reminderRoutes } from "./reminders.ts";
import { vettingRoutes } from "./vetting.ts";

export type { RouteDeps, RoutePlugin } from "./route-deps.ts";

/** Every room's routes. Each room adds its one plugin to this list. */
export const routePlugins: RoutePlugin[] = [
  healthRoutes,
  electorateRoutes,
  recordRoutes,
  votingRoutes,
  nominationsRoutes,
  applicationsRoutes,
  vettingRoutes,
  resultsRoutes,
  consoleRoutes,
  reminderRoutes,
];
