import type { Deps, RequestActor } from '../lib/context.ts';
import { panelMinutesDocument } from '../documents/panel-minutes.document.ts';
import { renderPdf } from '../documents/pdf.ts';
import { meetingForMinutes } from './panels.service.ts';

/** The minutes of a meeting as PDF in Ukrainian; unsigned minutes print marked as a draft. The read is audited. */
export async function minutesPdf(deps: Deps, actor: RequestActor, meetingId: string): Promise<{ filename: string; pdf: Buffer }> {
  const meeting = await meetingForMinutes(deps, actor, meetingId);
  const pdf = await renderPdf(panelMinutesDocument(meeting, deps.now()));
  return { filename: `protokol-${meeting.scheduledAt.slice(0, 10)}-${meeting.rank}.pdf`, pdf };
}
