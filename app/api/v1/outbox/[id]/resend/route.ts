import { apiRoute } from "@/lib/api/handler";
import { resendMail } from "@/lib/data/outbox";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => resendMail(actor, params.id));
