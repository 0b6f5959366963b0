import net from 'node:net';

/** A TCP proxy in front of an app server whose connections a test can cut at will. */
export interface CutProxy {
  port: number;
  /** Destroys every open connection (both sides), as a dropped network or a proxy would. */
  cut(): void;
  /** Connections currently open. */
  readonly open: number;
  close(): Promise<void>;
}

/**
 * Listens on `port` and forwards every connection to `targetPort` on loopback. When the
 * target is down the client's connection is closed at once (like a load balancer's reset).
 */
export function startCutProxy(port: number, targetPort: number): Promise<CutProxy> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    const upstream = net.connect(targetPort, '127.0.0.1');
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        port,
        cut: () => sockets.forEach((s) => s.destroy()),
        get open() {
          return sockets.size;
        },
        close: () =>
          new Promise<void>((done) => {
            sockets.forEach((s) => s.destroy());
            server.close(() => done());
          }),
      }),
    );
  });
}
