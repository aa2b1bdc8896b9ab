// Every area's operations; add an area's list here.
import type { ApiOperation } from "../operation";
import { adminOperations } from "./admin";
import { decisionOperations } from "./decisions";
import { publicOperations } from "./public";
import { overviewOperations } from "./overview";
import { payoutOperations } from "./payouts";

export const operations: ApiOperation[] = [...publicOperations, ...adminOperations, ...decisionOperations, ...overviewOperations, ...payoutOperations];
