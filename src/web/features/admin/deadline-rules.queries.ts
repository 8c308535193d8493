import { queryOptions } from '@tanstack/react-query';
import { fetchDeadlineRules } from './deadline-rules.api.ts';

/** The deadline table (system administrators). */
export const deadlineRulesQuery = queryOptions({ queryKey: ['admin', 'deadline-rules'], queryFn: fetchDeadlineRules, staleTime: 30_000 });
