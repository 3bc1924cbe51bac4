//! The text size a person chose on this device, on top of the browser's own zoom: four steps,
//! kept on the device (`localStorage`, read by public/boot.js before the app starts so nothing
//! jumps). The class it puts on the document is the one the stylesheet sizes.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Larger,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::Standard,
        TextSize::Large,
        TextSize::Larger,
        TextSize::Largest,
    ];

    /// What the device keeps, and the class on `<html>` (none for the standard size).
    pub fn key(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
            TextSize::Largest => "largest",
        }
    }

    pub fn class(self) -> Option<String> {
        (self != TextSize::Standard).then(|| format!("text-{}", self.key()))
    }

    /// Anything else (an old or edited value) is the standard size.
    pub fn parse(s: &str) -> TextSize {
        TextSize::ALL
            .into_iter()
            .find(|t| t.key() == s.trim())
            .unwrap_or_default()
    }

    /// The catalogue message that names it ("Standard", "Large", …).
    pub fn message_id(self) -> &'static str {
        match self {
            TextSize::Standard => "text-size-standard",
            TextSize::Large => "text-size-large",
            TextSize::Larger => "text-size-larger",
            TextSize::Largest => "text-size-largest",
        }
    }

    /// The size as a share of the browser's own text size (style/main.css uses the same).
    pub fn percent(self) -> u32 {
        match self {
            TextSize::Standard => 100,
            TextSize::Large => 125,
            TextSize::Larger => 150,
            TextSize::Largest => 200,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_size_is_named_in_the_catalogue() {
        let c = crate::i18n::Catalogue::english();
        for t in TextSize::ALL {
            assert!(c.has_own(t.message_id()), "{}", t.message_id());
        }
    }

    use super::*;

    #[test]
    fn every_size_reads_back_and_unknown_values_are_standard() {
        for t in TextSize::ALL {
            assert_eq!(TextSize::parse(t.key()), t);
        }
        assert_eq!(TextSize::parse("enormous"), TextSize::Standard);
        assert_eq!(TextSize::Standard.class(), None);
        assert_eq!(TextSize::Largest.class().as_deref(), Some("text-largest"));
    }

    #[test]
    fn the_stylesheet_sizes_every_class_as_said() {
        let css = include_str!("../../style/main.css");
        for t in TextSize::ALL.into_iter().skip(1) {
            let rule = format!(
                ":root.{} {{ font-size: {}%; }}",
                t.class().unwrap_or_default(),
                t.percent()
            );
            assert!(css.contains(&rule), "style/main.css lacks `{rule}`");
        }
    }
}
