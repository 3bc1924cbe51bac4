//! Pseudo-English for testing: every letter accented and every vowel doubled (about 40% longer),
//! so words left outside the catalogues stand out (they keep plain ASCII letters) and layouts
//! meet longer words. The map is Fluent's own pseudo-locale's; `fluent-pseudo` itself is not used
//! because it pulls in `regex`, far larger in the wasm download than these few lines.

use std::borrow::Cow;

const LOWER: [char; 26] = [
    'ȧ', 'ƀ', 'ƈ', 'ḓ', 'ḗ', 'ƒ', 'ɠ', 'ħ', 'ī', 'ĵ', 'ķ', 'ŀ', 'ḿ', 'ƞ', 'ǿ', 'ƥ', 'ɋ', 'ř', 'ş',
    'ŧ', 'ŭ', 'ṽ', 'ẇ', 'ẋ', 'ẏ', 'ẑ',
];
const UPPER: [char; 26] = [
    'Ȧ', 'Ɓ', 'Ƈ', 'Ḓ', 'Ḗ', 'Ƒ', 'Ɠ', 'Ħ', 'Ī', 'Ĵ', 'Ķ', 'Ŀ', 'Ḿ', 'Ƞ', 'Ǿ', 'Ƥ', 'Ɋ', 'Ř', 'Ş',
    'Ŧ', 'Ŭ', 'Ṽ', 'Ẇ', 'Ẋ', 'Ẏ', 'Ẑ',
];

/// The pseudo-English of one piece of a message's text (Fluent calls it for each text part, never
/// for the values put into it, so names and dates from data stay as they are).
pub fn pseudo(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() * 2);
    for ch in s.chars() {
        let (mapped, vowel) = match ch {
            'a'..='z' => (LOWER[(ch as u8 - b'a') as usize], "aeiou".contains(ch)),
            'A'..='Z' => (UPPER[(ch as u8 - b'A') as usize], "AEIOU".contains(ch)),
            other => (other, false),
        };
        out.push(mapped);
        if vowel {
            out.push(mapped);
        }
    }
    Cow::Owned(out)
}
