// The administrator's operations of /api/v1 (role ADMIN): users and roles, the
// committee, partner towns, policy objectives and program years. Route
// handlers live in app/api/v1/admin/**/route.ts and call lib/data/admin.ts;
// request bodies are the web forms' schemas from lib/schemas/admin.ts.
import { z } from "zod";
import type { ApiOperation } from "../operation";
import {
  CommitteeMemberInputSchema,
  DISTANCE_CLASSES,
  GRANT_KINDS,
  ObjectiveInputSchema,
  ObjectiveUpdateSchema,
  PARTNER_KINDS,
  PartnerTownInputSchema,
  PartnerTownUpdateSchema,
  ProgramYearInputSchema,
  SPLIT_RULES,
  STAFF_ROLES,
  UserCreateSchema,
  UserSearchSchema,
  UserUpdateSchema,
} from "@/lib/schemas/admin";

const ADMIN = ["admin"];

// Responses as they travel: JSON, dates as ISO strings.
const uuid = () => z.uuid();
const dateTime = () => z.iso.datetime({ offset: true });
const day = () => z.iso.date();

export const AdminUserSchema = z.object({
  id: uuid(),
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.enum(STAFF_ROLES)),
  active: z.boolean(),
  /** The user's position on the international committee, if a member. */
  committeeTitle: z.string().nullable(),
  createdAt: dateTime(),
});

export const AdminCommitteeMemberSchema = z.object({
  id: uuid(),
  userId: uuid(),
  email: z.string(),
  name: z.string().nullable(),
  title: z.string(),
  active: z.boolean(),
  createdAt: dateTime(),
});

export const AdminPartnerTownSchema = z.object({
  id: uuid(),
  name: z.string(),
  country: z.string(),
  kind: z.enum(PARTNER_KINDS),
  distanceClass: z.enum(DISTANCE_CLASSES),
  active: z.boolean(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const AdminObjectiveSchema = z.object({
  id: uuid(),
  textSv: z.string(),
  textEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const AdminProgramYearSchema = z.object({
  id: uuid(),
  year: z.number().int(),
  opensOn: day(),
  closesOn: day(),
  /** Default caps per partner town and year, whole kronor; `caps` overrides them for single towns. */
  baseCapPerTown: z.number().int(),
  activityCapPerTown: z.number().int(),
  splitRule: z.enum(SPLIT_RULES),
  budget: z.number().int().nullable(),
  reportDeadlineMonths: z.number().int(),
  /** An association with an overdue follow-up report cannot submit new applications. */
  blockOnOverdueReport: z.boolean(),
  requiredDocuments: z.array(
    z.object({ id: uuid(), nameSv: z.string(), nameEn: z.string(), grantKind: z.enum(GRANT_KINDS).nullable() }),
  ),
  caps: z.array(z.object({ partnerTownId: uuid(), partnerTownName: z.string(), grantKind: z.enum(GRANT_KINDS), amount: z.number().int() })),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const adminOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/admin/users",
    operationId: "adminListUsers",
    summary: "The municipality's staff and the applicants, by e-mail address; `q` searches address and name",
    tags: ADMIN,
    query: UserSearchSchema,
    response: z.array(AdminUserSchema),
    errors: [403, 422],
  },
  {
    method: "post",
    path: "/admin/users",
    operationId: "adminCreateUser",
    summary: "Add a user with staff roles (none for an applicant)",
    tags: ADMIN,
    requestBody: UserCreateSchema,
    response: AdminUserSchema,
    successStatus: 201,
    errors: [403, 422],
  },
  {
    method: "patch",
    path: "/admin/users/{id}",
    operationId: "adminUpdateUser",
    summary: "Change a user's address, name, roles or whether they may sign in; send only the fields to change",
    tags: ADMIN,
    pathParams: ["id"],
    requestBody: UserUpdateSchema,
    response: AdminUserSchema,
    errors: [403, 404, 422],
  },
  {
    method: "get",
    path: "/admin/committee",
    operationId: "adminListCommitteeMembers",
    summary: "The members of the international committee",
    tags: ADMIN,
    response: z.array(AdminCommitteeMemberSchema),
    errors: [403],
  },
  {
    method: "post",
    path: "/admin/committee",
    operationId: "adminAddCommitteeMember",
    summary: "Make an existing user (by userId or email) a committee member; gives the COMMITTEE role",
    tags: ADMIN,
    requestBody: CommitteeMemberInputSchema,
    response: AdminCommitteeMemberSchema,
    successStatus: 201,
    errors: [403, 422],
  },
  {
    method: "delete",
    path: "/admin/committee/{id}",
    operationId: "adminRemoveCommitteeMember",
    summary: "End a committee membership (by the membership's id); takes the COMMITTEE role away",
    tags: ADMIN,
    pathParams: ["id"],
    successStatus: 204,
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/admin/partner-towns",
    operationId: "adminListPartnerTowns",
    summary: "Every partner town, inactive ones too",
    tags: ADMIN,
    response: z.array(AdminPartnerTownSchema),
    errors: [403],
  },
  {
    method: "post",
    path: "/admin/partner-towns",
    operationId: "adminCreatePartnerTown",
    summary: "Add a twin town or municipal partnership",
    tags: ADMIN,
    requestBody: PartnerTownInputSchema,
    response: AdminPartnerTownSchema,
    successStatus: 201,
    errors: [403, 422],
  },
  {
    method: "patch",
    path: "/admin/partner-towns/{id}",
    operationId: "adminUpdatePartnerTown",
    summary: "Change a partner town; send only the fields to change (active: false closes it for new applications)",
    tags: ADMIN,
    pathParams: ["id"],
    requestBody: PartnerTownUpdateSchema,
    response: AdminPartnerTownSchema,
    errors: [403, 404, 422],
  },
  {
    method: "get",
    path: "/admin/objectives",
    operationId: "adminListObjectives",
    summary: "Every policy objective, inactive ones too, in display order",
    tags: ADMIN,
    response: z.array(AdminObjectiveSchema),
    errors: [403],
  },
  {
    method: "post",
    path: "/admin/objectives",
    operationId: "adminCreateObjective",
    summary: "Add a policy objective in Swedish and English",
    tags: ADMIN,
    requestBody: ObjectiveInputSchema,
    response: AdminObjectiveSchema,
    successStatus: 201,
    errors: [403, 422],
  },
  {
    method: "patch",
    path: "/admin/objectives/{id}",
    operationId: "adminUpdateObjective",
    summary: "Change a policy objective; send only the fields to change",
    tags: ADMIN,
    pathParams: ["id"],
    requestBody: ObjectiveUpdateSchema,
    response: AdminObjectiveSchema,
    errors: [403, 404, 422],
  },
  {
    method: "get",
    path: "/admin/programs",
    operationId: "adminListProgramYears",
    summary: "Every program year with its rules, cap overrides and required documents, newest first",
    tags: ADMIN,
    response: z.array(AdminProgramYearSchema),
    errors: [403],
  },
  {
    method: "post",
    path: "/admin/programs",
    operationId: "adminCreateProgramYear",
    summary: "Create a program year: dates, caps per partner town, split rule, budget, report deadline, documents, per-town cap overrides",
    tags: ADMIN,
    requestBody: ProgramYearInputSchema,
    response: AdminProgramYearSchema,
    successStatus: 201,
    errors: [403, 422],
  },
  {
    method: "get",
    path: "/admin/programs/{id}",
    operationId: "adminGetProgramYear",
    summary: "One program year with its rules, cap overrides and required documents",
    tags: ADMIN,
    pathParams: ["id"],
    response: AdminProgramYearSchema,
    errors: [403, 404],
  },
  {
    method: "put",
    path: "/admin/programs/{id}",
    operationId: "adminReplaceProgramYear",
    summary: "Replace a program year's rules; the documents and cap overrides sent replace all earlier ones",
    tags: ADMIN,
    pathParams: ["id"],
    requestBody: ProgramYearInputSchema,
    response: AdminProgramYearSchema,
    errors: [403, 404, 422],
  },
];
