import { act, render, screen } from '@testing-library/react';
import { useBackgroundSyncView } from './background-sync-store';
import { NavSyncIndicator } from './nav-sync-indicator';

/** Sets the browser's online flag and tells the page, as the browser does. */
function goOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('NavSyncIndicator', () => {
  afterEach(() => goOnline(true));

  it('with nothing to sync (no manager running): the dot follows the browser', async () => {
    render(<NavSyncIndicator />);
    const dot = screen.getByTestId('sync-indicator-minimal');
    expect(dot).toHaveAttribute('data-status', 'synced');
    expect(screen.getByTestId('nav-sync')).toHaveAttribute('href', '/sync');
    act(() => goOnline(false));
    expect(dot).toHaveAttribute('data-status', 'offline');
    expect(dot).toHaveAccessibleName('Offline');
    act(() => goOnline(true));
    expect(dot).toHaveAttribute('data-status', 'synced');
    expect(useBackgroundSyncView.getState().manager).toBeUndefined();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId('nav-sync-pending')).not.toBeInTheDocument();
  });
});
