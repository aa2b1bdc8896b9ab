// The benchmark's mail server, in a process of its own: it stands for the
// municipality's mail relay, which in production runs on another machine. In
// the load generator's process its parsing of every letter would hold up the
// timing of requests; the benchmark runs it at the lowest CPU priority.
// Prints its SMTP port as one JSON line, stops on SIGTERM.
import { startMailCatcher } from "../../scripts/lib/mail-catcher";

const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
console.log(JSON.stringify({ smtpPort: catcher.smtpPort }));
process.once("SIGTERM", () => void catcher.stop().then(() => process.exit(0)));
