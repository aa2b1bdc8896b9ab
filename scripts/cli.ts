// `npm run cli -- <command>`: the operator's tool for what has to happen
// before anyone can sign in as staff (the first administrator) and for
// personal API tokens. It calls the same services as the web pages
// (lib/data/admin.ts), so the same validation applies and every change is
// audited, here as "system".
//
// Run under React's server condition (`tsx --conditions=react-server
// scripts/cli.ts`): the services start with `import "server-only"`, which
// throws anywhere else.
//
// Without DATABASE_URL it uses the embedded PostgreSQL of `npm start`
// (.data/postgres, port EMBEDDED_POSTGRES_PORT or 54329), starting it if it
// is not running, and stopping it again afterwards.
import { parseArgs } from "node:util";
import { appDatabase, type PostgresServer } from "./lib/postgres";

type AdminService = typeof import("../lib/data/admin");
type Translate = typeof import("../lib/i18n/translate");

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  user:create   --email <address> --role <coordinator|committee|admin|applicant> [--name "<name>"]
                Creates the user, or gives an existing user the role (and reactivates them).
                "applicant" is a user without a staff role.
  token:create  --email <address> [--name "<what the token is for>"]
                Creates a personal API token for the user. The token is printed once,
                alone on the last line; only its hash is stored.
  token:list    --email <address>
                Lists the user's tokens (never the tokens themselves).
  token:revoke  --email <address> --id <token id, prefix or the token itself>
                Revokes one of the user's tokens.
  help          Shows this text.

Use the API with:  Authorization: Bearer <token>

Database: DATABASE_URL, or else the embedded PostgreSQL of \`npm start\`
(port EMBEDDED_POSTGRES_PORT, default 54329). Migrations are applied first.
`;

class UsageError extends Error {}

type Options = { email?: string; role?: string; name?: string; id?: string; help?: boolean };

const COMMANDS: Record<string, { required: (keyof Options)[]; allowed: (keyof Options)[] }> = {
  "user:create": { required: ["email", "role"], allowed: ["email", "role", "name"] },
  "token:create": { required: ["email"], allowed: ["email", "name"] },
  "token:list": { required: ["email"], allowed: ["email"] },
  "token:revoke": { required: ["email", "id"], allowed: ["email", "id"] },
};

function parseCommandLine(argv: string[]): { command: string | undefined; options: Options } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        id: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 1) throw new UsageError(`Unexpected argument: ${parsed.positionals[1]}`);
  return { command: parsed.positionals[0], options: parsed.values };
}

function checkOptions(command: string, options: Options): void {
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`Unknown command: ${command}`);
  for (const key of Object.keys(options) as (keyof Options)[]) {
    if (key !== "help" && !spec.allowed.includes(key)) throw new UsageError(`${command} does not take --${key}`);
  }
  const missing = spec.required.filter((key) => {
    const value = options[key];
    return typeof value !== "string" || !value.trim();
  });
  if (missing.length) throw new UsageError(`${command} needs ${missing.map((k) => `--${k}`).join(" and ")}`);
}

/** DATABASE_URL, or the embedded server of `npm start` (started here when it is not running). */
async function connect(): Promise<PostgresServer | null> {
  try {
    return (await appDatabase((line) => console.error(line))).server;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("EMBEDDED_POSTGRES_PORT")) throw new UsageError(error.message);
    throw error;
  }
}

/** The app's modules, loaded after DATABASE_URL is set (lib/db reads it on load). */
async function loadApp() {
  const [admin, i18n, database] = await Promise.all([import("../lib/data/admin"), import("../lib/i18n/translate"), import("../lib/db")]);
  return { admin: admin as AdminService, i18n: i18n as Translate, db: database.db };
}

function date(value: Date | null): string {
  return value ? value.toISOString().replace("T", " ").slice(0, 16) : "-";
}

async function run(command: string, options: Options, admin: AdminService): Promise<void> {
  const email = options.email ?? "";
  switch (command) {
    case "user:create": {
      const { user, created, changed } = await admin.createUserWithRole(email, options.role ?? "", options.name);
      const roles = user.roles.length ? user.roles.join(", ") : "none (applicant)";
      const what = created ? "Created user" : changed ? "Updated user" : "No change for user";
      console.log(`${what} ${user.email}${user.name ? ` (${user.name})` : ""}; roles: ${roles}; ${user.active ? "active" : "inactive"}.`);
      return;
    }
    case "token:create": {
      const name = options.name?.trim() || `cli ${new Date().toISOString().slice(0, 10)}`;
      const token = await admin.createApiToken(email, name);
      console.log(`API token "${token.name}" for ${email} (id ${token.id}, prefix ${token.prefix}).`);
      console.log("Store it now: it is shown only this once.");
      console.log(token.token);
      return;
    }
    case "token:list": {
      const tokens = await admin.listApiTokens(email);
      if (!tokens.length) {
        console.log(`${email} has no API tokens.`);
        return;
      }
      for (const t of tokens) {
        const status = t.revokedAt ? `revoked ${date(t.revokedAt)}` : "active";
        console.log(`${t.id}  ${t.prefix}  ${status.padEnd(24)}  created ${date(t.createdAt)}  last used ${date(t.lastUsedAt)}  ${t.name}`);
      }
      return;
    }
    case "token:revoke": {
      const token = await admin.revokeApiToken(email, options.id ?? "");
      console.log(`Revoked token ${token.prefix} ("${token.name}", id ${token.id}) of ${email}.`);
      return;
    }
  }
}

/** Service and validation errors in words, with the field they concern; nothing else is explained. */
function explain(error: unknown, i18n: Translate | null): { message: string; code: number } | null {
  const t = (key: string) => (i18n ? i18n.translate("en", key) : key);
  const e = error as { name?: string; code?: string; messageKey?: string; fieldErrors?: Record<string, string[]>; issues?: { path: PropertyKey[]; message: string }[] };
  const fields = (errors: Record<string, string[]>) => Object.entries(errors).map(([field, keys]) => `  --${field}: ${keys.map(t).join(" ")}`);
  if (e?.name === "ZodError" && Array.isArray(e.issues)) {
    const errors: Record<string, string[]> = {};
    for (const issue of e.issues) (errors[issue.path.join(".") || "input"] ??= []).push(issue.message);
    return { message: [t("errors.VALIDATION"), ...fields(errors)].join("\n"), code: EXIT_USAGE };
  }
  if (e?.name === "ServiceError" && e.messageKey) {
    const headline = t(e.messageKey);
    const lines = [headline, ...fields(e.fieldErrors ?? {}).filter((line) => !line.endsWith(`: ${headline}`))];
    return { message: lines.join("\n"), code: e.code === "VALIDATION" ? EXIT_USAGE : EXIT_FAILED };
  }
  return null;
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
    if (parsed.command === "help" || parsed.options.help) {
      console.log(HELP);
      return 0;
    }
    if (!parsed.command) {
      console.error(HELP);
      return EXIT_USAGE;
    }
    checkOptions(parsed.command, parsed.options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\nRun \`npm run cli -- help\` for the commands.`);
    return EXIT_USAGE;
  }

  let server: PostgresServer | null = null;
  let app: Awaited<ReturnType<typeof loadApp>> | null = null;
  try {
    server = await connect();
    app = await loadApp();
    await run(parsed.command, parsed.options, app.admin);
    return 0;
  } catch (error) {
    const known = error instanceof UsageError ? { message: error.message, code: EXIT_USAGE } : explain(error, app?.i18n ?? null);
    if (known) {
      console.error(`error: ${known.message}`);
      return known.code;
    }
    console.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_FAILED;
  } finally {
    await app?.db.$disconnect().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(EXIT_FAILED);
  },
);
