// Environment the portal reads at run time (README: Configuration).
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

export function municipalitySlug(): string {
  return process.env.MUNICIPALITY ?? "pitea";
}

export function uploadDir(): string {
  return process.env.UPLOAD_DIR ?? `${process.cwd()}/.data/uploads`;
}
