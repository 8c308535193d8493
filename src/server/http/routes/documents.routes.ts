import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParams, problemSchema, uuid } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { needsAssessmentPdf, notificationPdf, type RenderedDocument } from '../../services/documents.service.ts';
import { resultsReportPdf, safetyAssessmentPdf, supportPlanPdf } from '../../services/workflow-documents.service.ts';
import { requireActor, type App } from '../app.ts';

/** Sends the PDF inline with an ASCII file name (the browser's viewer opens it; saving keeps the name). */
function sendPdf(reply: FastifyReply, doc: RenderedDocument): FastifyReply {
  return reply.type('application/pdf').header('Content-Disposition', `inline; filename="${doc.filename}"`).send(doc.pdf);
}

const pdfResponse = (description: string) => ({
  description,
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary', description: 'PDF file' }) } },
});

/** Statutory documents of a case as PDF in Ukrainian (SPEC §12), shown inline so the browser opens them for printing. */
export function registerDocumentRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/documents';
  app.get(
    `${base}/notification.pdf`,
    {
      schema: {
        tags: ['documents'],
        summary: 'Notification about a family (person) in difficult life circumstances (Order 1005), PDF',
        params: idParams,
        response: { 200: pdfResponse('The notification form as PDF (A4, Ukrainian)'), 404: problemSchema },
      },
    },
    async (req, reply) => sendPdf(reply, await notificationPdf(deps, requireActor(req), req.params.id)),
  );
  app.get(
    `${base}/needs-assessment.pdf`,
    {
      schema: {
        tags: ['documents'],
        summary: 'Act of needs assessment of the family/person (Order 1005), PDF',
        params: idParams,
        response: { 200: pdfResponse('The act of needs assessment as PDF (A4, Ukrainian); a draft is marked as such'), 404: problemSchema },
      },
    },
    async (req, reply) => sendPdf(reply, await needsAssessmentPdf(deps, requireActor(req), req.params.id)),
  );
  app.get(
    `${base}/safety-assessment.pdf`,
    {
      schema: {
        tags: ['documents'],
        summary: 'Act of the child safety assessment (Resolution 585, Annex 10), PDF: the given act or the latest one',
        params: idParams,
        querystring: z.object({ assessmentId: uuid.optional() }),
        response: { 200: pdfResponse('The safety-assessment act as PDF (A4, Ukrainian); a draft is marked as such'), 404: problemSchema },
      },
    },
    async (req, reply) => sendPdf(reply, await safetyAssessmentPdf(deps, requireActor(req), req.params.id, req.query.assessmentId)),
  );
  app.get(
    `${base}/support-plan.pdf`,
    {
      schema: {
        tags: ['documents'],
        summary: 'Social support plan (Order 1005), PDF: the given version, else the latest agreed one, else the latest draft',
        params: idParams,
        querystring: z.object({ planId: uuid.optional() }),
        response: { 200: pdfResponse('The social support plan as PDF (A4, Ukrainian); a draft is marked as such'), 404: problemSchema },
      },
    },
    async (req, reply) => sendPdf(reply, await supportPlanPdf(deps, requireActor(req), req.params.id, req.query.planId)),
  );
  app.get(
    `${base}/results-report.pdf`,
    {
      schema: {
        tags: ['documents'],
        summary: 'Report on the results of social support (Order 1005) of the latest closure request, PDF',
        params: idParams,
        response: { 200: pdfResponse('The results report as PDF (A4, Ukrainian); marked as a draft until the supervisor approves closure'), 404: problemSchema },
      },
    },
    async (req, reply) => sendPdf(reply, await resultsReportPdf(deps, requireActor(req), req.params.id)),
  );
}
