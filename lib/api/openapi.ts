import { z } from "zod";
import type { ApiOperation } from "./operation";
import { operations as allOperations } from "./operations";

const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

const ERROR_TEXT: Record<number, string> = {
  401: "No valid API token",
  403: "The token's user may not do this",
  404: "Not found, or outside the caller's scope",
  409: "Conflicts with the current state",
  413: "Upload too large",
  422: "Validation failed; see error.fields",
  429: "Too many requests",
  500: "Unexpected error (never with details)",
};

function schema(s: z.ZodType) {
  return z.toJSONSchema(s, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
}

function outSchema(s: z.ZodType) {
  return z.toJSONSchema(s, { target: "draft-2020-12", io: "output", unrepresentable: "any" });
}

export function buildOpenApi(operations: ApiOperation[] = allOperations) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, s]) => ({
        name,
        in: "query",
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: schema(s as z.ZodType),
      })),
    ];
    const status = String(op.successStatus ?? 200);
    const responses: Record<string, unknown> = {
      [status]: op.responseMediaType
        ? { description: "A file", content: { [op.responseMediaType]: { schema: { type: "string", format: "binary" } } } }
        : op.successStatus === 204 || !op.response
          ? { description: "Done" }
          : { description: "Success", content: { "application/json": { schema: outSchema(op.response) } } },
    };
    for (const code of [401, ...(op.errors ?? []), 500]) {
      responses[String(code)] = { description: ERROR_TEXT[code] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    }
    const requestBody = op.requestBody
      ? op.requestKind === "multipart"
        ? { required: true, content: { "multipart/form-data": { schema: schema(op.requestBody) } } }
        : { required: true, content: { "application/json": { schema: schema(op.requestBody) } } }
      : undefined;
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: op.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "International exchange grants API",
      version: "1.0.0",
      description:
        "The portal's JSON API. Authenticate with a personal API token: `Authorization: Bearer <token>` (created with `npm run cli -- token:create`). " +
        "The API calls the same services as the web pages: same validation, same permissions. Anything outside the caller's scope is 404. Money is whole kronor.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      schemas: { Error: outSchema(ErrorSchema) },
    },
    paths,
  };
}
