import { describe, expect, it } from "vitest";
import {
  canRecommend,
  canSeeRecommendations,
  checkEarlyClose,
  consultationState,
  type ConsultationState,
  type EarlyClose,
} from "./consultation";

// Piteå's committee: KF chair, KS chair, KS first vice chair, municipal chief executive.
const MEMBERS = ["kf-chair", "ks-chair", "ks-vice", "chief"];
const CLOSES_ON = "2027-03-31";

type Case = [name: string, answered: string[], today: string, closedEarly: EarlyClose | null, expected: ConsultationState];

describe("consultationState", () => {
  it.each<Case>([
    // edges first: the closing day itself, the day after
    ["closing day itself: still open", ["kf-chair"], "2027-03-31", null, { closed: false, reason: null, waitingFor: ["ks-chair", "ks-vice", "chief"] }],
    ["the day after the closing day", ["kf-chair"], "2027-04-01", null, { closed: true, reason: "CLOSING_DATE_PASSED", waitingFor: ["ks-chair", "ks-vice", "chief"] }],
    ["the day before the closing day", [], "2027-03-30", null, { closed: false, reason: null, waitingFor: MEMBERS }],
    ["long after, nobody answered", [], "2028-01-01", null, { closed: true, reason: "CLOSING_DATE_PASSED", waitingFor: MEMBERS }],
    // everyone answered
    ["all but one answered", ["kf-chair", "ks-chair", "ks-vice"], "2027-03-01", null, { closed: false, reason: null, waitingFor: ["chief"] }],
    ["all answered before the closing day", MEMBERS, "2027-03-01", null, { closed: true, reason: "ALL_ANSWERED", waitingFor: [] }],
    ["all answered, in another order", ["chief", "ks-vice", "ks-chair", "kf-chair"], "2027-03-01", null, { closed: true, reason: "ALL_ANSWERED", waitingFor: [] }],
    ["all answered and the date passed: everyone answered is named", MEMBERS, "2027-04-01", null, { closed: true, reason: "ALL_ANSWERED", waitingFor: [] }],
    ["a non-member's answer does not count", ["kf-chair", "ks-chair", "ks-vice", "former-member"], "2027-03-01", null, { closed: false, reason: null, waitingFor: ["chief"] }],
    ["an answer counted once", ["kf-chair", "kf-chair", "kf-chair", "kf-chair"], "2027-03-01", null, { closed: false, reason: null, waitingFor: ["ks-chair", "ks-vice", "chief"] }],
    // early close
    ["closed early with a reason", ["kf-chair"], "2027-03-01", { reason: "Ärendet brådskar" }, { closed: true, reason: "CLOSED_EARLY", waitingFor: ["ks-chair", "ks-vice", "chief"] }],
    ["closed early with a one-letter reason", [], "2027-03-01", { reason: "x" }, { closed: true, reason: "CLOSED_EARLY", waitingFor: MEMBERS }],
    ["early close with an empty reason: not closed", ["kf-chair"], "2027-03-01", { reason: "" }, { closed: false, reason: null, waitingFor: ["ks-chair", "ks-vice", "chief"] }],
    ["early close with only whitespace: not closed", [], "2027-03-01", { reason: " \t\n " }, { closed: false, reason: null, waitingFor: MEMBERS }],
    ["invalid early close, date passed: the date closes it", [], "2027-04-01", { reason: "  " }, { closed: true, reason: "CLOSING_DATE_PASSED", waitingFor: MEMBERS }],
    ["closed early and the date passed: the early close is named", [], "2027-04-01", { reason: "Ärendet brådskar" }, { closed: true, reason: "CLOSED_EARLY", waitingFor: MEMBERS }],
    ["closed early but all answered: everyone answered is named", MEMBERS, "2027-03-01", { reason: "Ärendet brådskar" }, { closed: true, reason: "ALL_ANSWERED", waitingFor: [] }],
  ])("%s", (_name, answeredMemberIds, today, closedEarly, expected) => {
    expect(consultationState({ memberIds: MEMBERS, answeredMemberIds, closesOn: CLOSES_ON, today, closedEarly })).toEqual(expected);
  });

  it.each<[string, string[], string[], string, ConsultationState]>([
    ["no members: not closed by 'everyone answered'", [], [], "2027-03-01", { closed: false, reason: null, waitingFor: [] }],
    ["no members, date passed", [], [], "2027-04-01", { closed: true, reason: "CLOSING_DATE_PASSED", waitingFor: [] }],
    ["one member who answered", ["chief"], ["chief"], "2027-03-01", { closed: true, reason: "ALL_ANSWERED", waitingFor: [] }],
    ["a member listed twice waits once", ["chief", "chief", "kf-chair"], ["kf-chair"], "2027-03-01", { closed: false, reason: null, waitingFor: ["chief"] }],
  ])("%s", (_name, memberIds, answeredMemberIds, today, expected) => {
    expect(consultationState({ memberIds, answeredMemberIds, closesOn: CLOSES_ON, today, closedEarly: null })).toEqual(expected);
  });

  it.each<[string, string]>([
    ["2027-02-29", CLOSES_ON],
    ["2027-03-01T10:00", CLOSES_ON],
    ["2027-03-01", "31/03/2027"],
    ["", CLOSES_ON],
  ])("throws on today %j, closesOn %j", (today, closesOn) => {
    expect(() => consultationState({ memberIds: MEMBERS, answeredMemberIds: [], closesOn, today, closedEarly: null })).toThrow(RangeError);
  });
});

describe("checkEarlyClose", () => {
  it.each<[string, boolean]>([
    ["", false],
    [" ", false],
    ["\t\n", false],
    ["x", true],
    ["  Ärendet brådskar  ", true],
  ])("%j → ok %s", (reason, ok) => {
    expect(checkEarlyClose(reason)).toEqual(ok ? { ok: true } : { ok: false, reason: "EARLY_CLOSE_REASON_REQUIRED" });
  });
});

describe("canSeeRecommendations / canRecommend", () => {
  it.each<[boolean, boolean]>([
    [true, false],
    [false, true],
  ])("conflict %s → sees recommendations %s", (memberHasConflict, sees) => {
    expect(canSeeRecommendations({ memberHasConflict })).toBe(sees);
  });

  it.each<[boolean, boolean, boolean]>([
    [false, false, true],
    [true, false, false],
    [false, true, false],
    [true, true, false],
  ])("conflict %s, closed %s → may recommend %s", (memberHasConflict, closed, may) => {
    expect(canRecommend({ memberHasConflict, closed })).toBe(may);
  });
});
