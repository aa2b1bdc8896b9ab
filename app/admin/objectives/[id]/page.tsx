import type { Metadata } from "next";
import { getObjective } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../../_components/back-link";
import { orNotFound, signedInActor } from "../../_components/guard";
import { ObjectiveForm } from "../_components/objective-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.objectives.editTitle") };
}

export default async function EditObjectivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await signedInActor(`/admin/objectives/${id}`);
  const objective = await orNotFound(getObjective(actor, id));
  const { t } = await getT();
  return (
    <>
      <BackLink href="/admin/objectives" label={t("admin.objectives.title")} />
      <h1>{t("admin.objectives.editTitle")}</h1>
      <ObjectiveForm objective={{ id: objective.id, textSv: objective.textSv, textEn: objective.textEn, sortOrder: objective.sortOrder, active: objective.active }} />
    </>
  );
}
