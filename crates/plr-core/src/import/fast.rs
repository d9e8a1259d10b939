//! The fast path of import: one typed parse of the text straight into the model, taken only
//! when its result is exactly what the slow path (`parse_checked`: JSON value, migration,
//! typed parse) would give. Anything else returns `None`, and the slow path decides, naming
//! the problem and its JSON path as it always has.
//!
//! The typed parse alone agrees with the slow path on every file but three kinds, all inside
//! keys the model ignores (whose values serde_json skips without building them): nesting
//! deeper than its recursion limit of 128, a number too large for an `f64`, and a `\u`
//! escape of half a surrogate pair. The JSON value refuses all three as "not valid JSON";
//! [`plain`] finds any of them (and a little more: every `\u` escape, exponent and long
//! number) in one pass over the bytes, so such a file goes the slow way.

use crate::model::{Plr, SCHEMA_VERSION};

/// Nesting beyond this goes the slow way (serde_json's value parse refuses 128 levels).
const MAX_PLAIN_DEPTH: usize = 100;
/// A run of more digits than this goes the slow way (the model's numbers are `u32`s).
const MAX_PLAIN_DIGITS: usize = 20;

/// The PLR in `text`, if it is a current-version export the typed parse reads and [`plain`]
/// vouches for; `None` sends the file the slow way.
pub(super) fn parse(text: &str) -> Option<Plr> {
    let plr: Plr = serde_json::from_str(text).ok()?;
    (plr.schema_version == SCHEMA_VERSION && plain(text.as_bytes())).then_some(plr)
}

/// Whether the JSON `text` (already parsed) has none of what the value parse refuses and the
/// typed parse skips: no nesting deeper than [`MAX_PLAIN_DEPTH`], no `\u` escape, no number
/// with an exponent or more than [`MAX_PLAIN_DIGITS`] digits.
pub(super) fn plain(text: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut digits = 0usize;
    let mut i = 0;
    while let Some(&byte) = text.get(i) {
        i += 1;
        match byte {
            b'"' => {
                digits = 0;
                // To the closing quote; every escape is two bytes but `\u`, which is refused.
                loop {
                    let Some(at) = text[i..].iter().position(|&b| b == b'"' || b == b'\\') else {
                        return false;
                    };
                    i += at + 1;
                    if text[i - 1] == b'"' {
                        break;
                    }
                    if text.get(i) == Some(&b'u') {
                        return false;
                    }
                    i += 1;
                }
            }
            b'0'..=b'9' => {
                digits += 1;
                if digits > MAX_PLAIN_DIGITS {
                    return false;
                }
            }
            // An exponent follows a digit; the `e` of `true` and `false` never does.
            b'e' | b'E' if digits > 0 => return false,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_PLAIN_DEPTH {
                    return false;
                }
                digits = 0;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                digits = 0;
            }
            _ => digits = 0,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn plain_json_is_vouched_for() {
        assert!(plain(
            r#"{"a": [1, 2.5, -3, true, false, null], "b": "x \" \\ \n é"}"#.as_bytes()
        ));
        assert!(plain(br#"{"name": "e 1e5 \\u"}"#));
    }

    #[test]
    fn what_the_value_parse_might_refuse_is_not() {
        assert!(!plain(br#"{"a": "\ud800"}"#));
        assert!(!plain(br#"{"a": 1e400}"#));
        assert!(!plain(br#"{"a": 2.5E3}"#));
        assert!(!plain(format!("{{\"a\": {}}}", "9".repeat(21)).as_bytes()));
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(100), "]".repeat(100));
        assert!(!plain(deep.as_bytes()));
        let nested = format!("{{\"a\": {}{}}}", "[".repeat(99), "]".repeat(99));
        assert!(plain(nested.as_bytes()));
    }
}
