'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { openCourtSyncDb } from '@courtsync/client';
import {
  loadScoresheet,
  scoresheetCsv,
  type Scoresheet,
  type SheetSet,
} from '@courtsync/client/scoresheet';
import type { Team } from '@courtsync/scoring';
import { saveFile } from './save-file';
import { useLocalMatch } from './use-local-match';
import { ScreenPlaceholder } from './screen-placeholder';

/** A time of the sheet in the reader's clock, or a dash when unknown. */
function clock(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '–';
}

/**
 * The printable scoresheet of a match (F6): teams, result, every set with its times, first
 * server, point-by-point running score, timeouts, substitutions and sanctions. Print styles
 * drop the app's chrome so "Print → Save as PDF" gives a clean sheet; the CSV has one row per
 * event of the log. Built from the device's copy of the log (fetched first when online).
 */
export function ScoresheetView({ matchId }: { matchId: string }) {
  const [db] = useState(() => openCourtSyncDb());
  const { match, load } = useLocalMatch(db, matchId);
  const [sheet, setSheet] = useState<Scoresheet>();
  const version = match ? JSON.stringify(match.state.sets) + (match.cursor ?? 0) : '';

  useEffect(() => {
    if (!version) return;
    let cancelled = false;
    void loadScoresheet(db, matchId).then((s) => !cancelled && setSheet(s));
    return () => {
      cancelled = true;
    };
  }, [db, matchId, version]);

  if (!sheet) {
    const text =
      load === 'missing' ? 'This match is not available offline yet.' : 'Loading scoresheet…';
    return <ScreenPlaceholder testId="match-loading" text={text} />;
  }
  const { match: m, state } = sheet;
  const name = (team: Team) => (team === 'A' ? m.teamA : m.teamB);
  const downloadCsv = () =>
    saveFile(scoresheetCsv(sheet), `scoresheet-${m.id}.csv`, 'text/csv;charset=utf-8');

  return (
    <main
      className="screen scoresheet"
      data-testid="scoresheet"
      data-finished={Boolean(state.winner)}
    >
      <header className="screen-header">
        <h1>
          Scoresheet: {m.teamA} <span className="vs">vs</span> {m.teamB}
        </h1>
        <dl className="sheet-facts">
          <dt>Format</dt>
          <dd>{m.format === 'beach' ? 'Beach, best of 3' : 'Indoor, best of 5'}</dd>
          <dt>Court</dt>
          <dd>{m.court}</dd>
          <dt>Scheduled</dt>
          <dd>{new Date(m.scheduledAt).toLocaleString()}</dd>
          <dt>Started</dt>
          <dd data-testid="sheet-started">{clock(sheet.startedAt)}</dd>
          <dt>Ended</dt>
          <dd data-testid="sheet-ended">{clock(sheet.endedAt)}</dd>
          <dt>Result</dt>
          <dd data-testid="sheet-result">
            {state.winner
              ? `${name(state.winner)} won ${state.setsWon.A}-${state.setsWon.B}`
              : `In play: sets ${state.setsWon.A}-${state.setsWon.B}`}
          </dd>
        </dl>
        <div className="sheet-actions no-print">
          <button type="button" className="plain-button" onClick={() => window.print()}>
            Print / save as PDF
          </button>
          <button
            type="button"
            className="plain-button"
            onClick={downloadCsv}
            data-testid="download-csv"
          >
            Download CSV
          </button>
          <Link href={`/matches/${m.id}`} prefetch={false} className="pill-link">
            Back to the match
          </Link>
        </div>
      </header>
      {sheet.sets.map((set) => (
        <SetSection key={set.number} set={set} name={name} />
      ))}
      <p className="sheet-footnote">
        {sheet.entries.length} events in the log; undone actions are listed in the CSV.
      </p>
    </main>
  );
}

function SetSection({ set, name }: { set: SheetSet; name: (team: Team) => string }) {
  const d = set.detail;
  return (
    <section
      className="sheet-set"
      aria-labelledby={`set-${set.number}-title`}
      data-testid={`sheet-set-${set.number}`}
    >
      <h2 id={`set-${set.number}-title`}>
        Set {set.number}: {set.a}-{set.b}
        {set.winner ? ` to ${name(set.winner)}` : ''}
        {d?.corrected ? ' (corrected by an official)' : ''}
      </h2>
      <p className="match-meta">
        {clock(set.startedAt)} – {clock(set.endedAt)}
        {d
          ? ` · first serve ${name(d.firstServer)} · ${name(d.startLeft)} started on the left`
          : ''}
      </p>
      <h3>Running score</h3>
      <ol className="running-score" aria-label={`Running score of set ${set.number}`}>
        {set.points.map((p, i) => (
          <li key={i} className={`run-${p.team.toLowerCase()}${p.penalty ? ' is-penalty' : ''}`}>
            {p.a}-{p.b}
            {p.penalty ? ' P' : ''}
          </li>
        ))}
      </ol>
      <table className="sheet-table">
        <caption>Timeouts, substitutions and sanctions of set {set.number}</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Team</th>
            <th scope="col">Detail</th>
            <th scope="col">At</th>
          </tr>
        </thead>
        <tbody>
          {d?.timeouts.map((t, i) => (
            <tr key={`t${i}`} data-testid="sheet-timeout">
              <td>Timeout</td>
              <td>{name(t.team)}</td>
              <td />
              <td>
                {t.at.a}-{t.at.b}
              </td>
            </tr>
          ))}
          {d?.substitutions.map((s, i) => (
            <tr key={`s${i}`} data-testid="sheet-substitution">
              <td>Substitution</td>
              <td>{name(s.team)}</td>
              <td>
                #{s.playerIn} in for #{s.playerOut}
              </td>
              <td>
                {s.at.a}-{s.at.b}
              </td>
            </tr>
          ))}
          {set.sanctions.map((s, i) => (
            <tr key={`x${i}`} data-testid="sheet-sanction">
              <td>Sanction</td>
              <td>{name(s.team)}</td>
              <td>
                {s.sanction}
                {s.player === undefined ? '' : ` #${s.player}`}
              </td>
              <td>
                {s.at.a}-{s.at.b}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
