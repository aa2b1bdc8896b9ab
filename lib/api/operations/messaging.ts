import type { ApiOperation } from "../operation";

export const messagingOperations: ApiOperation[] = [];
