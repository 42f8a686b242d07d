//! The kiosk's idle timer: after [`crate::Options::idle_secs`] without a
//! touch or a key, the kiosk resets; for the last [`warning_secs`] of them a
//! dialog counts down ("Bạn vẫn đang dùng?") and any touch keeps the session.

/// What the kiosk shows after `idle_ms` milliseconds without activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Active,
    /// The warning dialog, with the whole seconds left before the reset.
    Warning {
        remaining: u32,
    },
    Reset,
}

/// How long the warning is shown: a quarter of the timeout, between 3 and
/// 30 seconds (30 s for the default 120 s).
pub fn warning_secs(timeout_secs: u32) -> u32 {
    (timeout_secs / 4).clamp(3, 30)
}

pub fn phase(idle_ms: u64, timeout_secs: u32) -> Phase {
    let timeout_ms = u64::from(timeout_secs) * 1000;
    let warn_ms = u64::from(warning_secs(timeout_secs)) * 1000;
    if idle_ms >= timeout_ms {
        Phase::Reset
    } else if idle_ms + warn_ms >= timeout_ms {
        Phase::Warning { remaining: (timeout_ms - idle_ms).div_ceil(1000) as u32 }
    } else {
        Phase::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases() {
        assert_eq!(warning_secs(120), 30);
        assert_eq!(warning_secs(10), 3);
        assert_eq!(warning_secs(3600), 30);
        assert_eq!(phase(0, 120), Phase::Active);
        assert_eq!(phase(89_999, 120), Phase::Active);
        assert_eq!(phase(90_000, 120), Phase::Warning { remaining: 30 });
        assert_eq!(phase(119_001, 120), Phase::Warning { remaining: 1 });
        assert_eq!(phase(120_000, 120), Phase::Reset);
        assert_eq!(phase(7_000, 10), Phase::Warning { remaining: 3 });
        assert_eq!(phase(u64::MAX / 2, 10), Phase::Reset);
    }
}
