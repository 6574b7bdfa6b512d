//! Moving over: copies an SQLite store into PostgreSQL, table by table in reference order,
//! keeping every row's id. Resumable: each table continues after the highest id the target
//! already holds, one committed batch at a time, so an interrupted copy run again picks up
//! where it stopped. At the end the row counts of every table are compared.

use std::path::Path;

use rusqlite::types::ValueRef;
use tokio_postgres::types::{ToSql, Type};

use super::super::StoreError;
use super::PgStore;

/// Tables in the order their references need, with the key that orders and resumes them.
const TABLES: &[(&str, &str)] = &[
    ("sources", "id"),
    ("items", "id"),
    ("item_revisions", "id"),
    ("mentions", "id"),
    ("casualty_claims", "id"),
    ("fetches", "id"),
    ("digests", "id"),
    ("alerts", "id"),
    ("web_stats", "id"),
    ("meta", "key"),
];

/// Rows per committed batch.
const BATCH: usize = 500;

/// One table's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCopied {
    /// The table.
    pub table: &'static str,
    /// Rows copied by this run.
    pub copied: u64,
    /// Rows in the SQLite file.
    pub source_rows: i64,
    /// Rows in PostgreSQL afterwards.
    pub target_rows: i64,
}

/// A value read from SQLite, converted to the PostgreSQL column's type.
#[derive(Debug)]
enum Cell {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
}

impl Cell {
    fn as_sql(&self) -> &(dyn ToSql + Sync) {
        match self {
            Self::Int(v) => v,
            Self::Real(v) => v,
            Self::Text(v) => v,
        }
    }
}

fn cell(value: ValueRef<'_>, ty: &Type) -> Result<Cell, String> {
    let text = |v: ValueRef<'_>| -> Option<String> {
        match v {
            ValueRef::Null => None,
            ValueRef::Integer(i) => Some(i.to_string()),
            ValueRef::Real(f) => Some(f.to_string()),
            ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
        }
    };
    Ok(if *ty == Type::INT8 {
        Cell::Int(match value {
            ValueRef::Null => None,
            ValueRef::Integer(i) => Some(i),
            other => Some(
                text(other)
                    .unwrap_or_default()
                    .parse()
                    .map_err(|_| format!("{other:?} is not an integer"))?,
            ),
        })
    } else if *ty == Type::FLOAT8 {
        Cell::Real(match value {
            ValueRef::Null => None,
            ValueRef::Integer(i) => Some(i as f64),
            ValueRef::Real(f) => Some(f),
            other => Some(
                text(other)
                    .unwrap_or_default()
                    .parse()
                    .map_err(|_| format!("{other:?} is not a number"))?,
            ),
        })
    } else {
        Cell::Text(text(value))
    })
}

/// Copies the SQLite store at `from` into `to` (already migrated) and checks the counts.
///
/// # Errors
/// [`StoreError::Open`] when the file cannot be read, [`StoreError::Migrate`] when its schema
/// is older than this build's (open it with this claimwatch once first), a database error,
/// or [`StoreError::CopyMismatch`] when a table's counts differ at the end.
pub(crate) async fn copy_sqlite(
    from: &Path,
    to: &PgStore,
    mut progress: impl FnMut(&TableCopied),
) -> Result<Vec<TableCopied>, StoreError> {
    let conn = super::super::connect_read_only(from)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != super::super::SCHEMA_VERSION {
        return Err(StoreError::Migrate(format!(
            "{} has schema version {version}, this claimwatch copies version {}: open it with \
             this claimwatch first (e.g. `claimwatch --db {} status`)",
            from.display(),
            super::super::SCHEMA_VERSION,
            from.display()
        )));
    }
    let mut client = to.client().await?;
    refuse_foreign_sources(&conn, &client).await?;
    let mut report = Vec::new();
    for &(table, key) in TABLES {
        let columns = shared_columns(&conn, &client, table).await?;
        let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
        let list = names.join(", ");
        let mut copied = 0u64;
        loop {
            // Resume after the highest key already in PostgreSQL.
            let last: Option<String> = client
                .query_one(&format!("SELECT max({key})::text FROM {table}"), &[])
                .await?
                .get(0);
            let rows = read_batch(&conn, table, key, &list, &columns, last.as_deref())?;
            if rows.is_empty() {
                break;
            }
            let n = rows.len();
            let tx = client.transaction().await?;
            let placeholders: Vec<String> = (0..n)
                .map(|r| {
                    let cells: Vec<String> = (0..columns.len())
                        .map(|c| format!("${}", r * columns.len() + c + 1))
                        .collect();
                    format!("({})", cells.join(", "))
                })
                .collect();
            let sql = format!(
                "INSERT INTO {table} ({list}) VALUES {} ON CONFLICT DO NOTHING",
                placeholders.join(", ")
            );
            let params: Vec<&(dyn ToSql + Sync)> =
                rows.iter().flatten().map(Cell::as_sql).collect();
            tx.execute(&sql, &params).await?;
            tx.commit().await?;
            copied += n as u64;
            if key != "id" {
                // A keyed table (meta) holds a handful of rows, copied whole in one batch.
                break;
            }
        }
        if key == "id" {
            // Rows written from now on continue after the copied ids.
            client
                .execute(
                    &format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                         GREATEST((SELECT max(id) FROM {table}), 1))"
                    ),
                    &[],
                )
                .await?;
        }
        let source_rows: i64 =
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        let target_rows: i64 = client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .await?
            .get(0);
        let done = TableCopied {
            table,
            copied,
            source_rows,
            target_rows,
        };
        progress(&done);
        report.push(done);
    }
    let wrong: Vec<String> = report
        .iter()
        .filter(|t| t.source_rows != t.target_rows)
        .map(|t| {
            format!(
                "{}: {} in SQLite, {} in PostgreSQL",
                t.table, t.source_rows, t.target_rows
            )
        })
        .collect();
    if !wrong.is_empty() {
        return Err(StoreError::CopyMismatch(wrong.join("; ")));
    }
    Ok(report)
}

/// A target that already holds sources the file does not (a daemon ran on it) would have
/// other rows' ids: copying into it would mix two stores. Refused, naming one.
async fn refuse_foreign_sources(
    conn: &rusqlite::Connection,
    client: &deadpool_postgres::Object,
) -> Result<(), StoreError> {
    let target = client.query("SELECT id, name FROM sources", &[]).await?;
    let mut stmt = conn.prepare("SELECT name FROM sources WHERE id = ?1")?;
    for row in target {
        let (id, name): (i64, String) = (row.get(0), row.get(1));
        let here: Option<String> =
            stmt.query_row([id], |r| r.get(0))
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    other => Err(other),
                })?;
        if here.as_deref() != Some(name.as_str()) {
            return Err(StoreError::CopyMismatch(format!(
                "the PostgreSQL database already holds other data (source \"{name}\", id {id}, \
                 is not the file's); copy into an empty database"
            )));
        }
    }
    Ok(())
}

/// The columns both tables have (PostgreSQL's own additions and generated columns are left
/// to their defaults), with the PostgreSQL type each value is converted to.
async fn shared_columns(
    conn: &rusqlite::Connection,
    client: &deadpool_postgres::Object,
    table: &str,
) -> Result<Vec<(String, Type)>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let sqlite: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let stmt = client
        .prepare(&format!(
            "SELECT {} FROM {table} LIMIT 0",
            sqlite.join(", ")
        ))
        .await?;
    let generated: Vec<String> = client
        .query(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_name = $1 AND is_generated = 'ALWAYS'",
            &[&table],
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    Ok(stmt
        .columns()
        .iter()
        .filter(|c| !generated.iter().any(|g| g == c.name()))
        .map(|c| (c.name().to_owned(), c.type_().clone()))
        .collect())
}

/// The next rows of `table` after key `after`, in key order, converted for PostgreSQL.
fn read_batch(
    conn: &rusqlite::Connection,
    table: &str,
    key: &str,
    list: &str,
    columns: &[(String, Type)],
    after: Option<&str>,
) -> Result<Vec<Vec<Cell>>, StoreError> {
    let (condition, arg): (&str, rusqlite::types::Value) = match (after, key) {
        (None, _) => ("1 = 1", rusqlite::types::Value::Null),
        (Some(a), "id") => (
            "id > ?1",
            rusqlite::types::Value::Integer(a.parse().unwrap_or(i64::MAX)),
        ),
        (Some(a), _) => ("key > ?1", rusqlite::types::Value::Text(a.to_owned())),
    };
    let sql = format!("SELECT {list} FROM {table} WHERE {condition} ORDER BY {key} LIMIT {BATCH}");
    let mut stmt = conn.prepare(&sql)?;
    let args: Vec<rusqlite::types::Value> = if condition.contains("?1") {
        vec![arg]
    } else {
        Vec::new()
    };
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut cells = Vec::with_capacity(columns.len());
        for (i, (name, ty)) in columns.iter().enumerate() {
            let value = row.get_ref(i)?;
            cells.push(
                cell(value, ty).map_err(|e| StoreError::Query(format!("{table}.{name}: {e}")))?,
            );
        }
        out.push(cells);
    }
    Ok(out)
}
