import { systemStatusResponse } from '#contracts/auth.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { systemStatus } from '../../services/users.service.ts';
import type { App } from '../app.ts';

/** Public installation status: demo banner and first-administrator help. */
export function registerSystemRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/system/status', { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: systemStatusResponse } } }, async () => systemStatus(deps));
}
