//! The audit trail: who changed what and when, per organisation. Kept in the database only —
//! never written to the log, which may travel to other systems.

use super::sql::args;

use super::{Result, Store};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: String,
}

/// The most entries one page of the trail shows.
pub const AUDIT_PAGE: usize = 200;

impl Store {
    pub fn audit(
        &self,
        org_key: &str,
        actor: &str,
        action: &str,
        target: &str,
        detail: &str,
    ) -> Result<()> {
        let now = self.clock.rfc3339();
        self.write(|c| {
            c.execute(
                "INSERT INTO audit (org_key, at, actor, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                args![org_key, now, actor, action, target, detail],
            )?;
            Ok(())
        })
    }

    /// The organisation's latest entries, newest first; optionally about one target only.
    pub fn audit_trail(&self, org_key: &str, target: Option<&str>) -> Result<Vec<AuditEntry>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT at, actor, action, target, detail FROM audit WHERE org_key = ?1 \
                 AND (CAST(?2 AS TEXT) IS NULL OR target = ?2) ORDER BY id DESC LIMIT ?3",
            )?;
            let rows = st
                .query_map(args![org_key, target, AUDIT_PAGE as i64], |r| {
                    Ok(AuditEntry {
                        at: r.get(0)?,
                        actor: r.get(1)?,
                        action: r.get(2)?,
                        target: r.get(3)?,
                        detail: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
