/** Props of the banner shown while the server refuses this device's pushes (401/403). */
export interface SyncBlockBannerProps {
  code: string;
  message: string;
  pending: number;
  onRetry(): void;
}

/** The sign-in page, coming back here afterwards. */
function signInHref(): string {
  const here = typeof window === 'undefined' ? '/' : window.location.pathname;
  return `/login?next=${encodeURIComponent(here)}`;
}

/**
 * Says that syncing is paused until the user signs in again, and that nothing is lost: the
 * actions stay on the phone (F21). "Sign in" leads to the sign-in page and back; once signed
 * in, everything queued is sent. "Try again" resumes syncing.
 */
export function SyncBlockBanner({ code, message, pending, onRetry }: SyncBlockBannerProps) {
  const forbidden = code === 'FORBIDDEN';
  return (
    <div className="sync-block" role="alert" data-testid="sync-blocked" data-code={code}>
      <p>
        <strong>{forbidden ? 'Not allowed to sync' : 'Sign in again to sync'}</strong>
        <br />
        {pending} {pending === 1 ? 'action is' : 'actions are'} kept on this phone. {message}
      </p>
      {!forbidden && (
        <a className="plain-button" data-testid="sync-sign-in" href={signInHref()}>
          Sign in
        </a>
      )}
      <button type="button" className="plain-button" data-testid="sync-retry" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
