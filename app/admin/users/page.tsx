import type { Metadata } from "next";
import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { listUsers } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { USER_SEARCH_MAX } from "@/lib/schemas/admin";
import { BackLink } from "../_components/back-link";
import { orNotFound, signedInActor } from "../_components/guard";
import { CreateUserForm } from "./_components/user-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.users.title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await signedInActor("/admin/users");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, USER_SEARCH_MAX) ?? "";
  const users = await orNotFound(listUsers(actor, { q }));
  const { t } = await getT();
  return (
    <>
      <BackLink href="/admin" label={t("admin.back")} />
      <h1>{t("admin.users.title")}</h1>
      <p className="lead">{t("admin.users.intro")}</p>

      <form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t("admin.users.search")}</label>
          <input type="search" id="q" name="q" defaultValue={q} autoComplete="off" />
        </div>
        <button type="submit" className="button secondary">
          {t("admin.users.searchButton")}
        </button>
      </form>

      <p className="muted" aria-live="polite">
        {t("admin.users.count", { count: users.length })}
      </p>
      {users.length === 0 ? (
        <p>{t("admin.users.empty")}</p>
      ) : (
        <TableWrap label={t("admin.users.title")}>
          <table className="stack">
            <caption className="visually-hidden">{t("admin.users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.user.email")}</th>
                <th scope="col">{t("admin.user.name")}</th>
                <th scope="col">{t("admin.user.roles")}</th>
                <th scope="col">{t("admin.user.active")}</th>
                <th scope="col">{t("admin.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td data-label={t("admin.user.email")}>{u.email}</td>
                  <td data-label={t("admin.user.name")}>{u.name ?? ""}</td>
                  <td data-label={t("admin.user.roles")}>
                    {u.roles.length ? u.roles.map((r) => t(`admin.role.${r}`)).join(", ") : <span className="muted">{t("admin.user.noRoles")}</span>}
                  </td>
                  <td data-label={t("admin.user.active")}>{u.active ? t("admin.status.active") : t("admin.status.inactive")}</td>
                  <td data-label={t("admin.col.actions")}>
                    <Link href={`/admin/users/${u.id}`} aria-label={t("admin.editLink", { name: u.email })}>
                      {t("common.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2 id="create-user">{t("admin.users.create")}</h2>
      <CreateUserForm />
    </>
  );
}
