import { enrol, login, type WarehouseOption } from '../auth/session-service';
import { HttpError, NetworkError } from '../platform/api-client';
import { useReceiving } from '../stores/receiving-store';
import { useSession } from '../stores/session-store';
import { useSync } from '../stores/sync-store';
import type { Services } from './services-context';

/** Login screen action: online or offline login, then sync starts (online or not: it retries). */
export async function logIn(services: Services, username: string, password: string): Promise<void> {
  const session = useSession.getState();
  session.setBusy(true);
  try {
    const result = await login(services.replica.vault, username, password);
    if (result.kind === 'error') return session.loggedOut({ key: result.key, ...(result.message ? { message: result.message } : {}) });
    if (result.kind === 'enrol') return session.needsEnrolment(result.token, result.user);
    session.ready(result.session);
    if (!result.session.offline) useSync.getState().setProblem(null);
    await services.sync.start(result.session);
  } catch (err) {
    session.loggedOut({ key: 'login.errors.other', message: err instanceof Error ? err.message : String(err) });
  }
}

export async function enrolDevice(services: Services, warehouse: WarehouseOption, name: string): Promise<void> {
  const state = useSession.getState();
  const pending = state.enrolment;
  if (!pending) return;
  state.setBusy(true);
  try {
    const session = await enrol(services.replica.vault, pending.user, pending.token, warehouse, name);
    state.ready(session);
    await services.sync.start(session);
  } catch (err) {
    state.setBusy(false);
    const key = err instanceof NetworkError ? 'login.errors.network' : 'login.errors.other';
    useSession.setState({ error: { key, message: err instanceof HttpError || err instanceof Error ? err.message : String(err) } });
  }
}

/** Logging out keeps every scan: the queue is in IndexedDB and syncs at the next login. */
export async function logOut(services: Services): Promise<void> {
  await services.sync.stop();
  useReceiving.getState().setSession(null);
  useSession.getState().loggedOut();
}
