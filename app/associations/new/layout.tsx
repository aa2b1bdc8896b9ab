import { ClientTexts } from "@/components/i18n/client-texts";

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientTexts route="associations/new">{children}</ClientTexts>;
}
