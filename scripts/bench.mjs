// `npm run bench`: CourtSync's benchmarks (bench/README.md). Exits 0 even when figures miss
// their targets (they print BELOW TARGET); non-zero only when the bench itself crashed.
import { runBench } from '../bench/run-bench.mjs';

// Exit explicitly: a stray keep-alive socket must not keep a finished bench alive.
process.exit(await runBench());
