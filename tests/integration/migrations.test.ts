import { describe, expect, it, inject } from "vitest";
import { diffMigrationsToSchema } from "../../scripts/lib/schema-engine";

describe("migrations", () => {
  it("build exactly the database that schema.prisma describes", async () => {
    // Needs CREATEDB: the engine replays the migrations in a shadow database.
    const drift = await diffMigrationsToSchema(inject("dbServerUrl"));
    expect(drift, "schema.prisma and prisma/migrations disagree; run npm run db:migration:create -- <name>").toBe("");
  }, 60_000);
});
