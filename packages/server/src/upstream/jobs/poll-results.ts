import type { CredentialGuard } from '../credentials';
import type { ProviderName, UpstreamProvider } from '../provider';
import type { RunContext } from '../runner/run-context';
import { applyResult } from '../store/apply-result';
import type { LiveMatch } from '../store/apply-result';
import { tournamentIdFor } from '../store/ids';
import { ValidatorCache } from '../store/validators';
import { groupBy } from './sources';

/**
 * Polls the result of every live match (F27, F28), tournament by tournament (5 at once, each
 * isolated): unchanged answers (304 / same hash) write nothing.
 */
export async function pollResults(
  ctx: RunContext,
  provider: ProviderName,
  adapter: UpstreamProvider,
  guard: CredentialGuard,
  live: LiveMatch[],
): Promise<void> {
  const validators = await ValidatorCache.load(ctx.db, `${provider}:`);
  await ctx.forEachTournament(
    groupBy(live, (m) => m.tournamentNo),
    ([no]) => ({ providerNo: no, tournamentId: tournamentIdFor(provider, no) }),
    async ([, group], scope) => {
      let changed = 0;
      for (const match of group) {
        const fetched = await guard.call(() =>
          adapter.getResult(scope.call(validators), {
            no: match.providerNo,
            tournamentNo: match.tournamentNo,
          }),
        );
        if (!fetched.changed) continue;
        if (await applyResult(ctx.db, provider, match, fetched.data, scope.writes)) changed += 1;
        await validators.save(ctx.db, [fetched.validator], scope.writes);
      }
      ctx.count('matchesUpdated', changed);
      return { status: changed > 0 ? 'success' : 'unchanged', records: group.length };
    },
  );
}
