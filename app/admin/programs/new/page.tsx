import type { Metadata } from "next";
import { listPartnerTownChoices, listProgramYears } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../../_components/back-link";
import { orNotFound, signedInActor } from "../../_components/guard";
import { ProgramForm } from "../_components/program-form";
import { nextProgramFormValues } from "../_components/program-values";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.programs.newTitle") };
}

export default async function NewProgramPage() {
  const actor = await signedInActor("/admin/programs/new");
  const [years, towns] = await orNotFound(Promise.all([listProgramYears(actor), listPartnerTownChoices(actor)]));
  const { t } = await getT();
  return (
    <>
      <BackLink href="/admin/programs" label={t("admin.programs.title")} />
      <h1>{t("admin.programs.newTitle")}</h1>
      <p className="lead">{t("admin.programs.intro")}</p>
      <ProgramForm initial={nextProgramFormValues(years[0], new Date().getUTCFullYear())} towns={towns} />
    </>
  );
}
