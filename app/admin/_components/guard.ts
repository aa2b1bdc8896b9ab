import "server-only";
import { notFound, redirect } from "next/navigation";
import { type Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/session";
import { ServiceError } from "@/lib/errors";

/** The signed-in actor; the anonymous go to sign-in and come back here. */
export async function signedInActor(path: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}

/**
 * Awaits a service call made for a page. The service checks the permission;
 * for anyone it refuses, or a row outside their scope, the page does not exist.
 */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ServiceError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) notFound();
    throw error;
  }
}
