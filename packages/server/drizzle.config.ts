import path from 'node:path';
import { defineConfig } from 'drizzle-kit';

/** Path of a file of this package, relative to the cwd: drizzle-kit mangles absolute `out` paths. */
const here = (file: string) => path.relative(process.cwd(), path.join(__dirname, file)) || '.';

/** drizzle-kit settings (`npm run db:generate`), valid from any working directory. */
export default defineConfig({
  dialect: 'postgresql',
  schema: here('src/db/schema.ts'),
  out: here('drizzle'),
});
