// A bar chart in plain HTML and CSS. The bars are hidden from screen readers:
// the table beside each chart holds the same figures and is the accessible source.

export type Bar = {
  label: string;
  value: number;
  /** The value of a full bar (a cap, the largest value). */
  max: number;
  /** The value as text, e.g. "9 000 av 10 000 kr (90 %)". */
  text: string;
  /** A part of the value drawn darker inside the bar (e.g. participants under 26). */
  part?: number;
};

function width(value: number, of: number): string {
  return `${of > 0 ? Math.min(100, Math.max(0, (value * 100) / of)) : 0}%`;
}

export function BarChart({ caption, bars }: { caption: string; bars: Bar[] }) {
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <div className="chart-bars" aria-hidden="true">
        {bars.map((b, i) => (
          <div className="chart-row" key={`${i}:${b.label}`}>
            <span className="chart-label">{b.label}</span>
            <span className="chart-track">
              <span className={`chart-fill${b.value > b.max ? " over" : ""}`} style={{ width: width(b.value, b.max) }}>
                {b.part != null ? <span className="chart-part" style={{ width: width(b.part, b.value) }} /> : null}
              </span>
            </span>
            <span className="chart-value">{b.text}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
