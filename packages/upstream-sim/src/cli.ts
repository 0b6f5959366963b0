#!/usr/bin/env -S npx tsx
/**
 * `tsx packages/upstream-sim/src/cli.ts [--port 4100] [--speed 1] [--latency 0]
 * [--tournaments 6] [--matches 24] [--all-running] [--frozen]`: runs the simulator until
 * SIGINT/SIGTERM (`--frozen` stops its clock: every answer stays the same).
 */
import { parseArgs } from 'node:util';
import { SimClock } from './clock';
import { startUpstreamSim } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.UPSTREAM_SIM_PORT ?? '4100' },
    host: { type: 'string', default: '127.0.0.1' },
    speed: { type: 'string', default: '1' },
    latency: { type: 'string', default: '0' },
    tournaments: { type: 'string', default: '6' },
    matches: { type: 'string', default: '24' },
    'all-running': { type: 'boolean', default: false },
    frozen: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const sim = await startUpstreamSim({
    port: Number(values.port),
    host: values.host,
    clock: new SimClock({ speed: Number(values.speed), frozen: values.frozen }),
    latencyMs: Number(values.latency),
    season: {
      tournaments: Number(values.tournaments),
      matchesPerTournament: Number(values.matches),
      allRunning: values['all-running'],
    },
  });
  console.log(
    `upstream-sim: VIS ${sim.visUrl}, Presto-style ${sim.prestoUrl} (control: ${sim.url}/__sim/state)`,
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('upstream-sim failed to start:', error);
  process.exit(1);
});
