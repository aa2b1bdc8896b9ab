/** A horizontally scrollable region for a wide table, reachable by keyboard. */
export function TableWrap({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // A scrollable region must be focusable to scroll it by keyboard.
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
