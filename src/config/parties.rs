//! `[[party]]` and `[[conflict]]`: the sides a desk watches, the names texts use for them,
//! and which face each other. Validated here; the tagger's `sides` rules read them.

use std::collections::HashMap;

use super::error::line_col;
use super::raw::{RawConflict, RawParty};
use super::validate::Collector;

/// One `[[party]]` after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyConfig {
    /// The name the ledger shows; also the value of sources' `party` label.
    pub name: String,
    /// Other names, adjectives and stems texts use for it.
    pub names: Vec<String>,
}

/// One `[[conflict]]` after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictConfig {
    /// The name the ledger shows.
    pub name: String,
    /// The parties that face each other, by `[[party]]` name.
    pub parties: Vec<String>,
}

/// Validates the parties: names present and not given to two parties.
pub(crate) fn parties(raw: &[RawParty], c: &mut Collector<'_>) -> Vec<PartyConfig> {
    let mut out = Vec::new();
    // Every name (lowercased), with the party and place that first gave it.
    let mut owner: HashMap<String, (String, usize)> = HashMap::new();
    for p in raw {
        let name = p.name.get_ref().trim().to_owned();
        if name.is_empty() {
            c.push(Some(p.name.span()), None, "party name is empty".into());
            continue;
        }
        let mut names = Vec::new();
        let given = std::iter::once((name.clone(), p.name.span())).chain(
            p.names
                .iter()
                .map(|n| (n.get_ref().trim().to_owned(), n.span())),
        );
        for (n, span) in given {
            if n.is_empty() {
                c.push(
                    Some(span),
                    None,
                    format!("party {name:?} has an empty name"),
                );
                continue;
            }
            match owner.get(&n.to_lowercase()) {
                Some((other, _)) if other == &name => {}
                Some((other, at)) => {
                    let (line, _) = line_col(c.text(), *at);
                    c.push(
                        Some(span),
                        None,
                        format!(
                            "the name {n:?} is given to two parties, {other:?} (line {line}) and {name:?}"
                        ),
                    );
                }
                None => {
                    owner.insert(n.to_lowercase(), (name.clone(), span.start));
                }
            }
            if n != name {
                names.push(n);
            }
        }
        out.push(PartyConfig { name, names });
    }
    out
}

/// Validates `[web] listen`: a loopback address (the site has no authentication).
pub(crate) fn web_listen(
    raw: Option<&super::raw::RawWeb>,
    c: &mut Collector<'_>,
) -> Option<std::net::SocketAddr> {
    let raw = raw?;
    let l = raw.listen.as_ref()?;
    match l.get_ref().trim().parse::<std::net::SocketAddr>() {
        Ok(a) if a.ip().is_loopback() || raw.users_file.is_some() => Some(a),
        Ok(_) => {
            c.push(
                Some(l.span()),
                None,
                "web.listen must be a loopback address such as \"127.0.0.1:8080\" unless \
                 web.users_file names the users allowed in (behind a TLS-terminating proxy)"
                    .into(),
            );
            None
        }
        Err(e) => {
            c.push(
                Some(l.span()),
                None,
                format!("web.listen \"{}\": {e}", l.get_ref()),
            );
            None
        }
    }
}

/// `[web] users_file`, as a path.
pub(crate) fn web_users_file(raw: Option<&super::raw::RawWeb>) -> Option<std::path::PathBuf> {
    raw?.users_file
        .as_ref()
        .map(|f| std::path::PathBuf::from(f.get_ref().trim()))
}

/// Validates the conflicts: each names two or more known parties.
pub(crate) fn conflicts(
    raw: &[RawConflict],
    parties: &[PartyConfig],
    c: &mut Collector<'_>,
) -> Vec<ConflictConfig> {
    let mut out = Vec::new();
    for k in raw {
        let name = k.name.get_ref().trim().to_owned();
        if name.is_empty() {
            c.push(Some(k.name.span()), None, "conflict name is empty".into());
        }
        let mut members = Vec::new();
        for p in k.parties.get_ref() {
            match parties
                .iter()
                .find(|q| q.name.eq_ignore_ascii_case(p.trim()))
            {
                Some(q) if !members.contains(&q.name) => members.push(q.name.clone()),
                Some(_) => {}
                None => c.push(
                    Some(k.parties.span()),
                    None,
                    format!("conflict {name:?} names {p:?}, which is no [[party]]"),
                ),
            }
        }
        if k.parties.get_ref().len() < 2 {
            c.push(
                Some(k.parties.span()),
                None,
                format!("conflict {name:?} needs at least two parties"),
            );
        }
        out.push(ConflictConfig {
            name,
            parties: members,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::{ConfigErrors, Environment, validate};

    const PARTIES: &str = r#"
[daemon]
database = "x.db"

[[party]]
name = "Norland"
names = ["Norlandian", "Norland's", "Нордландия", "нордландск"]

[[party]]
name = "Sudmark"
names = ["Sudmarkian", "Судмарк"]

[[conflict]]
name = "Norland–Sudmark border"
parties = ["Norland", "Sudmark"]
"#;

    fn errors(text: &str) -> Vec<String> {
        match validate(text, Path::new("c.toml"), &Environment::default()) {
            Ok(_) => Vec::new(),
            Err(ConfigErrors { errors }) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn parties_and_conflicts_are_read() {
        let cfg = validate(PARTIES, Path::new("c.toml"), &Environment::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cfg.parties.len(), 2);
        assert_eq!(cfg.parties[0].name, "Norland");
        assert_eq!(cfg.parties[0].names.len(), 4);
        assert_eq!(cfg.conflicts[0].parties, vec!["Norland", "Sudmark"]);
    }

    #[test]
    fn an_unknown_party_in_a_conflict_is_an_error_with_its_line() {
        let text = PARTIES.replace(
            r#"parties = ["Norland", "Sudmark"]"#,
            r#"parties = ["Norland", "Ostravia"]"#,
        );
        let e = errors(&text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("c.toml:15:"), "{e:?}");
        assert!(
            e[0].contains("\"Ostravia\", which is no [[party]]"),
            "{e:?}"
        );
    }

    #[test]
    fn a_name_given_to_two_parties_is_an_error_with_its_line() {
        let text = PARTIES.replace(
            r#"["Sudmarkian", "Судмарк"]"#,
            r#"["Sudmarkian", "norlandian"]"#,
        );
        let e = errors(&text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("c.toml:11:"), "{e:?}");
        assert!(
            e[0].contains(
                "\"norlandian\" is given to two parties, \"Norland\" (line 7) and \"Sudmark\""
            ),
            "{e:?}"
        );
    }

    #[test]
    fn web_listen_is_loopback_only() {
        let cfg = validate(
            "[web]\nlisten = \"127.0.0.1:8080\"\n",
            Path::new("c.toml"),
            &Environment::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cfg.web_listen.map(|a| a.port()), Some(8080));
        let e = errors("\n[web]\nlisten = \"0.0.0.0:8080\"\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("c.toml:3:"), "{e:?}");
        assert!(e[0].contains("loopback"), "{e:?}");
        assert_eq!(errors("[web]\nlisten = \"nowhere\"\n").len(), 1);
        // With a users file the site may listen beyond loopback.
        let cfg = validate(
            "[web]\nlisten = \"0.0.0.0:8080\"\nusers_file = \"/etc/claimwatch/web-users\"\n",
            Path::new("c.toml"),
            &Environment::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(cfg.web_users_file.is_some());
    }

    #[test]
    fn a_conflict_needs_two_parties_and_a_party_a_name() {
        let text = format!(
            "{PARTIES}\n[[conflict]]\nname = \"alone\"\nparties = [\"Norland\"]\n\n[[party]]\nname = \" \"\n"
        );
        let e = errors(&text);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e.iter().any(|m| m.contains("needs at least two parties")),
            "{e:?}"
        );
        assert!(e.iter().any(|m| m.contains("party name is empty")), "{e:?}");
    }
}
