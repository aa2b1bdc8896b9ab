import type { Metadata } from "next";
import { getSessionActor } from "@/lib/auth/session";
import { getProgramYear, listPartnerTownChoices } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../../_components/back-link";
import { orNotFound, signedInActor } from "../../_components/guard";
import { ProgramForm } from "../_components/program-form";
import { programFormValues } from "../_components/program-values";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { t } = await getT();
  const actor = await getSessionActor();
  const program = actor ? await getProgramYear(actor, (await params).id).catch(() => null) : null;
  return { title: program ? t("admin.programs.editTitle", { year: program.year }) : t("admin.programs.title") };
}

export default async function EditProgramPage({ params, searchParams }: Params & { searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const actor = await signedInActor(`/admin/programs/${id}`);
  const [program, towns] = await orNotFound(Promise.all([getProgramYear(actor, id), listPartnerTownChoices(actor)]));
  const { t } = await getT();
  const created = (await searchParams).created === "1";
  return (
    <>
      <BackLink href="/admin/programs" label={t("admin.programs.title")} />
      <h1>{t("admin.programs.editTitle", { year: program.year })}</h1>
      {created ? (
        <p className="alert success" role="status">
          {t("admin.programs.created")}
        </p>
      ) : null}
      <ProgramForm id={program.id} initial={programFormValues(program)} towns={towns} />
    </>
  );
}
