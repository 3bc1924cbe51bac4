//! Emails waiting to go: written in the same breath as the change they tell of, sent by the
//! mailer in the background, retried with backoff, deleted once sent. An application's emails
//! are deleted when it is withdrawn or erased, so nothing is sent about it afterwards.

use super::sql::args;

use super::{Result, Store};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

/// After this many failures an email is given up (about a day of tries).
pub const MAX_ATTEMPTS: i64 = 12;

/// Seconds before try `attempts + 1`: 30 s, doubling, at most 2 hours.
pub fn retry_after(attempts: i64) -> i64 {
    (30i64 << attempts.clamp(0, 8)).min(2 * 60 * 60)
}

impl Store {
    pub fn queue_mail(
        &self,
        recipient: &str,
        subject: &str,
        body: &str,
        application_id: Option<&str>,
    ) -> Result<()> {
        let now = self.clock.unix();
        self.write(|c| {
            c.execute(
                "INSERT INTO mail_queue (recipient, subject, body, application_id, next_try) VALUES (?1, ?2, ?3, ?4, ?5)",
                args![recipient, subject, body, application_id, now],
            )?;
            Ok(())
        })
    }

    /// Emails due now, oldest first.
    pub fn due_mail(&self, limit: usize) -> Result<Vec<QueuedMail>> {
        let now = self.clock.unix();
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, recipient, subject, body, attempts FROM mail_queue WHERE next_try <= ?1 \
                 ORDER BY next_try, id LIMIT ?2",
            )?;
            let rows = st
                .query_map(args![now, limit as i64], |r| {
                    Ok(QueuedMail {
                        id: r.get(0)?,
                        recipient: r.get(1)?,
                        subject: r.get(2)?,
                        body: r.get(3)?,
                        attempts: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    pub fn mail_sent(&self, id: i64) -> Result<()> {
        self.write(|c| {
            c.execute("DELETE FROM mail_queue WHERE id = ?1", args![id])?;
            Ok(())
        })
    }

    /// Records a failed try; gives up after `MAX_ATTEMPTS`. `why` is the SMTP server's words
    /// (no personal data: the recipient is not in it).
    pub fn mail_failed(&self, mail: &QueuedMail, why: &str) -> Result<()> {
        let next = self.clock.unix() + retry_after(mail.attempts);
        self.write(|c| {
            if mail.attempts + 1 >= MAX_ATTEMPTS {
                c.execute("DELETE FROM mail_queue WHERE id = ?1", args![mail.id])?;
            } else {
                c.execute(
                    "UPDATE mail_queue SET attempts = attempts + 1, next_try = ?2, last_error = ?3 WHERE id = ?1",
                    args![mail.id, next, why.chars().take(500).collect::<String>()],
                )?;
            }
            Ok(())
        })
    }

    /// How many emails wait, and the last error among them (for /healthz and the operator).
    pub fn mail_backlog(&self) -> Result<(i64, Option<String>)> {
        self.read(|c| {
            let n = c.query_row("SELECT COUNT(*) FROM mail_queue", args![], |r| r.get(0))?;
            let err = c
                .query_row(
                    "SELECT last_error FROM mail_queue WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1",
                    args![],
                    |r| r.get(0),
                )
                .ok();
            Ok((n, err))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::retry_after;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(retry_after(0), 30);
        assert_eq!(retry_after(1), 60);
        assert_eq!(retry_after(4), 480);
        assert_eq!(retry_after(11), 2 * 60 * 60);
    }
}
