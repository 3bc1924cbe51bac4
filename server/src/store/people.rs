//! People who work for an organisation and sign in with a browser: invitations, one-time
//! sign-in links, sessions and removal. Secrets (links, session cookies) are stored as SHA-256
//! hashes only; a removed person's sessions and links are deleted in the same transaction, so
//! they lose access at once.

use super::sql::{args, Db, Row};

use super::organisers::Organiser;
use super::{Result, Store, StoreError};
use crate::secrets::{random_token, sha256};

/// How long a sign-in link works.
pub const LINK_SECONDS: i64 = 15 * 60;
/// A session ends after this long with no request…
pub const SESSION_IDLE_SECONDS: i64 = 2 * 60 * 60;
/// …and in any case this long after signing in.
pub const SESSION_ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;
/// The longest email address (RFC 5321's path limit).
pub const MAX_EMAIL: usize = 254;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Invites and removes colleagues, and does everything a member does.
    Admin,
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "member" => Some(Role::Member),
            _ => None,
        }
    }
    pub fn words(self) -> &'static str {
        match self {
            Role::Admin => "Admin",
            Role::Member => "Member",
        }
    }
}

/// Someone signed in (or about to be) for one organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub org: Organiser,
}

/// A colleague as the people page lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colleague {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub created: String,
}

/// What a sign-in link is, before it is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    Valid(Person),
    Expired,
    Used,
    Unknown,
}

/// A new session: the cookie's secret (only its hash is stored) and the CSRF token.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub secret: String,
    pub person: Person,
}

/// A live session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub person: Person,
    pub csrf: String,
}

/// An email address as the store keeps it, if it can be one.
pub fn normalise_email(email: &str) -> Option<String> {
    let e = email.trim().to_lowercase();
    (e.len() <= MAX_EMAIL && opendoor_core::validate::is_email(&e)).then_some(e)
}

const PERSON_SQL: &str = "SELECT p.id, p.email, p.role, o.id, o.org_key, o.name FROM people p \
     JOIN organisations o ON o.id = p.organisation_id";

fn row_to_person(r: &Row) -> Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        email: r.get(1)?,
        role: Role::parse(&r.get::<String>(2)?).unwrap_or(Role::Member),
        org: Organiser {
            organisation_id: r.get(3)?,
            org_key: r.get(4)?,
            name: r.get(5)?,
        },
    })
}

impl Store {
    /// The operator invites someone to an organisation (created if new), as an admin.
    pub fn invite_first(&self, org_id: &str, name: Option<&str>, email: &str) -> Result<Person> {
        let org_id = org_id.trim();
        if !opendoor_core::validate::is_org_id(org_id) {
            return Err(StoreError::Invalid(
                "the organisation id must be printable characters with no spaces (a slug, a URL or the publisher's id)".into(),
            ));
        }
        let now = self.clock.rfc3339();
        let org_row = self.write(|c| {
            c.execute(
                "INSERT INTO organisations (org_key, name, created) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (org_key) DO UPDATE SET name = COALESCE(CAST(?4 AS TEXT), organisations.name)",
                args![
                    org_id,
                    name.unwrap_or(org_id).trim(),
                    now,
                    name.map(str::trim)
                ],
            )?;
            c.query_row(
                "SELECT id, org_key, name FROM organisations WHERE org_key = ?1",
                args![org_id],
                |r| {
                    Ok(Organiser {
                        organisation_id: r.get(0)?,
                        org_key: r.get(1)?,
                        name: r.get(2)?,
                    })
                },
            )
        })?;
        self.add_person(&org_row, email, Role::Admin)
    }

    /// Adds (or brings back) a person to an organisation with a role.
    pub fn add_person(&self, org: &Organiser, email: &str, role: Role) -> Result<Person> {
        let email = normalise_email(email).ok_or_else(|| {
            StoreError::Invalid(
                "that is not an email address (it should look like name@example.org)".into(),
            )
        })?;
        let now = self.clock.rfc3339();
        self.write(|c| {
            c.execute(
                "INSERT INTO people (organisation_id, email, role, created) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (organisation_id, email) DO UPDATE SET role = ?3, removed = NULL",
                args![org.organisation_id, email, role.as_str(), now],
            )?;
            c.query_row(
                &format!("{PERSON_SQL} WHERE p.organisation_id = ?1 AND p.email = ?2"),
                args![org.organisation_id, email],
                row_to_person,
            )
        })
    }

    /// Everyone (not removed) with this email, in every organisation they work for.
    pub fn people_with_email(&self, email: &str) -> Result<Vec<Person>> {
        let Some(email) = normalise_email(email) else {
            return Ok(Vec::new());
        };
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "{PERSON_SQL} WHERE p.email = ?1 AND p.removed IS NULL ORDER BY o.name"
            ))?;
            let rows = st
                .query_map(args![email], row_to_person)?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// The organisation's people, admins first.
    pub fn colleagues(&self, org: &Organiser) -> Result<Vec<Colleague>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, email, role, created FROM people WHERE organisation_id = ?1 \
                 AND removed IS NULL ORDER BY role = 'member', email",
            )?;
            let rows = st
                .query_map(args![org.organisation_id], |r| {
                    Ok(Colleague {
                        id: r.get(0)?,
                        email: r.get(1)?,
                        role: Role::parse(&r.get::<String>(2)?).unwrap_or(Role::Member),
                        created: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// Removes a colleague from `org`: their sessions and links go at once. The last admin
    /// cannot be removed (nobody could invite anyone again).
    pub fn remove_person(&self, org: &Organiser, id: i64) -> Result<Option<String>> {
        let now = self.clock.rfc3339();
        self.write(|tx| {
            let found: Option<(String, String)> = tx
                .query_opt(
                    "SELECT email, role FROM people WHERE id = ?1 AND organisation_id = ?2 AND removed IS NULL",
                    args![id, org.organisation_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
            let Some((email, role)) = found else {
                return Ok(None);
            };
            if role == "admin" {
                let admins: i64 = tx.query_row(
                    "SELECT COUNT(*) FROM people WHERE organisation_id = ?1 AND role = 'admin' AND removed IS NULL",
                    args![org.organisation_id],
                    |r| r.get(0),
                )?;
                if admins <= 1 {
                    return Err(StoreError::Invalid(
                        "this is the organisation's only admin: make someone else an admin first".into(),
                    ));
                }
            }
            tx.execute("UPDATE people SET removed = ?2 WHERE id = ?1", args![id, now])?;
            tx.execute("DELETE FROM sessions WHERE person_id = ?1", args![id])?;
            tx.execute("DELETE FROM sign_in_links WHERE person_id = ?1", args![id])?;
            Ok(Some(email))
        })
    }

    /// A new one-time sign-in link's secret for this person.
    pub fn new_sign_in_link(&self, person: &Person) -> Result<String> {
        let token = random_token("").map_err(StoreError::Random)?;
        let expires = self.clock.unix() + LINK_SECONDS;
        let now = self.clock.unix();
        self.write(|c| {
            // Old, dead links are of no use to anyone.
            c.execute(
                "DELETE FROM sign_in_links WHERE expires < ?1",
                args![now - LINK_SECONDS],
            )?;
            c.execute(
                "INSERT INTO sign_in_links (token_hash, person_id, expires) VALUES (?1, ?2, ?3)",
                args![sha256(token.as_bytes()).to_vec(), person.id, expires],
            )?;
            Ok(())
        })?;
        Ok(token)
    }

    /// How many of this person's links are unused and unexpired (a throttle on asking).
    pub fn live_links(&self, person: &Person) -> Result<i64> {
        let now = self.clock.unix();
        self.read(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM sign_in_links WHERE person_id = ?1 AND used IS NULL AND expires > ?2",
                args![person.id, now],
                |r| r.get(0),
            )
        })
    }

    /// What a link is, without using it (the page that asks "Sign in?").
    pub fn sign_in_link(&self, token: &str) -> Result<LinkState> {
        let now = self.clock.unix();
        self.read(|c| link_state(c, token, now))
    }

    /// Uses a link: once only, before it expires. Starts a session.
    pub fn use_sign_in_link(&self, token: &str) -> Result<(LinkState, Option<NewSession>)> {
        let now = self.clock.unix();
        let secret = random_token("").map_err(StoreError::Random)?;
        let csrf = random_token("").map_err(StoreError::Random)?;
        self.write(|tx| {
            let state = link_state(tx, token, now)?;
            let LinkState::Valid(person) = &state else {
                return Ok((state, None));
            };
            tx.execute(
                "UPDATE sign_in_links SET used = ?2 WHERE token_hash = ?1",
                args![sha256(token.as_bytes()).to_vec(), now],
            )?;
            tx.execute(
                "DELETE FROM sessions WHERE created < ?1",
                args![now - SESSION_ABSOLUTE_SECONDS],
            )?;
            tx.execute(
                "INSERT INTO sessions (id_hash, person_id, csrf, created, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)",
                args![sha256(secret.as_bytes()).to_vec(), person.id, csrf, now],
            )?;
            let person = person.clone();
            Ok((
                LinkState::Valid(person.clone()),
                Some(NewSession { secret: secret.clone(), person }),
            ))
        })
    }

    /// The live session for a cookie's secret: not idle too long, not too old, its person not
    /// removed. Touches it (so idleness counts from now).
    pub fn session(&self, secret: &str) -> Result<Option<Session>> {
        let now = self.clock.unix();
        let hash = sha256(secret.as_bytes()).to_vec();
        let found = self.read(|c| {
            c.query_opt(
                "SELECT s.csrf, s.created, s.last_seen, p.id, p.email, p.role, o.id, o.org_key, o.name \
                 FROM sessions s JOIN people p ON p.id = s.person_id \
                 JOIN organisations o ON o.id = p.organisation_id \
                 WHERE s.id_hash = ?1 AND p.removed IS NULL",
            args![&hash], |r| {
                let csrf: String = r.get(0)?;
                let created: i64 = r.get(1)?;
                let last_seen: i64 = r.get(2)?;
                let person = Person {
                    id: r.get(3)?,
                    email: r.get(4)?,
                    role: Role::parse(&r.get::<String>(5)?).unwrap_or(Role::Member),
                    org: Organiser {
                        organisation_id: r.get(6)?,
                        org_key: r.get(7)?,
                        name: r.get(8)?,
                    },
                };
                Ok((csrf, created, last_seen, person))
            })
        })?;
        let Some((csrf, created, last_seen, person)) = found else {
            return Ok(None);
        };
        if now - last_seen > SESSION_IDLE_SECONDS || now - created > SESSION_ABSOLUTE_SECONDS {
            self.end_session(secret)?;
            return Ok(None);
        }
        // One write a minute at most per session, not one per request.
        if now - last_seen >= 60 {
            self.write(|c| {
                c.execute(
                    "UPDATE sessions SET last_seen = ?2 WHERE id_hash = ?1",
                    args![hash, now],
                )?;
                Ok(())
            })?;
        }
        Ok(Some(Session { person, csrf }))
    }

    pub fn end_session(&self, secret: &str) -> Result<()> {
        self.write(|c| {
            c.execute(
                "DELETE FROM sessions WHERE id_hash = ?1",
                args![sha256(secret.as_bytes()).to_vec()],
            )?;
            Ok(())
        })
    }
}

fn link_state(c: &Db, token: &str, now: i64) -> Result<LinkState> {
    let row: Option<(i64, Option<i64>, Person)> = c.query_opt(
        "SELECT l.expires, l.used, p.id, p.email, p.role, o.id, o.org_key, o.name \
             FROM sign_in_links l JOIN people p ON p.id = l.person_id \
             JOIN organisations o ON o.id = p.organisation_id \
             WHERE l.token_hash = ?1 AND p.removed IS NULL",
        args![sha256(token.as_bytes()).to_vec()],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                Person {
                    id: r.get(2)?,
                    email: r.get(3)?,
                    role: Role::parse(&r.get::<String>(4)?).unwrap_or(Role::Member),
                    org: Organiser {
                        organisation_id: r.get(5)?,
                        org_key: r.get(6)?,
                        name: r.get(7)?,
                    },
                },
            ))
        },
    )?;
    Ok(match row {
        None => LinkState::Unknown,
        Some((_, Some(_), _)) => LinkState::Used,
        Some((expires, None, _)) if now >= expires => LinkState::Expired,
        Some((_, None, p)) => LinkState::Valid(p),
    })
}
