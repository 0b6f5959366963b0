import type { Role } from '@courtsync/protocol';
import { users } from '../../db/schema';
import type { Database, Transaction } from '../../db/types';

/** Password of every demo user (listed in the README; a deployment sets SEED_DEMO_USERS=off). */
export const DEMO_PASSWORD = 'courtsync-demo';

/** A seeded demo user. */
export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** bcrypt (cost 10) of DEMO_PASSWORD, made once, so seeding costs no hashing at boot. */
  passwordHash: string;
}

/** One demo user per role, two scorekeepers (for a claim handover). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'u-admin',
    email: 'admin@courtsync.demo',
    name: 'Ada Admin',
    role: 'admin',
    passwordHash: '$2b$10$KApl6PInAbY5dOpemU8srurzsV/mcrDV7q/jv66ZUEkSCL48UiOQ.',
  },
  {
    id: 'u-scorer1',
    email: 'scorer1@courtsync.demo',
    name: 'Sam Scorer',
    role: 'scorekeeper',
    passwordHash: '$2b$10$9KMgsY7Kk7jD0qXYEnctju5LB5pC12aAEtpAXzJweKwhBwJAQRHCu',
  },
  {
    id: 'u-scorer2',
    email: 'scorer2@courtsync.demo',
    name: 'Kim Keeper',
    role: 'scorekeeper',
    passwordHash: '$2b$10$b3v3MfqyrdUW7zxAJi8H5eRPhoFygtGMCTfYOP8ivCxSCuiH2/BjS',
  },
  {
    id: 'u-coach',
    email: 'coach@courtsync.demo',
    name: 'Chris Coach',
    role: 'coach',
    passwordHash: '$2b$10$3E7mjWivSu3FGvqyBIbq0u0Yc88TbMhBSTlU7t5iIPNJDjTYV8efG',
  },
  {
    id: 'u-media',
    email: 'media@courtsync.demo',
    name: 'Mia Media',
    role: 'media',
    passwordHash: '$2b$10$RrtI8Ru8puVAgVeQN96vQewXg85gjx6dzL.TSJhOy8TD8yrjHmCv.',
  },
  {
    id: 'u-fan',
    email: 'fan@courtsync.demo',
    name: 'Finn Fan',
    role: 'spectator',
    passwordHash: '$2b$10$gS//NR0zkutREDPdS3.la.53KWVIiIpEh.WkmXtFBZbexEjWzoBBa',
  },
];

/**
 * Inserts the demo users unless they exist (by id or e-mail); existing rows (a changed
 * password, a disabled user) are never touched. Off with SEED_DEMO_USERS=off.
 */
export async function seedDemoUsers(
  db: Database | Transaction,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (env.SEED_DEMO_USERS === 'off') return;
  await db
    .insert(users)
    .values(DEMO_USERS.map((u) => ({ ...u })))
    .onConflictDoNothing();
}
