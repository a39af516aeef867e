import { connect, type Socket } from 'node:net';

type SocketCallback = (err: Error | null, socketOptions?: { connection: Socket }) => void;

/**
 * nodemailer's `getSocket`: opens the TCP connection itself so that it can turn off Nagle's
 * algorithm. Left on, the message's closing `.` waits for the server's delayed ACK, 40 ms per
 * message on Linux, which caps one connection at about 20 mails a second however fast the relay.
 * nodemailer then greets on it and, for smtps://, wraps it in TLS.
 */
export function noDelaySocket(host: string, port: number, timeoutMs: number) {
  return (_options: unknown, callback: SocketCallback): void => {
    const socket = connect({ host, port, noDelay: true });
    const fail = (message: string, code: string) => {
      socket.destroy();
      callback(Object.assign(new Error(message), { code }));
    };
    const timer = setTimeout(() => fail('Connection timeout', 'ETIMEDOUT'), timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      fail(err.message, 'ECONNECTION');
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      coalesceWrites(socket);
      callback(null, { connection: socket });
    });
  };
}

/**
 * Without Nagle every write is its own syscall and packet, and nodemailer writes a message as many
 * small chunks (each header, boundary and encoded line group). Writes made in one turn of the event
 * loop are corked and go out together when it ends: one syscall for most of a message.
 */
function coalesceWrites(socket: Socket): void {
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  const write = socket.write;
  socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return write.apply(this, args);
  } as Socket['write'];
}
