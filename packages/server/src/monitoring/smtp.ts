import net from 'node:net';
import tls from 'node:tls';

/** Where alert e-mails go (F35: "email when SMTP is configured"). */
export interface SmtpConfig {
  /** `smtp://[user:pass@]host[:port]` (plain) or `smtps://…` (TLS from the start, port 465). */
  url: string;
  from: string;
  to: readonly string[];
  timeoutMs?: number;
}

/** Reads SMTP replies (a final line is `NNN text`, continuation lines `NNN-text`). */
class ReplyReader {
  private buffer = '';
  private waiting: ((line: string) => void)[] = [];
  private lines: string[] = [];

  constructor(socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i: number;
      while ((i = this.buffer.indexOf('\r\n')) >= 0) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 2);
        if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
          const next = this.waiting.shift();
          if (next) next(line);
          else this.lines.push(line);
        }
      }
    });
  }

  /** The next final reply line. */
  next(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** Dot-stuffing and CRLF line ends, as DATA requires. */
function dataBlock(text: string): string {
  return text
    .replace(/\r?\n/g, '\r\n')
    .split('\r\n')
    .map((l) => (l.startsWith('.') ? `.${l}` : l))
    .join('\r\n');
}

/** Sends one plain-text e-mail over SMTP (AUTH PLAIN when the url has a user). */
export async function sendMail(config: SmtpConfig, subject: string, text: string): Promise<void> {
  const url = new URL(config.url);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 25));
  const socket: net.Socket = secure
    ? tls.connect({ host: url.hostname, port, servername: url.hostname })
    : net.connect({ host: url.hostname, port });
  socket.setTimeout(config.timeoutMs ?? 15_000, () => socket.destroy(new Error('SMTP timeout')));
  const failed = new Promise<never>((_, reject) => socket.once('error', reject));
  const reader = new ReplyReader(socket);
  const expect = async (code: string, command?: string): Promise<void> => {
    if (command !== undefined) socket.write(`${command}\r\n`);
    const line = await Promise.race([reader.next(), failed]);
    if (!line.startsWith(code)) throw new Error(`SMTP: expected ${code}, got "${line}"`);
  };
  try {
    await expect('220');
    await expect('250', 'EHLO courtsync');
    if (url.username) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      await expect('235', `AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`).toString('base64')}`);
    }
    await expect('250', `MAIL FROM:<${config.from}>`);
    for (const to of config.to) await expect('250', `RCPT TO:<${to}>`);
    await expect('354', 'DATA');
    const headers = [
      `From: ${config.from}`,
      `To: ${config.to.join(', ')}`,
      `Subject: ${subject.replace(/[\r\n]+/g, ' ')}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
    ];
    await expect('250', `${dataBlock(`${headers.join('\n')}\n\n${text}`)}\r\n.`);
    await expect('221', 'QUIT').catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
