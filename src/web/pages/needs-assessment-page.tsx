export function NeedsAssessmentPage() { return null; }
