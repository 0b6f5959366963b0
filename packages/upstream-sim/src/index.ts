/** @courtsync/upstream-sim — a local FIVB VIS (XML) and Presto-style (JSON) provider with fault injection. */
export { startUpstreamSim, VIS_PATH } from './server';
export type { UpstreamSim, UpstreamSimOptions } from './server';
export { SimClock } from './clock';
export { SimSeason, snapshotAt } from './season';
export type { PlayedSnapshot } from './season';
export { generateSeason } from './season-data';
export type { SeasonOptions, SimEvent, SimMatch, SimTeam, SimTournament } from './season-data';
export { FaultInjector, faultRuleSchema } from './faults';
export type { FaultRule, RequestTarget } from './faults';
export { RequestLog } from './request-log';
export type { LoggedRequest } from './request-log';
export { BEACH, INDOOR, rallyWinners, scoreOf } from './rally-sim';
export type { SimFormat, SimScore } from './rally-sim';
