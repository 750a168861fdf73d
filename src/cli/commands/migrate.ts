import { boot } from '../boot.ts';
import { migrate } from '../../db/migrate.ts';

export async function runMigrate(flags: { data?: string }): Promise<void> {
  const { db } = await boot(flags, { schema: 'any' });
  const applied = await migrate(db);
  await db.close();
  console.log(applied.length ? `applied ${applied.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`).join(', ')}` : 'schema is up to date');
}
