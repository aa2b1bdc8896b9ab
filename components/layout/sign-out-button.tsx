"use client";
import { signOut } from "next-auth/react";

/** Ends the session on the server (next-auth deletes the session row). */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="linklike" onClick={() => void signOut({ callbackUrl: "/" })}>
      {label}
    </button>
  );
}
