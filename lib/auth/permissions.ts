// Who may do what: one table, one pure function (docs/decisions/0003-authorization.md).
// Being a member of an association is not a role here: data functions scope
// those rows by membership and answer "not found" outside it.
import type { Role } from "@/lib/generated/prisma/enums";

export type Permission =
  | "association:register"
  | "association:review"
  | "application:review"
  | "application:decide"
  | "consultation:manage"
  | "consultation:recommend"
  | "payout:approve"
  | "admin:users"
  | "admin:committee"
  | "admin:partner-towns"
  | "admin:objectives"
  | "admin:programs"
  | "audit:read"
  | "report:review"
  | "message:staff"
  | "outbox:manage"
  | "reminder:read";

const SIGNED_IN = "signed-in" as const;

export const PERMISSIONS: Record<Permission, readonly Role[] | typeof SIGNED_IN> = {
  "association:register": SIGNED_IN,
  "association:review": ["COORDINATOR"],
  "application:review": ["COORDINATOR"],
  "application:decide": ["COORDINATOR"],
  "consultation:manage": ["COORDINATOR"],
  "consultation:recommend": ["COMMITTEE"],
  "payout:approve": ["COORDINATOR"],
  "admin:users": ["ADMIN"],
  "admin:committee": ["ADMIN"],
  "admin:partner-towns": ["ADMIN"],
  "admin:objectives": ["ADMIN"],
  "admin:programs": ["ADMIN"],
  "audit:read": ["ADMIN", "COORDINATOR"],
  "report:review": ["COORDINATOR"],
  "message:staff": ["COORDINATOR"],
  "outbox:manage": ["ADMIN", "COORDINATOR"],
  "reminder:read": ["ADMIN", "COORDINATOR"],
};

export function can(actor: { roles: readonly Role[] } | null, permission: Permission): boolean {
  if (!actor) return false;
  const allowed = PERMISSIONS[permission];
  if (allowed === SIGNED_IN) return true;
  return actor.roles.some((r) => allowed.includes(r));
}

