//! Email by real SMTP (lettre): sign-in links for organisers and "there is news" notes for
//! applicants who asked for them. What is sent is written into the store's mail queue first and
//! delivered by `deliver_queue` in the background, so a slow or failing mail server never holds
//! up a request and nothing is lost while it is down.
//!
//! Emails carry no personal details beyond the opportunity's title: the applicant follows the
//! link into the app to read the news.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use crate::store::Store;

/// Where and how to send: `smtp://host:25`, `smtp://user:pass@host:587?tls=required`
/// (STARTTLS) or `smtps://user:pass@host:465` (TLS from the start), and the sender.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub smtp_url: String,
    pub from: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the SMTP address is not one the server can use (smtp://host:port, smtps://… or smtp://…?tls=required)")]
    Url(#[source] lettre::transport::smtp::Error),
    #[error("the sender address \"{0}\" is not an email address (e.g. \"Open Door <noreply@example.org>\")")]
    From(String),
    #[error("\"{0}\" is not an email address the server can send to")]
    To(String),
    #[error("the email could not be put together")]
    Build(#[source] lettre::error::Error),
    #[error("the mail server did not take the email")]
    Send(#[source] lettre::transport::smtp::Error),
}

/// Sends email through one SMTP server.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(config: &MailConfig) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
            .map_err(MailError::Url)?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = config
            .from
            .parse::<Mailbox>()
            .map_err(|_| MailError::From(config.from.clone()))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one plain-text email now.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let to = to
            .parse::<Mailbox>()
            .map_err(|_| MailError::To(to.to_owned()))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(MailError::Build)?;
        self.transport
            .send(message)
            .await
            .map_err(MailError::Send)?;
        Ok(())
    }
}

/// Sends what is due in the queue, then waits for more (woken by `wake`, or every 30 s for
/// retries). Runs for the server's life.
pub async fn deliver_queue(store: Arc<Store>, mailer: Arc<Mailer>, wake: Arc<Notify>) {
    loop {
        let s = store.clone();
        let due = match tokio::task::spawn_blocking(move || s.due_mail(50)).await {
            Ok(Ok(due)) => due,
            Ok(Err(e)) => {
                tracing::error!(error = %crate::chain(&e), "reading the mail queue failed");
                Vec::new()
            }
            Err(e) => {
                tracing::error!(error = %e, "reading the mail queue failed");
                Vec::new()
            }
        };
        for mail in &due {
            let result = mailer
                .send(&mail.recipient, &mail.subject, &mail.body)
                .await;
            let s = store.clone();
            let mail = mail.clone();
            let done = tokio::task::spawn_blocking(move || match result {
                Ok(()) => s.mail_sent(mail.id),
                Err(e) => {
                    // The log gets the mail server's words, never the address or the text.
                    let why = crate::chain(&e);
                    tracing::warn!(error = %why, attempts = mail.attempts + 1, "an email could not be sent; it will be tried again");
                    s.mail_failed(&mail, &why)
                }
            })
            .await;
            if let Ok(Err(e)) = done {
                tracing::error!(error = %crate::chain(&e), "updating the mail queue failed");
            }
        }
        if due.len() < 50 {
            let _ = tokio::time::timeout(Duration::from_secs(30), wake.notified()).await;
        }
    }
}

/// The sign-in email's subject and body.
pub fn sign_in_email(org_name: &str, link: &str, minutes: i64) -> (String, String) {
    (
        "Your link to sign in to Open Door".to_owned(),
        format!(
            "Use this link to sign in to Open Door for {org_name}:\n\n{link}\n\n\
             It works once, for {minutes} minutes. If you did not ask to sign in, you can ignore \
             this email: nobody can sign in without the link.\n"
        ),
    )
}

/// The applicant's "there is news" email: the opportunity's title and a link, nothing else.
pub fn news_email(title: &str, link: &str) -> (String, String) {
    let title: String = title
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect();
    (
        format!("News about your application: {title}"),
        format!(
            "There is news about your application to \"{title}\".\n\n\
             Open it in Open Door to read it:\n{link}\n\n\
             We do not put your answers or the organisers' words in emails, to keep them private.\n\n\
             You get these emails because you asked for them when you applied. Withdrawing your \
             application in Open Door stops them.\n"
        ),
    )
}
