import { DEFAULT_ORDER_RULES, OrderRules } from '../../shared/schemas/orders';
import type { Sql } from '../db/types';

/** Order rules live in `settings` as data; missing keys fall back to the defaults. */
export async function loadOrderRules(db: Sql): Promise<OrderRules> {
  const [row] = await db.query<{ value: unknown }>(`SELECT value FROM settings WHERE key = 'order_rules'`);
  const merged = { ...DEFAULT_ORDER_RULES, ...(row?.value && typeof row.value === 'object' ? row.value : {}) };
  const parsed = OrderRules.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_ORDER_RULES;
}

export async function saveOrderRules(db: Sql, rules: OrderRules): Promise<void> {
  await db.query(
    `INSERT INTO settings (key, value) VALUES ('order_rules', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify(rules)],
  );
}
