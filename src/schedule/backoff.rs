//! How long a failing source waits before its next scheduled poll.

use std::time::Duration;

/// The wait after `consecutive_errors` failures in a row (1 for the first): `base` doubled for
/// each further failure, capped at `max`, and never shorter than what the server asked for
/// with `Retry-After`. A zero `base` disables backoff (the server's request still counts).
pub fn delay(
    consecutive_errors: u32,
    retry_after: Option<Duration>,
    base: Duration,
    max: Duration,
) -> Duration {
    let exponential = if base.is_zero() || consecutive_errors == 0 {
        Duration::ZERO
    } else {
        let factor = 1u32
            .checked_shl(consecutive_errors.saturating_sub(1).min(30))
            .unwrap_or(u32::MAX);
        base.saturating_mul(factor).min(max)
    };
    exponential.max(retry_after.unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);
    const MAX: Duration = Duration::from_secs(6 * 3600);

    #[test]
    fn doubles_with_each_failure_up_to_the_cap() {
        assert_eq!(delay(1, None, MIN, MAX), MIN);
        assert_eq!(delay(2, None, MIN, MAX), MIN * 2);
        assert_eq!(delay(5, None, MIN, MAX), MIN * 16);
        assert_eq!(delay(40, None, MIN, MAX), MAX);
        assert_eq!(delay(u32::MAX, None, MIN, MAX), MAX);
    }

    #[test]
    fn retry_after_wins_when_longer_and_zero_base_disables() {
        assert_eq!(
            delay(1, Some(Duration::from_secs(300)), MIN, MAX),
            Duration::from_secs(300)
        );
        assert_eq!(delay(3, Some(Duration::from_secs(10)), MIN, MAX), MIN * 4);
        assert_eq!(delay(7, None, Duration::ZERO, MAX), Duration::ZERO);
        assert_eq!(
            delay(7, Some(Duration::from_secs(5)), Duration::ZERO, MAX),
            Duration::from_secs(5)
        );
    }
}
