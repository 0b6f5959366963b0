import bcrypt from 'bcryptjs';

/** bcrypt cost: about 0.1 s per hash on a small server; slows guessing, not sign-in. */
const COST = 10;
/** Compared against when the e-mail is unknown, so both answers take the same time. */
const DUMMY_HASH = '$2b$10$9KMgsY7Kk7jD0qXYEnctju5LB5pC12aAEtpAXzJweKwhBwJAQRHCu';

/** A bcrypt hash of `password`. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Whether `password` matches `hash`; with no hash, spends the same time and says no. */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== undefined && ok;
}
