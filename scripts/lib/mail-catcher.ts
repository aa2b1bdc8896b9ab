// A local mail catcher for development and tests: an SMTP server that accepts
// anything and keeps it in memory, and a small web inbox to read it, so a
// newcomer can click their sign-in link without a real mail account.
import { escapeHtml } from "../../lib/mail/templates";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export type CaughtMail = {
  id: string;
  /** Envelope recipients: everyone the message was actually delivered to, Bcc included. */
  to: string[];
  /** The From header as written. */
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** When the catcher received it, ISO 8601. */
  date: string;
  /** Raw header lines, for the details page. */
  headers: { key: string; line: string }[];
};

export type MailCatcher = {
  smtpPort: number;
  httpPort: number;
  /** Newest first. */
  messages(): CaughtMail[];
  clear(): void;
  /** Resolves with the newest caught mail (already here or still to come) that matches. */
  waitFor(predicate: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
};

export type MailCatcherOptions = {
  /** 0 picks a free port. */
  smtpPort: number;
  /** 0 picks a free port. */
  httpPort: number;
  host?: string;
  /** Problems a client caused (a dropped connection, a bad message); ignored unless given. */
  onError?: (error: Error) => void;
};

export const MAX_MESSAGES = 500;
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export async function startMailCatcher({
  smtpPort,
  httpPort,
  host = "127.0.0.1",
  onError = () => undefined,
}: MailCatcherOptions): Promise<MailCatcher> {
  let mails: CaughtMail[] = []; // newest first
  let nextId = 1;
  const waiters = new Set<(mail: CaughtMail) => void>();

  const smtp = new SMTPServer({
    // Local only: no TLS, and any login (or none) is accepted so every client configuration works.
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 2_000,
    logger: false,
    // Every client is local; a reverse DNS lookup per connection only adds delay.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const mail: CaughtMail = {
              id: String(nextId++),
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : null,
              date: new Date().toISOString(),
              headers: parsed.headerLines.map(({ key, line }) => ({ key, line })),
            };
            mails = [mail, ...mails].slice(0, MAX_MESSAGES);
            for (const waiter of [...waiters]) waiter(mail);
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  // A failed listen rejects startMailCatcher instead; report only what clients cause later.
  let started = false;
  smtp.on("error", (error) => {
    if (started) onError(error);
  });

  const web = http.createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "Internt fel");
      else response.end();
    }
  });
  web.on("clientError", (error, socket) => {
    onError(error);
    socket.destroy();
  });

  function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    // A page on another site could rebind its name to 127.0.0.1 and read sign-in links; only answer our own names.
    if (LOOPBACK_NAMES.has(host) || host.startsWith("127.")) {
      const hostname = hostnameOf(request.headers.host);
      if (!hostname || !(LOOPBACK_NAMES.has(hostname) || hostname.startsWith("127.") || hostname === host)) {
        send(response, 421, "text/plain; charset=utf-8", "Okänt värdnamn");
        return;
      }
    }
    const url = new URL(request.url ?? "/", "http://catcher.invalid");
    const method = request.method ?? "GET";
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const read = method === "GET" || method === "HEAD";

    if (path === "/") {
      if (!read) return methodNotAllowed(response, "GET, HEAD");
      return sendHtml(response, 200, inboxPage(mails, smtpAddress()));
    }
    if (path === "/clear") {
      if (method !== "POST") return methodNotAllowed(response, "POST");
      mails = [];
      response.writeHead(303, { Location: "/", "Cache-Control": "no-store" }).end();
      return;
    }
    if (path === "/api/messages") {
      if (method === "DELETE") {
        mails = [];
        response.writeHead(204, { "Cache-Control": "no-store" }).end();
        return;
      }
      if (!read) return methodNotAllowed(response, "GET, HEAD, DELETE");
      const to = url.searchParams.get("to")?.toLowerCase();
      const list = to ? mails.filter((mail) => mail.to.some((address) => address.toLowerCase() === to)) : mails;
      return sendJson(response, 200, list);
    }
    const api = /^\/api\/messages\/([^/]+)$/.exec(path);
    if (api) {
      if (!read) return methodNotAllowed(response, "GET, HEAD");
      const mail = mails.find((m) => m.id === api[1]);
      return mail ? sendJson(response, 200, mail) : sendJson(response, 404, { error: "not found" });
    }
    const page = /^\/messages\/([^/]+)(\/html)?$/.exec(path);
    if (page) {
      if (!read) return methodNotAllowed(response, "GET, HEAD");
      const mail = mails.find((m) => m.id === page[1]);
      if (!mail) return sendHtml(response, 404, notFoundPage());
      if (!page[2]) return sendHtml(response, 200, messagePage(mail));
      if (mail.html === null) return sendHtml(response, 404, notFoundPage());
      // The mail's own HTML, in a sandbox: no scripts, no requests, and an origin of its own.
      response.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      });
      response.end(method === "HEAD" ? undefined : mail.html);
      return;
    }
    sendHtml(response, 404, notFoundPage());
  }

  const smtpAddress = () => `${host}:${(smtp.server.address() as AddressInfo | null)?.port ?? smtpPort}`;

  await listen(smtp.server, () => smtp.listen(smtpPort, host));
  try {
    await listen(web, () => web.listen(httpPort, host));
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  started = true;

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: (web.address() as AddressInfo).port,
    messages: () => [...mails],
    clear: () => {
      mails = [];
    },
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise<CaughtMail>((resolve, reject) => {
        const check = (mail: CaughtMail) => {
          try {
            return predicate(mail);
          } catch (error) {
            done();
            reject(error);
            return false;
          }
        };
        const done = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter = (mail: CaughtMail) => {
          if (check(mail)) {
            done();
            resolve(mail);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`No matching mail arrived within ${timeoutMs} ms (${mails.length} caught)`));
        }, timeoutMs);
        waiters.add(waiter);
        const present = mails.find((mail) => check(mail));
        if (present) {
          done();
          resolve(present);
        }
      });
    },
    async stop() {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => web.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}

function listen(server: { once(event: "listening" | "error", listener: (error?: Error) => void): unknown; off(event: "listening" | "error", listener: (error?: Error) => void): unknown }, start: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    const onError = (error?: Error) => {
      server.off("listening", onListening);
      reject(error);
    };
    server.once("listening", onListening);
    server.once("error", onError);
    start();
  });
}

function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- responses

const SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

function send(response: http.ServerResponse, status: number, contentType: string, body: string) {
  response.writeHead(status, { "Content-Type": contentType, ...SECURITY_HEADERS });
  response.end(response.req.method === "HEAD" ? undefined : body);
}

function sendHtml(response: http.ServerResponse, status: number, body: string) {
  send(response, status, "text/html; charset=utf-8", body);
}

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(body));
}

function methodNotAllowed(response: http.ServerResponse, allow: string) {
  response.setHeader("Allow", allow);
  send(response, 405, "text/plain; charset=utf-8", "Metoden stöds inte");
}

// ---------------------------------------------------------------- pages

export { escapeHtml };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Escapes plain text and turns its http(s) URLs into links. */
export function linkify(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let candidate = match[0];
    // Punctuation that ends a sentence is not part of the link; a ")" only if it closes nothing inside.
    for (;;) {
      const trimmed = candidate.replace(/[.,;:!?'"\]]+$/, "");
      const unbalanced = trimmed.endsWith(")") && count(trimmed, "(") < count(trimmed, ")");
      const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
      if (next === candidate) break;
      candidate = next;
    }
    if (!URL.canParse(candidate)) continue;
    const protocol = new URL(candidate).protocol;
    if (protocol !== "http:" && protocol !== "https:") continue;
    const start = match.index;
    html += escapeHtml(text.slice(last, start));
    html += `<a href="${escapeHtml(candidate)}">${escapeHtml(candidate)}</a>`;
    last = start + candidate.length;
  }
  return html + escapeHtml(text.slice(last));
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

const timeFormat = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium" });

function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
body { margin: 0; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; padding: .5rem; background: Canvas; color: LinkText; }
header, main, footer { max-width: 50rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 1px solid GrayText; }
header p { margin: 0; font-weight: bold; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
a { color: LinkText; }
a:focus-visible, button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
ol.inbox { list-style: none; padding: 0; margin: 0; }
ol.inbox li { border-bottom: 1px solid GrayText; padding: .75rem 0; }
ol.inbox a { font-weight: bold; font-size: 1.05rem; overflow-wrap: anywhere; }
.meta { margin: .25rem 0 0; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0 0 1rem; }
button { font: inherit; padding: .4rem .9rem; min-height: 44px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .95rem; padding: 1rem; border: 1px solid GrayText; }
details pre { font-size: .8rem; }
footer { color: GrayText; font-size: .9rem; }
`;

function layout(title: string, main: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – E-postfångaren</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header>
<p><a href="/">E-postfångaren</a></p>
</header>
<main id="innehall">
${main}
</main>
<footer>
<p>E-post som portalen skickar i utvecklingsläge hamnar här i stället för hos mottagaren. Bara de senaste ${MAX_MESSAGES} meddelandena sparas, och bara i minnet.</p>
</footer>
</body>
</html>
`;
}

function inboxPage(mails: CaughtMail[], smtpAddress: string): string {
  const summary =
    mails.length === 0
      ? `<p>Inga meddelanden ännu. E-post som skickas till SMTP-servern ${escapeHtml(smtpAddress)} visas här.</p>`
      : `<p>${mails.length} ${mails.length === 1 ? "meddelande" : "meddelanden"}, senaste först.</p>`;
  const list =
    mails.length === 0
      ? ""
      : `<ol class="inbox" aria-labelledby="inkorg">
${mails
  .map(
    (mail) => `<li>
<a href="/messages/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject || "(inget ämne)")}</a>
<p class="meta">Till: ${escapeHtml(mail.to.join(", ") || "(ingen)")}<br>
Mottaget: <time datetime="${escapeHtml(mail.date)}">${escapeHtml(formatTime(mail.date))}</time></p>
</li>`,
  )
  .join("\n")}
</ol>`;
  const actions = `<div class="actions">
<a href="/">Uppdatera</a>
${mails.length ? `<form method="post" action="/clear"><button type="submit">Töm inkorgen</button></form>` : ""}
</div>`;
  return layout("Inkorg", `<h1 id="inkorg">Inkorg</h1>\n${summary}\n${actions}\n${list}`);
}

function messagePage(mail: CaughtMail): string {
  const subject = mail.subject || "(inget ämne)";
  const fields: [string, string][] = [
    ["Från", escapeHtml(mail.from || "(okänd)")],
    ["Till", escapeHtml(mail.to.join(", ") || "(ingen)")],
    ["Ämne", escapeHtml(subject)],
    ["Mottaget", `<time datetime="${escapeHtml(mail.date)}">${escapeHtml(formatTime(mail.date))}</time>`],
  ];
  const html = mail.html === null ? "" : `<p><a href="/messages/${encodeURIComponent(mail.id)}/html">Visa HTML-versionen</a></p>`;
  return layout(
    subject,
    `<nav aria-label="Tillbaka"><p><a href="/">← Till inkorgen</a></p></nav>
<h1>${escapeHtml(subject)}</h1>
<section aria-labelledby="rubriker">
<h2 id="rubriker">Uppgifter</h2>
<dl>
${fields.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("\n")}
</dl>
</section>
<section aria-labelledby="text">
<h2 id="text">Meddelande</h2>
<pre>${linkify(mail.text) || "(ingen text)"}</pre>
${html}
</section>
<details>
<summary>Alla rubrikrader</summary>
<pre>${escapeHtml(mail.headers.map((header) => header.line).join("\n"))}</pre>
</details>`,
  );
}

function notFoundPage(): string {
  return layout(
    "Hittades inte",
    `<h1>Meddelandet hittades inte</h1>
<p>Det kan ha tagits bort när inkorgen tömdes eller när e-postfångaren startades om.</p>
<p><a href="/">Till inkorgen</a></p>`,
  );
}
