//! The JSON parser's messages about a value, in words a QA officer or a practitioner reads:
//! what was found and what is allowed, without the parser's backquotes.

/// `unknown variant \`brilliant\`, expected one of \`met\`, \`partly\`` → `"brilliant" is
/// not one of the values allowed here: met, partly`; other messages as they are.
pub(super) fn in_words(message: &str) -> String {
    let unquoted = |s: &str| s.replace('`', "");
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, allowed)) = rest.split_once("`, expected one of ") {
            return format!(
                "\"{value}\" is not one of the values allowed here: {}",
                unquoted(allowed)
            );
        }
        if let Some((value, allowed)) = rest.split_once("`, expected ") {
            return format!(
                "\"{value}\" is not a value allowed here: {}",
                unquoted(allowed)
            );
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return format!("the required field \"{field}\" is missing");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "expected {}, but found {}",
                unquoted(expected),
                unquoted(found)
            );
        }
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::in_words;

    #[test]
    fn the_parsers_messages_say_what_was_found_and_what_is_allowed() {
        assert_eq!(
            in_words("unknown variant `brilliant`, expected one of `met`, `partly`"),
            "\"brilliant\" is not one of the values allowed here: met, partly"
        );
        assert_eq!(
            in_words("unknown variant `x`, expected `practice-learning-review`"),
            "\"x\" is not a value allowed here: practice-learning-review"
        );
        assert_eq!(
            in_words("missing field `status`"),
            "the required field \"status\" is missing"
        );
        assert_eq!(
            in_words("invalid type: integer `7`, expected a string"),
            "expected a string, but found integer 7"
        );
        assert_eq!(in_words("EOF while parsing"), "EOF while parsing");
    }
}
