//! One way to run SQL on either store (issue 17). The store's modules write each statement once,
//! in the dialect both SQLite and PostgreSQL accept (`ON CONFLICT … DO …`, `RETURNING`,
//! `COALESCE`, `?N` placeholders), and read rows as plain values. Where the dialects differ (a
//! JSON field, the physical row order) they ask [`Db::dialect`].
//!
//! Values cross as [`Arg`] (in) and [`Cell`] (out) rather than each driver's own traits, so the
//! same code and the same types work on both; PostgreSQL's strict typing is met by converting to
//! the type the server inferred for each parameter.

use std::cell::RefCell;
use std::error::Error as StdError;

use bytes::BytesMut;
use futures_executor::block_on;
use tokio_postgres::types::{IsNull, ToSql, Type};

use super::{Result, StoreError};

/// Which SQL the connection speaks, for the few statements that differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A parameter's value, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// Anything that can be a parameter.
pub trait Arg {
    fn value(&self) -> Value<'_>;
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> Value<'_> {
                // Saturating: no stored count or time comes near i64::MAX.
                Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i64, i32, u32, u64, usize, u16, u8);

impl Arg for bool {
    fn value(&self) -> Value<'_> {
        Value::Int(i64::from(*self))
    }
}
impl Arg for f64 {
    fn value(&self) -> Value<'_> {
        Value::Real(*self)
    }
}
impl Arg for str {
    fn value(&self) -> Value<'_> {
        Value::Text(self)
    }
}
impl Arg for String {
    fn value(&self) -> Value<'_> {
        Value::Text(self)
    }
}
impl Arg for [u8] {
    fn value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}
impl Arg for Vec<u8> {
    fn value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}
impl<const N: usize> Arg for [u8; N] {
    fn value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}
impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> Value<'_> {
        (**self).value()
    }
}
impl<T: Arg> Arg for Option<T> {
    fn value(&self) -> Value<'_> {
        match self {
            Some(v) => v.value(),
            None => Value::Null,
        }
    }
}

/// Parameters, as `rusqlite::params!` was: `args![id, name, 3]`.
#[macro_export]
macro_rules! args {
    () => { &[] as &[&dyn $crate::store::sql::Arg] };
    ($($x:expr),+ $(,)?) => { &[$(&$x as &dyn $crate::store::sql::Arg),+] as &[&dyn $crate::store::sql::Arg] };
}
pub use args;

/// A column's value, owned.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// One row of a result.
pub struct Row {
    cells: Vec<Cell>,
}

impl Row {
    /// Column `i` as `T`; an error names the column and what it held.
    pub fn get<T: FromCell>(&self, i: usize) -> Result<T> {
        let cell = self.cells.get(i).ok_or(StoreError::Column {
            index: i,
            found: "no such column",
        })?;
        T::from_cell(cell).ok_or(StoreError::Column {
            index: i,
            found: match cell {
                Cell::Null => "NULL",
                Cell::Int(_) => "an integer",
                Cell::Real(_) => "a real number",
                Cell::Text(_) => "text",
                Cell::Blob(_) => "bytes",
            },
        })
    }
}

/// What a column can be read as.
pub trait FromCell: Sized {
    fn from_cell(c: &Cell) -> Option<Self>;
}

macro_rules! int_cell {
    ($($t:ty),*) => {$(
        impl FromCell for $t {
            fn from_cell(c: &Cell) -> Option<Self> {
                match c {
                    Cell::Int(i) => <$t>::try_from(*i).ok(),
                    _ => None,
                }
            }
        }
    )*};
}
int_cell!(i64, i32, u32, u64, usize, u16, u8);

impl FromCell for bool {
    fn from_cell(c: &Cell) -> Option<Self> {
        match c {
            Cell::Int(i) => Some(*i != 0),
            _ => None,
        }
    }
}
impl FromCell for f64 {
    fn from_cell(c: &Cell) -> Option<Self> {
        match c {
            Cell::Real(r) => Some(*r),
            Cell::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
}
impl FromCell for String {
    fn from_cell(c: &Cell) -> Option<Self> {
        match c {
            Cell::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}
impl FromCell for Vec<u8> {
    fn from_cell(c: &Cell) -> Option<Self> {
        match c {
            Cell::Blob(b) => Some(b.clone()),
            _ => None,
        }
    }
}
impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(c: &Cell) -> Option<Self> {
        match c {
            Cell::Null => Some(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// A connection or transaction on either store. Methods take `&self` so helpers can share one.
pub enum Db<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(RefCell<PgHandle<'a>>),
}

/// A PostgreSQL connection from the pool, or a transaction on one. Its futures are awaited with
/// `block_on` on the calling (blocking) thread while the store's own runtime drives the
/// connection, so the store stays blocking like SQLite's (see `pg`).
///
/// Both are deadpool's wrappers, which keep each connection's prepared statements: a statement
/// is parsed and planned once per connection, not once per call.
pub enum PgHandle<'a> {
    Client(&'a deadpool_postgres::ClientWrapper),
    Tx(deadpool_postgres::Transaction<'a>),
}

impl<'a> Db<'a> {
    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, args: &[&dyn Arg]) -> Result<usize> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                Ok(st.execute(rusqlite::params_from_iter(
                    args.iter().map(|a| LiteArg(a.value())),
                ))?)
            }
            Db::Postgres(h) => {
                let sql = postgres_sql(sql);
                let params = pg_params(args);
                let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
                let n = match &*h.borrow() {
                    PgHandle::Client(c) => {
                        block_on(c.execute(&block_on(c.prepare_cached(&sql))?, &refs))?
                    }
                    PgHandle::Tx(t) => {
                        block_on(t.execute(&block_on(t.prepare_cached(&sql))?, &refs))?
                    }
                };
                Ok(usize::try_from(n).unwrap_or(usize::MAX))
            }
        }
    }

    /// A statement to run more than once (the SQL is prepared once per connection and cached).
    pub fn prepare_cached<'s>(&'s self, sql: &str) -> Result<Stmt<'s, 'a>> {
        Ok(Stmt {
            db: self,
            sql: sql.to_owned(),
        })
    }

    /// Every row, each mapped by `f`, as rusqlite gives them (an iterator of results).
    pub fn query_map<T>(
        &self,
        sql: &str,
        args: &[&dyn Arg],
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<impl Iterator<Item = Result<T>>> {
        Ok(self.query_all(sql, args, f)?.into_iter().map(Ok))
    }

    /// Every row, each mapped by `f`.
    pub fn query_all<T>(
        &self,
        sql: &str,
        args: &[&dyn Arg],
        mut f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let n = st.column_count();
                let mut rows = st.query(rusqlite::params_from_iter(
                    args.iter().map(|a| LiteArg(a.value())),
                ))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let cells = (0..n)
                        .map(|i| r.get_ref(i).map(lite_cell))
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    out.push(f(&Row { cells })?);
                }
                Ok(out)
            }
            Db::Postgres(h) => {
                let sql = postgres_sql(sql);
                let params = pg_params(args);
                let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
                let rows = match &*h.borrow() {
                    PgHandle::Client(c) => {
                        block_on(c.query(&block_on(c.prepare_cached(&sql))?, &refs))?
                    }
                    PgHandle::Tx(t) => {
                        block_on(t.query(&block_on(t.prepare_cached(&sql))?, &refs))?
                    }
                };
                rows.iter()
                    .map(|r| {
                        f(&Row {
                            cells: pg_cells(r)?,
                        })
                    })
                    .collect()
            }
        }
    }

    /// The first row, if there is one.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        args: &[&dyn Arg],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut f = Some(f);
        let mut out = None;
        // Reading every row is fine: callers ask by key or with LIMIT.
        self.query_all(sql, args, |r| {
            if let Some(f) = f.take() {
                out = Some(f(r)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row; an error if there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        args: &[&dyn Arg],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, args, f)?.ok_or(StoreError::NoRow)
    }

    /// Several statements with no parameters (migrations).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(h) => {
                match &*h.borrow() {
                    PgHandle::Client(c) => block_on(c.batch_execute(sql))?,
                    PgHandle::Tx(t) => block_on(t.batch_execute(sql))?,
                }
                Ok(())
            }
        }
    }

    /// `column ->> key` for a JSON text column, in this dialect.
    pub fn json_text(&self, column: &str, key: &str) -> String {
        match self.dialect() {
            Dialect::Sqlite => format!("json_extract({column}, '$.{key}')"),
            Dialect::Postgres => format!("(({column})::jsonb ->> '{key}')"),
        }
    }

    /// The physical insertion order, as a tie-break when two rows share a timestamp.
    pub fn insertion_order(&self) -> &'static str {
        match self.dialect() {
            Dialect::Sqlite => "rowid",
            Dialect::Postgres => "seq",
        }
    }
}

/// A prepared statement, run as often as needed.
pub struct Stmt<'s, 'a> {
    db: &'s Db<'a>,
    sql: String,
}

impl Stmt<'_, '_> {
    pub fn execute(&mut self, args: &[&dyn Arg]) -> Result<usize> {
        self.db.execute(&self.sql, args)
    }
    pub fn query_map<T>(
        &mut self,
        args: &[&dyn Arg],
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<impl Iterator<Item = Result<T>>> {
        self.db.query_map(&self.sql, args, f)
    }
    pub fn query_row<T>(
        &mut self,
        args: &[&dyn Arg],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.db.query_row(&self.sql, args, f)
    }
    pub fn query_opt<T>(
        &mut self,
        args: &[&dyn Arg],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        self.db.query_opt(&self.sql, args, f)
    }
}

struct LiteArg<'a>(Value<'a>);

impl rusqlite::ToSql for LiteArg<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self.0 {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(i),
            Value::Real(r) => ValueRef::Real(r),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

fn lite_cell(v: rusqlite::types::ValueRef<'_>) -> Cell {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(r) => Cell::Real(r),
        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
    }
}

/// `?N` (and bare `?`) to `$N`, outside quoted text.
pub fn postgres_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    let mut next_bare = 1;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                out.push('$');
                if digits.is_empty() {
                    out.push_str(&next_bare.to_string());
                    next_bare += 1;
                } else {
                    out.push_str(&digits);
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// A parameter for PostgreSQL, sent as the type the server inferred for it.
#[derive(Debug)]
struct PgArg(Cell);

fn pg_params(args: &[&dyn Arg]) -> Vec<PgArg> {
    args.iter()
        .map(|a| {
            PgArg(match a.value() {
                Value::Null => Cell::Null,
                Value::Int(i) => Cell::Int(i),
                Value::Real(r) => Cell::Real(r),
                Value::Text(s) => Cell::Text(s.to_owned()),
                Value::Blob(b) => Cell::Blob(b.to_vec()),
            })
        })
        .collect()
}

type BoxError = Box<dyn StdError + Sync + Send>;

impl ToSql for PgArg {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, BoxError> {
        match (&self.0, ty) {
            (Cell::Null, _) => Ok(IsNull::Yes),
            (Cell::Int(i), &Type::INT8) => i.to_sql(ty, out),
            (Cell::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Cell::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Cell::Int(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Cell::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Cell::Int(i), _) => i.to_string().to_sql(&Type::TEXT, out),
            (Cell::Real(r), &Type::FLOAT4) => (*r as f32).to_sql(ty, out),
            (Cell::Real(r), _) => r.to_sql(&Type::FLOAT8, out),
            (Cell::Text(s), _) => s.as_str().to_sql(&Type::TEXT, out),
            (Cell::Blob(b), _) => b.as_slice().to_sql(&Type::BYTEA, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    tokio_postgres::types::to_sql_checked!();
}

fn pg_cells(r: &tokio_postgres::Row) -> Result<Vec<Cell>> {
    (0..r.len())
        .map(|i| {
            let ty = r.columns()[i].type_();
            Ok(match *ty {
                Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(Cell::Int),
                Type::INT4 => r.try_get::<_, Option<i32>>(i)?.map(|v| Cell::Int(v.into())),
                Type::INT2 => r.try_get::<_, Option<i16>>(i)?.map(|v| Cell::Int(v.into())),
                Type::BOOL => r
                    .try_get::<_, Option<bool>>(i)?
                    .map(|v| Cell::Int(v.into())),
                Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map(Cell::Real),
                Type::FLOAT4 => r
                    .try_get::<_, Option<f32>>(i)?
                    .map(|v| Cell::Real(v.into())),
                Type::BYTEA => r.try_get::<_, Option<Vec<u8>>>(i)?.map(Cell::Blob),
                _ => r.try_get::<_, Option<String>>(i)?.map(Cell::Text),
            }
            .unwrap_or(Cell::Null))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_quotes() {
        assert_eq!(
            postgres_sql("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d = ?12"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d = $12"
        );
        assert_eq!(postgres_sql("VALUES (?, ?)"), "VALUES ($1, $2)");
    }
}
