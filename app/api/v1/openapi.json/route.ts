// The API's description, public so clients and tools can read it before they
// have a token; it holds no data, only the shapes.
import { NextResponse } from "next/server";
import { buildOpenApi } from "@/lib/api/openapi";

export function GET() {
  return NextResponse.json(buildOpenApi(), {
    headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=3600" },
  });
}
