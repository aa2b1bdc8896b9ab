import type { ApiOperation } from "../operation";

export const reminderOperations: ApiOperation[] = [];
