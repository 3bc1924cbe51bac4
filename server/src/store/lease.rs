//! Leases: work that one server at a time may do (the harvester), when several share one
//! PostgreSQL database. A lease is held until a time; its holder renews it while it works, and
//! another server may take it once it has lapsed (the holder was stopped or killed).

use super::sql::args;
use super::{Result, Store};

impl Store {
    /// Takes or renews lease `name` for `holder` for `secs` seconds. True if `holder` now holds
    /// it; false if another holder's lease has not lapsed.
    pub fn take_lease(&self, name: &str, holder: &str, secs: i64) -> Result<bool> {
        let now = self.clock.unix();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO leases (name, holder, until) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
                 WHERE leases.holder = excluded.holder OR leases.until < ?4",
                args![name, holder, now.saturating_add(secs), now],
            )?;
            let held: String = tx.query_row(
                "SELECT holder FROM leases WHERE name = ?1",
                args![name],
                |r| r.get(0),
            )?;
            Ok(held == holder)
        })
    }

    /// Gives the lease up (on a graceful stop), so another server need not wait for it to lapse.
    pub fn release_lease(&self, name: &str, holder: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM leases WHERE name = ?1 AND holder = ?2",
                args![name, holder],
            )?;
            Ok(())
        })
    }

    /// Who holds lease `name`, and until when (Unix seconds), if anyone does.
    pub fn lease_holder(&self, name: &str) -> Result<Option<(String, i64)>> {
        self.read(|c| {
            c.query_opt(
                "SELECT holder, until FROM leases WHERE name = ?1",
                args![name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
        })
    }
}
