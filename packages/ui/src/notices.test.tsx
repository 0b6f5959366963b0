import { act, render, screen } from '@testing-library/react';
import { Notices, notifyError } from './notices';

describe('Notices', () => {
  it('renders nothing until the first notice, then shows it and every later one', async () => {
    const { container } = render(<Notices />);
    expect(container).toBeEmptyDOMElement();

    act(() => notifyError('Match is over: no more rallies'));
    expect(await screen.findByText('Match is over: no more rallies')).toBeInTheDocument();

    act(() => notifyError('Nothing to undo'));
    expect(await screen.findByText('Nothing to undo')).toBeInTheDocument();
  });
});
