// npx tsx scripts/mail-catcher.ts
// A local inbox for development: point SMTP_URL at it and read the mail in a browser.
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher";

function port(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number, got ${JSON.stringify(text)}`);
    process.exit(64);
  }
  return value;
}

const host = process.env.MAIL_CATCHER_HOST?.trim() || "127.0.0.1";
const smtpPort = port("MAIL_CATCHER_SMTP_PORT", 1025);
const httpPort = port("MAIL_CATCHER_HTTP_PORT", 1080);
let catcher: MailCatcher;
try {
  catcher = await startMailCatcher({
    smtpPort,
    httpPort,
    host,
    onError: (error) => console.warn(`mail catcher: ${error.message}`),
  });
} catch (error) {
  const { code, port: busy } = error as NodeJS.ErrnoException & { port?: number };
  console.error(
    code === "EADDRINUSE"
      ? `Port ${busy ?? `${smtpPort} or ${httpPort}`} on ${host} is already in use (is a mail catcher already running?). ` +
          "Choose others with MAIL_CATCHER_SMTP_PORT and MAIL_CATCHER_HTTP_PORT."
      : error,
  );
  process.exit(1);
}

const shown = host.includes(":") ? `[${host}]` : host;
console.log(`Mail catcher is running.
  Read mail at   http://${shown}:${catcher.httpPort}/
  Send mail to   SMTP_URL=smtp://${shown}:${catcher.smtpPort}
Stop with Ctrl+C.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("Stopping the mail catcher…");
    catcher.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
