//! robots.txt, for sources that ask for it (`robots = true`): fetched once a day per host and
//! matched for the product token `claimwatch` with Google's matching rules.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a host's robots.txt is trusted before it is fetched again.
const FRESH_FOR: Duration = Duration::from_secs(24 * 3600);

/// robots.txt bodies by host; `None` means "no rules" (404, or unreachable).
#[derive(Debug, Default)]
pub(crate) struct RobotsCache {
    hosts: Mutex<HashMap<String, (Instant, Option<String>)>>,
    /// Held while a robots.txt is fetched, so sources of one host polled at once fetch it once.
    pub(crate) fetching: tokio::sync::Mutex<()>,
}

/// Whether robots.txt `body` lets `claimwatch` fetch `url`.
pub fn allows(body: &str, url: &str) -> bool {
    robotstxt::DefaultMatcher::default().one_agent_allowed_by_robots(body, "claimwatch", url)
}

impl RobotsCache {
    /// The cached rules of `key`, if fresh.
    pub(crate) fn get(&self, key: &str) -> Option<Option<String>> {
        let hosts = self.hosts.lock().ok()?;
        hosts
            .get(key)
            .filter(|(at, _)| at.elapsed() < FRESH_FOR)
            .map(|(_, body)| body.clone())
    }

    /// Stores the rules of `key`.
    pub(crate) fn put(&self, key: &str, body: Option<String>) {
        if let Ok(mut hosts) = self.hosts.lock() {
            hosts.insert(key.to_owned(), (Instant::now(), body));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::allows;

    #[test]
    fn rules_for_claimwatch_and_for_everyone_apply() {
        let body =
            "User-agent: *\nDisallow: /private/\n\nUser-agent: claimwatch\nDisallow: /no-bots/\n";
        assert!(allows(body, "https://mod.example/news/feed.xml"));
        assert!(!allows(body, "https://mod.example/no-bots/feed.xml"));
        // A group for claimwatch replaces the * group for it.
        assert!(allows(body, "https://mod.example/private/feed.xml"));
        assert!(!allows(
            "User-agent: *\nDisallow: /\n",
            "https://mod.example/feed.xml"
        ));
        assert!(allows("", "https://mod.example/feed.xml"));
    }
}
