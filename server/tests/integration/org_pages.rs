//! The organisers' pages over real HTTP, a real SQLite file and a real SMTP listener: invited
//! by the command line, signed in from the emailed link, publishing, answering applicants (who
//! are emailed, with nothing personal in the email), impact notes, isolation between
//! organisations, CSRF, link and session expiry, removal, export and the audit trail.

use std::sync::atomic::Ordering;

use reqwest::redirect::Policy;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::common::{client, fake_clock, key, server_bin, TestServer};
use super::smtp::SmtpSink;
use opendoor_server::mail::MailConfig;
use opendoor_server::store::Role;

const NOW: i64 = 1_790_000_000; // 2026-09-21

/// A browser: keeps the session cookie, does not follow redirects (so tests see them).
struct Browser {
    c: reqwest::Client,
    base: String,
    cookie: Option<String>,
}

struct Page {
    status: StatusCode,
    location: Option<String>,
    set_cookie: Option<String>,
    body: String,
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

impl Browser {
    fn new(base: &str) -> Browser {
        Browser {
            c: reqwest::Client::builder()
                .no_proxy()
                .redirect(Policy::none())
                .build()
                .unwrap(),
            base: base.to_owned(),
            cookie: None,
        }
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Page {
        let req = match &self.cookie {
            Some(c) => req.header("cookie", c),
            None => req,
        };
        let res = req.send().await.unwrap();
        let status = res.status();
        let location = res
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        let set_cookie = res
            .headers()
            .get("set-cookie")
            .map(|v| v.to_str().unwrap().to_owned());
        if let Some(sc) = &set_cookie {
            let pair = sc.split(';').next().unwrap().to_owned();
            self.cookie = (!pair.ends_with('=')).then_some(pair);
        }
        Page {
            status,
            location,
            set_cookie,
            body: res.text().await.unwrap(),
        }
    }

    async fn get(&mut self, path: &str) -> Page {
        let r = self.c.get(format!("{}{path}", self.base));
        self.send(r).await
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let r = self.c.post(format!("{}{path}", self.base)).form(form);
        self.send(r).await
    }

    /// The CSRF token on a page the person can see.
    async fn csrf(&mut self) -> String {
        let p = self.get("/org/listings").await;
        assert_eq!(p.status, StatusCode::OK, "signed in: {}", p.body);
        between(&p.body, "name=\"csrf\" value=\"", "\"")
            .expect("a CSRF field")
            .to_owned()
    }
}

fn link_in(mail: &str) -> String {
    let i = mail.find("http").expect("a link in the email");
    mail[i..].split_whitespace().next().unwrap().to_owned()
}

/// Opens a sign-in link as a browser would: the page asks, the button signs in.
async fn use_link(b: &mut Browser, link: &str) -> Page {
    let path = &link[link.find("/org/link/").unwrap()..];
    let shown = b.get(path).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert!(shown.body.contains("Sign in"), "{}", shown.body);
    b.post(path, &[]).await
}

async fn server_with_mail(sink: &SmtpSink) -> TestServer {
    let url = sink.url.clone();
    TestServer::with()
        .config(move |c| {
            c.mail = Some(MailConfig {
                smtp_url: url,
                from: "Open Door <noreply@opendoor.test>".into(),
            })
        })
        .start()
        .await
}

/// `organiser invite` by the real binary, emailing through the sink; then signs in.
async fn invited(s: &TestServer, sink: &SmtpSink, org: &str, email: &str) -> Browser {
    let mut cmd = server_bin();
    cmd.args(["organiser", "invite", "--db"])
        .arg(crate::common::db_arg(&s.db))
        .args([
            "--org",
            org,
            "--name",
            &format!("{org} charity"),
            "--public-url",
            &s.base,
            "--smtp-url",
            &sink.url,
            email,
        ]);
    // Off this thread: the SMTP listener runs on the test's own runtime.
    let out = tokio::task::spawn_blocking(move || cmd.output())
        .await
        .unwrap()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mail = sink.wait_for(email).await;
    assert_eq!(mail.subject(), "Your link to sign in to Open Door");
    let mut b = Browser::new(&s.base);
    let signed = use_link(&mut b, &link_in(&mail.body())).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    b
}

fn listing_form<'a>(csrf: &'a str, title: &'a str, action: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("title", title),
        ("summary", "Tell us how the clinic could work better."),
        ("description", "We meet four times.\n\nTea and biscuits."),
        ("kind", "advisory-group"),
        ("topics", "Diabetes\nGypsy, Roma and Traveller communities"),
        ("mode", "in-person"),
        ("place-name", "Leeds"),
        ("time-commitment", "2 hours a month"),
        ("session-starts", "2027-07-01T18:00"),
        ("session-ends", "2027-07-01T20:00"),
        ("session-note", "First meeting"),
        ("closing-date", "2027-06-30"),
        ("payment", "paid"),
        ("amount", "25"),
        ("per", "hour"),
        ("method", "money"),
        ("expense", "travel"),
        ("access", "step-free-venue"),
        ("who", "People with diabetes in Leeds"),
        ("impact", "Your views change the clinic."),
        ("support", "A named contact."),
        ("apply", "in-app"),
        ("q-id", "q1"),
        ("q-label", "Why do you want to join?"),
        ("q-hint", ""),
        ("q-kind", "long-text"),
        ("q-required", "required"),
        ("q-max", "500"),
        ("q-options", ""),
        ("action", action),
    ]
}

async fn feed(s: &TestServer) -> Value {
    client()
        .get(s.url("/feed/opportunities"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn feed_item<'a>(feed: &'a Value, id: &str) -> Option<&'a Value> {
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
}

async fn apply(s: &TestServer, listing: &str, name: &str, email_updates: bool) -> (String, String) {
    let secret = opendoor_server::secrets::random_token("").unwrap();
    let mut body = json!({
        "listingId": listing,
        "applicant": {"name": name, "contactBy": "email", "email": format!("{}@example.org", name.to_lowercase()), "accessNeeds": "Step-free access, please", "consent": true, "helper": {"name": "Pat the volunteer", "personAgreed": true}},
        "answers": {"q1": "I live with diabetes."},
        "statusSecret": secret,
    });
    if email_updates {
        body["applicant"]["emailUpdates"] = json!(true);
    }
    let r = client()
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::CREATED,
        "{}",
        r.text().await.unwrap()
    );
    let v: Value = r.json().await.unwrap();
    (v["id"].as_str().unwrap().to_owned(), secret)
}

async fn applicant_view(s: &TestServer, id: &str, secret: &str) -> Value {
    client()
        .get(s.url(&format!("/api/v1/applications/{id}")))
        .bearer_auth(secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_invited_organiser_publishes_answers_and_reports_what_changed() {
    let sink = SmtpSink::start().await;
    let s = server_with_mail(&sink).await;
    let mut b = invited(&s, &sink, "leeds-diabetes", "jo@leeds.example").await;
    let cookie = b.cookie.clone().unwrap();
    assert!(cookie.starts_with("od_org="));
    let csrf = b.csrf().await;

    // A draft is saved but never in the feed.
    let saved = b
        .post(
            "/org/listings/new",
            &listing_form(&csrf, "Draft only", "save"),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let draft_id = between(saved.location.as_deref().unwrap(), "/org/listings/", "?")
        .unwrap()
        .to_owned();
    assert!(
        feed_item(&feed(&s).await, &draft_id).is_none(),
        "drafts are never in the feed"
    );

    // Published: in the feed at once, as typed, owned by the organisation.
    let published = b
        .post(
            "/org/listings/new",
            &listing_form(&csrf, "Diabetes clinic panel", "publish"),
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let id = between(
        published.location.as_deref().unwrap(),
        "/org/listings/",
        "?",
    )
    .unwrap()
    .to_owned();
    let f = feed(&s).await;
    let item = feed_item(&f, &id).expect("published listing in the feed");
    let data = &item["data"];
    assert_eq!(data["title"], "Diabetes clinic panel");
    assert_eq!(data["organisation"]["id"], "leeds-diabetes");
    assert_eq!(
        data["topics"],
        json!(["Diabetes", "Gypsy, Roma and Traveller communities"])
    );
    assert_eq!(
        data["payment"],
        json!({"type": "paid", "amountPence": 2500, "per": "hour", "method": "money"})
    );
    assert_eq!(
        data["sessions"][0]["starts"], "2027-07-01T18:00:00+01:00",
        "18:00 UK summer time"
    );
    let first_modified = item["modified"].clone();

    // Two people apply; one asked to be told by email.
    let (a1, secret1) = apply(&s, &id, "Asha", true).await;
    let (a2, _) = apply(&s, &id, "Ben", false).await;

    // The inbox: newest first, counts; the application shows access needs and the helper first.
    let inbox = b.get(&format!("/org/listings/{id}/applications")).await;
    assert!(
        inbox.body.contains("All (2)") && inbox.body.contains("Received (2)"),
        "{}",
        inbox.body
    );
    assert!(
        inbox.body.find("Ben").unwrap() < inbox.body.find("Asha").unwrap(),
        "newest first"
    );
    let one = b.get(&format!("/org/applications/{a1}")).await;
    let first = one.body.find("Before you contact them").unwrap();
    assert!(
        one.body[first..].find("Step-free access, please").unwrap()
            < one.body[first..].find("Their answers").unwrap()
    );
    assert!(
        one.body.contains("Pat the volunteer") && one.body.contains("The person agreed to this.")
    );

    // Selected, with feedback: the applicant sees it; the email says only that there is news.
    let r = b
        .post(
            &format!("/org/applications/{a1}"),
            &[
                ("csrf", &csrf),
                ("status", "selected"),
                ("message", "Welcome aboard, Asha! First meeting 1 July."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let v = applicant_view(&s, &a1, &secret1).await;
    assert_eq!(v["status"], "selected");
    assert_eq!(v["feedback"], "Welcome aboard, Asha! First meeting 1 July.");
    let mail = sink.wait_for("asha@example.org").await;
    let body = mail.body();
    assert!(
        mail.subject().contains("Diabetes clinic panel"),
        "{}",
        mail.subject()
    );
    assert!(body.contains(&format!("/applications/{a1}")), "{body}");
    for private in ["Welcome aboard", "Asha", "Step-free", "diabetes."] {
        assert!(
            !body.contains(private) && !mail.subject().contains(private),
            "{private} leaked into the email: {body}"
        );
    }

    // Took part, both at once, with a thank-you.
    let r = b
        .post(
            &format!("/org/listings/{id}/applications"),
            &[
                ("csrf", &csrf),
                ("app", &a1),
                ("app", &a2),
                ("status", "took-part"),
                ("message", "Thank you for taking part."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let v = applicant_view(&s, &a1, &secret1).await;
    assert_eq!(v["status"], "took-part");
    let inbox = b.get(&format!("/org/listings/{id}/applications")).await;
    assert!(inbox.body.contains("Took part (2)"), "{}", inbox.body);
    sink.wait_for("asha@example.org").await;
    assert!(
        sink.mails()
            .iter()
            .all(|m| !m.to.contains(&"ben@example.org".to_owned())),
        "Ben did not ask for emails"
    );

    // What changed: published with the listing, in the feed with a new `modified`.
    let r = b
        .post(
            &format!("/org/listings/{id}/impact"),
            &[
                ("csrf", &csrf),
                (
                    "impact-note",
                    "Because of you, letters now come in Easy Read.",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let f = feed(&s).await;
    let item = feed_item(&f, &id).unwrap();
    assert_eq!(
        item["data"]["impactNote"]["text"],
        "Because of you, letters now come in Easy Read."
    );
    assert!(item["modified"].as_i64() > first_modified.as_i64());

    // Close early: still in the feed, closed, and the note stays.
    let r = b
        .post(
            &format!("/org/listings/{id}/status"),
            &[("csrf", &csrf), ("status", "closed")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let f = feed(&s).await;
    let item = feed_item(&f, &id).unwrap();
    assert_eq!(item["data"]["status"], "closed");
    assert!(item["data"]["impactNote"].is_object());

    // A private note, the export, and the audit trail of it all.
    let r = b
        .post(
            &format!("/org/applications/{a2}/note"),
            &[("csrf", &csrf), ("note", "Ask about travel costs")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let csv = b.get("/org/export.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.contains("Asha")
            && csv.body.contains("Ask about travel costs")
            && csv.body.contains("Took part"),
        "{}",
        csv.body
    );
    let activity = b.get("/org/activity").await;
    for what in [
        "changed the status",
        "wrote to the applicant",
        "downloaded all applications",
        "published what changed",
        "closed a listing early",
        "signed in",
    ] {
        assert!(
            activity.body.contains(what),
            "{what} missing from the audit trail"
        );
    }
    let log = std::fs::read_to_string(s.db.with_extension("log")).unwrap_or_default();
    assert!(!log.contains("Asha"));

    // Erase on request: gone for good, recorded.
    let r = b
        .post(&format!("/org/applications/{a2}/erase"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let csv = b.get("/org/export.csv").await;
    assert!(!csv.body.contains("Ben") && !csv.body.contains("Ask about travel costs"));
    assert!(b
        .get("/org/activity")
        .await
        .body
        .contains("erased the application"));

    // Sign out ends the session.
    let out = b.post("/org/sign-out", &[("csrf", &csrf)]).await;
    assert!(out.set_cookie.unwrap().contains("Max-Age=0"));
    let mut old = Browser::new(&s.base);
    old.cookie = Some(cookie);
    assert_eq!(
        old.get("/org/listings").await.status,
        StatusCode::SEE_OTHER,
        "the old cookie no longer works"
    );
}

#[tokio::test]
async fn the_editor_shows_every_problem_beside_its_field_and_keeps_the_draft() {
    let sink = SmtpSink::start().await;
    let s = server_with_mail(&sink).await;
    let mut b = invited(&s, &sink, "org-a", "a@a.example").await;
    let csrf = b.csrf().await;
    let mut form = listing_form(&csrf, "", "publish");
    for (k, v) in form.iter_mut() {
        match *k {
            "amount" => *v = "twenty",
            "closing-date" => *v = "31/06/2027",
            "q-label" => *v = "",
            _ => {}
        }
    }
    let r = b.post("/org/listings/new", &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("<title>Error: "),
        "the title says there is an error"
    );
    assert!(r.body.contains("There is a problem"));
    for (field, words) in [
        ("title", "Enter a title"),
        ("amount", "Enter how much people are paid"),
        ("closing-date", "Enter the closing date"),
        ("q-label-0", "Question 1: enter the question"),
    ] {
        assert!(
            r.body.contains(&format!("href=\"#{field}\"")),
            "the summary links to {field}"
        );
        assert!(r.body.contains(words), "{words} is said");
    }
    assert!(r.body.contains("aria-invalid=\"true\""));
    // Nothing reached the feed, but what was typed is kept as a draft.
    assert_eq!(feed(&s).await["items"].as_array().unwrap().len(), 0);
    let action = between(
        &r.body,
        "<form method=\"post\" action=\"/org/listings/",
        "/edit\"",
    )
    .unwrap()
    .to_owned();
    let again = b.get(&format!("/org/listings/{action}/edit")).await;
    assert!(again.body.contains("twenty"), "the draft came back");

    // Questions are added, moved and removed by the form's own buttons.
    let mut form = listing_form(&csrf, "With questions", "add-question");
    let r = b.post(&format!("/org/listings/{action}/edit"), &form).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Question 2"));
    form.retain(|(k, _)| *k != "action");
    form.extend([
        ("q-id", "q2"),
        ("q-label", "Which evening?"),
        ("q-hint", ""),
        ("q-kind", "single-choice"),
        ("q-required", "optional"),
        ("q-max", ""),
        ("q-options", "Monday\nTuesday"),
        ("action", "q-up-1"),
    ]);
    let r = b.post(&format!("/org/listings/{action}/edit"), &form).await;
    assert!(
        r.body.find("Which evening?").unwrap() < r.body.find("Why do you want to join?").unwrap(),
        "moved up"
    );
}

#[tokio::test]
async fn sign_in_links_work_once_and_for_fifteen_minutes() {
    let sink = SmtpSink::start().await;
    let (hand, clock) = fake_clock(NOW);
    let url = sink.url.clone();
    let s = TestServer::with()
        .clock(clock)
        .config(move |c| {
            c.mail = Some(MailConfig {
                smtp_url: url,
                from: "noreply@opendoor.test".into(),
            })
        })
        .start()
        .await;
    let store = crate::common::open_store(&s.db).unwrap();
    store
        .invite_first("org-a", Some("Org A"), "a@a.example")
        .unwrap();
    drop(store);

    // Asking for a link: the same answer for a stranger, and only the invited get email.
    let mut b = Browser::new(&s.base);
    let r = b.post("/org/sign-in", &[("email", "A@A.example ")]).await;
    assert!(r.body.contains("Check your email"));
    let r2 = b
        .post("/org/sign-in", &[("email", "stranger@evil.example")])
        .await;
    assert_eq!(
        r.body.replace("A@A.example", "X"),
        r2.body.replace("stranger@evil.example", "X")
    );
    let link = link_in(&sink.wait_for("a@a.example").await.body());
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(sink.mails().is_empty(), "nothing was sent to the stranger");

    // Opening the link does not use it (mail scanners open links); the button does, once.
    let path = &link[link.find("/org/link/").unwrap()..];
    assert_eq!(b.get(path).await.status, StatusCode::OK);
    assert_eq!(b.get(path).await.status, StatusCode::OK);
    assert_eq!(b.post(path, &[]).await.status, StatusCode::SEE_OTHER);
    let mut other = Browser::new(&s.base);
    let reused = other.post(path, &[]).await;
    assert_eq!(reused.status, StatusCode::GONE);
    assert!(reused.body.contains("already been used"));
    assert!(other.cookie.is_none());

    // Asking again and again sends at most 5 live links.
    for _ in 0..8 {
        b.post("/org/sign-in", &[("email", "a@a.example")]).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let to_a = |m: &super::smtp::Mail| m.to.contains(&"a@a.example".to_owned());
    assert_eq!(
        sink.mails().iter().filter(|m| to_a(m)).count(),
        5,
        "five links, not eight"
    );
    while sink.mails().iter().any(to_a) {
        sink.wait_for("a@a.example").await;
    }
    hand.fetch_add(15 * 60 + 1, Ordering::SeqCst);

    // A link older than 15 minutes is refused.
    b.post("/org/sign-in", &[("email", "a@a.example")]).await;
    let late = link_in(&sink.wait_for("a@a.example").await.body());
    hand.fetch_add(15 * 60 + 1, Ordering::SeqCst);
    let mut c = Browser::new(&s.base);
    let path = &late[late.find("/org/link/").unwrap()..];
    let r = c.post(path, &[]).await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(r.body.contains("expired"));
    // A made-up link is refused the same way.
    let r = c.post(&format!("/org/link/{}", "ab".repeat(32)), &[]).await;
    assert_eq!(r.status, StatusCode::GONE);
}

#[tokio::test]
async fn sessions_end_when_idle_too_long_too_old_or_the_person_is_removed() {
    let sink = SmtpSink::start().await;
    let (hand, clock) = fake_clock(NOW);
    let url = sink.url.clone();
    let s = TestServer::with()
        .clock(clock)
        .config(move |c| {
            c.mail = Some(MailConfig {
                smtp_url: url,
                from: "noreply@opendoor.test".into(),
            })
        })
        .start()
        .await;
    let mut admin = invited(&s, &sink, "org-a", "admin@a.example").await;
    let csrf = admin.csrf().await;

    // The admin invites a member, who signs in.
    let r = admin
        .post(
            "/org/people",
            &[
                ("csrf", &csrf),
                ("email", "member@a.example"),
                ("role", "member"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mut member = Browser::new(&s.base);
    assert_eq!(
        use_link(
            &mut member,
            &link_in(&sink.wait_for("member@a.example").await.body())
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    let mcsrf = member.csrf().await;
    // A member cannot invite.
    let r = member
        .post("/org/people", &[("csrf", &mcsrf), ("email", "x@a.example")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Idle for just under 2 hours: still in; just over: out.
    hand.fetch_add(2 * 3600 - 60, Ordering::SeqCst);
    assert_eq!(member.get("/org/listings").await.status, StatusCode::OK);
    hand.fetch_add(2 * 3600 + 1, Ordering::SeqCst);
    assert_eq!(
        member.get("/org/listings").await.status,
        StatusCode::SEE_OTHER
    );
    // Active all along, but 12 hours after signing in: out.
    for _ in 0..5 {
        hand.fetch_add(3600, Ordering::SeqCst);
        admin.get("/org/listings").await;
    }
    assert_eq!(
        admin.get("/org/listings").await.status,
        StatusCode::SEE_OTHER,
        "absolute expiry"
    );

    // Removed: out at once, even with a live session.
    let mut admin = Browser::new(&s.base);
    admin
        .post("/org/sign-in", &[("email", "admin@a.example")])
        .await;
    use_link(
        &mut admin,
        &link_in(&sink.wait_for("admin@a.example").await.body()),
    )
    .await;
    let csrf = admin.csrf().await;
    let mut member = Browser::new(&s.base);
    member
        .post("/org/sign-in", &[("email", "member@a.example")])
        .await;
    use_link(
        &mut member,
        &link_in(&sink.wait_for("member@a.example").await.body()),
    )
    .await;
    assert_eq!(member.get("/org/listings").await.status, StatusCode::OK);
    let people = admin.get("/org/people").await;
    let remove = between(&people.body, "action=\"/org/people/", "/remove\"")
        .unwrap()
        .to_owned();
    let r = admin
        .post(&format!("/org/people/{remove}/remove"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        member.get("/org/listings").await.status,
        StatusCode::SEE_OTHER,
        "revoked at once"
    );
    let store = crate::common::open_store(&s.db).unwrap();
    assert_eq!(store.people_with_email("member@a.example").unwrap(), vec![]);
    let admins: Vec<_> = store.people_with_email("admin@a.example").unwrap();
    assert_eq!(admins[0].role, Role::Admin);
}

#[tokio::test]
async fn a_cross_site_post_is_refused_on_every_organiser_form() {
    let sink = SmtpSink::start().await;
    let s = server_with_mail(&sink).await;
    let mut b = invited(&s, &sink, "org-a", "a@a.example").await;
    let csrf = b.csrf().await;
    let published = b
        .post(
            "/org/listings/new",
            &listing_form(&csrf, "Panel", "publish"),
        )
        .await;
    let id = between(
        published.location.as_deref().unwrap(),
        "/org/listings/",
        "?",
    )
    .unwrap()
    .to_owned();
    let (app, _) = apply(&s, &id, "Asha", false).await;
    let before = feed(&s).await;

    for (method, path) in opendoor_server::org::ROUTES
        .iter()
        .filter(|(m, _)| *m == "post")
    {
        let path = path.replace(
            "{id}",
            if path.starts_with("/org/applications") {
                &app
            } else if path.starts_with("/org/people") {
                "1"
            } else {
                &id
            },
        );
        if path.contains("{token}") || path == "/org/sign-in" {
            continue; // no session involved: see below
        }
        // The session cookie rides along (as SameSite=None would let it), but no token.
        let r = b
            .post(
                &path,
                &[
                    ("status", "withdrawn"),
                    ("impact-note", "hacked"),
                    ("title", "hacked"),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "{method} {path} without the token"
        );
        // The right token from a page of another site.
        let req =
            b.c.post(format!("{}{path}", s.base))
                .header("origin", "https://evil.example")
                .header("sec-fetch-site", "cross-site")
                .form(&[("csrf", csrf.as_str()), ("status", "withdrawn")]);
        let r = b.send(req).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "{method} {path} from another site"
        );
    }
    let req =
        b.c.post(format!("{}/org/sign-in", s.base))
            .header("origin", "https://evil.example")
            .form(&[("email", "a@a.example")]);
    assert_eq!(b.send(req).await.status, StatusCode::FORBIDDEN);
    assert_eq!(feed(&s).await, before, "nothing changed");
    let upload = reqwest::multipart::Form::new().text("file", "id,title\n");
    let req = b.c.post(format!("{}/org/upload", s.base)).multipart(upload);
    assert_eq!(
        b.send(req).await.status,
        StatusCode::FORBIDDEN,
        "an upload without the token"
    );
}

#[tokio::test]
async fn organisations_never_see_or_change_each_others_listings_or_applicants() {
    let sink = SmtpSink::start().await;
    let s = server_with_mail(&sink).await;
    let mut a = invited(&s, &sink, "org-a", "a@a.example").await;
    let acsrf = a.csrf().await;
    let published = a
        .post(
            "/org/listings/new",
            &listing_form(&acsrf, "A's panel", "publish"),
        )
        .await;
    let id = between(
        published.location.as_deref().unwrap(),
        "/org/listings/",
        "?",
    )
    .unwrap()
    .to_owned();
    let saved = a
        .post(
            "/org/listings/new",
            &listing_form(&acsrf, "A's draft", "save"),
        )
        .await;
    let draft = between(saved.location.as_deref().unwrap(), "/org/listings/", "?")
        .unwrap()
        .to_owned();
    let (app, secret) = apply(&s, &id, "Asha", false).await;

    // Another organisation, with the same display name as A, signed in.
    let mut b = invited(&s, &sink, "org-b", "b@b.example").await;
    let bcsrf = b.csrf().await;
    let mine = b.get("/org/listings").await;
    assert!(
        !mine.body.contains("A&#39;s panel")
            && !mine.body.contains("A's panel")
            && !mine.body.contains("A's draft")
    );
    for path in [
        format!("/org/listings/{id}"),
        format!("/org/listings/{id}/edit"),
        format!("/org/listings/{id}/preview"),
        format!("/org/listings/{id}/applications"),
        format!("/org/applications/{app}"),
        format!("/org/applications/{app}/erase"),
        format!("/org/listings/{draft}/edit"),
    ] {
        let r = b.get(&path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!r.body.contains("Asha"));
    }
    for (path, form) in [
        (
            format!("/org/listings/{id}/status"),
            vec![("csrf", bcsrf.as_str()), ("status", "withdrawn")],
        ),
        (
            format!("/org/listings/{id}/impact"),
            vec![("csrf", bcsrf.as_str()), ("impact-note", "B was here")],
        ),
        (
            format!("/org/applications/{app}"),
            vec![
                ("csrf", bcsrf.as_str()),
                ("status", "not-selected"),
                ("message", "B was here"),
            ],
        ),
        (
            format!("/org/applications/{app}/note"),
            vec![("csrf", bcsrf.as_str()), ("note", "B was here")],
        ),
        (
            format!("/org/applications/{app}/erase"),
            vec![("csrf", bcsrf.as_str())],
        ),
        (
            format!("/org/listings/{id}/applications"),
            vec![
                ("csrf", bcsrf.as_str()),
                ("app", app.as_str()),
                ("status", "not-selected"),
            ],
        ),
    ] {
        let r = b.post(&path, &form).await;
        assert!(
            r.status == StatusCode::NOT_FOUND || r.status == StatusCode::SEE_OTHER,
            "{path}: {}",
            r.status
        );
    }
    // Editing A's listing id as B is refused, and publishing over it is too.
    let r = b
        .post(
            &format!("/org/listings/{id}/edit"),
            &listing_form(&bcsrf, "Taken over", "publish"),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let v = applicant_view(&s, &app, &secret).await;
    assert_eq!(v["status"], "received");
    assert!(v.get("feedback").is_none());
    let f = feed(&s).await;
    assert_eq!(feed_item(&f, &id).unwrap()["data"]["title"], "A's panel");
    assert!(feed_item(&f, &id).unwrap()["data"]
        .get("impactNote")
        .is_none());
    let csv = b.get("/org/export.csv").await;
    assert!(!csv.body.contains("Asha"));
}

#[tokio::test]
async fn withdrawing_stops_the_emails_and_a_failing_mail_server_loses_nothing() {
    let sink = SmtpSink::start().await;
    let s = server_with_mail(&sink).await;
    let mut b = invited(&s, &sink, "org-a", "a@a.example").await;
    let csrf = b.csrf().await;
    let published = b
        .post(
            "/org/listings/new",
            &listing_form(&csrf, "Panel", "publish"),
        )
        .await;
    let id = between(
        published.location.as_deref().unwrap(),
        "/org/listings/",
        "?",
    )
    .unwrap()
    .to_owned();

    // The mail server refuses for now: the email waits in the queue with the reason.
    sink.refuse(true);
    let (app, secret) = apply(&s, &id, "Asha", true).await;
    b.post(
        &format!("/org/applications/{app}"),
        &[("csrf", &csrf), ("status", "shortlisted"), ("message", "")],
    )
    .await;
    let store = crate::common::open_store(&s.db).unwrap();
    let mut backlog = (0, None);
    for _ in 0..100 {
        backlog = store.mail_backlog().unwrap();
        if backlog.1.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(backlog.0, 1, "kept to try again");
    assert!(
        backlog.1.unwrap().contains("mailbox full"),
        "the mail server's reason is kept"
    );

    // Withdrawing deletes what was waiting, and nothing more is sent about it.
    let r = client()
        .delete(s.url(&format!("/api/v1/applications/{app}")))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert_eq!(store.mail_backlog().unwrap().0, 0);
    sink.refuse(false);
    let r = b
        .post(
            &format!("/org/applications/{app}"),
            &[
                ("csrf", &csrf),
                ("status", "selected"),
                ("message", "hello"),
            ],
        )
        .await;
    assert!(r.body.contains("withdrawn"), "{}", r.body);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(sink
        .mails()
        .iter()
        .all(|m| !m.to.contains(&"asha@example.org".to_owned())));
}

#[tokio::test]
async fn an_organisation_uploads_its_spreadsheet_and_problems_name_the_row_and_column() {
    let sink = SmtpSink::start().await;
    let s = server_with_mail(&sink).await;
    let mut b = invited(&s, &sink, "org-a", "a@a.example").await;
    let csrf = b.csrf().await;
    let template =
        std::fs::read(super::common::repo_root().join("docs/listings-template.csv")).unwrap();
    let upload = |bytes: Vec<u8>, csrf: &str| {
        reqwest::multipart::Form::new()
            .text("csrf", csrf.to_owned())
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name("listings.csv"),
            )
    };

    // A broken row: nothing imported, the problem named by row and column.
    let text = String::from_utf8(template.clone()).unwrap();
    let broken = text.replacen(",Join our mental health service user panel,", ",,", 1);
    let req =
        b.c.post(s.url("/org/upload"))
            .multipart(upload(broken.into_bytes(), &csrf));
    let r = b.send(req).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("row 2") && r.body.contains("title"),
        "{}",
        r.body
    );
    assert_eq!(feed(&s).await["items"].as_array().unwrap().len(), 0);

    // The template as it is: every listing published for this organisation, whatever the file says.
    let req =
        b.c.post(s.url("/org/upload"))
            .multipart(upload(template.clone(), &csrf));
    let r = b.send(req).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Imported:"), "{}", r.body);
    let f = feed(&s).await;
    let items = f["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items
        .iter()
        .all(|i| i["data"]["organisation"]["id"] == "org-a"));
    assert!(b
        .get("/org/activity")
        .await
        .body
        .contains("uploaded listings"));

    // Another organisation uploading the same file cannot take those listings over.
    let mut other = invited(&s, &sink, "org-b", "b@b.example").await;
    let ocsrf = other.csrf().await;
    let req = other
        .c
        .post(s.url("/org/upload"))
        .multipart(upload(template, &ocsrf));
    let r = other.send(req).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("belongs to another organisation"),
        "{}",
        r.body
    );
    assert!(feed(&s).await["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["data"]["organisation"]["id"] == "org-a"));
}

#[tokio::test]
async fn with_no_mail_server_the_command_prints_a_link_that_works_and_the_page_says_ask() {
    let s = TestServer::with().start().await;
    let mut cmd = server_bin();
    cmd.args(["organiser", "invite", "--db"])
        .arg(crate::common::db_arg(&s.db))
        .args(["--org", "org-a", "--public-url", &s.base, "jo@a.example"]);
    let out = tokio::task::spawn_blocking(move || cmd.output())
        .await
        .unwrap()
        .unwrap();
    assert!(out.status.success());
    let link = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(
        link.starts_with(&format!("{}/org/link/", s.base)),
        "only the link on standard output: {link}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass this sign-in link"));
    let mut b = Browser::new(&s.base);
    assert_eq!(use_link(&mut b, &link).await.status, StatusCode::SEE_OTHER);
    assert_eq!(b.get("/org/listings").await.status, StatusCode::OK);

    // Asking on the page for a link: told plainly that this server cannot email.
    let mut c = Browser::new(&s.base);
    let r = c.post("/org/sign-in", &[("email", "jo@a.example")]).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.body.contains("cannot send email"));
    // An admin inviting a colleague is shown the link to pass on.
    let csrf = b.csrf().await;
    let r = b
        .post(
            "/org/people",
            &[
                ("csrf", &csrf),
                ("email", "sam@a.example"),
                ("role", "member"),
            ],
        )
        .await;
    assert!(
        r.body.contains("/org/link/") && r.body.contains("give them this sign-in link"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn asking_for_and_using_sign_in_links_is_rate_limited_per_client() {
    let s = TestServer::with()
        .limits(opendoor_server::rate_limit::RateLimits {
            status_per_minute: 3,
            ..opendoor_server::rate_limit::RateLimits::off()
        })
        .start()
        .await;
    let mut b = Browser::new(&s.base);
    for _ in 0..3 {
        assert_ne!(
            b.post("/org/sign-in", &[("email", "x@a.example")])
                .await
                .status,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    assert_eq!(
        b.post("/org/sign-in", &[("email", "x@a.example")])
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let guess = format!("/org/link/{}", "cd".repeat(32));
    for _ in 0..3 {
        assert_eq!(b.post(&guess, &[]).await.status, StatusCode::GONE);
    }
    assert_eq!(
        b.post(&guess, &[]).await.status,
        StatusCode::TOO_MANY_REQUESTS,
        "guessing links is slowed too"
    );
    assert_eq!(
        b.get("/org/sign-in").await.status,
        StatusCode::OK,
        "the page itself is not limited"
    );
}
