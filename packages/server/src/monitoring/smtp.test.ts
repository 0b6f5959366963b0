import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { sendMail } from './smtp';

/** A minimal SMTP server on 127.0.0.1 that records the dialogue and the message. */
async function smtpServer(): Promise<{ url: string; lines: string[]; close: () => Promise<void> }> {
  const lines: string[] = [];
  const server = net.createServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        lines.push(line);
        if (data) {
          if (line === '.') {
            data = false;
            socket.write('250 queued\r\n');
          }
          continue;
        }
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') socket.write('250-test\r\n250 AUTH PLAIN\r\n');
        else if (verb === 'AUTH') socket.write('235 ok\r\n');
        else if (verb === 'DATA') {
          data = true;
          socket.write('354 go\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://alerts:p%40ss@127.0.0.1:${port}`,
    lines,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('alert e-mail over SMTP', () => {
  it('authenticates, addresses every recipient and sends the text with dot-stuffing', async () => {
    const smtp = await smtpServer();
    try {
      await sendMail(
        { url: smtp.url, from: 'courtsync@example.org', to: ['td@example.org', 'ops@example.org'] },
        '[CourtSync HIGH] opened: schedules',
        'Schedules failed 3 times.\n.hidden line\nbye',
      );
      expect(smtp.lines).toEqual(
        expect.arrayContaining([
          'EHLO courtsync',
          `AUTH PLAIN ${Buffer.from('\0alerts\0p@ss').toString('base64')}`,
          'MAIL FROM:<courtsync@example.org>',
          'RCPT TO:<td@example.org>',
          'RCPT TO:<ops@example.org>',
          'DATA',
          'Subject: [CourtSync HIGH] opened: schedules',
          'Schedules failed 3 times.',
          '..hidden line',
          '.',
          'QUIT',
        ]),
      );
    } finally {
      await smtp.close();
    }
  });

  it('fails with the server reply when a recipient is refused', async () => {
    const server = net.createServer((socket) => {
      socket.write('220 x\r\n');
      socket.on('data', (d) => {
        const line = d.toString();
        socket.write(line.startsWith('RCPT') ? '550 no such user\r\n' : '250 ok\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(
        sendMail({ url: `smtp://127.0.0.1:${port}`, from: 'a@b.c', to: ['x@y.z'] }, 's', 't'),
      ).rejects.toThrow(/550 no such user/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
