import type { Role } from '../../shared/schemas/common';

/** The password of every demo user. Demo tenants only: never seed this into production. */
export const DEMO_PASSWORD = 'demo';

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

/** One user per role, all with password `demo` and access to every warehouse. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'associate', displayName: 'Demo Associate', roles: ['associate'] },
  { username: 'supervisor', displayName: 'Demo Supervisor', roles: ['supervisor'] },
  { username: 'finance', displayName: 'Demo Finance', roles: ['finance'] },
  { username: 'admin', displayName: 'Demo Admin', roles: ['admin'] },
];
