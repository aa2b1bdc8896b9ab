// npm run db:seed — loads the demo data (Piteå's rules) into an empty database:
// DATABASE_URL, or the embedded database of npm start.
import { appDatabase } from "./lib/postgres";
import { scriptClient } from "./lib/prisma";
import { isSeeded, seedDemo } from "../prisma/seed";

const { url, server } = await appDatabase((line) => console.log(line));
const client = scriptClient(url);
let code = 0;
try {
  if (await isSeeded(client)) {
    console.error("The database already has data; demo data is only loaded into an empty database.");
    code = 1;
  } else {
    await seedDemo(client);
    console.log("Demo data loaded.");
  }
} finally {
  await client.$disconnect();
  await server?.stop();
}
process.exit(code);
