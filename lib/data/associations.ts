import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashToken, requirePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { takeRateLimit } from "@/lib/data/rate-limit";
import { audit } from "@/lib/data/audit";
import { getMunicipality } from "@/lib/data/reference";
import { conflict, notFound, ServiceError, validationError } from "@/lib/errors";
import { discardStored, storePdf } from "@/lib/files/storage";
import { AssociationRegistrationSchema, InvitationSchema, ReasonSchema } from "@/lib/schemas/association";
import { appUrl } from "@/lib/env";
import { zodFieldErrors } from "@/lib/errors";
import { queueMail } from "@/lib/mail/outbox";
import { associationRejected, associationVerified, invitation as invitationMail } from "@/lib/mail/templates";
import { Prisma } from "@/lib/generated/prisma/client";

const INVITATION_DAYS = 14;
// Invitations are mail the portal sends on a member's word: a few an hour is plenty.
const INVITATIONS_PER_HOUR = 10;

export const associationPublicSelect = {
  id: true,
  name: true,
  orgNumber: true,
  streetAddress: true,
  postalCode: true,
  city: true,
  contactName: true,
  email: true,
  phone: true,
  paymentMethod: true,
  paymentAccount: true,
  status: true,
  rejectionReason: true,
  decidedAt: true,
  createdAt: true,
  partnerTowns: { select: { partnerTown: { select: { id: true, name: true, country: true } } } },
} satisfies Prisma.AssociationSelect;

/** Rows of associations the actor may see: their own; staff see their municipality's. */
export function associationScope(actor: Actor): Prisma.AssociationWhereInput {
  const own: Prisma.AssociationWhereInput = { memberships: { some: { userId: actor.userId } } };
  if (can(actor, "association:review") && actor.municipalityId) return { OR: [{ municipalityId: actor.municipalityId }, own] };
  return own;
}

function snapshot(a: { status: string; rejectionReason: string | null; name: string; orgNumber: string }) {
  return { status: a.status, rejectionReason: a.rejectionReason, name: a.name, orgNumber: a.orgNumber };
}

/**
 * Registers an association with the actor as its first member. It stays
 * pending until the coordinator verifies it. The proof that the person may
 * represent the association is a required PDF.
 */
export async function registerAssociation(actor: Actor, input: unknown, proof: { bytes: Buffer; name: string } | null) {
  requirePermission(actor, "association:register");
  const data = AssociationRegistrationSchema.parse(input);
  if (!proof) throw validationError({ proof: ["validation.file.required"] });
  const municipality = await getMunicipality();
  const towns = await db.partnerTown.findMany({
    where: { id: { in: data.partnerTownIds }, municipalityId: municipality.id, active: true },
    select: { id: true },
  });
  if (towns.length !== new Set(data.partnerTownIds).size) throw validationError({ partnerTownIds: ["validation.partnerTown.unknown"] });

  const stored = await storePdf(proof, "proof");
  try {
    return await db.$transaction(async (tx) => {
      const { partnerTownIds, ...fields } = data;
      const association = await tx.association.create({
        data: {
          ...fields,
          municipalityId: municipality.id,
          createdById: actor.userId,
          partnerTowns: { create: partnerTownIds.map((partnerTownId) => ({ partnerTownId })) },
          memberships: { create: { userId: actor.userId } },
          files: { create: { ...stored, kind: "REPRESENTATION_PROOF", uploadedById: actor.userId } },
        },
        select: associationPublicSelect,
      });
      await audit(tx, actor, {
        action: "association.registered",
        entityType: "Association",
        entityId: association.id,
        municipalityId: municipality.id,
        after: { ...snapshot(association), partnerTownIds },
      });
      return association;
    });
  } catch (error) {
    await discardStored(stored.storageKey);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw validationError({ orgNumber: ["validation.orgNumber.taken"] });
    }
    throw error;
  }
}

export async function listMyAssociations(actor: Actor) {
  return db.association.findMany({
    where: { memberships: { some: { userId: actor.userId } } },
    orderBy: { name: "asc" },
    select: associationPublicSelect,
  });
}

export async function getAssociation(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const association = await db.association.findFirst({
    where: { id, ...associationScope(actor) },
    select: {
      ...associationPublicSelect,
      memberships: { select: { createdAt: true, user: { select: { id: true, email: true, name: true } } }, orderBy: { createdAt: "asc" } },
      files: { where: { kind: "REPRESENTATION_PROOF" }, select: { id: true, originalName: true, size: true, createdAt: true } },
      invitations: { where: { acceptedAt: null }, select: { id: true, email: true, expiresAt: true, createdAt: true } },
    },
  });
  if (!association) throw notFound();
  return association;
}

export async function listAssociationsForReview(actor: Actor, opts: { status?: "PENDING" | "VERIFIED" | "REJECTED" } = {}) {
  requirePermission(actor, "association:review");
  return db.association.findMany({
    where: { ...associationScope(actor), status: opts.status ?? "PENDING" },
    orderBy: { createdAt: "asc" },
    select: associationPublicSelect,
    take: 200,
  });
}

async function decideAssociation(actor: Actor, id: string, decision: { status: "VERIFIED" | "REJECTED"; reason?: string }) {
  requirePermission(actor, "association:review");
  if (!isUuid(id)) throw notFound();
  const result = await db.$transaction(async (tx) => {
    const before = await tx.association.findFirst({ where: { id, ...associationScope(actor) } });
    if (!before) throw notFound();
    if (before.status !== "PENDING") throw conflict("errors.association.alreadyDecided");
    const after = await tx.association.update({
      where: { id },
      data: { status: decision.status, rejectionReason: decision.reason ?? null, decidedAt: new Date(), decidedById: actor.userId },
      include: { memberships: { select: { user: { select: { email: true, locale: true } } } } },
    });
    await audit(tx, actor, {
      action: decision.status === "VERIFIED" ? "association.verified" : "association.rejected",
      entityType: "Association",
      entityId: id,
      municipalityId: before.municipalityId,
      before: snapshot(before),
      after: snapshot(after),
    });
    await queueMail(
      tx,
      after.memberships.map(({ user }) => ({
        to: user.email,
        kind: decision.status === "VERIFIED" ? "association.verified" : "association.rejected",
        municipalityId: after.municipalityId,
        ...(decision.status === "VERIFIED"
          ? associationVerified({ associationName: after.name, url: `${appUrl()}/my`, locale: user.locale })
          : associationRejected({ associationName: after.name, reason: decision.reason ?? "", locale: user.locale })),
      })),
    );
    return after;
  });
  return { id: result.id, status: result.status, rejectionReason: result.rejectionReason };
}

export function verifyAssociation(actor: Actor, id: string) {
  return decideAssociation(actor, id, { status: "VERIFIED" });
}

export async function rejectAssociation(actor: Actor, id: string, reason: unknown) {
  requirePermission(actor, "association:review");
  const parsed = ReasonSchema.safeParse({ reason });
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  return decideAssociation(actor, id, { status: "REJECTED", reason: parsed.data.reason });
}

/** A member invites another person by e-mail; the link makes them a member once they sign in with that address. */
export async function inviteMember(actor: Actor, associationId: string, input: unknown) {
  const { email } = InvitationSchema.parse(input);
  if (!isUuid(associationId)) throw notFound();
  const association = await db.association.findFirst({
    where: { id: associationId, memberships: { some: { userId: actor.userId } } },
    select: { id: true, name: true, status: true, municipalityId: true, memberships: { select: { user: { select: { email: true } } } } },
  });
  if (!association) throw notFound();
  // Until the coordinator has verified it, the association's name is nothing the municipality vouches for in a mail.
  if (association.status !== "VERIFIED") throw validationError({ email: ["validation.invitation.notVerified"] });
  if (!(await takeRateLimit(`invite:${actor.userId}`, INVITATIONS_PER_HOUR, 3600))) throw new ServiceError("RATE_LIMITED");
  if (association.memberships.some((m) => m.user.email === email)) throw validationError({ email: ["validation.invitation.alreadyMember"] });
  const token = randomBytes(24).toString("base64url");
  const invitee = await db.user.findUnique({ where: { email }, select: { locale: true } });
  return db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        associationId,
        email,
        tokenHash: hashToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      },
      select: { id: true, email: true, expiresAt: true },
    });
    await audit(tx, actor, {
      action: "association.member-invited",
      entityType: "Association",
      entityId: associationId,
      municipalityId: association.municipalityId,
      after: { invitationId: created.id, email },
    });
    await queueMail(tx, [
      {
        to: email,
        kind: "association.invitation",
        municipalityId: association.municipalityId,
        // The link makes its holder a member: erased once sent, and worthless once the invitation has expired.
        sensitive: true,
        expiresAt: created.expiresAt,
        ...invitationMail({
          associationName: association.name,
          inviterName: actor.name ?? actor.email,
          url: `${appUrl()}/invitations/${token}`,
          locale: invitee?.locale ?? actor.locale,
        }),
      },
    ]);
    return created;
  });
}

export async function getInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, expiresAt: true, acceptedAt: true, association: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

export async function acceptInvitation(actor: Actor, token: string) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { association: true } });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) throw notFound();
    if (invitation.email !== actor.email) throw new ServiceError("FORBIDDEN", "errors.invitation.otherAddress");
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await tx.membership.upsert({
      where: { userId_associationId: { userId: actor.userId, associationId: invitation.associationId } },
      create: { userId: actor.userId, associationId: invitation.associationId },
      update: {},
    });
    await audit(tx, actor, {
      action: "association.member-joined",
      entityType: "Association",
      entityId: invitation.associationId,
      municipalityId: invitation.association.municipalityId,
      after: { userId: actor.userId, email: actor.email },
    });
    return { associationId: invitation.associationId, name: invitation.association.name };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
