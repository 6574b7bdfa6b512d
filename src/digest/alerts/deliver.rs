//! Delivery channels: webhook (JSON POST), command (JSON on stdin), email (SMTP).

use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncWriteExt;

use super::AlertPayload;
use crate::config::{AlertRule, EmailConfig};

impl DeliveryError {
    /// True when the alert may have been received although it was not acknowledged; an
    /// at-most-once delivery does not retry such an alert.
    pub fn may_have_arrived(&self) -> bool {
        match self {
            DeliveryError::Webhook {
                may_have_arrived, ..
            }
            | DeliveryError::Command {
                may_have_arrived, ..
            } => *may_have_arrived,
            DeliveryError::Email { .. } => false,
        }
    }
}

/// Why a delivery was not acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// The webhook did not answer 2xx.
    #[error("webhook {url}: {message}")]
    Webhook {
        /// The URL.
        url: String,
        /// What happened.
        message: String,
        /// The request may have reached the receiver (a timeout after sending).
        may_have_arrived: bool,
    },
    /// The command failed, timed out or could not start.
    #[error("command {program}: {message}")]
    Command {
        /// The program.
        program: String,
        /// What happened.
        message: String,
        /// The command may have acted on the alert (it timed out).
        may_have_arrived: bool,
    },
    /// The email was not accepted.
    #[error("email via {host}: {message}")]
    Email {
        /// The SMTP server.
        host: String,
        /// What happened (never the password).
        message: String,
    },
}

async fn webhook(
    client: &reqwest::Client,
    url: &url::Url,
    payload: &AlertPayload,
    body: &str,
) -> Result<(), DeliveryError> {
    let err = |message: String, may_have_arrived: bool| DeliveryError::Webhook {
        url: url.to_string(),
        message,
        may_have_arrived,
    };
    let response = client
        .post(url.clone())
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", &payload.idempotency_key)
        .timeout(Duration::from_secs(15))
        .body(body.to_owned())
        .send()
        .await
        // A connection that was never made cannot have delivered anything.
        .map_err(|e| err(e.to_string(), !e.is_connect()))?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(err(
            format!("answered {}", response.status().as_u16()),
            false,
        ))
    }
}

async fn command(argv: &[String], payload: &AlertPayload, body: &str) -> Result<(), DeliveryError> {
    let program = argv.first().cloned().unwrap_or_default();
    let err = |message: String| DeliveryError::Command {
        program: program.clone(),
        message,
        may_have_arrived: false,
    };
    let mut child = tokio::process::Command::new(&program)
        .args(argv.get(1..).unwrap_or_default())
        .env("CLAIMWATCH_IDEMPOTENCY_KEY", &payload.idempotency_key)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| err(format!("cannot start: {e}")))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(body.as_bytes())
            .await
            .map_err(|e| err(format!("cannot write stdin: {e}")))?;
    }
    match tokio::time::timeout(Duration::from_secs(30), child.wait_with_output()).await {
        Err(_) => Err(DeliveryError::Command {
            program: program.clone(),
            message: "timed out after 30 s".into(),
            may_have_arrived: true,
        }),
        Ok(Err(e)) => Err(err(e.to_string())),
        Ok(Ok(out)) if out.status.success() => Ok(()),
        Ok(Ok(out)) => Err(err(format!(
            "{}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))),
    }
}

fn password(e: &EmailConfig) -> Option<String> {
    if let Some(path) = &e.password_file {
        return std::fs::read_to_string(path)
            .ok()
            .map(|p| p.trim_end_matches(['\n', '\r']).to_owned());
    }
    e.password_env.as_ref().and_then(|v| std::env::var(v).ok())
}

async fn email(e: &EmailConfig, payload: &AlertPayload, body: &str) -> Result<(), DeliveryError> {
    use lettre::message::{Mailbox, header::ContentType};
    use lettre::transport::smtp::authentication::Credentials;
    use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
    let err = |message: String| DeliveryError::Email {
        host: e.smtp_host.clone(),
        message,
    };
    let mailbox = |a: &str| {
        a.parse::<Mailbox>()
            .map_err(|x| err(format!("address {a}: {x}")))
    };
    let mut builder = Message::builder()
        .from(mailbox(&e.from)?)
        .subject(format!(
            "[claimwatch] {}: {}",
            payload.rule, payload.summary
        ))
        .message_id(Some(format!("<{}@claimwatch>", payload.idempotency_key)))
        .header(ContentType::TEXT_PLAIN);
    for to in &e.to {
        builder = builder.to(mailbox(to)?);
    }
    let sentence = payload
        .mention
        .get("sentence")
        .and_then(|s| s.as_str())
        .unwrap_or("");
    let url = payload
        .mention
        .get("url")
        .and_then(|s| s.as_str())
        .unwrap_or("");
    let text = format!(
        "{}\n\n\u{201c}{sentence}\u{201d}\n{url}\n\n-- \nclaimwatch alert {}\n{body}\n",
        payload.summary, payload.idempotency_key
    );
    let message = builder.body(text).map_err(|x| err(x.to_string()))?;
    let mut transport = if e.starttls {
        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&e.smtp_host)
            .map_err(|x| err(x.to_string()))?
    } else {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(e.smtp_host.clone())
    }
    .port(e.smtp_port)
    .timeout(Some(Duration::from_secs(30)));
    if let Some(user) = &e.username {
        let pass = password(e)
            .ok_or_else(|| err("no password in password_file or password_env".into()))?;
        transport = transport.credentials(Credentials::new(user.clone(), pass));
    }
    transport
        .build()
        .send(message)
        .await
        .map(|_| ())
        .map_err(|x| err(x.to_string()))
}

/// Delivers an alert through every channel of its rule; `Ok` only when all acknowledged.
///
/// # Errors
/// The first channel's failure.
pub async fn deliver_alert(
    client: &reqwest::Client,
    rule: &AlertRule,
    payload: &AlertPayload,
) -> Result<(), DeliveryError> {
    let body = serde_json::to_string(payload).unwrap_or_default();
    if let Some(url) = &rule.webhook {
        webhook(client, url, payload, &body).await?;
    }
    if let Some(argv) = &rule.command {
        command(argv, payload, &body).await?;
    }
    if let Some(e) = &rule.email {
        email(e, payload, &body).await?;
    }
    Ok(())
}
