import type { ApiOperation } from "../operation";

export const followUpOperations: ApiOperation[] = [];
