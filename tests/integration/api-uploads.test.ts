import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST as attach } from "@/app/api/v1/applications/[id]/attachments/route";
import { createApplication } from "@/lib/data/applications";
import { MAX_UPLOAD_BYTES } from "@/lib/files/storage";
import { actorOf, buildWorld, MINIMAL_PDF, type World } from "../fixtures/world";

let world: World;
let uploads: string;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(tmpdir(), "api-uploads-"));
  process.env.UPLOAD_DIR = uploads;
  world = await buildWorld();
});
afterAll(() => rm(uploads, { recursive: true, force: true }));

async function upload(id: string, bytes: Buffer, opts: { declareLength?: boolean } = {}) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "bilaga.pdf");
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const headers = new Headers({ authorization: `Bearer ${world.users.applicant.token}`, "content-type": encoded.headers.get("content-type")! });
  if (opts.declareLength !== false) headers.set("content-length", String(body.length));
  const req = new NextRequest(`http://localhost/api/v1/applications/${id}/attachments`, { method: "POST", headers, body });
  const res = await attach(req, { params: Promise.resolve({ id }) });
  return { status: res.status, body: await res.json() };
}

describe("API uploads", () => {
  it("refuse a body larger than the upload cap before reading it, and store nothing", async () => {
    const draft = await createApplication(actorOf(world.users.applicant), { associationId: world.associations.mine.id, programYearId: world.program.id, grantKind: "ACTIVITY" });
    const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(MAX_UPLOAD_BYTES + 512 * 1024)]);
    for (const declareLength of [true, false]) {
      const res = await upload(draft.id, big, { declareLength });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    }
    expect(await readdir(uploads)).toEqual([]);
    expect((await upload(draft.id, MINIMAL_PDF)).status).toBe(201);
  });
});
