// Lighthouse on the machine's Chromium, signed in through a cookie: the
// performance and accessibility scores (0–100) of a page, on Lighthouse's
// default profile (a mid-range phone on a throttled connection, simulated).
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

export type LighthouseScore = {
  url: string;
  performance: number;
  accessibility: number;
  /** Audits that cost points, with their scores (0–1), to say why a score is short. */
  shortfalls: { id: string; title: string; score: number | null; displayValue?: string }[];
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function scorePages(pages: { url: string; cookie?: string }[]): Promise<LighthouseScore[]> {
  const scores: LighthouseScore[] = [];
  for (const page of pages) {
    // A browser of its own for each page: a cookie one page set must not sign in the next.
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    });
    try {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${page.url}: ${lhr.runtimeError.message}`);
      const categoryScore = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const shortfalls = Object.values(lhr.categories)
        .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]!))
        .filter((audit) => audit.score !== null && audit.score < 0.9)
        .map((audit) => ({ id: audit.id, title: audit.title, score: audit.score, displayValue: audit.displayValue }));
      scores.push({ url: page.url, performance: categoryScore("performance"), accessibility: categoryScore("accessibility"), shortfalls });
    } finally {
      chrome.kill();
    }
  }
  return scores;
}
