import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission } from "./permissions";
import type { Role } from "@/lib/generated/prisma/enums";

const applicant = { roles: [] as Role[] };
const coordinator = { roles: ["COORDINATOR"] as Role[] };
const committee = { roles: ["COMMITTEE"] as Role[] };
const admin = { roles: ["ADMIN"] as Role[] };

describe("can", () => {
  it.each<[string, { roles: Role[] } | null, Permission, boolean]>([
    ["anonymous cannot register", null, "association:register", false],
    ["an applicant registers associations", applicant, "association:register", true],
    ["an applicant does not review associations", applicant, "association:review", false],
    ["the coordinator reviews associations", coordinator, "association:review", true],
    ["the coordinator reviews applications", coordinator, "application:review", true],
    ["a committee member does not review applications", committee, "application:review", false],
    ["the coordinator does not administer programs", coordinator, "admin:programs", false],
    ["the administrator administers programs", admin, "admin:programs", true],
    ["the administrator does not decide applications", admin, "application:review", false],
    ["the coordinator reads the audit log", coordinator, "audit:read", true],
  ])("%s", (_name, actor, permission, expected) => {
    expect(can(actor, permission)).toBe(expected);
  });

  it("names a rule for every permission", () => {
    for (const rule of Object.values(PERMISSIONS)) expect(rule === "signed-in" || rule.length > 0).toBe(true);
  });
});
