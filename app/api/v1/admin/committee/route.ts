import { apiRoute } from "@/lib/api/handler";
import { addCommitteeMember, listCommitteeMembers } from "@/lib/data/admin";

export const GET = apiRoute(async ({ actor }) => listCommitteeMembers(actor));

export const POST = apiRoute(async ({ actor, json }) => addCommitteeMember(actor, await json()), { status: 201 });
