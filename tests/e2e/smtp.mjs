// A real SMTP listener for the end-to-end tests: nodemailer's smtp-server package (not our
// code), on a free local port, keeping every message it receives.
import { SMTPServer } from 'smtp-server';

/** Starts a listener; `t.after` stops it. `mails` holds { to, raw, subject, body }. */
export async function smtpSink(t) {
  const mails = [];
  const waiters = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = raw.split('\r\n\r\n');
        // Quoted-printable soft line breaks joined, as a mail reader would.
        const body = rest.join('\r\n\r\n').replace(/=\r\n/g, '').replace(/=3D/g, '=');
        const subject = (head.match(/^Subject: (.*)$/m) ?? [])[1] ?? '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push({ to, raw, subject, body });
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address();
  t.after(() => new Promise((ok) => server.close(ok)));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The first message to `to` (waits up to `timeout` ms), removed from `mails`. */
    async waitFor(to, timeout = 15000) {
      const end = Date.now() + timeout;
      for (;;) {
        const i = mails.findIndex((m) => m.to.includes(to));
        if (i >= 0) return mails.splice(i, 1)[0];
        if (Date.now() > end) throw new Error(`no email to ${to}; have ${mails.map((m) => m.to).join(', ')}`);
        await new Promise((ok) => { waiters.push(ok); setTimeout(ok, 200); });
      }
    },
  };
}

/** The first link in an email's body. */
export const linkIn = (mail) => mail.body.match(/https?:\/\/\S+/)[0];
