import type { Metadata } from "next";
import { listCommitteeMembers } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../_components/back-link";
import { orNotFound, signedInActor } from "../_components/guard";
import { AddMemberForm } from "./_components/add-member-form";
import { MembersTable } from "./_components/members-table";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.committee.title") };
}

export default async function CommitteePage() {
  const actor = await signedInActor("/admin/committee");
  const members = await orNotFound(listCommitteeMembers(actor));
  const { t } = await getT();
  return (
    <>
      <BackLink href="/admin" label={t("admin.back")} />
      <h1>{t("admin.committee.title")}</h1>
      <p className="lead">{t("admin.committee.intro")}</p>
      <MembersTable members={members.map((m) => ({ id: m.id, name: m.name, email: m.email, title: m.title, active: m.active }))} />
      <h2>{t("admin.committee.add")}</h2>
      <AddMemberForm />
    </>
  );
}
