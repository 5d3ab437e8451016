import { healthRoutes } from "./health.ts";
import { recordRoutes } from "./api/record.ts";
import type { RoutePlugin } from "./route-deps.ts";

export type { RouteDeps, RoutePlugin } from "./route-deps.ts";

/** Every room's routes. Each room adds its one plugin to this list. */
export const routePlugins: RoutePlugin[] = [healthRoutes, recordRoutes];
