import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { listMyAssociations } from "@/lib/data/associations";
import { listOpenProgramYears } from "@/lib/data/reference";
import { NewApplicationForm } from "./_components/new-application-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("application.new.title") };
}

export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<{ associationId?: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/applications/new");
  const { t } = await getT();
  const { associationId } = await searchParams;
  const [associations, programs] = await Promise.all([listMyAssociations(actor), listOpenProgramYears()]);
  const verified = associations.filter((a) => a.status === "VERIFIED");
  return (
    <>
      <h1>{t("application.new.title")}</h1>
      <p className="lead">{t("application.new.intro")}</p>
      {verified.length === 0 ? (
        <div className="alert warning">
          <p>{t("application.new.noVerified")}</p>
          <Link href="/associations/new">{t("association.register.title")}</Link>
        </div>
      ) : programs.length === 0 ? (
        <p className="alert warning">{t("application.new.noProgram")}</p>
      ) : (
        <NewApplicationForm
          associations={verified.map((a) => ({ id: a.id, name: a.name }))}
          programs={programs.map((p) => ({ id: p.id, year: p.year }))}
          defaultAssociationId={verified.some((a) => a.id === associationId) ? associationId! : verified[0]!.id}
        />
      )}
    </>
  );
}
