import type { ApiOperation } from "../operation";

export const dashboardOperations: ApiOperation[] = [];
