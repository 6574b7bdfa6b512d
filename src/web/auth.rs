//! HTTP Basic authentication against a users file of argon2 hashes (`[web] users_file`,
//! `serve --users-file`), for a site reached through a TLS-terminating reverse proxy.
//!
//! The file holds one `name:$argon2id$…` line per user (`claimwatch web-passwd NAME` prints
//! one); blank lines and `#` comments are skipped. Verifying an argon2 hash is slow on
//! purpose, so a header that verified once is remembered (at most `REMEMBERED` of them).

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Authorization headers remembered as verified.
const REMEMBERED: usize = 256;

/// A users-file problem.
#[derive(Debug, thiserror::Error)]
pub enum UsersError {
    /// The file could not be read.
    #[error("cannot read users file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not `name:argon2-hash`.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file names no user.
    #[error("{0}: no user; add lines printed by `claimwatch web-passwd NAME`")]
    Empty(String),
}

/// The users allowed in, with their argon2 hashes.
#[derive(Debug)]
pub struct Users {
    hashes: HashMap<String, String>,
    verified: Mutex<HashSet<String>>,
}

impl Users {
    /// Reads a users file.
    ///
    /// # Errors
    /// [`UsersError`] naming the file and line.
    pub fn load(path: &Path) -> Result<Users, UsersError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| UsersError::Read {
            path: shown.clone(),
            source,
        })?;
        Users::parse(&text, &shown)
    }

    /// Parses the text of a users file (`path` only names it in errors).
    ///
    /// # Errors
    /// [`UsersError::Line`] or [`UsersError::Empty`].
    pub fn parse(text: &str, path: &str) -> Result<Users, UsersError> {
        let mut hashes = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| UsersError::Line {
                path: path.to_owned(),
                line: i + 1,
                message: message.to_owned(),
            };
            let (name, hash) = line
                .split_once(':')
                .ok_or_else(|| bad("expected name:argon2-hash"))?;
            if name.is_empty() {
                return Err(bad("empty user name"));
            }
            PasswordHash::new(hash).map_err(|e| bad(&format!("not an argon2 hash: {e}")))?;
            hashes.insert(name.to_owned(), hash.to_owned());
        }
        if hashes.is_empty() {
            return Err(UsersError::Empty(path.to_owned()));
        }
        Ok(Users {
            hashes,
            verified: Mutex::new(HashSet::new()),
        })
    }

    /// True when an `Authorization` header value carries a known user's password.
    pub fn allows(&self, authorization: Option<&str>) -> bool {
        let Some(header) = authorization else {
            return false;
        };
        if self
            .verified
            .lock()
            .map(|v| v.contains(header))
            .unwrap_or(false)
        {
            return true;
        }
        let Some((name, password)) = header
            .strip_prefix("Basic ")
            .and_then(|b| decode_base64(b.trim()))
            .and_then(|raw| String::from_utf8(raw).ok())
            .and_then(|s| s.split_once(':').map(|(n, p)| (n.to_owned(), p.to_owned())))
        else {
            return false;
        };
        let ok = self.hashes.get(&name).is_some_and(|h| {
            PasswordHash::new(h).is_ok_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
        });
        if ok && let Ok(mut v) = self.verified.lock() {
            if v.len() >= REMEMBERED {
                v.clear();
            }
            v.insert(header.to_owned());
        }
        ok
    }
}

/// The users-file line of a user: `name:$argon2id$…` with a fresh salt.
///
/// # Errors
/// A message when the name holds a colon or hashing fails.
pub fn user_line(name: &str, password: &str) -> Result<String, String> {
    if name.is_empty() || name.contains(':') || name.contains(char::is_whitespace) {
        return Err(format!("invalid user name {name:?}: no colon or space"));
    }
    let mut bytes = [0u8; 16];
    std::io::Read::read_exact(
        &mut std::fs::File::open("/dev/urandom").map_err(|e| format!("no random source: {e}"))?,
        &mut bytes,
    )
    .map_err(|e| format!("no random source: {e}"))?;
    let salt = SaltString::encode_b64(&bytes).map_err(|e| format!("bad salt: {e}"))?;
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| format!("cannot hash the password: {e}"))?;
    Ok(format!("{name}:{hash}"))
}

/// Standard base64 (with or without padding); None on any other character.
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        })
    };
    let body = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in body.bytes() {
        acc = (acc << 6) | value(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic(user_pass: &str) -> String {
        const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let b = user_pass.as_bytes();
        let mut s = String::new();
        for chunk in b.chunks(3) {
            let n =
                chunk.iter().fold(0u32, |a, &x| (a << 8) | u32::from(x)) << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                s.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        while !s.len().is_multiple_of(4) {
            s.push('=');
        }
        format!("Basic {s}")
    }

    #[test]
    fn a_user_line_verifies_its_password_only() {
        let line = user_line("desk", "s3cret pass").unwrap_or_default();
        let users = Users::parse(&format!("# desk users\n\n{line}\n"), "users").unwrap();
        assert!(users.allows(Some(&basic("desk:s3cret pass"))));
        assert!(users.allows(Some(&basic("desk:s3cret pass"))), "remembered");
        assert!(!users.allows(Some(&basic("desk:wrong"))));
        assert!(!users.allows(Some(&basic("other:s3cret pass"))));
        assert!(!users.allows(Some("Bearer x")));
        assert!(!users.allows(None));
        assert_eq!(decode_base64("ZGVzazp4"), Some(b"desk:x".to_vec()));
        assert_eq!(decode_base64("!!"), None);
    }

    #[test]
    fn a_bad_users_file_names_its_line() {
        let good = user_line("desk", "pw").unwrap_or_default();
        let e = Users::parse(&format!("{good}\nnocolon\n"), "u")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("u:2: expected name:argon2-hash"), "{e}");
        let e = Users::parse("desk:plaintext\n", "u")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("u:1: not an argon2 hash"), "{e}");
        assert!(Users::parse("# nobody\n", "u").is_err());
        assert!(user_line("a:b", "x").is_err());
    }
}
