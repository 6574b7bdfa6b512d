//! Scratch databases for the benchmark: created beside the one a URL names, dropped after.

use super::super::StoreError;
use crate::config::{Database, PostgresUrl};

async fn admin(url: &PostgresUrl, sql: &str) -> Result<(), StoreError> {
    let target = url.display_target();
    let fail = |e: tokio_postgres::Error| StoreError::Postgres {
        target: target.clone(),
        message: super::pg_message(&e),
    };
    let (client, conn) = tokio_postgres::connect(
        url.as_str(),
        super::tls().map_err(|m| StoreError::Postgres {
            target: target.clone(),
            message: m,
        })?,
    )
    .await
    .map_err(fail)?;
    let task = tokio::spawn(conn);
    let result = client.batch_execute(sql).await.map_err(fail);
    std::mem::drop(client);
    let _ = task.await;
    result
}

fn valid(name: &str) -> Result<(), StoreError> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(StoreError::Query(format!(
            "not a scratch database name: {name}"
        )));
    }
    Ok(())
}

/// Creates database `name` on `url`'s server; returns `url` pointing at it.
pub(crate) async fn create(url: &PostgresUrl, name: &str) -> Result<PostgresUrl, StoreError> {
    valid(name)?;
    admin(url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await?;
    admin(url, &format!("CREATE DATABASE {name}")).await?;
    let mut parsed = url::Url::parse(url.as_str()).map_err(|e| StoreError::Query(e.to_string()))?;
    parsed.set_path(&format!("/{name}"));
    match Database::parse(parsed.as_str()) {
        Ok(Database::Postgres(u)) => Ok(u),
        _ => Err(StoreError::Query(format!(
            "cannot point {} at {name}",
            url.display_target()
        ))),
    }
}

/// Drops database `name` on `url`'s server.
pub(crate) async fn drop(url: &PostgresUrl, name: &str) -> Result<(), StoreError> {
    valid(name)?;
    admin(url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await
}
