import "server-only";
import { dateOnlyOf } from "@/lib/domain/dates";
import { db, type Tx } from "@/lib/db";
import { hashToken, newApiToken, requirePermission, type Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { audit } from "@/lib/data/audit";
import { getMunicipality } from "@/lib/data/reference";
import { conflict, forbidden, notFound, ServiceError, validationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  ApiTokenRequestSchema,
  CliUserCreateSchema,
  CommitteeMemberInputSchema,
  ObjectiveInputSchema,
  ObjectiveUpdateSchema,
  PartnerTownInputSchema,
  PartnerTownUpdateSchema,
  ProgramYearInputSchema,
  STAFF_ROLES,
  UserCreateSchema,
  UserSearchSchema,
  UserUpdateSchema,
  type ProgramYearInput,
} from "@/lib/schemas/admin";
import { EmailSchema } from "@/lib/schemas/association";
import { id as idSchema } from "@/lib/schemas/common";

/** More than any municipality's staff plus its applicants for years; the list page searches past it. */
const USERS_LIST_MAX = 500;

// ---------------------------------------------------------------------------
// Guards and helpers

/** The permission, then the actor's municipality: every admin row is scoped by it. */
function municipalityScope(actor: Actor, permission: Permission): string {
  requirePermission(actor, permission);
  // Staff belong to a municipality; one without is misconfigured and may touch nothing.
  if (!actor.municipalityId) throw forbidden();
  return actor.municipalityId;
}

/** A path id that is not a uuid cannot name a row: "not found", like a row outside the scope. */
function parseId(value: string): string {
  const parsed = idSchema().safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs `fn` in a transaction; a unique violation becomes a validation error on `field`. */
async function transaction<T>(fn: (tx: Tx) => Promise<T>, unique: { field: string; message: string }): Promise<T> {
  try {
    return await db.$transaction(fn);
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError({ [unique.field]: [unique.message] });
    throw error;
  }
}

/** Distinct roles in the fixed order of STAFF_ROLES. */
function canonicalRoles(roles: readonly Role[]): Role[] {
  return STAFF_ROLES.filter((r) => roles.includes(r));
}

const toDate = (dateOnly: string) => new Date(`${dateOnly}T00:00:00.000Z`);

// ---------------------------------------------------------------------------
// Overview

export type AdminOverview = Partial<Record<"users" | "committee" | "partnerTowns" | "objectives" | "programYears", number>>;

/** How many rows each section the actor may administer holds; FORBIDDEN when none. */
export async function getAdminOverview(actor: Actor): Promise<AdminOverview> {
  const sections: [keyof AdminOverview, Permission, (mid: string) => Promise<number>][] = [
    ["users", "admin:users", (mid) => db.user.count({ where: userScope(mid) })],
    ["committee", "admin:committee", (mid) => db.committeeMember.count({ where: { municipalityId: mid } })],
    ["partnerTowns", "admin:partner-towns", (mid) => db.partnerTown.count({ where: { municipalityId: mid } })],
    ["objectives", "admin:objectives", (mid) => db.policyObjective.count({ where: { municipalityId: mid } })],
    ["programYears", "admin:programs", (mid) => db.programYear.count({ where: { municipalityId: mid } })],
  ];
  const allowed = sections.filter(([, permission]) => can(actor, permission));
  if (!allowed.length || !actor.municipalityId) throw forbidden();
  const mid = actor.municipalityId;
  const counts = await Promise.all(allowed.map(([, , count]) => count(mid)));
  return Object.fromEntries(allowed.map(([name], i) => [name, counts[i]]));
}

// ---------------------------------------------------------------------------
// Users and roles

const userSelect = {
  id: true,
  email: true,
  name: true,
  roles: true,
  active: true,
  municipalityId: true,
  createdAt: true,
  committeeMember: { select: { id: true, title: true } },
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export type UserView = {
  id: string;
  email: string;
  name: string | null;
  roles: Role[];
  active: boolean;
  committeeTitle: string | null;
  createdAt: Date;
};

function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: canonicalRoles(u.roles),
    active: u.active,
    committeeTitle: u.committeeMember?.title ?? null,
    createdAt: u.createdAt,
  };
}

function userSnapshot(u: { email: string; name: string | null; roles: Role[]; active: boolean; municipalityId: string | null }) {
  return { email: u.email, name: u.name, roles: canonicalRoles(u.roles), active: u.active, municipalityId: u.municipalityId };
}

/**
 * The municipality's staff, and the applicants (users of no municipality) who
 * are members of one of its associations. Applicants share one table across
 * municipalities, so anyone else, another municipality's applicants included,
 * is "not found". An applicant with no association yet is nobody's to manage.
 */
function userScope(mid: string): Prisma.UserWhereInput {
  return {
    OR: [{ municipalityId: mid }, { municipalityId: null, memberships: { some: { association: { municipalityId: mid } } } }],
  };
}

/**
 * The address is how a user signs in, so changing it hands over every
 * association they belong to: refused while they are a member of another
 * municipality's association, which this administrator cannot answer for.
 */
async function assertEmailChangeable(tx: Tx, mid: string, userId: string): Promise<void> {
  const elsewhere = await tx.membership.count({ where: { userId, association: { municipalityId: { not: mid } } } });
  if (elsewhere) throw forbidden();
}

const isActiveAdmin = (u: { active: boolean; roles: Role[] }) => u.active && u.roles.includes("ADMIN");

/**
 * Locks the municipality's active administrators, so two administrators who
 * demote each other at the same moment cannot leave none.
 */
async function lockActiveAdmins(tx: Tx, mid: string): Promise<void> {
  await tx.$queryRaw`select id from "User" where "municipalityId" = ${mid}::uuid and active and 'ADMIN' = any(roles) for update`;
}

export async function listUsers(actor: Actor, query: unknown = {}): Promise<UserView[]> {
  const mid = municipalityScope(actor, "admin:users");
  const { q } = UserSearchSchema.parse(query);
  const search: Prisma.UserWhereInput = q
    ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] }
    : {};
  const users = await db.user.findMany({
    where: { AND: [userScope(mid), search] },
    orderBy: { email: "asc" },
    select: userSelect,
    take: USERS_LIST_MAX,
  });
  return users.map(toUserView);
}

export async function getUser(actor: Actor, id: string): Promise<UserView> {
  const mid = municipalityScope(actor, "admin:users");
  const user = await db.user.findFirst({ where: { id: parseId(id), ...userScope(mid) }, select: userSelect });
  if (!user) throw notFound();
  return toUserView(user);
}

export async function createUser(actor: Actor, input: unknown): Promise<UserView> {
  const mid = municipalityScope(actor, "admin:users");
  const data = UserCreateSchema.parse(input);
  return transaction(
    async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, roles: data.roles, active: data.active, municipalityId: data.roles.length ? mid : null },
        select: userSelect,
      });
      await audit(tx, actor, {
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        municipalityId: mid,
        after: userSnapshot(user),
      });
      return toUserView(user);
    },
    { field: "email", message: "validation.admin.email.taken" },
  );
}

/**
 * Changes a user's address, name, roles or whether they may sign in. An
 * administrator cannot demote or deactivate themselves, and the municipality
 * always keeps one active administrator. Losing the committee role ends the
 * committee membership; deactivating ends the user's sessions.
 */
export async function updateUser(actor: Actor, id: string, input: unknown): Promise<UserView> {
  const mid = municipalityScope(actor, "admin:users");
  const userId = parseId(id);
  const data = UserUpdateSchema.parse(input);
  if (userId === actor.userId) {
    if (data.roles && !data.roles.includes("ADMIN")) throw validationError({ roles: ["validation.admin.user.cannotRemoveOwnAdmin"] });
    if (data.active === false) throw validationError({ active: ["validation.admin.user.cannotDeactivateSelf"] });
  }
  return transaction(
    async (tx) => {
      await lockActiveAdmins(tx, mid);
      const before = await tx.user.findFirst({ where: { id: userId, ...userScope(mid) }, select: userSelect });
      if (!before) throw notFound();
      if (data.email !== undefined && data.email !== before.email) await assertEmailChangeable(tx, mid, userId);
      const roles = data.roles ?? before.roles;
      const after = await tx.user.update({
        where: { id: userId },
        data: {
          ...(data.email !== undefined ? { email: data.email } : {}),
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.active !== undefined ? { active: data.active } : {}),
          roles,
          // Staff belong to the municipality; a user who loses every role keeps it for the history.
          municipalityId: roles.length ? mid : before.municipalityId,
        },
        select: userSelect,
      });
      if (isActiveAdmin(before) && !isActiveAdmin(after)) {
        const left = await tx.user.count({ where: { municipalityId: mid, active: true, roles: { has: "ADMIN" } } });
        if (left === 0) throw validationError({ [after.roles.includes("ADMIN") ? "active" : "roles"]: ["validation.admin.user.lastAdmin"] });
      }
      if (before.roles.includes("COMMITTEE") && !after.roles.includes("COMMITTEE")) {
        await tx.committeeMember.deleteMany({ where: { userId } });
      }
      if (before.active && !after.active) await tx.session.deleteMany({ where: { userId } });
      await audit(tx, actor, {
        action: "user.updated",
        entityType: "User",
        entityId: userId,
        municipalityId: mid,
        before: { ...userSnapshot(before), committeeTitle: before.committeeMember?.title ?? null },
        after: userSnapshot(after),
      });
      const fresh = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
      return toUserView(fresh);
    },
    { field: "email", message: "validation.admin.email.taken" },
  );
}

// ---------------------------------------------------------------------------
// The committee

const committeeSelect = {
  id: true,
  userId: true,
  title: true,
  createdAt: true,
  user: { select: { email: true, name: true, active: true, roles: true } },
} satisfies Prisma.CommitteeMemberSelect;

export type CommitteeMemberView = {
  id: string;
  userId: string;
  email: string;
  name: string | null;
  title: string;
  active: boolean;
  createdAt: Date;
};

function toCommitteeMemberView(m: Prisma.CommitteeMemberGetPayload<{ select: typeof committeeSelect }>): CommitteeMemberView {
  return { id: m.id, userId: m.userId, email: m.user.email, name: m.user.name, title: m.title, active: m.user.active, createdAt: m.createdAt };
}

export async function listCommitteeMembers(actor: Actor): Promise<CommitteeMemberView[]> {
  const mid = municipalityScope(actor, "admin:committee");
  const members = await db.committeeMember.findMany({ where: { municipalityId: mid }, orderBy: { createdAt: "asc" }, select: committeeSelect });
  return members.map(toCommitteeMemberView);
}

/** Makes an existing user a member of the committee, which gives them the COMMITTEE role. */
export async function addCommitteeMember(actor: Actor, input: unknown): Promise<CommitteeMemberView> {
  const mid = municipalityScope(actor, "admin:committee");
  const data = CommitteeMemberInputSchema.parse(input);
  const field = data.userId ? "userId" : "email";
  return transaction(
    async (tx) => {
      const user = await tx.user.findFirst({
        where: { ...(data.userId ? { id: data.userId } : { email: data.email ?? "" }), ...userScope(mid) },
        select: { id: true, email: true, active: true, roles: true, committeeMember: { select: { id: true } } },
      });
      if (!user) throw validationError({ [field]: ["validation.admin.committee.userUnknown"] });
      if (!user.active) throw validationError({ [field]: ["validation.admin.committee.userInactive"] });
      if (user.committeeMember) throw validationError({ [field]: ["validation.admin.committee.alreadyMember"] });
      const roles = canonicalRoles([...user.roles, "COMMITTEE"]);
      await tx.user.update({ where: { id: user.id }, data: { roles, municipalityId: mid } });
      const member = await tx.committeeMember.create({
        data: { municipalityId: mid, userId: user.id, title: data.title },
        select: committeeSelect,
      });
      await audit(tx, actor, {
        action: "committee.member-added",
        entityType: "CommitteeMember",
        entityId: member.id,
        municipalityId: mid,
        before: { userId: user.id, email: user.email, roles: canonicalRoles(user.roles) },
        after: { userId: user.id, email: user.email, title: member.title, roles },
      });
      return toCommitteeMemberView(member);
    },
    { field, message: "validation.admin.committee.alreadyMember" },
  );
}

/** Ends a committee membership and takes the COMMITTEE role away; the user stays. */
export async function removeCommitteeMember(actor: Actor, id: string): Promise<{ id: string; userId: string }> {
  const mid = municipalityScope(actor, "admin:committee");
  const memberId = parseId(id);
  return db.$transaction(async (tx) => {
    const member = await tx.committeeMember.findFirst({ where: { id: memberId, municipalityId: mid }, select: committeeSelect });
    if (!member) throw notFound();
    await tx.committeeMember.delete({ where: { id: memberId } });
    const roles = canonicalRoles(member.user.roles.filter((r) => r !== "COMMITTEE"));
    await tx.user.update({ where: { id: member.userId }, data: { roles } });
    await audit(tx, actor, {
      action: "committee.member-removed",
      entityType: "CommitteeMember",
      entityId: memberId,
      municipalityId: mid,
      before: { userId: member.userId, email: member.user.email, title: member.title, roles: canonicalRoles(member.user.roles) },
      after: { userId: member.userId, email: member.user.email, roles },
    });
    return { id: memberId, userId: member.userId };
  });
}

// ---------------------------------------------------------------------------
// Partner towns

const partnerTownSelect = {
  id: true,
  name: true,
  country: true,
  kind: true,
  distanceClass: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PartnerTownSelect;

export type PartnerTownView = Prisma.PartnerTownGetPayload<{ select: typeof partnerTownSelect }>;

const partnerTownSnapshot = (t: PartnerTownView) => ({
  name: t.name,
  country: t.country,
  kind: t.kind,
  distanceClass: t.distanceClass,
  active: t.active,
});

const PARTNER_TOWN_NAME_TAKEN = { field: "name", message: "validation.admin.partnerTown.nameTaken" };

/** Every partner town, inactive ones too (the public list in lib/data/reference shows active ones). */
export async function listPartnerTowns(actor: Actor): Promise<PartnerTownView[]> {
  const mid = municipalityScope(actor, "admin:partner-towns");
  return db.partnerTown.findMany({ where: { municipalityId: mid }, orderBy: { name: "asc" }, select: partnerTownSelect });
}

export async function getPartnerTown(actor: Actor, id: string): Promise<PartnerTownView> {
  const mid = municipalityScope(actor, "admin:partner-towns");
  const town = await db.partnerTown.findFirst({ where: { id: parseId(id), municipalityId: mid }, select: partnerTownSelect });
  if (!town) throw notFound();
  return town;
}

export async function createPartnerTown(actor: Actor, input: unknown): Promise<PartnerTownView> {
  const mid = municipalityScope(actor, "admin:partner-towns");
  const data = PartnerTownInputSchema.parse(input);
  return transaction(async (tx) => {
    const town = await tx.partnerTown.create({ data: { ...data, municipalityId: mid }, select: partnerTownSelect });
    await audit(tx, actor, {
      action: "partner-town.created",
      entityType: "PartnerTown",
      entityId: town.id,
      municipalityId: mid,
      after: partnerTownSnapshot(town),
    });
    return town;
  }, PARTNER_TOWN_NAME_TAKEN);
}

export async function updatePartnerTown(actor: Actor, id: string, input: unknown): Promise<PartnerTownView> {
  const mid = municipalityScope(actor, "admin:partner-towns");
  const townId = parseId(id);
  const data = PartnerTownUpdateSchema.parse(input);
  return transaction(async (tx) => {
    const before = await tx.partnerTown.findFirst({ where: { id: townId, municipalityId: mid }, select: partnerTownSelect });
    if (!before) throw notFound();
    const after = await tx.partnerTown.update({ where: { id: townId }, data, select: partnerTownSelect });
    await audit(tx, actor, {
      action: "partner-town.updated",
      entityType: "PartnerTown",
      entityId: townId,
      municipalityId: mid,
      before: partnerTownSnapshot(before),
      after: partnerTownSnapshot(after),
    });
    return after;
  }, PARTNER_TOWN_NAME_TAKEN);
}

/** Partner towns to choose from when setting a program year's cap overrides. */
export async function listPartnerTownChoices(actor: Actor): Promise<{ id: string; name: string; active: boolean }[]> {
  const mid = municipalityScope(actor, "admin:programs");
  return db.partnerTown.findMany({ where: { municipalityId: mid }, orderBy: { name: "asc" }, select: { id: true, name: true, active: true } });
}

// ---------------------------------------------------------------------------
// Policy objectives

const objectiveSelect = {
  id: true,
  textSv: true,
  textEn: true,
  sortOrder: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PolicyObjectiveSelect;

export type ObjectiveView = Prisma.PolicyObjectiveGetPayload<{ select: typeof objectiveSelect }>;

const objectiveSnapshot = (o: ObjectiveView) => ({ textSv: o.textSv, textEn: o.textEn, sortOrder: o.sortOrder, active: o.active });

/** Every objective, inactive ones too, in the order applicants see them. */
export async function listObjectives(actor: Actor): Promise<ObjectiveView[]> {
  const mid = municipalityScope(actor, "admin:objectives");
  return db.policyObjective.findMany({
    where: { municipalityId: mid },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: objectiveSelect,
  });
}

export async function getObjective(actor: Actor, id: string): Promise<ObjectiveView> {
  const mid = municipalityScope(actor, "admin:objectives");
  const objective = await db.policyObjective.findFirst({ where: { id: parseId(id), municipalityId: mid }, select: objectiveSelect });
  if (!objective) throw notFound();
  return objective;
}

export async function createObjective(actor: Actor, input: unknown): Promise<ObjectiveView> {
  const mid = municipalityScope(actor, "admin:objectives");
  const data = ObjectiveInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const objective = await tx.policyObjective.create({ data: { ...data, municipalityId: mid }, select: objectiveSelect });
    await audit(tx, actor, {
      action: "objective.created",
      entityType: "PolicyObjective",
      entityId: objective.id,
      municipalityId: mid,
      after: objectiveSnapshot(objective),
    });
    return objective;
  });
}

export async function updateObjective(actor: Actor, id: string, input: unknown): Promise<ObjectiveView> {
  const mid = municipalityScope(actor, "admin:objectives");
  const objectiveId = parseId(id);
  const data = ObjectiveUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.policyObjective.findFirst({ where: { id: objectiveId, municipalityId: mid }, select: objectiveSelect });
    if (!before) throw notFound();
    const after = await tx.policyObjective.update({ where: { id: objectiveId }, data, select: objectiveSelect });
    await audit(tx, actor, {
      action: "objective.updated",
      entityType: "PolicyObjective",
      entityId: objectiveId,
      municipalityId: mid,
      before: objectiveSnapshot(before),
      after: objectiveSnapshot(after),
    });
    return after;
  });
}

// ---------------------------------------------------------------------------
// Program years: the rules of one year, with cap overrides and required documents

const programYearSelect = {
  id: true,
  year: true,
  opensOn: true,
  closesOn: true,
  baseCapPerTown: true,
  activityCapPerTown: true,
  splitRule: true,
  budget: true,
  reportDeadlineMonths: true,
  blockOnOverdueReport: true,
  createdAt: true,
  updatedAt: true,
  requiredDocuments: { orderBy: { sortOrder: "asc" }, select: { id: true, nameSv: true, nameEn: true, grantKind: true } },
  caps: {
    orderBy: [{ partnerTown: { name: "asc" } }, { grantKind: "asc" }],
    select: { partnerTownId: true, grantKind: true, amount: true, partnerTown: { select: { name: true } } },
  },
} satisfies Prisma.ProgramYearSelect;

type ProgramYearRow = Prisma.ProgramYearGetPayload<{ select: typeof programYearSelect }>;

export type ProgramYearView = Omit<ProgramYearRow, "opensOn" | "closesOn" | "caps"> & {
  /** "YYYY-MM-DD": a day in the municipality's calendar, not an instant. */
  opensOn: string;
  closesOn: string;
  caps: { partnerTownId: string; partnerTownName: string; grantKind: ProgramYearRow["caps"][number]["grantKind"]; amount: number }[];
};

function toProgramYearView(p: ProgramYearRow): ProgramYearView {
  return {
    ...p,
    opensOn: dateOnlyOf(p.opensOn),
    closesOn: dateOnlyOf(p.closesOn),
    caps: p.caps.map((c) => ({ partnerTownId: c.partnerTownId, partnerTownName: c.partnerTown.name, grantKind: c.grantKind, amount: c.amount })),
  };
}

/** What the audit keeps of a program year: its rules, not its timestamps. */
function programYearSnapshot(p: ProgramYearView) {
  return {
    year: p.year,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    baseCapPerTown: p.baseCapPerTown,
    activityCapPerTown: p.activityCapPerTown,
    splitRule: p.splitRule,
    budget: p.budget,
    reportDeadlineMonths: p.reportDeadlineMonths,
    blockOnOverdueReport: p.blockOnOverdueReport,
    requiredDocuments: p.requiredDocuments.map((d) => ({ nameSv: d.nameSv, nameEn: d.nameEn, grantKind: d.grantKind })),
    caps: p.caps.map((c) => ({ partnerTownId: c.partnerTownId, partnerTownName: c.partnerTownName, grantKind: c.grantKind, amount: c.amount })),
  };
}

const PROGRAM_YEAR_TAKEN = { field: "year", message: "validation.admin.program.yearTaken" };

/** Cap overrides may name only the municipality's own partner towns; each unknown one is reported on its row. */
async function assertCapTowns(tx: Tx, mid: string, caps: ProgramYearInput["caps"]): Promise<void> {
  if (!caps.length) return;
  const known = await tx.partnerTown.findMany({
    where: { municipalityId: mid, id: { in: [...new Set(caps.map((c) => c.partnerTownId))] } },
    select: { id: true },
  });
  const ids = new Set(known.map((t) => t.id));
  const errors: Record<string, string[]> = {};
  caps.forEach((c, i) => {
    if (!ids.has(c.partnerTownId)) errors[`caps.${i}.partnerTownId`] = ["validation.admin.program.cap.unknownTown"];
  });
  if (Object.keys(errors).length) throw validationError(errors);
}

function programYearData(data: ProgramYearInput) {
  return {
    year: data.year,
    opensOn: toDate(data.opensOn),
    closesOn: toDate(data.closesOn),
    baseCapPerTown: data.baseCapPerTown,
    activityCapPerTown: data.activityCapPerTown,
    splitRule: data.splitRule,
    budget: data.budget,
    reportDeadlineMonths: data.reportDeadlineMonths,
    blockOnOverdueReport: data.blockOnOverdueReport,
  };
}

function programYearChildren(data: ProgramYearInput) {
  return {
    requiredDocuments: { create: data.requiredDocuments.map((d, i) => ({ ...d, sortOrder: i + 1 })) },
    caps: { create: data.caps.map((c) => ({ partnerTownId: c.partnerTownId, grantKind: c.grantKind, amount: c.amount })) },
  };
}

export async function listProgramYears(actor: Actor): Promise<ProgramYearView[]> {
  const mid = municipalityScope(actor, "admin:programs");
  const years = await db.programYear.findMany({ where: { municipalityId: mid }, orderBy: { year: "desc" }, select: programYearSelect });
  return years.map(toProgramYearView);
}

export async function getProgramYear(actor: Actor, id: string): Promise<ProgramYearView> {
  const mid = municipalityScope(actor, "admin:programs");
  const year = await db.programYear.findFirst({ where: { id: parseId(id), municipalityId: mid }, select: programYearSelect });
  if (!year) throw notFound();
  return toProgramYearView(year);
}

export async function createProgramYear(actor: Actor, input: unknown): Promise<ProgramYearView> {
  const mid = municipalityScope(actor, "admin:programs");
  const data = ProgramYearInputSchema.parse(input);
  return transaction(async (tx) => {
    await assertCapTowns(tx, mid, data.caps);
    const created = toProgramYearView(
      await tx.programYear.create({
        data: { ...programYearData(data), municipalityId: mid, ...programYearChildren(data) },
        select: programYearSelect,
      }),
    );
    await audit(tx, actor, {
      action: "program-year.created",
      entityType: "ProgramYear",
      entityId: created.id,
      municipalityId: mid,
      after: programYearSnapshot(created),
    });
    return created;
  }, PROGRAM_YEAR_TAKEN);
}

/** Replaces a program year's rules, cap overrides and required documents as a whole. */
export async function updateProgramYear(actor: Actor, id: string, input: unknown): Promise<ProgramYearView> {
  const mid = municipalityScope(actor, "admin:programs");
  const programYearId = parseId(id);
  const data = ProgramYearInputSchema.parse(input);
  return transaction(async (tx) => {
    const row = await tx.programYear.findFirst({ where: { id: programYearId, municipalityId: mid }, select: programYearSelect });
    if (!row) throw notFound();
    const before = toProgramYearView(row);
    await assertCapTowns(tx, mid, data.caps);
    await tx.programCap.deleteMany({ where: { programYearId } });
    await tx.requiredDocument.deleteMany({ where: { programYearId } });
    const after = toProgramYearView(
      await tx.programYear.update({
        where: { id: programYearId },
        data: { ...programYearData(data), ...programYearChildren(data) },
        select: programYearSelect,
      }),
    );
    await audit(tx, actor, {
      action: "program-year.updated",
      entityType: "ProgramYear",
      entityId: programYearId,
      municipalityId: mid,
      before: programYearSnapshot(before),
      after: programYearSnapshot(after),
    });
    return after;
  }, PROGRAM_YEAR_TAKEN);
}

// ---------------------------------------------------------------------------
// Command line (scripts/cli.ts): no signed-in actor, audited as "system"

export type CliUserResult = { user: UserView; created: boolean; changed: boolean };

/**
 * Creates a user with one staff role, or none ("applicant"). An existing user
 * gets the role added and is reactivated: this is how an operator restores an
 * administrator who has been locked out.
 */
export async function createUserWithRole(email: string, role: string, name?: string | null): Promise<CliUserResult> {
  const data = CliUserCreateSchema.parse({ email, role, name: name ?? null });
  const staffRole: Role | null = data.role === "applicant" ? null : (data.role.toUpperCase() as Role);
  const municipality = await getMunicipality().catch((error: unknown) => {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") throw new ServiceError("NOT_FOUND", "errors.admin.municipalityMissing");
    throw error;
  });
  return transaction(
    async (tx) => {
      const before = await tx.user.findUnique({ where: { email: data.email }, select: userSelect });
      if (!before) {
        const user = await tx.user.create({
          data: {
            email: data.email,
            name: data.name,
            roles: staffRole ? [staffRole] : [],
            municipalityId: staffRole ? municipality.id : null,
          },
          select: userSelect,
        });
        await audit(tx, "system", {
          action: "user.created",
          entityType: "User",
          entityId: user.id,
          municipalityId: municipality.id,
          after: userSnapshot(user),
        });
        return { user: toUserView(user), created: true, changed: true };
      }
      if (before.municipalityId && before.municipalityId !== municipality.id) {
        // Staff of another municipality on the same database: not this deployment's to change.
        throw validationError({ email: ["validation.admin.email.taken"] });
      }
      const roles = canonicalRoles(staffRole ? [...before.roles, staffRole] : before.roles);
      const next = {
        roles,
        active: true,
        name: data.name ?? before.name,
        municipalityId: roles.length ? municipality.id : before.municipalityId,
      };
      const changed =
        roles.length !== before.roles.length || !before.active || next.name !== before.name || next.municipalityId !== before.municipalityId;
      if (!changed) return { user: toUserView(before), created: false, changed: false };
      const after = await tx.user.update({ where: { id: before.id }, data: next, select: userSelect });
      await audit(tx, "system", {
        action: "user.updated",
        entityType: "User",
        entityId: before.id,
        municipalityId: municipality.id,
        before: userSnapshot(before),
        after: userSnapshot(after),
      });
      return { user: toUserView(after), created: false, changed: true };
    },
    { field: "email", message: "validation.admin.email.taken" },
  );
}

export type ApiTokenView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const apiTokenSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } satisfies Prisma.ApiTokenSelect;

async function tokenOwner(email: string, opts: { activeOnly: boolean }) {
  const address = EmailSchema.safeParse(email);
  if (!address.success) throw validationError({ email: [address.error.issues[0]?.message ?? "validation.email.format"] });
  const user = await db.user.findUnique({ where: { email: address.data }, select: { id: true, email: true, active: true, municipalityId: true } });
  if (!user) throw validationError({ email: ["validation.admin.user.unknown"] });
  if (opts.activeOnly && !user.active) throw validationError({ email: ["validation.admin.user.inactive"] });
  return user;
}

/** A personal API token for the user; the token itself is returned once and only its hash is kept. */
export async function createApiToken(email: string, name: string): Promise<ApiTokenView & { token: string }> {
  const data = ApiTokenRequestSchema.parse({ email, name });
  const user = await tokenOwner(data.email, { activeOnly: true });
  const { token, hash, prefix } = newApiToken();
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: user.id, name: data.name, tokenHash: hash, prefix }, select: apiTokenSelect });
    await audit(tx, "system", {
      action: "api-token.created",
      entityType: "ApiToken",
      entityId: created.id,
      municipalityId: user.municipalityId,
      after: { userId: user.id, email: user.email, name: created.name, prefix },
    });
    return { ...created, token };
  });
}

export async function listApiTokens(email: string): Promise<ApiTokenView[]> {
  const user = await tokenOwner(email, { activeOnly: false });
  return db.apiToken.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, select: apiTokenSelect });
}

/** Revokes one of the user's tokens, named by its id, its prefix (or the start of it) or the token itself. */
export async function revokeApiToken(email: string, tokenIdOrPrefix: string): Promise<ApiTokenView> {
  const user = await tokenOwner(email, { activeOnly: false });
  const needle = tokenIdOrPrefix.trim();
  if (!needle) throw validationError({ id: ["validation.required"] });
  const asId = idSchema().safeParse(needle);
  const matches = await db.apiToken.findMany({
    where: {
      userId: user.id,
      OR: [...(asId.success ? [{ id: asId.data }] : []), { prefix: { startsWith: needle } }, { tokenHash: hashToken(needle) }],
    },
    select: apiTokenSelect,
  });
  if (!matches.length) throw new ServiceError("NOT_FOUND", "errors.admin.token.notFound");
  if (matches.length > 1) throw new ServiceError("VALIDATION", "errors.admin.token.ambiguous", { id: ["errors.admin.token.ambiguous"] });
  const token = matches[0]!;
  if (token.revokedAt) throw conflict("errors.admin.token.alreadyRevoked");
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() }, select: apiTokenSelect });
    await audit(tx, "system", {
      action: "api-token.revoked",
      entityType: "ApiToken",
      entityId: token.id,
      municipalityId: user.municipalityId,
      before: { userId: user.id, email: user.email, name: token.name, prefix: token.prefix, revokedAt: null },
      after: { userId: user.id, email: user.email, name: token.name, prefix: token.prefix, revokedAt: revoked.revokedAt },
    });
    return revoked;
  });
}
