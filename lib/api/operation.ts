import type { z } from "zod";

/**
 * One /api/v1 operation as the OpenAPI document describes it. Each area lists
 * its operations in lib/api/operations/<area>.ts beside the route handlers
 * that implement them; lib/api/openapi.ts merges the lists.
 */
export type ApiOperation = {
  method: "get" | "post" | "patch" | "put" | "delete";
  /** OpenAPI path below /api/v1, e.g. "/applications/{id}". */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  pathParams?: string[];
  query?: z.ZodObject;
  requestBody?: z.ZodType;
  /** "multipart" for file uploads (a form with a "file" field). */
  requestKind?: "json" | "multipart";
  response?: z.ZodType;
  /** A file instead of JSON (the response is its bytes). */
  responseMediaType?: "text/csv" | "application/pdf" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  successStatus?: 200 | 201 | 204;
  /** Error statuses besides 401 and 500, e.g. [404, 422]. */
  errors?: number[];
};
