// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database of npm start).
import { appDatabase } from "./lib/postgres";

const { server } = await appDatabase((line) => console.log(line));
console.log("The database schema is up to date.");
await server?.stop();
