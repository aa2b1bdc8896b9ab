// Each area keeps its own texts; this file only merges them.
import type { AreaMessages } from "./types";
import { common } from "./common";
import { auth } from "./auth";
import { associations } from "./associations";
import { applications } from "./applications";
import { coordinator } from "./coordinator";
import { decisions } from "./decisions";
import { committee } from "./committee";
import { pages } from "./pages";
import { admin } from "./admin";
import { payouts } from "./payouts";
import { followUp } from "./follow-up";
import { outbox } from "./outbox";
import { messaging } from "./messaging";
import { dashboard } from "./dashboard";
import { reminders } from "./reminders";
import { validationMessages } from "../validation-messages";

const areas: AreaMessages[] = [validationMessages, common, auth, associations, applications, coordinator, decisions, committee, pages, admin, payouts, followUp, outbox, messaging, dashboard, reminders];

export const sv: Record<string, string> = Object.assign({}, ...areas.map((a) => a.sv));
export const en: Record<string, string> = Object.assign({}, ...areas.map((a) => a.en));
