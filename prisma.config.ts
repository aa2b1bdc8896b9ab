import { defineConfig } from "prisma/config";

// `prisma migrate deploy` (where Prisma's engine host is reachable) reads the
// URL from here; the portal itself applies migrations with scripts/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/utbytesbidrag" },
});
