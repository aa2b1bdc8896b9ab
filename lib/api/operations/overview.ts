import { z } from "zod";
import type { ApiOperation } from "../operation";

const PoolSchema = z.object({
  partnerTown: z.object({ id: z.string(), name: z.string() }),
  grantKind: z.enum(["BASE", "ACTIVITY"]),
  cap: z.number().int(),
  decided: z.number().int(),
  remaining: z.number().int(),
  approvedCount: z.number().int(),
  liveAssociations: z.number().int(),
  splitRule: z.enum(["EQUAL_SPLIT", "NONE"]),
  sharing: z.number().int().nullable(),
  share: z.number().int().nullable(),
});

export const AllocationOverviewSchema = z.object({
  programYearId: z.string(),
  year: z.number().int(),
  budget: z.number().int().nullable(),
  totalDecided: z.number().int(),
  budgetRemaining: z.number().int().nullable(),
  pools: z.array(PoolSchema),
});

export const overviewOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/programs/{id}/overview",
    operationId: "getAllocationOverview",
    summary: "The program year's allocation per partner town and grant kind: cap, decided, remaining, sharing and share (coordinator)",
    tags: ["decisions"],
    pathParams: ["id"],
    response: AllocationOverviewSchema,
    errors: [403, 404],
  },
];
