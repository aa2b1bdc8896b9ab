// The services the web pages' server actions and the API both call, called
// directly: who may do what (another association's rows are "not found"),
// and what happens when submits race.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/errors";
import { listObjectives, listOpenProgramYears, listPartnerTowns, listProgramYears } from "@/lib/data/reference";
import {
  acceptInvitation,
  getAssociation,
  inviteMember,
  listAssociationsForReview,
  listMyAssociations,
  registerAssociation,
  rejectAssociation,
  verifyAssociation,
} from "@/lib/data/associations";
import {
  addAttachment,
  createApplication,
  deleteDraft,
  getApplication,
  getGrantLimit,
  listMyApplications,
  listQueue,
  removeAttachment,
  submitApplication,
  updateDraft,
  withdrawApplication,
} from "@/lib/data/applications";
import { parseCaseNumber } from "@/lib/domain/case-number";
import { actorOf, buildWorld, completeDraft, MINIMAL_PDF, orgNumber, type World } from "../fixtures/world";

const env = withMailAndUploads();

const pdf = (name = "bilaga.pdf") => ({ bytes: MINIMAL_PDF, name });
const as = (world: World, role: keyof World["users"]): Actor => actorOf(world.users[role]);

async function draftOf(world: World, opts: { complete?: boolean; title?: string } = {}) {
  const actor = as(world, "applicant");
  const draft = await createApplication(actor, { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" });
  if (opts.complete) await updateDraft(actor, draft.id, completeDraft(world, { title: opts.title }));
  return draft.id;
}

async function submittedOf(world: World) {
  const id = await draftOf(world, { complete: true });
  await submitApplication(as(world, "applicant"), id);
  return id;
}

function registration(world: World) {
  return {
    name: `Ny förening ${Math.random().toString(36).slice(2)}`,
    orgNumber: orgNumber(),
    streetAddress: "Storgatan 2",
    postalCode: "941 31",
    city: "Piteå",
    contactName: "David Dahl",
    email: "david@forening.example",
    phone: "070-765 43 21",
    paymentMethod: "BANKGIRO",
    paymentAccount: "5050-1055",
    partnerTownIds: [world.towns.second.id],
  };
}

async function pendingAssociationOf(world: World) {
  return (await registerAssociation(as(world, "pendingApplicant"), registration(world), pdf("protokoll.pdf"))).id;
}

/** "ok", or the ServiceError's code. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof ServiceError) return error.code;
    throw error;
  }
}

// ---------------------------------------------------------------- the permission matrix

type Role = "applicant" | "otherApplicant" | "coordinator" | "committee" | "admin";
const ROLES: Role[] = ["applicant", "otherApplicant", "coordinator", "committee", "admin"];
type Expected = Record<Role, "ok" | "NOT_FOUND" | "FORBIDDEN">;

const everyone = (o: Expected[Role]): Expected => ({ applicant: o, otherApplicant: o, coordinator: o, committee: o, admin: o });
const onlyApplicant: Expected = { ...everyone("NOT_FOUND"), applicant: "ok" };
const onlyCoordinator: Expected = { ...everyone("FORBIDDEN"), coordinator: "ok" };

/** Each case prepares what it needs (fresh per role) and returns the call to make as `actor`. */
const MATRIX: Record<string, { prepare: (w: World) => Promise<(actor: Actor) => Promise<unknown>>; expect: Expected }> = {
  listPartnerTowns: { prepare: async () => () => listPartnerTowns({ activeOnly: true }), expect: everyone("ok") },
  listObjectives: { prepare: async () => () => listObjectives({ activeOnly: true }), expect: everyone("ok") },
  listProgramYears: { prepare: async () => () => Promise.all([listProgramYears(), listOpenProgramYears()]), expect: everyone("ok") },
  registerAssociation: { prepare: async (w) => (actor) => registerAssociation(actor, registration(w), pdf()), expect: everyone("ok") },
  listMyAssociations: { prepare: async () => (actor) => listMyAssociations(actor), expect: everyone("ok") },
  getAssociation: {
    prepare: async (w) => (actor) => getAssociation(actor, w.associations.mine.id),
    expect: { ...onlyApplicant, coordinator: "ok" },
  },
  listAssociationsForReview: { prepare: async () => (actor) => listAssociationsForReview(actor, { status: "PENDING" }), expect: onlyCoordinator },
  verifyAssociation: { prepare: async (w) => { const id = await pendingAssociationOf(w); return (actor) => verifyAssociation(actor, id); }, expect: onlyCoordinator },
  rejectAssociation: {
    prepare: async (w) => { const id = await pendingAssociationOf(w); return (actor) => rejectAssociation(actor, id, "Föreningen saknar stadgar."); },
    expect: onlyCoordinator,
  },
  inviteMember: {
    prepare: async (w) => (actor) => inviteMember(actor, w.associations.mine.id, { email: `ny.${Math.random().toString(36).slice(2)}@example.se` }),
    expect: onlyApplicant,
  },
  createApplication: {
    prepare: async (w) => (actor) => createApplication(actor, { associationId: w.associations.mine.id, programYearId: w.program.id, grantKind: "BASE" }),
    expect: onlyApplicant,
  },
  listMyApplications: { prepare: async () => (actor) => listMyApplications(actor), expect: everyone("ok") },
  getDraft: { prepare: async (w) => { const id = await draftOf(w); return (actor) => getApplication(actor, id); }, expect: onlyApplicant },
  getSubmitted: {
    prepare: async (w) => { const id = await submittedOf(w); return (actor) => getApplication(actor, id); },
    expect: { ...onlyApplicant, coordinator: "ok" },
  },
  updateDraft: { prepare: async (w) => { const id = await draftOf(w); return (actor) => updateDraft(actor, id, { title: "Ny" }); }, expect: onlyApplicant },
  deleteDraft: { prepare: async (w) => { const id = await draftOf(w); return (actor) => deleteDraft(actor, id); }, expect: onlyApplicant },
  submitApplication: {
    prepare: async (w) => { const id = await draftOf(w, { complete: true }); return (actor) => submitApplication(actor, id); },
    expect: onlyApplicant,
  },
  withdrawApplication: {
    prepare: async (w) => { const id = await submittedOf(w); return (actor) => withdrawApplication(actor, id); },
    expect: onlyApplicant,
  },
  addAttachment: { prepare: async (w) => { const id = await draftOf(w); return (actor) => addAttachment(actor, id, pdf()); }, expect: onlyApplicant },
  removeAttachment: {
    prepare: async (w) => {
      const id = await draftOf(w);
      const fileId = (await addAttachment(as(w, "applicant"), id, pdf())).attachments[0]!.id;
      return (actor) => removeAttachment(actor, id, fileId);
    },
    expect: onlyApplicant,
  },
  getGrantLimit: {
    prepare: async (w) => { const id = await draftOf(w, { complete: true }); return (actor) => getGrantLimit(actor, id); },
    expect: onlyApplicant,
  },
  getGrantLimitSubmitted: {
    prepare: async (w) => { const id = await submittedOf(w); return (actor) => getGrantLimit(actor, id); },
    expect: { ...onlyApplicant, coordinator: "ok" },
  },
  listQueue: { prepare: async () => (actor) => listQueue(actor, {}), expect: onlyCoordinator },
};

describe("who may call which service", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  const cells = Object.entries(MATRIX).flatMap(([name, c]) => ROLES.map((role) => [name, role, c.expect[role]] as const));
  it.each(cells)("%s as %s → %s", async (name, role, expected) => {
    const run = await MATRIX[name]!.prepare(world);
    expect(await outcome(() => run(as(world, role)))).toBe(expected);
  });

  it("answers not found, never forbidden, for another association's rows, whatever the id looks like", async () => {
    const other = as(world, "otherApplicant");
    const id = await draftOf(world, { complete: true });
    for (const bad of [id, "not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      for (const run of [
        () => getApplication(other, bad),
        () => updateDraft(other, bad, { title: "Kapad" }),
        () => submitApplication(other, bad),
        () => withdrawApplication(other, bad),
        () => deleteDraft(other, bad),
        () => addAttachment(other, bad, pdf()),
        () => removeAttachment(other, bad, bad),
        () => getGrantLimit(other, bad),
        () => getAssociation(other, bad),
      ]) {
        expect(await outcome(run), `${bad} ${run.toString()}`).toBe("NOT_FOUND");
      }
    }
    expect(await outcome(() => getAssociation(other, world.associations.mine.id))).toBe("NOT_FOUND");
    expect((await getApplication(as(world, "applicant"), id)).title).toBe("Musikutbyte med vänorten");
  });

  it("lets a pending association draft nothing, and a rejected decision stand", async () => {
    const pending = as(world, "pendingApplicant");
    const result = createApplication(pending, { associationId: world.associations.pending.id, programYearId: world.program.id, grantKind: "BASE" });
    await expect(result).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { associationId: [expect.any(String)] } });
    // A reason is required, and is checked only once the caller may decide.
    await expect(rejectAssociation(as(world, "coordinator"), world.associations.pending.id, " ")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(rejectAssociation(as(world, "applicant"), world.associations.pending.id, " ")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("makes an invited person a member once they accept with the invited address, and nobody else", async () => {
    env.catcher.clear();
    const newcomer = await buildWorld();
    const email = newcomer.users.applicant.email;
    await inviteMember(as(world, "applicant"), world.associations.mine.id, { email });
    const mail = await env.catcher.waitFor((m) => m.to.includes(email), 5_000);
    const token = /\/invitations\/([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();

    expect(await outcome(() => acceptInvitation(as(world, "otherApplicant"), token!))).toBe("FORBIDDEN");
    const joined = await acceptInvitation(actorOf(newcomer.users.applicant), token!);
    expect(joined.associationId).toBe(world.associations.mine.id);
    expect((await getAssociation(actorOf(newcomer.users.applicant), world.associations.mine.id)).id).toBe(world.associations.mine.id);
    expect(await outcome(() => acceptInvitation(actorOf(newcomer.users.applicant), token!))).toBe("NOT_FOUND");
  });
});

// ---------------------------------------------------------------- races

describe("concurrent submits", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  beforeEach(() => env.catcher.clear());

  const counter = async () =>
    (await db.caseCounter.findUnique({ where: { municipalityId_year: { municipalityId: world.municipality.id, year: new Date().getUTCFullYear() } } }))?.last ?? 0;

  it("of one draft give exactly one case number and one submission", async () => {
    const id = await draftOf(world, { complete: true, title: "Dubbelklick" });
    const actor = as(world, "applicant");
    const before = await counter();

    const results = await Promise.allSettled([submitApplication(actor, id), submitApplication(actor, id)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r) => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ServiceError);
    expect((rejected[0]!.reason as ServiceError).code).toBe("CONFLICT");

    const row = await db.application.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SUBMITTED");
    expect(row.caseNumber).toBe(fulfilled[0]!.value.caseNumber);
    expect(await counter()).toBe(before + 1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "application.submitted" } })).toBe(1);

    await env.catcher.waitFor((m) => m.subject.includes(row.caseNumber!), 5_000);
    expect(env.catcher.messages().filter((m) => m.subject.includes(row.caseNumber!))).toHaveLength(1);
  });

  it("of 20 different drafts give 20 distinct consecutive case numbers", async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => draftOf(world, { complete: true, title: `Utbyte ${i + 1}` })));
    const actor = as(world, "applicant");
    const before = await counter();

    const submitted = await Promise.all(ids.map((id) => submitApplication(actor, id)));

    const year = new Date().getUTCFullYear();
    const seqs = submitted.map((a) => {
      const parsed = parseCaseNumber(a.caseNumber!);
      if (!parsed.ok) throw new Error(`not a case number: ${a.caseNumber}`);
      expect(parsed.value.prefix).toBe("INT");
      expect(parsed.value.year).toBe(year);
      return parsed.value.seq;
    });
    expect(new Set(seqs).size).toBe(20);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    expect(await counter()).toBe(before + 20);

    const rows = await db.application.findMany({ where: { id: { in: ids } }, select: { status: true, caseNumber: true } });
    expect(rows.every((r) => r.status === "SUBMITTED")).toBe(true);
    expect(new Set(rows.map((r) => r.caseNumber)).size).toBe(20);
  });
});
