//! Whose device this is: one person's own ("personal", the default), or shared by many people
//! in turn at a drop-in centre ("shared": PINs, encryption at rest, locking). See
//! docs/shared-devices.md.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceMode {
    #[default]
    Personal,
    Shared,
}

impl DeviceMode {
    /// The catalogue message that names it ("Personal device").
    pub fn message_id(self) -> &'static str {
        match self {
            DeviceMode::Personal => "device-mode-personal",
            DeviceMode::Shared => "device-mode-shared",
        }
    }

    pub fn parse(s: &str) -> Option<DeviceMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "personal" => Some(DeviceMode::Personal),
            "shared" => Some(DeviceMode::Shared),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DeviceMode::Personal => "Personal device",
            DeviceMode::Shared => "Shared device",
        }
    }
}

/// Lock after this many minutes without a touch, key press or scroll, unless set otherwise.
pub const DEFAULT_LOCK_MINUTES: u32 = 5;
/// Warn this long before the idle lock, with a button to stay unlocked (WCAG 2.2.1 Timing
/// Adjustable asks for at least 20 seconds; the check runs every 5).
pub const LOCK_WARNING_MS: f64 = 30_000.0;
/// The choices offered in settings (and accepted from the setup link).
pub const LOCK_MINUTE_CHOICES: [u32; 6] = [1, 2, 5, 10, 15, 30];

/// The device's settings, kept in IndexedDB's `meta` store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceSettings {
    pub mode: DeviceMode,
    pub lock_minutes: u32,
    /// False until someone answers the first-run question (or a setup link is opened).
    pub chosen: bool,
}

impl Default for DeviceSettings {
    fn default() -> Self {
        DeviceSettings {
            mode: DeviceMode::Personal,
            lock_minutes: DEFAULT_LOCK_MINUTES,
            chosen: false,
        }
    }
}

/// Why a setup link was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupError {
    NoMode,
    BadMode(String),
    BadMinutes(String),
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetupError::NoMode => write!(f, "This setup link does not say how the device is used. It should end with ?device=shared or ?device=personal."),
            SetupError::BadMode(m) => write!(f, "This setup link asks for a device type Open Door does not know (\"{}\"). Use device=shared or device=personal.", m.chars().take(30).collect::<String>()),
            SetupError::BadMinutes(m) => write!(f, "This setup link asks to lock after \"{}\" minutes. Use one of 1, 2, 5, 10, 15 or 30.", m.chars().take(10).collect::<String>()),
        }
    }
}

/// Its words are already the person's (the setup page shows them); nothing underneath.
impl std::error::Error for SetupError {}

/// Reads a setup link's query (`device=shared&lock-minutes=10`), on top of `current`.
pub fn from_setup_link(query: &str, current: DeviceSettings) -> Result<DeviceSettings, SetupError> {
    let mut mode = None;
    let mut minutes = current.lock_minutes;
    for pair in query.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "device" => {
                mode = Some(DeviceMode::parse(v).ok_or_else(|| SetupError::BadMode(v.into()))?)
            }
            "lock-minutes" => {
                minutes = v
                    .parse::<u32>()
                    .ok()
                    .filter(|m| LOCK_MINUTE_CHOICES.contains(m))
                    .ok_or_else(|| SetupError::BadMinutes(v.into()))?
            }
            _ => {}
        }
    }
    Ok(DeviceSettings {
        mode: mode.ok_or(SetupError::NoMode)?,
        lock_minutes: minutes,
        chosen: true,
    })
}

/// Whether `path` is safe to go to after unlocking: a path on this site, never another site.
pub fn safe_next(path: &str) -> Option<&str> {
    (path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') && path.len() < 300)
        .then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setup_links() {
        let d = DeviceSettings::default();
        let s = from_setup_link("?device=shared", d).unwrap();
        assert_eq!(
            (s.mode, s.lock_minutes, s.chosen),
            (DeviceMode::Shared, 5, true)
        );
        let s = from_setup_link("device=Shared&lock-minutes=10", d).unwrap();
        assert_eq!((s.mode, s.lock_minutes), (DeviceMode::Shared, 10));
        assert_eq!(from_setup_link("", d), Err(SetupError::NoMode));
        assert!(matches!(
            from_setup_link("device=public", d),
            Err(SetupError::BadMode(_))
        ));
        assert!(matches!(
            from_setup_link("device=shared&lock-minutes=0", d),
            Err(SetupError::BadMinutes(_))
        ));
        assert!(from_setup_link("device=shared&lock-minutes=999", d)
            .unwrap_err()
            .to_string()
            .contains("1, 2, 5"));
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(
            safe_next("/opportunities/x/apply"),
            Some("/opportunities/x/apply")
        );
        assert_eq!(safe_next("//evil.example"), None);
        assert_eq!(safe_next("https://evil.example"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
    }
}
