// Every area's operations; add an area's list here.
import type { ApiOperation } from "../operation";
import { adminOperations } from "./admin";
import { publicOperations } from "./public";

export const operations: ApiOperation[] = [...publicOperations, ...adminOperations];
