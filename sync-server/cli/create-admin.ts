import { parseArgs } from 'node:util';
import { CreateUserBody } from '../../shared/schemas/api';
import { readEnv } from '../config';
import { openDatabase } from '../db/open';
import { createUser } from '../users';

// `npm run create-admin -- --username ana --name "Ana Ruiz" --password '...'`
// The only way a production tenant gets its first admin: there is no default password.
const { values } = parseArgs({
  options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
const input = CreateUserBody.safeParse({
  username: values.username,
  displayName: values.name ?? values.username,
  password: values.password ?? process.env.ADMIN_PASSWORD,
  roles: ['admin'],
});
if (!input.success) {
  console.error(`Cannot create the admin:\n${input.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  console.error('Usage: npm run create-admin -- --username NAME --name "Full Name" --password SECRET (or ADMIN_PASSWORD=...)');
  process.exit(2);
}
const env = readEnv();
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const user = await createUser(db, input.data);
  console.log(`Created admin ${user.username} (${user.id}).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
