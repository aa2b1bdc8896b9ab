import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { allowSignInRequest } from "@/lib/auth/sign-in-limits";
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
    const allowed = await allowSignInRequest({ email: String(form.get("email") ?? ""), ip: clientIp(req) });
    if (!allowed) {
      // next-auth's client reads the error from the returned URL.
      return NextResponse.json({ url: `${appUrl()}/sign-in?error=RateLimited` }, { status: 429 });
    }
  }
  return handler(req, ctx);
}

function clientIp(req: NextRequest): string {
  // The nearest proxy (Next's own server, or one in front of it) appends the peer last.
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? req.headers.get("x-real-ip") ?? "unknown";
}
