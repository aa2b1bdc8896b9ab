// Rules enforced when an application is submitted or changed, and what the
// association's members may send on the portal's behalf.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { withMailAndUploads } from "../fixtures/mail-and-uploads";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { addAttachment, createApplication, deleteDraft, submitApplication, updateDraft } from "@/lib/data/applications";
import { inviteMember } from "@/lib/data/associations";
import { actorOf, buildWorld, completeDraft, MINIMAL_PDF, type World } from "../fixtures/world";

const env = withMailAndUploads();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const applicant = () => actorOf(world.users.applicant);

async function failure(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ServiceError) return { code: error.code, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function draft(grantKind: "BASE" | "ACTIVITY", opts: Parameters<typeof completeDraft>[1] = {}) {
  const created = await createApplication(applicant(), { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind });
  await updateDraft(applicant(), created.id, completeDraft(world, opts));
  return created.id;
}

describe("submitting", () => {
  it("refuses a request above the town's cap for its grant kind, on the amount field", async () => {
    const id = await draft("BASE", { requestedAmount: 10_001, partnerTownId: world.towns.second.id });
    const refused = await failure(() => submitApplication(applicant(), id));
    expect(refused).toEqual({ code: "VALIDATION", fields: { requestedAmount: ["validation.application.requestedExceedsCap"] } });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("accepts a request of exactly the cap", async () => {
    const id = await draft("BASE", { requestedAmount: 10_000, partnerTownId: world.towns.second.id });
    expect((await submitApplication(applicant(), id)).status).toBe("SUBMITTED");
  });

  it("lets only one of two base-grant drafts for the same town in when both are submitted at once", async () => {
    const [a, b] = [await draft("BASE", { requestedAmount: 5_000 }), await draft("BASE", { requestedAmount: 5_000 })];
    const results = await Promise.allSettled([submitApplication(applicant(), a), submitApplication(applicant(), b)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const live = await db.application.count({
      where: { associationId: world.associations.mine.id, partnerTownId: world.towns.first.id, grantKind: "BASE", status: "SUBMITTED" },
    });
    expect(live).toBe(1);
  });
});

describe("drafts", () => {
  it("record what changed in the audit log, and nothing when nothing changed", async () => {
    const id = await draft("ACTIVITY");
    const before = await db.auditEvent.count({ where: { entityId: id, action: "application.draft-updated" } });
    await updateDraft(applicant(), id, { title: "Ny rubrik" });
    await updateDraft(applicant(), id, { title: "Ny rubrik" });
    const events = await db.auditEvent.findMany({ where: { entityId: id, action: "application.draft-updated" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ actorId: world.users.applicant.id, after: { title: "Ny rubrik" } });
    expect(Object.keys(events.at(-1)!.after as object)).toEqual(["title"]);
  });

  it("take their uploaded files with them when deleted", async () => {
    const id = await draft("ACTIVITY");
    await addAttachment(applicant(), id, { bytes: MINIMAL_PDF, name: "budget.pdf" });
    const file = await db.storedFile.findFirstOrThrow({ where: { applicationId: id } });
    expect(existsSync(path.join(env.uploads, file.storageKey))).toBe(true);
    await deleteDraft(applicant(), id);
    expect(existsSync(path.join(env.uploads, file.storageKey))).toBe(false);
    expect(await readdir(env.uploads)).not.toContain(file.storageKey);
  });

  it("of another association leave no file behind when someone tries to attach one", async () => {
    const id = await draft("ACTIVITY");
    const filesBefore = (await readdir(env.uploads)).length;
    const refused = await failure(() => addAttachment(actorOf(world.users.otherApplicant), id, { bytes: MINIMAL_PDF, name: "x.pdf" }));
    expect(refused.code).toBe("NOT_FOUND");
    expect((await readdir(env.uploads)).length).toBe(filesBefore);
  });
});

describe("invitations", () => {
  it("cannot be sent for an association the coordinator has not verified", async () => {
    const refused = await failure(() => inviteMember(actorOf(world.users.pendingApplicant), world.associations.pending.id, { email: "ny@example.se" }));
    expect(refused).toEqual({ code: "VALIDATION", fields: { email: ["validation.invitation.notVerified"] } });
    expect(env.catcher.messages().filter((m) => m.to.includes("ny@example.se"))).toHaveLength(0);
  });

  it("are limited per member and hour", async () => {
    const actor = actorOf(world.users.otherApplicant);
    const results: string[] = [];
    for (let i = 0; i < 12; i++) {
      results.push(
        await inviteMember(actor, world.associations.other.id, { email: `inbjuden${i}@example.se` }).then(
          () => "sent",
          (e: ServiceError) => e.code,
        ),
      );
    }
    expect(results.filter((r) => r === "sent")).toHaveLength(10);
    expect(results.slice(10)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
  });
});
