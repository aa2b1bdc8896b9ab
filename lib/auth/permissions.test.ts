import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission } from "./permissions";
import { Role } from "@/lib/generated/prisma/enums";

// Every permission from every role set, written out: a change to the table in
// permissions.ts must change this one too.
const ROLE_SETS = {
  applicant: [],
  coordinator: ["COORDINATOR"],
  committee: ["COMMITTEE"],
  admin: ["ADMIN"],
  coordinatorAndCommittee: ["COORDINATOR", "COMMITTEE"],
} as const satisfies Record<string, readonly Role[]>;

type RoleSet = keyof typeof ROLE_SETS;

const MATRIX: Record<Permission, Record<RoleSet, boolean>> = {
  "association:register": { applicant: true, coordinator: true, committee: true, admin: true, coordinatorAndCommittee: true },
  "association:review": { applicant: false, coordinator: true, committee: false, admin: false, coordinatorAndCommittee: true },
  "application:review": { applicant: false, coordinator: true, committee: false, admin: false, coordinatorAndCommittee: true },
  "application:decide": { applicant: false, coordinator: true, committee: false, admin: false, coordinatorAndCommittee: true },
  "consultation:manage": { applicant: false, coordinator: true, committee: false, admin: false, coordinatorAndCommittee: true },
  "consultation:recommend": { applicant: false, coordinator: false, committee: true, admin: false, coordinatorAndCommittee: true },
  "payout:approve": { applicant: false, coordinator: true, committee: false, admin: false, coordinatorAndCommittee: true },
  "admin:users": { applicant: false, coordinator: false, committee: false, admin: true, coordinatorAndCommittee: false },
  "admin:committee": { applicant: false, coordinator: false, committee: false, admin: true, coordinatorAndCommittee: false },
  "admin:partner-towns": { applicant: false, coordinator: false, committee: false, admin: true, coordinatorAndCommittee: false },
  "admin:objectives": { applicant: false, coordinator: false, committee: false, admin: true, coordinatorAndCommittee: false },
  "admin:programs": { applicant: false, coordinator: false, committee: false, admin: true, coordinatorAndCommittee: false },
  "audit:read": { applicant: false, coordinator: true, committee: false, admin: true, coordinatorAndCommittee: true },
  "report:review": { applicant: false, coordinator: true, committee: false, admin: false, coordinatorAndCommittee: true },
  "message:staff": { applicant: false, coordinator: true, committee: false, admin: false, coordinatorAndCommittee: true },
  "outbox:manage": { applicant: false, coordinator: true, committee: false, admin: true, coordinatorAndCommittee: true },
  "reminder:read": { applicant: false, coordinator: true, committee: false, admin: true, coordinatorAndCommittee: true },
};

const cells = (Object.keys(MATRIX) as Permission[]).flatMap((permission) =>
  (Object.keys(ROLE_SETS) as RoleSet[]).map((roleSet) => [permission, roleSet, MATRIX[permission][roleSet]] as const),
);

describe("can", () => {
  it.each(cells)("%s for %s → %s", (permission, roleSet, expected) => {
    expect(can({ roles: ROLE_SETS[roleSet] }, permission)).toBe(expected);
  });

  it.each(Object.keys(PERMISSIONS) as Permission[])("anonymous: %s → false", (permission) => {
    expect(can(null, permission)).toBe(false);
  });

  it("the matrix names exactly the permissions of the table", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("the role sets hold every role on its own", () => {
    const single = Object.values(ROLE_SETS).filter((roles) => roles.length === 1).map((roles) => roles[0]);
    expect(single.sort()).toEqual(Object.values(Role).sort());
  });
});
