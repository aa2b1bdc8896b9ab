// Messages in /api/v1: a case's thread between the association's members and
// the municipality's coordinator, the coordinator's inbox (members' messages
// and contact messages, unread first), marking a message handled, and sending
// a message through the contact form. Route handlers live in
// app/api/v1/applications/[id]/messages and app/api/v1/messages/**, and call
// lib/data/messages.ts, as the pages do.
import type { ApiOperation } from "../operation";
import {
  CaseMessageBodySchema,
  CaseThreadSchema,
  ContactMessageBodySchema,
  ContactMessageSentSchema,
  InboxPageSchema,
  InboxQuerySchema,
  MarkReadBodySchema,
  MessageReadStateSchema,
  ThreadMessageSchema,
} from "../messaging-schemas";

const MESSAGES = ["Messages"];

export const messagingOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/applications/{id}/messages",
    operationId: "listCaseMessages",
    summary:
      "A case's messages, oldest first (the latest 200), for the association's members and the municipality's coordinator. " +
      "Reading them marks the other side's messages read. 409 for a draft (messages start once the application is submitted)",
    tags: MESSAGES,
    pathParams: ["id"],
    response: CaseThreadSchema,
    errors: [404, 409],
  },
  {
    method: "post",
    path: "/applications/{id}/messages",
    operationId: "postCaseMessage",
    summary:
      "Write on a case (a member or the coordinator). The other side gets an e-mail notice: every coordinator of the municipality " +
      "(or its contact address) when a member writes, every member of the association when the coordinator does. 429 after 30 messages in an hour",
    tags: MESSAGES,
    pathParams: ["id"],
    requestBody: CaseMessageBodySchema,
    response: ThreadMessageSchema,
    successStatus: 201,
    errors: [404, 409, 422, 429],
  },
  {
    method: "get",
    path: "/messages",
    operationId: "listInbox",
    summary:
      "The coordinator's inbox: members' messages on the municipality's cases and messages through the contact form, unread first, " +
      "newest first within each; 25 a page, the next page with ?after=nextCursor",
    tags: MESSAGES,
    query: InboxQuerySchema,
    response: InboxPageSchema,
    errors: [403, 422],
  },
  {
    method: "post",
    path: "/messages",
    operationId: "sendContactMessage",
    summary:
      "Send a message to the municipality's coordinator through the contact form: what it concerns, which service, and whether to reply " +
      "by e-mail or phone (that one is then required). The coordinators get a notice; a given e-mail address gets a receipt. " +
      "429 after 10 messages an hour from one client address or 3 to one e-mail address",
    tags: MESSAGES,
    requestBody: ContactMessageBodySchema,
    response: ContactMessageSentSchema,
    successStatus: 201,
    errors: [422, 429],
  },
  {
    method: "post",
    path: "/messages/{id}/read",
    operationId: "markMessageRead",
    summary: "Mark a message in the inbox handled (read), or unread again with {\"read\": false} (coordinator)",
    tags: MESSAGES,
    pathParams: ["id"],
    requestBody: MarkReadBodySchema,
    response: MessageReadStateSchema,
    errors: [403, 404, 422],
  },
];
