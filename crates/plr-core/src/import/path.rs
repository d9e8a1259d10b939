//! The JSON path of a typed-parse error, found from where in the text the parser stopped.
//!
//! The typed parse reads the file's text directly (`serde_json::from_str`), and its errors
//! carry a line and column. Scanning the text up to that point, keeping a stack of the objects
//! and arrays entered, names the value being read: `sections[2].items[4].rating`. This gives
//! the same paths as a path-tracking deserialiser without compiling a second, path-tracking
//! copy of every `Deserialize` impl into the browser's WebAssembly.

/// One open container while scanning: an object and its current key, or an array and its
/// current index.
enum Open {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The byte offset of a serde_json error position (1-based line, column = bytes into the line).
fn offset_of(text: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].iter().position(|&b| b == b'\n') {
            Some(newline) => start += newline + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// The end (the index after the closing quote) of the string whose opening quote is at `at`.
fn string_end(text: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// The JSON path (`$` for the whole document) of the value the parser was reading when it
/// stopped at `line`, `column` of the valid JSON `text`.
pub(crate) fn path_at(text: &[u8], line: usize, column: usize) -> String {
    let end = offset_of(text, line, column);
    let mut open: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < end {
        match text[i] {
            b'{' => open.push(Open::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => open.push(Open::Array { index: 0 }),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Open::Array { index }) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Open::Object { expecting_key, .. }) = open.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let after = string_end(text, i);
                if let Some(Open::Object {
                    key,
                    expecting_key: true,
                }) = open.last_mut()
                {
                    let raw = String::from_utf8_lossy(&text[i..after]);
                    *key = Some(serde_json::from_str::<String>(&raw).unwrap_or(raw.into_owned()));
                }
                i = after;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for container in &open {
        match container {
            Open::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Object { key: None, .. } => {}
            Open::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        path.push('$');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        rating: Option<u8>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        items: Vec<Item>,
    }

    fn error_path(json: &str) -> String {
        let error = serde_json::from_str::<Doc>(json).unwrap_err();
        path_at(json.as_bytes(), error.line(), error.column())
    }

    #[test]
    fn the_path_names_the_value_being_read() {
        let compact = r#"{"name":"a","items":[{"id":"x","rating":1},{"id":"y","rating":"high"}]}"#;
        assert_eq!(error_path(compact), "items[1].rating");
        let pretty = "{\n  \"name\": \"a\",\n  \"items\": [\n    { \"id\": \"x, \\\"[{\", \"rating\": [] }\n  ]\n}";
        assert_eq!(error_path(pretty), "items[0].rating");
        assert_eq!(error_path(r#"{"name": 7, "items": []}"#), "name");
    }

    #[test]
    fn a_missing_key_is_reported_at_its_object() {
        assert_eq!(
            error_path(r#"{"name":"a","items":[{"id":"x"},{"rating":1}]}"#),
            "items[1]"
        );
        assert_eq!(error_path(r#"{"items":[]}"#), "$");
    }
}
