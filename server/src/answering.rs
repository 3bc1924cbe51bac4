//! An organisation's answer to an applicant: a new status, a message, or both. One path for
//! the token API and the organisers' pages, so every answer is recorded in the audit trail and
//! reaches the applicant by email when they asked for that.

use opendoor_core::application::ApplicationStatus;

use crate::mail::news_email;
use crate::store::{Organiser, Result, Store, UpdateOutcome};

/// What an organiser asks to change. `message`: None leaves it; Some(None) clears it.
#[derive(Clone, Debug, Default)]
pub struct Answer<'a> {
    pub status: Option<ApplicationStatus>,
    pub message: Option<Option<&'a str>>,
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answered {
    pub outcome: UpdateOutcome,
    /// An email to the applicant was queued (wake the mailer).
    pub emailed: bool,
}

/// Applies one answer. `actor` names who did it in the audit trail; `app_url` is the app's
/// address, for the link in the email.
pub fn answer(
    st: &Store,
    org: &Organiser,
    actor: &str,
    id: &str,
    a: &Answer<'_>,
    app_url: &str,
) -> Result<Answered> {
    let before = st.organiser_application(org, id)?;
    let outcome = st.update_application(org, id, a.status, a.message)?;
    let Some(before) = before.filter(|_| outcome == UpdateOutcome::Updated) else {
        return Ok(Answered {
            outcome,
            emailed: false,
        });
    };
    let mut news = false;
    if let Some(s) = a.status.filter(|s| *s != before.status) {
        st.audit(
            &org.org_key,
            actor,
            "application.status",
            id,
            &format!("{} → {}", before.status.as_str(), s.as_str()),
        )?;
        news = true;
    }
    if let Some(m) = a.message {
        if m != before.feedback.as_deref() {
            let what = if m.is_some() {
                "wrote to the applicant"
            } else {
                "cleared the message"
            };
            st.audit(&org.org_key, actor, "application.message", id, what)?;
            news |= m.is_some();
        }
    }
    let mut emailed = false;
    if news {
        if let Some(to) = st.email_for_updates(id)? {
            let title = st
                .listing(&before.listing_id)?
                .map(|l| l.title)
                .unwrap_or_else(|| "an opportunity".to_owned());
            let (subject, body) = news_email(
                &title,
                &format!("{}/applications/{id}", app_url.trim_end_matches('/')),
            );
            st.queue_mail(&to, &subject, &body, Some(id))?;
            emailed = true;
        }
    }
    Ok(Answered { outcome, emailed })
}
