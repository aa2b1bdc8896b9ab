// The benchmark's query check. The portal, started with DATABASE_LOG_QUERIES=1,
// writes every statement it runs as a JSON line (lib/db.ts). Each page is
// requested alone, so the lines between two requests are that page's queries:
// their number shows whether a page does one query per row, and EXPLAIN shows
// whether any of them reads a large table from end to end.
import pg from "pg";

export type Captured = { query: string; params: unknown[] };

/** The query lines in a chunk of the server's output; anything else is ignored. */
export function parseQueryLog(text: string): Captured[] {
  const found: Captured[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith('{"query":')) continue;
    try {
      const entry = JSON.parse(line) as { query: string; params: string };
      const params = JSON.parse(entry.params || "[]") as unknown;
      found.push({ query: entry.query, params: Array.isArray(params) ? params : [] });
    } catch {
      // A line cut by the pipe's buffering: not a query we can check.
    }
  }
  return found;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

export type SeqScan = { table: string; rows: number };
export type QueryCheck = { query: string; seqScans: SeqScan[]; indexes: string[]; error?: string };

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

const isRead = (sql: string) => /^\s*(select|with)\b/i.test(sql);

/**
 * EXPLAINs every distinct SELECT with its own parameters and lists sequential
 * scans of tables holding at least `largeRows` rows (small tables are read
 * whole by any sensible plan).
 */
export async function explainQueries(databaseUrl: string, queries: Captured[], largeRows = 5_000): Promise<QueryCheck[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sizes = new Map<string, number>();
    const rel = await client.query<{ relname: string; n: number }>(
      `select relname, greatest(reltuples, 0)::int as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`,
    );
    for (const row of rel.rows) sizes.set(row.relname, row.n);
    const seen = new Set<string>();
    const checks: QueryCheck[] = [];
    for (const { query, params } of queries) {
      if (!isRead(query) || seen.has(query)) continue;
      seen.add(query);
      try {
        const result = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`explain (format json) ${query}`, params);
        const plan = result.rows[0]!["QUERY PLAN"][0]!.Plan;
        const seqScans: SeqScan[] = [];
        const indexes = new Set<string>();
        walk(plan, (node) => {
          if (node["Index Name"]) indexes.add(node["Index Name"]);
          if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) {
            const rows = sizes.get(node["Relation Name"]) ?? 0;
            if (rows >= largeRows) seqScans.push({ table: node["Relation Name"], rows });
          }
        });
        checks.push({ query, seqScans, indexes: [...indexes] });
      } catch (error) {
        checks.push({ query, seqScans: [], indexes: [], error: error instanceof Error ? error.message : String(error) });
      }
    }
    return checks;
  } finally {
    await client.end();
  }
}

/** Does a statement count or read a whole table for pagination? (COUNT over the listed table.) */
export function countsRows(query: string): boolean {
  return /\bcount\s*\(/i.test(query);
}
