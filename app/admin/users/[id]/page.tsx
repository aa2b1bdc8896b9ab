import type { Metadata } from "next";
import { getUser } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { BackLink } from "../../_components/back-link";
import { orNotFound, signedInActor } from "../../_components/guard";
import { EditUserForm } from "../_components/user-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.users.editTitle") };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await signedInActor(`/admin/users/${id}`);
  const user = await orNotFound(getUser(actor, id));
  const { t } = await getT();
  return (
    <>
      <BackLink href="/admin/users" label={t("admin.users.title")} />
      <h1>{t("admin.users.editTitle")}</h1>
      <p className="lead">{user.email}</p>
      <EditUserForm user={{ id: user.id, email: user.email, name: user.name, roles: user.roles, active: user.active }} />
    </>
  );
}
