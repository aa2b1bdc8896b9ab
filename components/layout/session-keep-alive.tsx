"use client";
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { getSession } from "next-auth/react";

const REFRESH_EVERY_MS = 5 * 60 * 1000;

/**
 * The idle timeout counts from the user's last activity: a navigation, a key
 * or a click refreshes the session (and its cookie) at most every 5 minutes.
 * An open tab nobody touches does not keep the session alive.
 */
export function SessionKeepAlive() {
  const last = useRef(0);
  const pathname = usePathname();
  useEffect(() => {
    const touch = () => {
      if (Date.now() - last.current < REFRESH_EVERY_MS) return;
      last.current = Date.now();
      void getSession();
    };
    touch();
    window.addEventListener("keydown", touch);
    window.addEventListener("pointerdown", touch);
    return () => {
      window.removeEventListener("keydown", touch);
      window.removeEventListener("pointerdown", touch);
    };
  }, [pathname]);
  return null;
}
