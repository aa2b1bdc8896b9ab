// Every area's operations; add an area's list here.
import type { ApiOperation } from "../operation";
import { adminOperations } from "./admin";
import { decisionOperations } from "./decisions";
import { publicOperations } from "./public";
import { overviewOperations } from "./overview";
import { payoutOperations } from "./payouts";
import { followUpOperations } from "./follow-up";
import { outboxOperations } from "./outbox";
import { messagingOperations } from "./messaging";
import { dashboardOperations } from "./dashboard";
import { reminderOperations } from "./reminders";


export const operations: ApiOperation[] = [...publicOperations, ...adminOperations, ...decisionOperations, ...overviewOperations, ...payoutOperations, ...followUpOperations, ...outboxOperations, ...messagingOperations, ...dashboardOperations, ...reminderOperations];
