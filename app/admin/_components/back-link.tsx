import Link from "next/link";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <Link href={href}>← {label}</Link>
    </p>
  );
}
