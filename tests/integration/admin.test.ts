// The administration services against real PostgreSQL: every function from
// every role, the audit row each change writes, validation errors on the
// field the form shows them on, the last-administrator protection, scoping to
// the administrator's municipality, the CLI's user and token functions, and
// the /api/v1/admin route handlers on top of the same services, and the
// admin list pages' tables as rendered from those services.
import { NextRequest } from "next/server";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actorFromBearer, type Actor } from "@/lib/auth/actor";
import { toActionError } from "@/lib/actions/safe-action";
import {
  addCommitteeMember,
  createApiToken,
  createObjective,
  createPartnerTown,
  createProgramYear,
  createUser,
  createUserWithRole,
  getAdminOverview,
  getObjective,
  getPartnerTown,
  getProgramYear,
  getUser,
  listApiTokens,
  listCommitteeMembers,
  listObjectives,
  listPartnerTownChoices,
  listPartnerTowns,
  listProgramYears,
  listUsers,
  removeCommitteeMember,
  revokeApiToken,
  updateObjective,
  updatePartnerTown,
  updateProgramYear,
  updateUser,
} from "@/lib/data/admin";
import { adminOperations } from "@/lib/api/operations/admin";
import { actorOf, buildAdminWorld, createUser as insertUser, email, type AdminWorld } from "../fixtures/admin";

import * as usersRoute from "@/app/api/v1/admin/users/route";
import * as userRoute from "@/app/api/v1/admin/users/[id]/route";
import * as committeeRoute from "@/app/api/v1/admin/committee/route";
import * as committeeMemberRoute from "@/app/api/v1/admin/committee/[id]/route";
import * as programsRoute from "@/app/api/v1/admin/programs/route";
import * as programRoute from "@/app/api/v1/admin/programs/[id]/route";
import { I18nProvider } from "@/components/i18n/provider";
import { sv } from "@/lib/i18n/messages";
import UsersPage from "@/app/admin/users/page";
import CommitteePage from "@/app/admin/committee/page";
import PartnerTownsPage from "@/app/admin/partner-towns/page";
import ObjectivesPage from "@/app/admin/objectives/page";
import ProgramsPage from "@/app/admin/programs/page";

// The admin pages find their actor through the session and their locale in a
// cookie; here the actor is whoever `page.actor` names and the locale Swedish.
const page = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/app/admin/_components/guard", () => ({
  signedInActor: async () => {
    if (!page.actor) throw new Error("no actor for the page");
    return page.actor;
  },
  orNotFound: <T>(call: Promise<T>) => call,
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

let w: AdminWorld;

beforeAll(async () => {
  w = await buildAdminWorld();
});

/** What a form or the API gets back for a failed call: code and dotted-path field errors. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const result = toActionError(error);
    return { code: result.code, fieldErrors: result.fieldErrors ?? {}, formError: result.formError };
  }
  throw new Error("expected the call to fail");
}

async function latestAudit(entityId: string) {
  return db.auditEvent.findFirst({ where: { entityId }, orderBy: { id: "desc" } });
}

const program = (year: number, over: Record<string, unknown> = {}) => ({
  year,
  opensOn: `${year}-01-01`,
  closesOn: `${year}-12-31`,
  baseCapPerTown: 10_000,
  activityCapPerTown: 10_000,
  splitRule: "EQUAL_SPLIT",
  budget: 60_000,
  reportDeadlineMonths: 1,
  requiredDocuments: [],
  caps: [],
  ...over,
});

// ---------------------------------------------------------------------------

describe("every admin function refuses every role but ADMIN", () => {
  type Call = [string, (actor: Actor) => Promise<unknown>];
  const calls = (): Call[] => [
    ["getAdminOverview", (a) => getAdminOverview(a)],
    ["listUsers", (a) => listUsers(a)],
    ["getUser", (a) => getUser(a, w.users.applicant.id)],
    ["createUser", (a) => createUser(a, { email: email("forbidden") })],
    ["updateUser", (a) => updateUser(a, w.users.applicant.id, { name: "Changed" })],
    ["listCommitteeMembers", (a) => listCommitteeMembers(a)],
    ["addCommitteeMember", (a) => addCommitteeMember(a, { email: w.users.applicant.email, title: "Ledamot" })],
    ["removeCommitteeMember", (a) => removeCommitteeMember(a, w.committeeMember.id)],
    ["listPartnerTowns", (a) => listPartnerTowns(a)],
    ["getPartnerTown", (a) => getPartnerTown(a, w.town.id)],
    ["createPartnerTown", (a) => createPartnerTown(a, { name: "Forbidden", country: "X", kind: "TWIN_TOWN", distanceClass: "EUROPE" })],
    ["updatePartnerTown", (a) => updatePartnerTown(a, w.town.id, { active: false })],
    ["listPartnerTownChoices", (a) => listPartnerTownChoices(a)],
    ["listObjectives", (a) => listObjectives(a)],
    ["getObjective", (a) => getObjective(a, w.objective.id)],
    ["createObjective", (a) => createObjective(a, { textSv: "Nej", textEn: "No" })],
    ["updateObjective", (a) => updateObjective(a, w.objective.id, { active: false })],
    ["listProgramYears", (a) => listProgramYears(a)],
    ["getProgramYear", (a) => getProgramYear(a, w.programYear.id)],
    ["createProgramYear", (a) => createProgramYear(a, program(2090))],
    ["updateProgramYear", (a) => updateProgramYear(a, w.programYear.id, program(2031, { budget: 1 }))],
  ];
  const roles = ["coordinator", "committee", "applicant"] as const;
  const cases = roles.flatMap((role) => calls().map(([name, call]) => [role, name, call] as const));

  it.each(cases)("%s: %s → FORBIDDEN, nothing written", async (role, _name, call) => {
    const auditsBefore = await db.auditEvent.count();
    await expect(call(w.actors[role])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count()).toBe(auditsBefore);
  });

  it("an administrator without a municipality is refused too", async () => {
    const stray: Actor = { ...w.actors.admin, municipalityId: null };
    await expect(listUsers(stray)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAdminOverview(stray)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("overview", () => {
  it("counts each section's rows in the administrator's municipality", async () => {
    const overview = await getAdminOverview(w.actors.admin);
    expect(overview.committee).toBeGreaterThanOrEqual(1);
    expect(overview.partnerTowns).toBeGreaterThanOrEqual(1);
    expect(overview.objectives).toBeGreaterThanOrEqual(1);
    expect(overview.programYears).toBeGreaterThanOrEqual(1);
    expect(overview.users).toBeGreaterThanOrEqual(4);
  });
});

// ---------------------------------------------------------------------------

describe("users and roles", () => {
  it("creates a staff user in the administrator's municipality and audits it", async () => {
    const address = email("new-coordinator");
    const user = await createUser(w.actors.admin, { email: address.toUpperCase(), name: " Sara ", roles: ["COORDINATOR"] });
    expect(user).toMatchObject({ email: address, name: "Sara", roles: ["COORDINATOR"], active: true, committeeTitle: null });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.municipalityId).toBe(w.pitea.id);

    const audit = await latestAudit(user.id);
    expect(audit).toMatchObject({ action: "user.created", entityType: "User", actorId: w.users.admin.id, actorKind: "user", municipalityId: w.pitea.id, before: null });
    expect(audit?.after).toMatchObject({ email: address, roles: ["COORDINATOR"], active: true });
  });

  it("creates an applicant outside any municipality, who is in scope only once a member of one of its associations", async () => {
    const user = await createUser(w.actors.admin, { email: email("applicant"), roles: [] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).municipalityId).toBeNull();
    await expect(getUser(w.actors.admin, user.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.membership.create({ data: { userId: user.id, associationId: w.association.id } });
    expect(await getUser(w.actors.admin, user.id)).toMatchObject({ id: user.id, roles: [] });
  });

  it.each<[string, () => Record<string, unknown>, Record<string, string[]>]>([
    ["an address already taken", () => ({ email: w.users.coordinator.email }), { email: ["validation.admin.email.taken"] }],
    ["a malformed address", () => ({ email: "sara@" }), { email: ["validation.email.format"] }],
    ["an unknown role", () => ({ email: email("x"), roles: ["OWNER"] }), { "roles.0": ["validation.admin.roles.invalid"] }],
  ])("refuses %s on its field", async (_name, input, fieldErrors) => {
    expect(await failure(createUser(w.actors.admin, input()))).toMatchObject({ code: "VALIDATION", fieldErrors });
  });

  it("changes roles, name and active, audits before and after, and ends the sessions of a deactivated user", async () => {
    const user = await insertUser({ label: "to-change", memberOf: [w.association.id] });
    await db.session.create({ data: { sessionToken: `s-${user.id}`, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
    const updated = await updateUser(w.actors.admin, user.id, { name: "Ny", roles: ["COORDINATOR", "COORDINATOR"], active: false });
    expect(updated).toMatchObject({ name: "Ny", roles: ["COORDINATOR"], active: false });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).municipalityId).toBe(w.pitea.id);

    const audit = await latestAudit(user.id);
    expect(audit).toMatchObject({ action: "user.updated", actorId: w.users.admin.id });
    expect(audit?.before).toMatchObject({ name: "to-change", roles: [], active: true });
    expect(audit?.after).toMatchObject({ name: "Ny", roles: ["COORDINATOR"], active: false });
  });

  it("reports a taken address on the email field when changing it", async () => {
    const user = await insertUser({ label: "renamed", memberOf: [w.association.id] });
    expect(await failure(updateUser(w.actors.admin, user.id, { email: w.users.admin.email }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: ["validation.admin.email.taken"] },
    });
  });

  it("taking the committee role away ends the committee membership", async () => {
    const member = await insertUser({ label: "leaving", roles: ["COMMITTEE"], municipalityId: w.pitea.id });
    await db.committeeMember.create({ data: { municipalityId: w.pitea.id, userId: member.id, title: "Ledamot" } });
    await updateUser(w.actors.admin, member.id, { roles: [] });
    expect(await db.committeeMember.count({ where: { userId: member.id } })).toBe(0);
  });

  it("lists and searches the municipality's staff and its associations' applicants, not another municipality's staff or applicants", async () => {
    const all = await listUsers(w.actors.admin);
    const emails = all.map((u) => u.email);
    expect(emails).toContain(w.users.coordinator.email);
    expect(emails).toContain(w.users.applicant.email);
    expect(emails).toContain(w.users.sharedApplicant.email);
    expect(emails).not.toContain(w.users.otherAdmin.email);
    expect(emails).not.toContain(w.users.otherApplicant.email);
    expect(all.find((u) => u.id === w.users.committee.id)?.committeeTitle).toBe("Kommunchef");
    expect((await getAdminOverview(w.actors.admin)).users).toBe(all.length);

    const found = await listUsers(w.actors.admin, { q: w.users.coordinator.email.slice(0, 18).toUpperCase() });
    expect(found.map((u) => u.id)).toEqual([w.users.coordinator.id]);
    expect(await listUsers(w.actors.admin, { q: w.users.otherApplicant.email })).toEqual([]);
  });

  it("the other municipality sees its own applicants and the shared one, not this one's", async () => {
    const emails = (await listUsers(w.actors.otherAdmin)).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([w.users.otherAdmin.email, w.users.otherApplicant.email, w.users.sharedApplicant.email]));
    expect(emails).not.toContain(w.users.applicant.email);
    expect(emails).not.toContain(w.users.admin.email);
    await expect(getUser(w.actors.otherAdmin, w.users.applicant.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another municipality's staff are not found", async () => {
    await expect(getUser(w.actors.admin, w.users.otherAdmin.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateUser(w.actors.admin, w.users.otherAdmin.id, { active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getUser(w.actors.admin, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another municipality's staff stay out of reach even as members of one of this municipality's associations", async () => {
    const luleaStaff = await insertUser({ label: "lulea-staff-member", roles: ["COORDINATOR"], municipalityId: w.lulea.id, memberOf: [w.association.id] });
    await expect(getUser(w.actors.admin, luleaStaff.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateUser(w.actors.admin, luleaStaff.id, { roles: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listUsers(w.actors.admin)).map((u) => u.id)).not.toContain(luleaStaff.id);
  });

  describe("another municipality's applicant is not found", () => {
    const other = () => w.users.otherApplicant;
    const NOT_FOUND = { code: "NOT_FOUND", fieldErrors: {} };
    it.each<[string, () => Promise<unknown>, { code: string; fieldErrors: Record<string, string[]> }]>([
      ["read", () => getUser(w.actors.admin, other().id), NOT_FOUND],
      ["deactivated", () => updateUser(w.actors.admin, other().id, { active: false }), NOT_FOUND],
      ["given a role", () => updateUser(w.actors.admin, other().id, { roles: ["ADMIN"] }), NOT_FOUND],
      ["given a new address", () => updateUser(w.actors.admin, other().id, { email: email("taken-over") }), NOT_FOUND],
      ["renamed", () => updateUser(w.actors.admin, other().id, { name: "Taken" }), NOT_FOUND],
      // The committee form names the user on a field, so "not found" is reported there.
      [
        "made a committee member",
        () => addCommitteeMember(w.actors.admin, { email: other().email, title: "Ledamot" }),
        { code: "VALIDATION", fieldErrors: { email: ["validation.admin.committee.userUnknown"] } },
      ],
    ])("%s", async (_name, call, expected) => {
      const auditsBefore = await db.auditEvent.count();
      expect(await failure(call())).toMatchObject(expected);
      expect(await db.user.findUniqueOrThrow({ where: { id: other().id } })).toMatchObject({
        email: other().email,
        name: other().name,
        roles: [],
        active: true,
        municipalityId: null,
      });
      expect(await db.auditEvent.count()).toBe(auditsBefore);
    });
  });

  it("manages the applicants of the municipality's own associations", async () => {
    const member = await insertUser({ label: "own-applicant", memberOf: [w.association.id] });
    expect(await getUser(w.actors.admin, member.id)).toMatchObject({ id: member.id, roles: [], active: true });
    const address = email("own-applicant-renamed");
    expect(await updateUser(w.actors.admin, member.id, { email: address, name: "Egen", active: false })).toMatchObject({ email: address, name: "Egen", active: false });
    expect(await latestAudit(member.id)).toMatchObject({ action: "user.updated", municipalityId: w.pitea.id, after: { email: address } });
  });

  it("refuses a new address for a member of another municipality's association, but changes the rest", async () => {
    const shared = await insertUser({ label: "shared", memberOf: [w.association.id, w.otherAssociation.id] });
    const auditsBefore = await db.auditEvent.count();
    expect(await failure(updateUser(w.actors.admin, shared.id, { email: email("taken-over") }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(updateUser(w.actors.otherAdmin, shared.id, { email: email("taken-over") }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: shared.id } })).email).toBe(shared.email);
    expect(await db.auditEvent.count()).toBe(auditsBefore);

    // The edit form sends the address unchanged with every save.
    expect(await updateUser(w.actors.admin, shared.id, { email: shared.email.toUpperCase(), name: "Delad" })).toMatchObject({ email: shared.email, name: "Delad" });
  });

  it("refuses a new address for this municipality's staff who are members of another municipality's association", async () => {
    const staff = await insertUser({ label: "staff-elsewhere", roles: ["COORDINATOR"], municipalityId: w.pitea.id, memberOf: [w.otherAssociation.id] });
    expect(await failure(updateUser(w.actors.admin, staff.id, { email: email("moved") }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).email).toBe(staff.email);
  });
});

describe("the last administrator", () => {
  it("an administrator cannot take away their own ADMIN role", async () => {
    expect(await failure(updateUser(w.actors.admin, w.users.admin.id, { roles: ["COORDINATOR"] }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { roles: ["validation.admin.user.cannotRemoveOwnAdmin"] },
    });
  });

  it("an administrator cannot deactivate themselves", async () => {
    expect(await failure(updateUser(w.actors.admin, w.users.admin.id, { active: false }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { active: ["validation.admin.user.cannotDeactivateSelf"] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.users.admin.id } })).active).toBe(true);
  });

  it("an administrator may change their own name and keep ADMIN beside other roles", async () => {
    const me = await updateUser(w.actors.admin, w.users.admin.id, { name: "Alva", roles: ["ADMIN", "COORDINATOR"] });
    expect(me.roles).toEqual(["COORDINATOR", "ADMIN"]);
    await updateUser(w.actors.admin, w.users.admin.id, { roles: ["ADMIN"] });
  });

  it("an administrator may demote another while one active administrator remains", async () => {
    const second = await insertUser({ label: "second-admin", roles: ["ADMIN"], municipalityId: w.pitea.id });
    expect((await updateUser(w.actors.admin, second.id, { roles: [] })).roles).toEqual([]);
  });

  it("refuses a change that would leave the municipality without an active administrator", async () => {
    // Another administrator was deactivated a moment ago (say, concurrently);
    // the acting one still holds a session from before.
    const lulea = w.lulea.id;
    const stale = await insertUser({ label: "stale-admin", roles: ["ADMIN"], municipalityId: lulea });
    const last = await insertUser({ label: "last-admin", roles: ["ADMIN"], municipalityId: lulea });
    await db.user.updateMany({ where: { municipalityId: lulea, id: { not: last.id } }, data: { active: false } });
    try {
      const auditsBefore = await db.auditEvent.count();
      expect(await failure(updateUser(actorOf(stale), last.id, { roles: ["COORDINATOR"] }))).toMatchObject({
        code: "VALIDATION",
        fieldErrors: { roles: ["validation.admin.user.lastAdmin"] },
      });
      expect(await failure(updateUser(actorOf(stale), last.id, { active: false }))).toMatchObject({
        fieldErrors: { active: ["validation.admin.user.lastAdmin"] },
      });
      const row = await db.user.findUniqueOrThrow({ where: { id: last.id } });
      expect(row).toMatchObject({ roles: ["ADMIN"], active: true });
      expect(await db.auditEvent.count()).toBe(auditsBefore);
    } finally {
      await db.user.updateMany({ where: { id: { in: [w.users.otherAdmin.id, stale.id] } }, data: { active: true } });
    }
  });
});

// ---------------------------------------------------------------------------

describe("the committee", () => {
  it("adding a user by address gives the COMMITTEE role; removing takes it away; both audited", async () => {
    const user = await insertUser({ label: "new-member", roles: ["COORDINATOR"], municipalityId: w.pitea.id });
    const member = await addCommitteeMember(w.actors.admin, { email: user.email.toUpperCase(), title: " KS ordförande " });
    expect(member).toMatchObject({ userId: user.id, email: user.email, title: "KS ordförande" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual(["COORDINATOR", "COMMITTEE"]);
    const added = await latestAudit(member.id);
    expect(added).toMatchObject({ action: "committee.member-added", entityType: "CommitteeMember", actorId: w.users.admin.id });
    expect(added?.before).toMatchObject({ roles: ["COORDINATOR"] });
    expect(added?.after).toMatchObject({ title: "KS ordförande", roles: ["COORDINATOR", "COMMITTEE"] });
    expect((await listCommitteeMembers(w.actors.admin)).map((m) => m.id)).toContain(member.id);

    expect(await removeCommitteeMember(w.actors.admin, member.id)).toEqual({ id: member.id, userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual(["COORDINATOR"]);
    expect(await db.committeeMember.count({ where: { id: member.id } })).toBe(0);
    const removed = await latestAudit(member.id);
    expect(removed).toMatchObject({ action: "committee.member-removed" });
    expect(removed?.before).toMatchObject({ title: "KS ordförande", roles: ["COORDINATOR", "COMMITTEE"] });
    expect(removed?.after).toMatchObject({ roles: ["COORDINATOR"] });
  });

  it("adds an applicant of one of its associations by user id and makes them staff of the municipality", async () => {
    const user = await insertUser({ label: "by-id", memberOf: [w.association.id] });
    await addCommitteeMember(w.actors.admin, { userId: user.id, title: "Kommunchef" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ roles: ["COMMITTEE"], municipalityId: w.pitea.id });
  });

  it.each<[string, () => Record<string, unknown>, Record<string, string[]>]>([
    ["an existing member", () => ({ email: w.users.committee.email, title: "X" }), { email: ["validation.admin.committee.alreadyMember"] }],
    ["an unknown address", () => ({ email: email("nobody"), title: "X" }), { email: ["validation.admin.committee.userUnknown"] }],
    ["another municipality's staff", () => ({ userId: w.users.otherAdmin.id, title: "X" }), { userId: ["validation.admin.committee.userUnknown"] }],
    ["another municipality's applicant", () => ({ userId: w.users.otherApplicant.id, title: "X" }), { userId: ["validation.admin.committee.userUnknown"] }],
    ["no one", () => ({ email: "", title: "" }), { email: ["validation.admin.committee.userRequired"], title: ["validation.required"] }],
  ])("refuses %s on its field", async (_name, input, fieldErrors) => {
    expect(await failure(addCommitteeMember(w.actors.admin, input()))).toMatchObject({ code: "VALIDATION", fieldErrors });
  });

  it("refuses an inactive user", async () => {
    const user = await insertUser({ label: "inactive", active: false, memberOf: [w.association.id] });
    expect(await failure(addCommitteeMember(w.actors.admin, { email: user.email, title: "X" }))).toMatchObject({
      fieldErrors: { email: ["validation.admin.committee.userInactive"] },
    });
  });

  it("another municipality's member is not found", async () => {
    const luleaUser = await insertUser({ label: "lulea-member", roles: ["COMMITTEE"], municipalityId: w.lulea.id });
    const luleaMember = await db.committeeMember.create({ data: { municipalityId: w.lulea.id, userId: luleaUser.id, title: "X" } });
    await expect(removeCommitteeMember(w.actors.admin, luleaMember.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listCommitteeMembers(w.actors.admin)).map((m) => m.id)).not.toContain(luleaMember.id);
  });
});

// ---------------------------------------------------------------------------

describe("partner towns", () => {
  it("creates and changes a town, audited before and after", async () => {
    const town = await createPartnerTown(w.actors.admin, { name: "Lobatse", country: "Botswana", kind: "MUNICIPAL_PARTNERSHIP", distanceClass: "WORLD" });
    expect(town).toMatchObject({ name: "Lobatse", kind: "MUNICIPAL_PARTNERSHIP", distanceClass: "WORLD", active: true });
    expect(await latestAudit(town.id)).toMatchObject({ action: "partner-town.created", before: null, after: { name: "Lobatse", active: true } });

    const changed = await updatePartnerTown(w.actors.admin, town.id, { active: false, distanceClass: "EUROPE" });
    expect(changed).toMatchObject({ name: "Lobatse", active: false, distanceClass: "EUROPE" });
    const audit = await latestAudit(town.id);
    expect(audit).toMatchObject({ action: "partner-town.updated", actorId: w.users.admin.id });
    expect(audit?.before).toMatchObject({ active: true, distanceClass: "WORLD" });
    expect(audit?.after).toMatchObject({ active: false, distanceClass: "EUROPE" });

    const listed = await listPartnerTowns(w.actors.admin);
    expect(listed.find((t) => t.id === town.id)?.active).toBe(false);
    expect(listed.map((t) => t.id)).not.toContain(w.otherTown.id);
    expect(await getPartnerTown(w.actors.admin, town.id)).toMatchObject({ country: "Botswana" });
  });

  it("reports a name already in use on the name field, on create and on change", async () => {
    expect(await failure(createPartnerTown(w.actors.admin, { name: w.town.name, country: "Island", kind: "TWIN_TOWN", distanceClass: "NORDIC" }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { name: ["validation.admin.partnerTown.nameTaken"] },
    });
    const other = await createPartnerTown(w.actors.admin, { name: "Saint-Barthélemy", country: "Frankrike", kind: "TWIN_TOWN", distanceClass: "WORLD" });
    expect(await failure(updatePartnerTown(w.actors.admin, other.id, { name: w.town.name }))).toMatchObject({
      fieldErrors: { name: ["validation.admin.partnerTown.nameTaken"] },
    });
  });

  it("another municipality may use the same name", async () => {
    await expect(
      createPartnerTown(w.actors.otherAdmin, { name: w.town.name, country: "Island", kind: "TWIN_TOWN", distanceClass: "NORDIC" }),
    ).resolves.toMatchObject({ name: w.town.name });
  });

  it("reports a bad kind on its field", async () => {
    expect(await failure(createPartnerTown(w.actors.admin, { name: "X", country: "Y", kind: "SISTER", distanceClass: "NORDIC" }))).toMatchObject({
      fieldErrors: { kind: ["validation.admin.partnerTown.kind.invalid"] },
    });
  });

  it("another municipality's town is not found", async () => {
    await expect(updatePartnerTown(w.actors.admin, w.otherTown.id, { active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPartnerTown(w.actors.admin, w.otherTown.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("policy objectives", () => {
  it("creates and changes an objective, audited before and after", async () => {
    const objective = await createObjective(w.actors.admin, { textSv: "Stödja näringslivet", textEn: "Support business", sortOrder: "3" });
    expect(objective).toMatchObject({ sortOrder: 3, active: true });
    expect(await latestAudit(objective.id)).toMatchObject({ action: "objective.created", after: { textSv: "Stödja näringslivet", sortOrder: 3 } });

    const changed = await updateObjective(w.actors.admin, objective.id, { active: false });
    expect(changed).toMatchObject({ textSv: "Stödja näringslivet", active: false });
    const audit = await latestAudit(objective.id);
    expect(audit).toMatchObject({ action: "objective.updated", before: { active: true }, after: { active: false } });

    const listed = await listObjectives(w.actors.admin);
    expect(listed.map((o) => o.id)).toContain(objective.id);
    expect(await getObjective(w.actors.admin, objective.id)).toMatchObject({ active: false });
  });

  it("reports a missing English text on its field", async () => {
    expect(await failure(createObjective(w.actors.admin, { textSv: "Mål", textEn: " " }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { textEn: ["validation.required"] },
    });
  });

  it("another municipality's objective is not found", async () => {
    await expect(updateObjective(w.actors.otherAdmin, w.objective.id, { active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

// ---------------------------------------------------------------------------

describe("program years", () => {
  it("creates a year with documents and per-town caps, and replaces them all on update", async () => {
    const created = await createProgramYear(
      w.actors.admin,
      program(2040, {
        baseCapPerTown: "12 000",
        budget: "",
        requiredDocuments: [
          { nameSv: "Verksamhetsberättelse", nameEn: "Annual report", grantKind: "" },
          { nameSv: "Budget", nameEn: "Budget", grantKind: "ACTIVITY" },
        ],
        caps: [{ partnerTownId: w.town.id, grantKind: "BASE", amount: 5_000 }],
      }),
    );
    expect(created).toMatchObject({
      year: 2040,
      opensOn: "2040-01-01",
      closesOn: "2040-12-31",
      baseCapPerTown: 12_000,
      budget: null,
      requiredDocuments: [
        { nameSv: "Verksamhetsberättelse", grantKind: null },
        { nameSv: "Budget", grantKind: "ACTIVITY" },
      ],
      caps: [{ partnerTownId: w.town.id, partnerTownName: w.town.name, grantKind: "BASE", amount: 5_000 }],
    });
    const createdAudit = await latestAudit(created.id);
    expect(createdAudit).toMatchObject({ action: "program-year.created", entityType: "ProgramYear", actorId: w.users.admin.id, before: null });
    expect(createdAudit?.after).toMatchObject({ year: 2040, baseCapPerTown: 12_000, caps: [{ amount: 5_000 }] });

    const updated = await updateProgramYear(
      w.actors.admin,
      created.id,
      program(2040, {
        closesOn: "2040-06-30",
        splitRule: "NONE",
        reportDeadlineMonths: 2,
        requiredDocuments: [{ nameSv: "Projektplan", nameEn: "Project plan", grantKind: "BASE" }],
        caps: [
          { partnerTownId: w.town.id, grantKind: "ACTIVITY", amount: 2_500 },
          { partnerTownId: w.town.id, grantKind: "BASE", amount: 0 },
        ],
      }),
    );
    expect(updated).toMatchObject({ closesOn: "2040-06-30", splitRule: "NONE", reportDeadlineMonths: 2, budget: 60_000 });
    expect(updated.requiredDocuments.map((d) => d.nameSv)).toEqual(["Projektplan"]);
    expect(updated.caps.map((c) => [c.grantKind, c.amount])).toEqual([["BASE", 0], ["ACTIVITY", 2_500]]);
    expect(await db.requiredDocument.count({ where: { programYearId: created.id } })).toBe(1);
    expect(await db.programCap.count({ where: { programYearId: created.id } })).toBe(2);

    const audit = await latestAudit(created.id);
    expect(audit).toMatchObject({ action: "program-year.updated" });
    expect(audit?.before).toMatchObject({ closesOn: "2040-12-31", splitRule: "EQUAL_SPLIT", requiredDocuments: [{ nameSv: "Verksamhetsberättelse" }, { nameSv: "Budget" }] });
    expect(audit?.after).toMatchObject({ closesOn: "2040-06-30", splitRule: "NONE", requiredDocuments: [{ nameSv: "Projektplan" }] });

    expect(await getProgramYear(w.actors.admin, created.id)).toEqual(updated);
    expect((await listProgramYears(w.actors.admin)).map((p) => p.year)).toEqual(expect.arrayContaining([2040, 2031]));
  });

  it("reports a year already configured on the year field", async () => {
    expect(await failure(createProgramYear(w.actors.admin, program(2031)))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { year: ["validation.admin.program.yearTaken"] },
    });
    const other = await createProgramYear(w.actors.admin, program(2041));
    expect(await failure(updateProgramYear(w.actors.admin, other.id, program(2031)))).toMatchObject({
      fieldErrors: { year: ["validation.admin.program.yearTaken"] },
    });
  });

  it("reports another municipality's partner town on that cap's row, and writes nothing", async () => {
    const before = await getProgramYear(w.actors.admin, w.programYear.id);
    const result = await failure(
      updateProgramYear(
        w.actors.admin,
        w.programYear.id,
        program(2031, {
          caps: [
            { partnerTownId: w.town.id, grantKind: "BASE", amount: 1 },
            { partnerTownId: w.otherTown.id, grantKind: "BASE", amount: 1 },
          ],
        }),
      ),
    );
    expect(result).toMatchObject({ code: "VALIDATION", fieldErrors: { "caps.1.partnerTownId": ["validation.admin.program.cap.unknownTown"] } });
    expect(await getProgramYear(w.actors.admin, w.programYear.id)).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["closing before opening", { opensOn: "2050-05-01", closesOn: "2050-04-30" }, { closesOn: ["validation.admin.program.closesBeforeOpens"] }],
    ["a report deadline over the limit", { reportDeadlineMonths: 25 }, { reportDeadlineMonths: ["validation.admin.program.reportDeadlineMonths.tooLarge"] }],
    ["a document without a Swedish name", { requiredDocuments: [{ nameSv: "", nameEn: "Budget" }] }, { "requiredDocuments.0.nameSv": ["validation.required"] }],
    ["a negative cap", { caps: [{ partnerTownId: "3f2a6c1e-8b4d-4e2a-9c1f-0a1b2c3d4e5f", grantKind: "BASE", amount: -1 }] }, { "caps.0.amount": ["validation.amount.negative"] }],
  ])("reports %s on its field", async (_name, over, fieldErrors) => {
    expect(await failure(createProgramYear(w.actors.admin, program(2050, over)))).toMatchObject({ code: "VALIDATION", fieldErrors });
  });

  it("another municipality's year is not found", async () => {
    await expect(getProgramYear(w.actors.otherAdmin, w.programYear.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateProgramYear(w.actors.otherAdmin, w.programYear.id, program(2031))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listProgramYears(w.actors.otherAdmin)).toEqual([]);
  });

  it("offers the municipality's towns, inactive ones too, as cap choices", async () => {
    const choices = await listPartnerTownChoices(w.actors.admin);
    expect(choices.map((c) => c.id)).toContain(w.town.id);
    expect(choices.map((c) => c.id)).not.toContain(w.otherTown.id);
  });
});

// ---------------------------------------------------------------------------

describe("command line: users and API tokens (audited as system)", () => {
  it("creates an administrator, then adds a role to an existing user and reactivates them", async () => {
    const address = email("cli-admin");
    const created = await createUserWithRole(address, "admin", "Cli Admin");
    expect(created).toMatchObject({ created: true, changed: true, user: { email: address, roles: ["ADMIN"], name: "Cli Admin" } });
    expect((await db.user.findUniqueOrThrow({ where: { email: address } })).municipalityId).toBe(w.pitea.id);
    expect(await latestAudit(created.user.id)).toMatchObject({ action: "user.created", actorId: null, actorKind: "system" });

    await db.user.update({ where: { email: address }, data: { active: false } });
    const again = await createUserWithRole(address, "Coordinator");
    expect(again).toMatchObject({ created: false, changed: true, user: { roles: ["COORDINATOR", "ADMIN"], active: true, name: "Cli Admin" } });
    expect(await latestAudit(created.user.id)).toMatchObject({ action: "user.updated", actorKind: "system", before: { active: false } });

    expect(await createUserWithRole(address, "admin")).toMatchObject({ changed: false });
  });

  it("creates an applicant without a municipality", async () => {
    const result = await createUserWithRole(email("cli-applicant"), "applicant");
    expect(result.user.roles).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: result.user.id } })).municipalityId).toBeNull();
  });

  it.each<[string, string, string, Record<string, string[]>]>([
    ["an unknown role", "x@y.se", "boss", { role: ["validation.admin.cliRole.invalid"] }],
    ["a malformed address", "x@", "admin", { email: ["validation.email.format"] }],
  ])("refuses %s on its field", async (_name, address, role, fieldErrors) => {
    expect(await failure(createUserWithRole(address, role))).toMatchObject({ code: "VALIDATION", fieldErrors });
  });

  it("a token works as a bearer until it is revoked", async () => {
    const { token, id, prefix } = await createApiToken(w.users.coordinator.email, "CI");
    expect(token.startsWith(prefix)).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(await latestAudit(id)).toMatchObject({ action: "api-token.created", actorKind: "system", actorId: null, after: { prefix, name: "CI" } });

    const actor = await actorFromBearer(`Bearer ${token}`);
    expect(actor).toMatchObject({ userId: w.users.coordinator.id, via: "token", roles: ["COORDINATOR"] });

    const listed = await listApiTokens(w.users.coordinator.email);
    expect(listed.find((t) => t.id === id)).toMatchObject({ name: "CI", prefix, revokedAt: null });

    const revoked = await revokeApiToken(w.users.coordinator.email, prefix);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await actorFromBearer(`Bearer ${token}`)).toBeNull();
    expect(await latestAudit(id)).toMatchObject({ action: "api-token.revoked", actorKind: "system", before: { revokedAt: null } });

    await expect(revokeApiToken(w.users.coordinator.email, id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("revokes by id or by the token itself, and only the user's own tokens", async () => {
    const a = await createApiToken(w.users.committee.email, "one");
    const b = await createApiToken(w.users.committee.email, "two");
    await expect(revokeApiToken(w.users.admin.email, a.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiToken(w.users.committee.email, a.id);
    await revokeApiToken(w.users.committee.email, b.token);
    expect(await actorFromBearer(`Bearer ${a.token}`)).toBeNull();
    expect(await actorFromBearer(`Bearer ${b.token}`)).toBeNull();
  });

  it("refuses an ambiguous prefix, an unknown user and an inactive one", async () => {
    await createApiToken(w.users.applicant.email, "one");
    await createApiToken(w.users.applicant.email, "two");
    await expect(revokeApiToken(w.users.applicant.email, "ub_")).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.admin.token.ambiguous" });
    expect(await failure(createApiToken(email("nobody"), "x"))).toMatchObject({ fieldErrors: { email: ["validation.admin.user.unknown"] } });
    const inactive = await insertUser({ label: "inactive-token", active: false });
    expect(await failure(createApiToken(inactive.email, "x"))).toMatchObject({ fieldErrors: { email: ["validation.admin.user.inactive"] } });
    expect(await failure(createApiToken(w.users.applicant.email, ""))).toMatchObject({ fieldErrors: { name: ["validation.required"] } });
  });
});

// ---------------------------------------------------------------------------

describe("/api/v1/admin route handlers", () => {
  let adminToken: string;
  let coordinatorToken: string;

  beforeAll(async () => {
    adminToken = (await createApiToken(w.users.admin.email, "api test")).token;
    coordinatorToken = (await createApiToken(w.users.coordinator.email, "api test")).token;
  });

  type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  function call(handler: unknown, method: string, path: string, opts: { token?: string; body?: unknown; params?: Record<string, string> } = {}) {
    const req = new NextRequest(`http://localhost/api/v1${path}`, {
      method,
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), "content-type": "application/json", "accept-language": "en" },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    return (handler as Handler)(req, { params: Promise.resolve(opts.params ?? {}) });
  }

  it("401 without a token, 403 for a coordinator", async () => {
    expect((await call(usersRoute.GET, "GET", "/admin/users")).status).toBe(401);
    expect((await call(usersRoute.GET, "GET", "/admin/users", { token: coordinatorToken })).status).toBe(403);
  });

  it("creates a user (201), changes it, and reports errors on their fields (422)", async () => {
    const address = email("api-user");
    const created = await call(usersRoute.POST, "POST", "/admin/users", { token: adminToken, body: { email: address, roles: ["COORDINATOR"] } });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string; email: string };
    expect(user.email).toBe(address);
    expect(await latestAudit(user.id)).toMatchObject({ actorKind: "api-token", actorId: w.users.admin.id });

    const patched = await call(userRoute.PATCH, "PATCH", `/admin/users/${user.id}`, { token: adminToken, params: { id: user.id }, body: { active: false } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ active: false });

    const taken = await call(usersRoute.POST, "POST", "/admin/users", { token: adminToken, body: { email: address } });
    expect(taken.status).toBe(422);
    expect(await taken.json()).toMatchObject({ error: { code: "VALIDATION", fields: { email: ["There is already a user with that email address."] } } });

    const self = await call(userRoute.PATCH, "PATCH", `/admin/users/${w.users.admin.id}`, { token: adminToken, params: { id: w.users.admin.id }, body: { roles: [] } });
    expect(self.status).toBe(422);

    const missing = await call(userRoute.PATCH, "PATCH", "/admin/users/x", { token: adminToken, params: { id: "x" }, body: {} });
    expect(missing.status).toBe(404);
  });

  it("adds a committee member (201) and removes them (204)", async () => {
    const user = await insertUser({ label: "api-member", memberOf: [w.association.id] });
    const added = await call(committeeRoute.POST, "POST", "/admin/committee", { token: adminToken, body: { userId: user.id, title: "Ledamot" } });
    expect(added.status).toBe(201);
    const member = (await added.json()) as { id: string };
    const removed = await call(committeeMemberRoute.DELETE, "DELETE", `/admin/committee/${member.id}`, { token: adminToken, params: { id: member.id } });
    expect(removed.status).toBe(204);
    expect((await call(committeeMemberRoute.DELETE, "DELETE", `/admin/committee/${member.id}`, { token: adminToken, params: { id: member.id } })).status).toBe(404);
  });

  it("creates (201), reads and replaces (PUT) a program year with dates as YYYY-MM-DD", async () => {
    const created = await call(programsRoute.POST, "POST", "/admin/programs", { token: adminToken, body: program(2060) });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; opensOn: string };
    expect(body.opensOn).toBe("2060-01-01");
    const put = await call(programRoute.PUT, "PUT", `/admin/programs/${body.id}`, { token: adminToken, params: { id: body.id }, body: program(2060, { budget: null }) });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ budget: null });
    const got = await call(programRoute.GET, "GET", `/admin/programs/${body.id}`, { token: adminToken, params: { id: body.id } });
    expect(await got.json()).toMatchObject({ id: body.id, year: 2060, budget: null });
  });

  it("documents each admin route and method once, with unique operation ids", () => {
    const ids = adminOperations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(adminOperations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(
      [
        "GET /admin/users",
        "POST /admin/users",
        "PATCH /admin/users/{id}",
        "GET /admin/committee",
        "POST /admin/committee",
        "DELETE /admin/committee/{id}",
        "GET /admin/partner-towns",
        "POST /admin/partner-towns",
        "PATCH /admin/partner-towns/{id}",
        "GET /admin/objectives",
        "POST /admin/objectives",
        "PATCH /admin/objectives/{id}",
        "GET /admin/programs",
        "POST /admin/programs",
        "GET /admin/programs/{id}",
        "PUT /admin/programs/{id}",
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------------------

/** An attribute's value in a rendered tag's attribute string. */
const attribute = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
const textOf = (html: string) => html.replace(/<[^>]*>/g, "").trim();

/** Each table of a rendered page: its wrapper's and its own attributes, its column headers, and its rows' cells. */
function tablesOf(html: string) {
  const found = [...html.matchAll(/<div([^>]*)><table([^>]*)>([\s\S]*?)<\/table><\/div>/g)];
  expect(found.length, "every table sits directly in a wrapper").toBe(html.match(/<table/g)?.length ?? 0);
  return found.map(([, wrap = "", table = "", body = ""]) => ({
    wrap,
    table,
    headers: [...(/<thead>([\s\S]*?)<\/thead>/.exec(body)?.[1] ?? "").matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1] ?? "")),
    rows: [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? "").matchAll(/<(td|th)(\s[^>]*)?>/g)].map((cell) => ({ tag: cell[1], label: attribute(cell[2] ?? "", "data-label") })),
    ),
  }));
}

describe("the admin lists read as label/value cards on a narrow screen", () => {
  beforeAll(() => {
    page.actor = w.actors.admin;
  });

  it.each<[string, () => Promise<ReactNode>]>([
    ["users", () => UsersPage({ searchParams: Promise.resolve({}) })],
    ["committee", () => CommitteePage()],
    ["partner towns", () => PartnerTownsPage()],
    ["objectives", () => ObjectivesPage()],
    ["program years", () => ProgramsPage()],
  ])("%s: a named region scrollable by keyboard, a stacking table, each cell labelled with its column", async (_name, render) => {
    // The children go in as createElement's third argument, which the props type cannot see.
    const props = { locale: "sv", messages: sv } as ComponentProps<typeof I18nProvider>;
    const html = renderToStaticMarkup(createElement(I18nProvider, props, await render()));
    const tables = tablesOf(html);
    expect(tables.length).toBeGreaterThan(0);
    for (const { wrap, table, headers, rows } of tables) {
      expect(attribute(wrap, "class")).toBe("table-wrap");
      expect(attribute(wrap, "role")).toBe("region");
      expect(attribute(wrap, "aria-label")).toMatch(/\S/);
      expect(attribute(wrap, "tabindex")).toBe("0");
      expect(attribute(table, "class")?.split(" ")).toContain("stack");
      expect(rows.length).toBeGreaterThan(0);
      for (const cells of rows) {
        expect(cells).toHaveLength(headers.length);
        // A row header (<th scope="row">) is the card's title; every data cell names its column.
        cells.forEach((cell, i) => {
          if (cell.tag === "td") expect(cell.label).toBe(headers[i]);
        });
      }
    }
  });
});
