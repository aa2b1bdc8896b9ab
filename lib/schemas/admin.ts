// Administration: users and their roles, the committee, partner towns, policy
// objectives and program years. A municipality's rules (caps, split rule,
// deadlines, documents) arrive here as data and are stored as rows; nothing
// below knows Piteå's numbers. Shared by the admin forms, server actions, the
// API and the CLI, so every entry point reports the same key on the same field.
import { z } from "zod";
import { compareDateOnly, isDateOnly } from "@/lib/domain/dates";
import type { AdminMessageKey } from "@/lib/i18n/messages/admin";
import type { ValidationMessageKey } from "@/lib/i18n/validation-messages";
import { GRANT_KINDS, GrantKindSchema } from "./application";
import { EmailSchema } from "./association";
import { dateOnly, id, key, kronor, optionalText, orNull, requiredText, typeError, wholeNumber } from "./common";

export const USER_NAME_MAX = 200;
export const USER_SEARCH_MAX = 200;
export const COMMITTEE_TITLE_MAX = 200;
export const PARTNER_TOWN_NAME_MAX = 200;
export const COUNTRY_MAX = 100;
export const OBJECTIVE_TEXT_MAX = 1_000;
export const SORT_ORDER_MAX = 9_999;
export const PROGRAM_YEAR_MIN = 2000;
export const PROGRAM_YEAR_MAX = 2100;
export const REPORT_DEADLINE_MONTHS_MAX = 24;
export const REQUIRED_DOCUMENTS_MAX = 30;
export const DOCUMENT_NAME_MAX = 300;
export const CAP_OVERRIDES_MAX = 200;
export const API_TOKEN_NAME_MAX = 100;

export const STAFF_ROLES = ["COORDINATOR", "COMMITTEE", "ADMIN"] as const;
export const PARTNER_KINDS = ["TWIN_TOWN", "MUNICIPAL_PARTNERSHIP"] as const;
export const DISTANCE_CLASSES = ["NORDIC", "EUROPE", "WORLD"] as const;
export const SPLIT_RULES = ["EQUAL_SPLIT", "NONE"] as const;
/** What `npm run cli -- user:create --role …` accepts; "applicant" is a user without a staff role. */
export const CLI_ROLES = ["coordinator", "committee", "admin", "applicant"] as const;
export { GRANT_KINDS };

export type StaffRole = (typeof STAFF_ROLES)[number];
export type CliRole = (typeof CLI_ROLES)[number];

/**
 * The admin area's own message keys (lib/i18n/messages/admin.ts). The helpers
 * in ./common type their keys against the shared validation dictionary, so
 * admin keys are widened here, once, after the compiler has checked them.
 */
const ak = (k: AdminMessageKey): ValidationMessageKey => k as string as ValidationMessageKey;

const booleanField = () => z.boolean(typeError("validation.invalid"));

/** An optional display name: "" or spaces mean "no name" (null). */
const optionalName = () =>
  orNull(optionalText(USER_NAME_MAX, ak("validation.admin.user.name.tooLong")));

/** Distinct staff roles in a fixed order, so audits and comparisons are stable. */
export const RolesSchema = z
  .array(z.enum(STAFF_ROLES, typeError(ak("validation.admin.roles.invalid"))), typeError("validation.invalid"))
  .transform((roles) => STAFF_ROLES.filter((r) => roles.includes(r)));

export const UserCreateSchema = z.object({
  email: EmailSchema,
  name: optionalName().transform((v) => v || null),
  roles: RolesSchema.default([]),
  active: booleanField().default(true),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;
export type UserCreateInput = z.input<typeof UserCreateSchema>;

/** PATCH: an absent field stays as it is. */
export const UserUpdateSchema = z.object({
  email: EmailSchema.optional(),
  name: optionalName().transform((v) => (v === undefined ? undefined : v || null)),
  roles: RolesSchema.optional(),
  active: booleanField().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;
export type UserUpdateInput = z.input<typeof UserUpdateSchema>;

export const UserSearchSchema = z.object({
  q: optionalText(USER_SEARCH_MAX, ak("validation.admin.search.tooLong")).optional(),
});

/** A committee member is an existing user, named by id (API) or e-mail address (form). */
export const CommitteeMemberInputSchema = z
  .object({
    userId: orNull(id()).transform((v) => v ?? null),
    email: orNull(EmailSchema).transform((v) => v ?? null),
    title: requiredText(COMMITTEE_TITLE_MAX, ak("validation.admin.committee.title.tooLong")),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when the title failed, so the form shows both errors at once.
      const hasUser = typeof v.userId === "string";
      const hasEmail = typeof v.email === "string";
      if (!hasUser && !hasEmail) {
        ctx.addIssue({ code: "custom", message: ak("validation.admin.committee.userRequired"), path: ["email"] });
      } else if (hasUser && hasEmail) {
        ctx.addIssue({ code: "custom", message: ak("validation.admin.committee.userOrEmail"), path: ["email"] });
      }
    },
    { when: () => true },
  );
export type CommitteeMemberInput = z.infer<typeof CommitteeMemberInputSchema>;
export type CommitteeMemberInputValues = z.input<typeof CommitteeMemberInputSchema>;

const partnerTownFields = {
  name: requiredText(PARTNER_TOWN_NAME_MAX, ak("validation.admin.partnerTown.name.tooLong")),
  country: requiredText(COUNTRY_MAX, ak("validation.admin.partnerTown.country.tooLong")),
  kind: z.enum(PARTNER_KINDS, typeError(ak("validation.admin.partnerTown.kind.invalid"))),
  distanceClass: z.enum(DISTANCE_CLASSES, typeError(ak("validation.admin.partnerTown.distanceClass.invalid"))),
  active: booleanField(),
};

export const PartnerTownInputSchema = z.object({ ...partnerTownFields, active: partnerTownFields.active.default(true) });
export type PartnerTownInput = z.infer<typeof PartnerTownInputSchema>;
export type PartnerTownInputValues = z.input<typeof PartnerTownInputSchema>;

/** PATCH: an absent field stays as it is. */
export const PartnerTownUpdateSchema = z.object(partnerTownFields).partial();
export type PartnerTownUpdate = z.infer<typeof PartnerTownUpdateSchema>;

const sortOrder = () =>
  wholeNumber(0, SORT_ORDER_MAX, {
    invalid: ak("validation.admin.objective.sortOrder.invalid"),
    notInteger: ak("validation.admin.objective.sortOrder.invalid"),
    tooSmall: ak("validation.admin.objective.sortOrder.invalid"),
    tooLarge: ak("validation.admin.objective.sortOrder.invalid"),
  });

const objectiveFields = {
  textSv: requiredText(OBJECTIVE_TEXT_MAX, ak("validation.admin.objective.text.tooLong")),
  textEn: requiredText(OBJECTIVE_TEXT_MAX, ak("validation.admin.objective.text.tooLong")),
  sortOrder: sortOrder(),
  active: booleanField(),
};

export const ObjectiveInputSchema = z.object({
  ...objectiveFields,
  sortOrder: objectiveFields.sortOrder.default(0),
  active: objectiveFields.active.default(true),
});
export type ObjectiveInput = z.infer<typeof ObjectiveInputSchema>;
export type ObjectiveInputValues = z.input<typeof ObjectiveInputSchema>;

/** PATCH: an absent field stays as it is. */
export const ObjectiveUpdateSchema = z.object(objectiveFields).partial();
export type ObjectiveUpdate = z.infer<typeof ObjectiveUpdateSchema>;

export const RequiredDocumentInputSchema = z.object({
  nameSv: requiredText(DOCUMENT_NAME_MAX, ak("validation.admin.program.document.name.tooLong")),
  nameEn: requiredText(DOCUMENT_NAME_MAX, ak("validation.admin.program.document.name.tooLong")),
  // null (or "" from a form's "both" choice): required for both grant kinds.
  grantKind: orNull(GrantKindSchema).transform((v) => v ?? null),
});

export const CapOverrideInputSchema = z.object({
  partnerTownId: id(),
  grantKind: GrantKindSchema,
  amount: kronor(),
});

/** A whole program year, replaced as a whole (PUT): its documents and cap overrides too. */
export const ProgramYearInputSchema = z
  .object({
    year: wholeNumber(PROGRAM_YEAR_MIN, PROGRAM_YEAR_MAX, {
      invalid: ak("validation.admin.program.year.invalid"),
      notInteger: ak("validation.admin.program.year.invalid"),
      tooSmall: ak("validation.admin.program.year.invalid"),
      tooLarge: ak("validation.admin.program.year.invalid"),
    }),
    opensOn: dateOnly(),
    closesOn: dateOnly(),
    baseCapPerTown: kronor(),
    activityCapPerTown: kronor(),
    splitRule: z.enum(SPLIT_RULES, typeError(ak("validation.admin.program.splitRule.invalid"))),
    budget: orNull(kronor()).transform((v) => v ?? null),
    reportDeadlineMonths: wholeNumber(0, REPORT_DEADLINE_MONTHS_MAX, {
      invalid: key("validation.count.invalid"),
      notInteger: key("validation.count.notInteger"),
      tooSmall: key("validation.count.negative"),
      tooLarge: ak("validation.admin.program.reportDeadlineMonths.tooLarge"),
    }),
    // An association with an overdue follow-up report cannot submit new applications (docs/decisions/0008).
    blockOnOverdueReport: booleanField().default(false),
    requiredDocuments: z
      .array(RequiredDocumentInputSchema, typeError("validation.invalid"))
      .max(REQUIRED_DOCUMENTS_MAX, ak("validation.admin.program.documents.tooMany"))
      .default([]),
    caps: z
      .array(CapOverrideInputSchema, typeError("validation.invalid"))
      .max(CAP_OVERRIDES_MAX, ak("validation.admin.program.caps.tooMany"))
      .default([]),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when other fields failed, so the form shows every error at
      // once; each check reads only values that parsed.
      if (isDateOnly(v.opensOn) && isDateOnly(v.closesOn) && compareDateOnly(v.closesOn, v.opensOn) < 0) {
        ctx.addIssue({ code: "custom", message: ak("validation.admin.program.closesBeforeOpens"), path: ["closesOn"] });
      }
      if (!Array.isArray(v.caps)) return;
      const seen = new Set<string>();
      v.caps.forEach((cap: { partnerTownId?: unknown; grantKind?: unknown }, i) => {
        if (typeof cap?.partnerTownId !== "string" || typeof cap.grantKind !== "string") return;
        const k = `${cap.partnerTownId.toLowerCase()}:${cap.grantKind}`;
        if (seen.has(k)) {
          ctx.addIssue({ code: "custom", message: ak("validation.admin.program.cap.duplicate"), path: ["caps", i, "partnerTownId"] });
        }
        seen.add(k);
      });
    },
    { when: () => true },
  );
export type ProgramYearInput = z.infer<typeof ProgramYearInputSchema>;
export type ProgramYearInputValues = z.input<typeof ProgramYearInputSchema>;

export const CliRoleSchema = z
  .string(typeError(ak("validation.admin.cliRole.invalid")))
  .trim()
  .toLowerCase()
  .pipe(z.enum(CLI_ROLES, { error: ak("validation.admin.cliRole.invalid") }));

/** `user:create` on the command line: one role, or none for an applicant. */
export const CliUserCreateSchema = z.object({
  email: EmailSchema,
  role: CliRoleSchema,
  name: optionalName().transform((v) => v || null),
});
export type CliUserCreate = z.infer<typeof CliUserCreateSchema>;

export const ApiTokenRequestSchema = z.object({
  email: EmailSchema,
  name: requiredText(API_TOKEN_NAME_MAX, ak("validation.admin.token.name.tooLong")),
});
