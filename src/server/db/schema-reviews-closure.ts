import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0004: benchmark records, reviews, closure requests, approvals, follow-up visits, reopenings. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A case review or case conference (SPEC §2.13). */
export type CaseReviewsTable = {
  id: Generated<string>;
  case_id: string;
  kind: string;
  held_on: string;
  participants: Json<Array<{ name: string; role: string; organisation: string }>>;
  child_present: Generated<boolean>;
  family_present: Generated<boolean>;
  child_views: Generated<string>;
  child_views_not_heard_reason: Generated<string>;
  plan_id: string;
  decision: string;
  decision_notes: Generated<string>;
  permanency_planning: Generated<string>;
  next_review_due: string;
  next_review_rule: string;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A closure request with its criteria, views and the Order 1005 results report (SPEC §2.14). */
export type ClosureRequestsTable = {
  id: Generated<string>;
  seq: Generated<number>;
  case_id: string;
  plan_id: string;
  goals_met: boolean;
  goals_met_note: Generated<string>;
  benchmarks_at_threshold: boolean;
  benchmarks_note: Generated<string>;
  safe_stable_care: boolean;
  safe_stable_care_note: Generated<string>;
  support_in_place: boolean;
  support_in_place_note: Generated<string>;
  child_views: Generated<string>;
  child_views_not_heard_reason: Generated<string>;
  family_views: string;
  report: Json;
  report_schema_version: Generated<number>;
  requested_by: string;
  requested_at: Date | string;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: Generated<string>;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A goal of the agreed plan judged at a review or in a closure request. */
export type GoalAchievementsTable = {
  id: Generated<string>;
  case_id: string;
  review_id: string | null;
  closure_request_id: string | null;
  plan_id: string;
  goal_key: string;
  achievement: string;
  comment: Generated<string>;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** A set of benchmark scores for a child of a case, taken on one date (SPEC §2.6). */
export type BenchmarkRecordsTable = {
  id: Generated<string>;
  case_id: string;
  child_person_id: string;
  occasion: string;
  recorded_on: string;
  review_id: string | null;
  closure_request_id: string | null;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One domain's score of a benchmark record. */
export type BenchmarkScoresTable = {
  id: Generated<string>;
  record_id: string;
  domain: string;
  subject: string;
  score: number;
  strengths: string;
  needs: Generated<string>;
  hromada_id: string;
  organisation_id: string;
};

/** Something the supervisor is asked to approve: a closure or an agreed plan. */
export type ApprovalsTable = {
  id: Generated<string>;
  kind: string;
  case_id: string;
  subject_id: string;
  requested_by: string;
  requested_at: Date | string;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
  comment: Generated<string>;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A post-closure follow-up visit. */
export type FollowUpVisitsTable = {
  id: Generated<string>;
  case_id: string;
  closure_request_id: string | null;
  due_date: string;
  selection: string;
  status: Generated<string>;
  done_on: string | null;
  done_by: string | null;
  outcome: string | null;
  notes: Generated<string>;
  cancelled_on: string | null;
  scheduled_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One reopening of a closed case. */
export type CaseReopeningsTable = {
  id: Generated<string>;
  case_id: string;
  reopened_on: string;
  reopened_at: Date | string;
  reason: string;
  previous_closed_on: string;
  closure_request_id: string | null;
  follow_up_visit_id: string | null;
  reopened_by: string;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** The tables of migration 0004, intersected into `Database`. */
export type ReviewsClosureTables = {
  case_reviews: CaseReviewsTable;
  closure_requests: ClosureRequestsTable;
  goal_achievements: GoalAchievementsTable;
  benchmark_records: BenchmarkRecordsTable;
  benchmark_scores: BenchmarkScoresTable;
  approvals: ApprovalsTable;
  follow_up_visits: FollowUpVisitsTable;
  case_reopenings: CaseReopeningsTable;
};
