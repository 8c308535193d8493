import { DomainError } from '#domain/errors.ts';
import type { Deps, RequestActor } from '../lib/context.ts';
import { needsAssessmentDocument } from '../documents/needs-assessment.document.ts';
import { notificationDocument } from '../documents/notification.document.ts';
import { renderPdf, type PrintableDocument } from '../documents/pdf.ts';
import { appendAudit } from './audit.service.ts';
import { getCase } from './cases.service.ts';
import { getNeedsAssessment } from './needs-assessments.service.ts';

/** Statutory documents that print to PDF (SPEC §12). */
export type DocumentKind = 'notification' | 'needs_assessment' | 'safety_assessment' | 'support_plan' | 'results_report';

/** A rendered document: its bytes and an ASCII file name with the case number. */
export type RenderedDocument = { filename: string; pdf: Buffer };

// ASCII file names (the form's name transliterated by Resolution 55 of 2010) survive every browser and mail client.
const fileStem: Record<DocumentKind, string> = {
  notification: 'povidomlennia',
  needs_assessment: 'akt-otsinky-potreb',
  safety_assessment: 'akt-otsinky-bezpeky',
  support_plan: 'plan-sotsialnoho-suprovodu',
  results_report: 'zvit-pro-rezultaty-suprovodu',
};

function filenameOf(kind: DocumentKind, caseNumber: string): string {
  const number = caseNumber.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '');
  return `${fileStem[kind]}-${number || 'bez-nomera'}.pdf`;
}

/** Renders, then records that the document was produced, in the audit trail (every read of personal data is audited). */
export async function deliver(deps: Deps, actor: RequestActor, caseId: string, kind: DocumentKind, caseNumber: string, doc: PrintableDocument, details: Record<string, string> = {}): Promise<RenderedDocument> {
  const pdf = await renderPdf(doc);
  await deps.db.transaction().execute(async (trx) => {
    await appendAudit(trx, { actor, action: 'read', entity: 'document', entityId: caseId, details: { kind, ...details } }, deps.now());
  });
  return { filename: filenameOf(kind, caseNumber), pdf };
}

/**
 * The notification about a family/person in difficult life circumstances that opened the case (Order 1005), as PDF.
 * Reads through `getCase`, so the case policy and its read audit apply unchanged; a case out of scope answers 404.
 */
export async function notificationPdf(deps: Deps, actor: RequestActor, caseId: string): Promise<RenderedDocument> {
  const detail = await getCase(deps, actor, caseId);
  const notification = detail.notification;
  if (!notification) throw new DomainError('not_found', 'This case was opened without a notification');
  const receiving = await deps.db
    .selectFrom('notifications as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .select('o.name_uk')
    .where('n.id', '=', notification.id)
    .executeTakeFirst();
  const doc = notificationDocument({ caseInfo: detail, notification, receivingService: receiving?.name_uk ?? '', generatedAt: deps.now() });
  return deliver(deps, actor, caseId, 'notification', detail.number, doc);
}

/**
 * The act of needs assessment of the case's family (Order 1005), as PDF; a draft prints marked as a draft.
 * Reads through `getCase` and `getNeedsAssessment`, so access rules and read audits apply unchanged.
 */
export async function needsAssessmentPdf(deps: Deps, actor: RequestActor, caseId: string): Promise<RenderedDocument> {
  const detail = await getCase(deps, actor, caseId);
  const act = await getNeedsAssessment(deps, actor, caseId);
  const doc = needsAssessmentDocument({
    caseInfo: detail,
    act: { status: act.status, completedAt: act.completedAt, dueDate: act.dueDate, assessedByName: act.assessedBy.name, content: act.content },
    generatedAt: deps.now(),
  });
  return deliver(deps, actor, caseId, 'needs_assessment', detail.number, doc);
}
