import { redirect } from "next/navigation";

// next-auth sends failures here; the sign-in page explains each one and offers a new link.
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  redirect(`/sign-in?error=${encodeURIComponent(error ?? "default")}`);
}
