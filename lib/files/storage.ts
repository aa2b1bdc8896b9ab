import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile, unlink } from "node:fs/promises";
import path from "node:path";
import { uploadDir } from "@/lib/env";
import { ServiceError } from "@/lib/errors";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Room for a form's other fields and multipart boundaries around one file. */
export const MULTIPART_OVERHEAD = 256 * 1024;
export const MAX_FILES_PER_APPLICATION = 10;
const PDF_MAGIC = Buffer.from("%PDF-");

export type StoredUpload = { storageKey: string; originalName: string; contentType: string; size: number; sha256: string };

/** Checks an upload by its content, not its name or declared type. */
export function checkPdf(bytes: Buffer, field: string): void {
  if (bytes.length === 0) throw new ServiceError("VALIDATION", "validation.file.empty", { [field]: ["validation.file.empty"] });
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ServiceError("VALIDATION", "validation.file.tooLarge", { [field]: ["validation.file.tooLarge"] });
  if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new ServiceError("VALIDATION", "validation.file.notPdf", { [field]: ["validation.file.notPdf"] });
  }
}

function cleanName(name: string): string {
  // Shown to people and used in Content-Disposition only, never as a path.
  const base = name.replace(/[\\/]/g, "_").replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 150);
  return base.toLowerCase().endsWith(".pdf") ? base : `${base || "dokument"}.pdf`;
}

/** Stores a checked PDF under a generated name and returns what the database records. */
export async function storePdf(file: { bytes: Buffer; name: string }, field: string): Promise<StoredUpload> {
  checkPdf(file.bytes, field);
  const storageKey = `${randomUUID()}.pdf`;
  await mkdir(uploadDir(), { recursive: true });
  await writeFile(path.join(uploadDir(), storageKey), file.bytes, { flag: "wx", mode: 0o640 });
  return {
    storageKey,
    originalName: cleanName(file.name),
    contentType: "application/pdf",
    size: file.bytes.length,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
  };
}

export async function readStored(storageKey: string): Promise<Buffer> {
  if (!/^[0-9a-f-]{36}\.pdf$/.test(storageKey)) throw new Error("invalid storage key");
  return readFile(path.join(uploadDir(), storageKey));
}

/** Removes a file whose database row was never written (a failed transaction). */
export async function discardStored(storageKey: string): Promise<void> {
  await unlink(path.join(uploadDir(), storageKey)).catch(() => undefined);
}

/** A form's file input as bytes; an empty input is "no file". */
export async function fileFromFormData(value: FormDataEntryValue | null, field: string): Promise<{ bytes: Buffer; name: string } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  if (value.size > MAX_UPLOAD_BYTES) throw new ServiceError("VALIDATION", "validation.file.tooLarge", { [field]: ["validation.file.tooLarge"] });
  return { bytes: Buffer.from(await value.arrayBuffer()), name: value.name };
}
