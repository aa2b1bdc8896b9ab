// Shapes of the /api/v1 responses as they travel (JSON: dates as ISO
// strings), mirroring what the services in lib/data return, plus the few
// query and body shapes that belong to the API alone. Request bodies shared
// with the web forms come from lib/schemas. tests/integration/api.test.ts
// checks at compile time that these stay in step with the services' types.
import { z } from "zod";

/** Any 8-4-4-4-12 hex id, as lib/schemas and the services accept. */
const uuid = () => z.guid();
const dateTime = () => z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD. */
const day = () => z.iso.date();

export const GRANT_KIND = ["BASE", "ACTIVITY"] as const;
export const ASSOCIATION_STATUS = ["PENDING", "VERIFIED", "REJECTED"] as const;
export const APPLICATION_STATUS = ["DRAFT", "SUBMITTED", "WITHDRAWN", "APPROVED", "REJECTED"] as const;
/** What the coordinator's queue holds: everything but drafts. */
export const QUEUE_STATUS = ["SUBMITTED", "WITHDRAWN", "APPROVED", "REJECTED"] as const;

// ---------------------------------------------------------------- reference data

export const PartnerTownSchema = z.object({
  id: uuid(),
  municipalityId: uuid(),
  name: z.string(),
  country: z.string(),
  kind: z.enum(["TWIN_TOWN", "MUNICIPAL_PARTNERSHIP"]),
  distanceClass: z.enum(["NORDIC", "EUROPE", "WORLD"]),
  active: z.boolean(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const ObjectiveSchema = z.object({
  id: uuid(),
  municipalityId: uuid(),
  textSv: z.string(),
  textEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const RequiredDocumentSchema = z.object({
  id: uuid(),
  /** null: required for both grant kinds. */
  grantKind: z.enum(GRANT_KIND).nullable(),
  nameSv: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
});

export const ProgramSchema = z.object({
  id: uuid(),
  year: z.number().int(),
  opensOn: day(),
  closesOn: day(),
  /** Open for applications today. */
  open: z.boolean(),
  /** Default caps per partner town, whole kronor; capOverrides replace them for single towns. */
  baseCapPerTown: z.number().int(),
  activityCapPerTown: z.number().int(),
  capOverrides: z.array(z.object({ partnerTownId: uuid(), grantKind: z.enum(["BASE", "ACTIVITY"]), amount: z.number().int() })),
  splitRule: z.enum(["EQUAL_SPLIT", "NONE"]),
  budget: z.number().int().nullable(),
  reportDeadlineMonths: z.number().int(),
  /** Documents to enclose with an application (grantKind null: both kinds). */
  requiredDocuments: z.array(RequiredDocumentSchema),
});

// ---------------------------------------------------------------- associations

const TownRefSchema = z.object({ id: uuid(), name: z.string(), country: z.string() });

/** lib/data/associations.ts associationPublicSelect. */
export const AssociationSchema = z.object({
  id: uuid(),
  name: z.string(),
  orgNumber: z.string(),
  streetAddress: z.string(),
  postalCode: z.string(),
  city: z.string(),
  contactName: z.string(),
  email: z.string(),
  phone: z.string(),
  paymentMethod: z.enum(["BANKGIRO", "PLUSGIRO"]),
  paymentAccount: z.string(),
  status: z.enum(ASSOCIATION_STATUS),
  rejectionReason: z.string().nullable(),
  decidedAt: dateTime().nullable(),
  createdAt: dateTime(),
  partnerTowns: z.array(z.object({ partnerTown: TownRefSchema })),
});

/** lib/data/associations.ts getAssociation. */
export const AssociationDetailSchema = AssociationSchema.extend({
  memberships: z.array(z.object({ createdAt: dateTime(), user: z.object({ id: uuid(), email: z.string(), name: z.string().nullable() }) })),
  files: z.array(z.object({ id: uuid(), originalName: z.string(), size: z.number().int(), createdAt: dateTime() })),
  /** Invitations not yet accepted. */
  invitations: z.array(z.object({ id: uuid(), email: z.string(), expiresAt: dateTime(), createdAt: dateTime() })),
});

export const AssociationDecisionSchema = z.object({
  id: uuid(),
  status: z.enum(ASSOCIATION_STATUS),
  rejectionReason: z.string().nullable(),
});

export const InvitationCreatedSchema = z.object({ id: uuid(), email: z.string(), expiresAt: dateTime() });

export const AssociationListQuerySchema = z.object({
  /** Coordinator only: the municipality's associations in this state instead of the caller's own. */
  status: z.enum(ASSOCIATION_STATUS, { error: "validation.invalid" }).optional(),
});

/** The reason is checked by the service (rejectAssociation); this documents it. */
export { ReasonSchema as RejectAssociationSchema } from "@/lib/schemas/association";

// ---------------------------------------------------------------- applications

/** A draft's line may still lack its amount; a submitted application's lines all have one. */
const AmountLineSchema = z.object({ label: z.string(), amount: z.number().int().nullable() });

/** lib/data/applications.ts ApplicationView. */
export const ApplicationViewSchema = z.object({
  id: uuid(),
  caseNumber: z.string().nullable(),
  status: z.enum(APPLICATION_STATUS),
  grantKind: z.enum(GRANT_KIND),
  programYearId: uuid(),
  programYear: z.number().int(),
  association: z.object({ id: uuid(), name: z.string(), orgNumber: z.string() }),
  partnerTownId: uuid().nullable(),
  partnerTown: TownRefSchema.nullable(),
  title: z.string(),
  purpose: z.string(),
  description: z.string(),
  objectiveIds: z.array(uuid()),
  objectiveMotivation: z.string(),
  startDate: day().nullable(),
  endDate: day().nullable(),
  participantsTotal: z.number().int().nullable(),
  participantsUnder26: z.number().int().nullable(),
  budgetLines: z.array(AmountLineSchema),
  otherFunding: z.array(AmountLineSchema),
  requestedAmount: z.number().int().nullable(),
  attachments: z.array(z.object({ id: uuid(), name: z.string(), size: z.number().int() })),
  createdAt: dateTime(),
  updatedAt: dateTime(),
  submittedAt: dateTime().nullable(),
  withdrawnAt: dateTime().nullable(),
});

const applicationSummary = {
  id: uuid(),
  caseNumber: z.string().nullable(),
  status: z.enum(APPLICATION_STATUS),
  grantKind: z.enum(GRANT_KIND),
  title: z.string(),
  requestedAmount: z.number().int().nullable(),
  submittedAt: dateTime().nullable(),
  association: z.object({ id: uuid(), name: z.string() }),
  partnerTown: z.object({ id: uuid(), name: z.string() }).nullable(),
  programYear: z.object({ year: z.number().int() }),
};

/** lib/data/applications.ts listMyApplications. */
export const ApplicationListItemSchema = z.object({ ...applicationSummary, createdAt: dateTime() });

/** lib/data/applications.ts listQueue. */
export const QueuePageSchema = z.object({
  items: z.array(
    z.object({
      ...applicationSummary,
      /** Submitted, and the request is above what is left of the year's budget: it cannot be approved as requested. */
      exceedsBudget: z.boolean(),
    }),
  ),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: uuid().nullable(),
});

export const QueueQuerySchema = z.object({
  year: z
    .string({ error: "validation.invalid" })
    .regex(/^\d{4}$/, { error: "validation.invalid" })
    .transform(Number)
    .optional(),
  partnerTownId: z.guid({ error: "validation.id.invalid" }).optional(),
  grantKind: z.enum(GRANT_KIND, { error: "validation.grantKind.invalid" }).optional(),
  status: z.enum(QUEUE_STATUS, { error: "validation.invalid" }).optional(),
  /** The nextCursor of the previous page. */
  after: z.guid({ error: "validation.invalid" }).optional(),
});

/** lib/data/applications.ts getGrantLimit; null until the draft names a partner town. */
export const GrantLimitSchema = z
  .object({
    /** The town's cap for this grant kind, whole kronor. */
    cap: z.number().int(),
    /** The most the association can be granted, whole kronor. */
    maxAmount: z.number().int(),
    reason: z.enum([
      "TOWN_CAP",
      "EQUAL_SHARE",
      "ALREADY_APPLIED",
      "POOL_REMAINING",
      "POOL_EXHAUSTED",
      "BUDGET_REMAINING",
      "BUDGET_EXHAUSTED",
      "COSTS_MINUS_FUNDING",
    ]),
    /** Associations sharing the base pool, this one included (EQUAL_SPLIT only). */
    shareCount: z.number().int().optional(),
  })
  .nullable();

export const AttachmentUploadSchema = z.object({ file: z.file().mime("application/pdf") });
