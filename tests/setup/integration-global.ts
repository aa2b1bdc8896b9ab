// Once per integration run: a PostgreSQL server and a template database with
// every migration applied; each test file then gets its own copy of it.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/lib/migrate";
import { databaseUrl, dropDatabase, ensureDatabase, testServer } from "../../scripts/lib/postgres";
import pg from "pg";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
    dbPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await testServer();
  const prefix = `it_${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  await ensureDatabase(server.adminUrl, template);
  await applyMigrations(databaseUrl(server.adminUrl, template));
  project.provide("dbServerUrl", server.adminUrl);
  project.provide("dbTemplate", template);
  project.provide("dbPrefix", prefix);

  return async () => {
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    const dbs = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${prefix}%`]);
    await client.end();
    for (const { datname } of dbs.rows) await dropDatabase(server.adminUrl, datname);
    await server.stop();
  };
}
