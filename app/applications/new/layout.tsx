import { ClientTexts } from "@/components/i18n/client-texts";

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientTexts route="applications/new">{children}</ClientTexts>;
}
