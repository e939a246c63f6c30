import { hashPassword } from '../auth/passwords';
import type { Db, Sql } from '../db/types';
import { generateDemo, resolveOptions, type DemoOptions } from './generate';
import type { DemoPlan, WarehousePlan } from './plan';
import { DEMO_PASSWORD, DEMO_USERS } from './users';
import { writeDemo } from './write';
import { writeCommerce } from './commerce';

export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './users';
export { generateDemo, DEFAULT_ITEMS, DEFAULT_SEED, type DemoOptions } from './generate';
export { DEMO_SITES } from './layout';
export type { DemoPlan } from './plan';

export type SeedOptions = DemoOptions;

export interface SeedSummary {
  warehouses: Pick<WarehousePlan, 'id' | 'code' | 'name' | 'kind' | 'dockLocationId'>[];
  users: number;
  locations: number;
  bins: number;
  items: number;
  suppliers: number;
  purchaseOrders: number;
  poLines: number;
  asns: number;
  asnLines: number;
  /** Pallets on the ASNs, one SSCC each. */
  ssccs: number;
  movements: number;
  balances: number;
  valuations: number;
  serials: number;
}

/** Thrown by seedDemo when the database already holds a tenant. */
export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('seedDemo: refusing to seed, the database is not empty (it already has warehouses or users)');
    this.name = 'DatabaseNotEmptyError';
  }
}

/** True when no warehouse and no user exists yet: a database fresh from its migrations. */
export async function isDatabaseEmpty(db: Sql): Promise<boolean> {
  const [row] = await db.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM warehouses) AND NOT EXISTS (SELECT 1 FROM users) AS empty',
  );
  return row?.empty === true;
}

export function summarize(plan: DemoPlan, users: number): SeedSummary {
  return {
    warehouses: plan.warehouses.map(({ id, code, name, kind, dockLocationId }) => ({ id, code, name, kind, dockLocationId })),
    users,
    locations: plan.locations.length,
    bins: plan.locations.filter((l) => l.kind === 'bin').length,
    items: plan.items.length,
    suppliers: plan.suppliers.length,
    purchaseOrders: plan.purchaseOrders.length,
    poLines: plan.purchaseOrders.reduce((n, po) => n + po.lines.length, 0),
    asns: plan.asns.length,
    asnLines: plan.asns.reduce((n, asn) => n + asn.lines.length, 0),
    ssccs: plan.asns.reduce((n, asn) => n + asn.ssccs.length, 0),
    movements: plan.movements.length,
    balances: plan.balances.length,
    valuations: plan.valuations.length,
    serials: plan.serials.length,
  };
}

/**
 * Seeds the demo tenant (three sites, ~5,200 locations, 5,000 items, open
 * POs with ASNs, opening stock, one user per role) into an empty database,
 * all in one replication write transaction so devices see it appear at
 * once. Throws DatabaseNotEmptyError, writing nothing, if the database
 * already has warehouses or users.
 */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const options = resolveOptions(opts);
  // Fail fast before the slow parts; the check that counts is the one under the lock below.
  if (!(await isDatabaseEmpty(db))) throw new DatabaseNotEmptyError();
  const plan = generateDemo(options);
  // scrypt is deliberately slow: hash once, every demo user shares it.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.writeTransaction(async (tx) => {
    if (!(await isDatabaseEmpty(tx))) throw new DatabaseNotEmptyError();
    await writeDemo(tx, plan, DEMO_USERS, passwordHash);
    await writeCommerce(tx);
  });
  return summarize(plan, DEMO_USERS.length);
}
