import type { ApiOperation } from "../operation";

export const outboxOperations: ApiOperation[] = [];
