/**
 * What a screen shows while its subject is not there: loading, or not on this device / server.
 * `testId` is what tests wait on (`match-loading`, `tournament-loading`).
 */
export function ScreenPlaceholder({ testId, text }: { testId: string; text: string }) {
  return (
    <main className="screen">
      <p data-testid={testId}>{text}</p>
    </main>
  );
}
