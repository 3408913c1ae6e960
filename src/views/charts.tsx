// Horizontal bar charts drawn on the server as inline SVG: no script, print-friendly, and each one carries
// a table of the same figures for screen readers. Series differ by pattern as well as colour.

export interface BarItem {
  label: string;
  /** One value per series. */
  values: number[];
  /** What each bar says next to it (e.g. "33 % (4 de 12)"); the value by default. */
  texts?: string[];
}

export interface BarChartProps {
  /** Unique in the page: ids of the title, description and patterns derive from it. */
  id: string;
  title: string;
  /** One sentence with the gist, read right after the title. */
  summary: string;
  /** Header of the table's first column (what the labels are). */
  labelHeader: string;
  /** Names of the values of each item: one for a simple chart, two or more for grouped bars. */
  series: string[];
  items: BarItem[];
  /** Where the scale ends (100 for percentages); the largest value by default. */
  max?: number;
}

const WIDTH = 480;
const LABEL_WIDTH = 190;
const VALUE_ROOM = 100;
const BAR = 16;
const GAP = 3;
const ROW_GAP = 10;
const LABEL_CHARS = 24;
const COLOURS = ['#0b6e4f', '#b3261e', '#1a5fb4', '#6b4c9a'];

const short = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);
const fillOf = (id: string, series: number) => (series === 0 ? COLOURS[0] : `url(#${id}-p${series})`);

export function BarChart(props: BarChartProps) {
  const { id, items, series } = props;
  const groupHeight = series.length * BAR + (series.length - 1) * GAP;
  const height = Math.max(1, items.length) * (groupHeight + ROW_GAP) + ROW_GAP;
  const max = props.max ?? Math.max(1, ...items.flatMap((i) => i.values));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / max;
  return (
    <figure class="chart">
      {series.length > 1 && (
        <ul class="chart-legend" aria-hidden="true">
          {series.map((name, s) => (
            <li key={name}>
              <span class={`swatch s${s}`} /> {name}
            </li>
          ))}
        </ul>
      )}
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        class="chart-svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.summary}</desc>
        <defs>
          {series.slice(1).map((name, i) => (
            <pattern
              key={name}
              id={`${id}-p${i + 1}`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#fff" />
              <rect width="3" height="6" fill={COLOURS[(i + 1) % COLOURS.length]} />
            </pattern>
          ))}
        </defs>
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke="#7a8590" />
        {items.map((item, row) => {
          const top = ROW_GAP + row * (groupHeight + ROW_GAP);
          return (
            <g key={item.label}>
              <text x={LABEL_WIDTH - 8} y={top + groupHeight / 2} dy="0.35em" text-anchor="end" class="chart-label">
                {short(item.label)}
              </text>
              {item.values.map((value, s) => {
                const y = top + s * (BAR + GAP);
                const width = Math.max(0, value * scale);
                const stroke = COLOURS[s % COLOURS.length];
                return (
                  <g key={series[s]}>
                    <rect x={LABEL_WIDTH} y={y} width={width} height={BAR} fill={fillOf(id, s)} stroke={stroke} />
                    <text x={LABEL_WIDTH + width + 5} y={y + BAR / 2} dy="0.35em" class="chart-value">
                      {item.texts?.[s] ?? String(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <table class="sr-only">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.labelHeader}</th>
            {series.map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.label}>
              <th scope="row">{item.label}</th>
              {item.values.map((value, s) => (
                <td key={series[s]}>{item.texts?.[s] ?? String(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
