/**
 * Where to go after signing in: only a path on this site. Anything the browser
 * could read as another origin ("//x", "/\x", "/\tx", absolute URLs) falls back.
 */
export function safeCallbackPath(value: string | undefined | null, origin: string, fallback = "/my"): string {
  if (!value) return fallback;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  // Browsers read a backslash or control character right after "/" as part of an authority.
  if (!/^\/(?![\\/])/.test(url.pathname) || /[\u0000-\u001f\\]/.test(value)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
