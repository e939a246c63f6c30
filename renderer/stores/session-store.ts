import { create } from 'zustand';
import type { UserView } from '../../shared/schemas/api';
import type { DeviceBinding } from '../auth/device-vault';
import type { Actor } from '../receiving/session';

export type SessionPhase = 'booting' | 'logged-out' | 'enrolling' | 'ready';

export interface ActiveSession {
  user: UserView;
  /** Device-bound token for sync; null when logged in offline without one. */
  token: string | null;
  device: DeviceBinding;
  /** Logged in against the on-device hash, not the server. */
  offline: boolean;
}

interface SessionState {
  phase: SessionPhase;
  session: ActiveSession | null;
  /** Online login on a device that is not enrolled yet: the user token to enrol with. */
  enrolment: { token: string; user: UserView } | null;
  /** The last login error, as an i18n key (plus a server message when there is one). */
  error: { key: string; message?: string } | null;
  busy: boolean;
  setBusy(busy: boolean): void;
  loggedOut(error?: { key: string; message?: string } | null): void;
  needsEnrolment(token: string, user: UserView): void;
  ready(session: ActiveSession): void;
  /** A fresh token after an online re-login: sync resumes with it. */
  setToken(token: string): void;
}

/** Who is logged in on this device, and how. */
export const useSession = create<SessionState>()((set) => ({
  phase: 'booting',
  session: null,
  enrolment: null,
  error: null,
  busy: false,
  setBusy: (busy) => set({ busy }),
  loggedOut: (error = null) => set({ phase: 'logged-out', session: null, enrolment: null, error, busy: false }),
  needsEnrolment: (token, user) => set({ phase: 'enrolling', enrolment: { token, user }, error: null, busy: false }),
  ready: (session) => set({ phase: 'ready', session, enrolment: null, error: null, busy: false }),
  setToken: (token) => set((s) => (s.session ? { session: { ...s.session, token, offline: false } } : {})),
}));

/** Who is scanning on which device in which warehouse: stamped on every event this device writes. */
export function currentActor(): Actor | null {
  const s = useSession.getState().session;
  return s ? { userId: s.user.id, deviceId: s.device.id, warehouseId: s.device.warehouseId } : null;
}
