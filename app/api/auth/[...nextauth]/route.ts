import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { allowSignInRequest, hasValidCsrfToken } from "@/lib/auth/sign-in-limits";
import { appUrl } from "@/lib/env";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export async function GET(req: NextRequest, ctx: Ctx) {
  return handler(req, ctx);
}

export async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "signin/email") {
    const form = await req.clone().formData();
    const csrfCookie = req.cookies.get("__Host-next-auth.csrf-token")?.value ?? req.cookies.get("next-auth.csrf-token")?.value;
    // A request next-auth will refuse anyway (no valid CSRF token) uses up nobody's limit.
    if (!hasValidCsrfToken(csrfCookie, form.get("csrfToken")?.toString() ?? null, authOptions.secret ?? "")) return handler(req, ctx);
    const allowed = await allowSignInRequest({ email: String(form.get("email") ?? ""), ip: clientIp(req) });
    if (!allowed) {
      // next-auth's client reads the error from the returned URL.
      return NextResponse.json({ url: `${appUrl()}/sign-in?error=RateLimited` }, { status: 429 });
    }
  }
  return handler(req, ctx);
}

function clientIp(req: NextRequest): string {
  // Behind a reverse proxy that appends the peer (nginx's $proxy_add_x_forwarded_for),
  // the last entry is the client as the proxy saw it. Without one, Next fills the
  // header only when the client sent none, so the per-address limit is the one to rely on.
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? req.headers.get("x-real-ip") ?? "unknown";
}
