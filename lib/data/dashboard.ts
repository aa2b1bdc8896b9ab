import "server-only";
import { db } from "@/lib/db";
import { requireMunicipality, requirePermission, type Actor } from "@/lib/auth/actor";
import { unreadMessageCount } from "@/lib/data/messages";
import { requiredAnnualReportYear } from "@/lib/data/payouts";
import { countOverdue, type ObligationBucket } from "@/lib/domain/figures";
import { todayIn } from "@/lib/domain/dates";

/**
 * The coordinator's day: how many of each kind of thing wait, municipality-wide.
 * Each count is one aggregate, whatever the number of cases, so the start page
 * stays fast with a hundred thousand applications; the plain ones share a
 * statement.
 */
export async function getDashboard(actor: Actor, now = new Date()) {
  requirePermission(actor, "application:review");
  const municipalityId = requireMunicipality(actor);
  const today = todayIn(now);
  const annualReportYear = requiredAnnualReportYear(now);

  const [
    [counts],
    payoutsReady,
    obligations,
    missingAnnualReports,
    unreadMessages,
  ] = await Promise.all([
    // The plain counts in one statement, each by its own index.
    db.$queryRaw<{ associationsToVerify: number; applicationsToConsult: number; consultationsReady: number; reportsToReview: number; annualReportsToReview: number; failedMails: number }[]>`
      select
        (select count(*) from "Association" s where s."municipalityId" = ${municipalityId}::uuid and s.status = 'PENDING')::int as "associationsToVerify",
        (
          select count(*) from "Application" a
          where a."municipalityId" = ${municipalityId}::uuid and a.status = 'SUBMITTED'
            and not exists (select 1 from "ConsultationCase" cc where cc."applicationId" = a.id)
        )::int as "applicationsToConsult",
        -- Closed as lib/domain/consultation.ts consultationState says: every member of the
        -- committee as it is now has answered, or closed early with a reason, or past its closing day.
        (
          select count(*)
          from "Application" a
          join "ConsultationCase" cc on cc."applicationId" = a.id
          join "Consultation" c on c.id = cc."consultationId"
          where a."municipalityId" = ${municipalityId}::uuid and a.status = 'SUBMITTED'
            and (
              c."closesOn" < ${today}::date
              or coalesce(c."closedEarlyReason", '') ~ '[^[:space:]]'
              or (
                exists (select 1 from "CommitteeMember" m join "User" u on u.id = m."userId" where m."municipalityId" = ${municipalityId}::uuid and u.active)
                and not exists (
                  select 1 from "CommitteeMember" m join "User" u on u.id = m."userId"
                  where m."municipalityId" = ${municipalityId}::uuid and u.active
                    and not exists (select 1 from "Recommendation" r where r."consultationCaseId" = cc.id and r."memberId" = m."userId")
                )
              )
            )
        )::int as "consultationsReady",
        (
          select count(*) from "FollowUpReport" fr join "Application" a on a.id = fr."applicationId"
          where fr.status = 'SUBMITTED' and a."municipalityId" = ${municipalityId}::uuid
        )::int as "reportsToReview",
        (
          select count(*) from "AnnualReport" r join "Association" s on s.id = r."associationId"
          where r.status = 'SUBMITTED' and s."municipalityId" = ${municipalityId}::uuid
        )::int as "annualReportsToReview",
        -- Mails the worker gave up on: staff look at them and send them again (lib/data/outbox.ts).
        (select count(*) from "OutboxMail" o where o."municipalityId" = ${municipalityId}::uuid and o.status = 'FAILED')::int as "failedMails"`,
    // "ready" as lib/data/payouts.ts lists it: approved, in force, money to pay, not paid,
    // and the association's annual report for the last completed year accepted.
    db.$queryRaw<{ year: number; count: number; amount: number }[]>`
      select py.year, count(*)::int as count, coalesce(sum(d.amount), 0)::int as amount
      from "Application" a
      join "Decision" d on d.id = a."currentDecisionId"
      join "ProgramYear" py on py.id = a."programYearId"
      where a."municipalityId" = ${municipalityId}::uuid and a.status = 'APPROVED'
        and d.outcome = 'APPROVED' and d."supersededAt" is null and d.amount > 0 and d."paidAt" is null
        and exists (
          select 1 from "AnnualReport" r
          where r."associationId" = a."associationId" and r.status = 'ACCEPTED' and r."activityYear" = ${annualReportYear}
        )
      group by py.year
      order by py.year desc`,
    // Only reports not yet handed in can be overdue: "reportSettled" (kept by the
    // database from FollowUpReport) leaves the accepted ones of past years out by index.
    // The decision and the report are fetched by key per open obligation: as joins,
    // PostgreSQL misjudges how few these are and scans both tables whole.
    db.$queryRaw<ObligationBucket[]>`
      select o.status::text as status, o."dueOn" < ${today}::date as "duePassed",
        to_char(min(o."dueOn"), 'YYYY-MM-DD') as "earliestDueOn", count(*)::int as count
      from (
        select
          (select d."reportDueOn" from "Decision" d where d.id = a."currentDecisionId" and d.outcome = 'APPROVED') as "dueOn",
          (select fr.status from "FollowUpReport" fr where fr."applicationId" = a.id) as status
        from "Application" a
        where a."municipalityId" = ${municipalityId}::uuid and a.status = 'APPROVED' and not a."reportSettled"
      ) o
      where o."dueOn" is not null
      group by 1, 2`,
    // Associations whose approved, unpaid grant waits for the annual report of the
    // last completed year ("blocked" in lib/data/payouts.ts); how many of them have
    // handed it in and wait for the coordinator's review.
    db.$queryRaw<{ year: number | null; associations: number; handedIn: number }[]>`
      select py.year, count(distinct a."associationId")::int as associations,
        count(distinct a."associationId") filter (
          where exists (
            select 1 from "AnnualReport" r
            where r."associationId" = a."associationId" and r.status = 'SUBMITTED' and r."activityYear" = ${annualReportYear}
          )
        )::int as "handedIn"
      from "Application" a
      join "Decision" d on d.id = a."currentDecisionId"
      join "ProgramYear" py on py.id = a."programYearId"
      where a."municipalityId" = ${municipalityId}::uuid and a.status = 'APPROVED'
        and d.outcome = 'APPROVED' and d."supersededAt" is null and d.amount > 0 and d."paidAt" is null
        and not exists (
          select 1 from "AnnualReport" r
          where r."associationId" = a."associationId" and r.status = 'ACCEPTED' and r."activityYear" = ${annualReportYear}
        )
      group by grouping sets ((py.year), ())
      order by py.year desc nulls first`,
    unreadMessageCount(actor),
  ]);

  const missingTotal = missingAnnualReports.find((r) => r.year === null);
  return {
    today,
    associationsToVerify: counts!.associationsToVerify,
    applicationsToConsult: counts!.applicationsToConsult,
    consultationsReady: counts!.consultationsReady,
    reportsToReview: counts!.reportsToReview,
    annualReportsToReview: counts!.annualReportsToReview,
    payoutsReady: {
      count: payoutsReady.reduce((s, r) => s + r.count, 0),
      amount: payoutsReady.reduce((s, r) => s + r.amount, 0),
      byYear: payoutsReady,
    },
    overdueReports: countOverdue(obligations, today),
    missingAnnualReports: {
      year: annualReportYear,
      associations: missingTotal?.associations ?? 0,
      handedIn: missingTotal?.handedIn ?? 0,
      byYear: missingAnnualReports.filter((r): r is typeof r & { year: number } => r.year !== null).map(({ year, associations }) => ({ year, associations })),
    },
    unreadMessages,
    failedMails: counts!.failedMails,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
