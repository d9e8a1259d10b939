//! The embedded framework read by hand through a JSON value. The form's WebAssembly already
//! holds serde_json's parser of values (import's slow path, merge); the derived `Deserialize`
//! of the framework's types would be a family of generic parsing code of its own, about 2 KB
//! of the download, run once at start-up on a file compiled into the binary.
//! [`Framework::from_json`] (any other framework file) keeps the derived reader and its
//! messages; a test checks that both read the embedded file alike.

use serde_json::Value;

use super::{Area, Band, Framework, FrameworkError, Points, Statement, PRACTICE_FUNDAMENTALS_JSON};
use crate::model::{AreaId, StatementId};

impl Framework {
    /// [`PRACTICE_FUNDAMENTALS_JSON`] parsed and checked, as [`Framework::from_json`] would.
    pub(super) fn read_embedded() -> Result<Framework, FrameworkError> {
        let value: Value = serde_json::from_str(PRACTICE_FUNDAMENTALS_JSON)
            .map_err(|e| FrameworkError::Parse(e.to_string()))?;
        let framework = framework_of(&value)
            .ok_or_else(|| FrameworkError::Parse("not the shape of a framework".into()))?;
        framework.check()?;
        Ok(framework)
    }
}

/// The framework `value` describes, `None` when a field is missing or of the wrong type.
fn framework_of(value: &Value) -> Option<Framework> {
    let points = value.get("points")?;
    Some(Framework {
        id: text(value, "id")?,
        version: text(value, "version")?,
        title: text(value, "title")?,
        points: Points {
            met: number(points, "met")?,
            partly: number(points, "partly")?,
            not_met: number(points, "not_met")?,
        },
        bands: list(value, "bands", |band| {
            Some(Band {
                grade: parsed(band.get("grade")?)?,
                min_percent: number(band, "min_percent")?,
            })
        })?,
        below_bands: parsed(value.get("below_bands")?)?,
        rules: list(value, "rules", parsed)?,
        areas: list(value, "areas", area_of)?,
    })
}

fn area_of(value: &Value) -> Option<Area> {
    Some(Area {
        id: AreaId(text(value, "id")?),
        title: text(value, "title")?,
        // Optional, as `#[serde(default)]` makes it for the derived reader.
        lead_in: match value.get("lead_in") {
            None => String::new(),
            Some(_) => text(value, "lead_in")?,
        },
        statements: list(value, "statements", |statement| {
            Some(Statement {
                id: StatementId(text(statement, "id")?),
                text: text(statement, "text")?,
            })
        })?,
    })
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}

fn number(value: &Value, key: &str) -> Option<u32> {
    u32::try_from(value.get(key)?.as_u64()?).ok()
}

fn list<T>(value: &Value, key: &str, item: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    value.get(key)?.as_array()?.iter().map(item).collect()
}

/// A grade or a rule name, by the model's own (derived) reading of its JSON name.
fn parsed<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_framework_reads_as_the_derived_reader_reads_it() {
        assert_eq!(
            Framework::read_embedded(),
            Framework::from_json(PRACTICE_FUNDAMENTALS_JSON)
        );
    }

    #[test]
    fn a_missing_lead_in_is_blank_and_a_wrong_type_is_refused() {
        let mut value: Value = serde_json::from_str(PRACTICE_FUNDAMENTALS_JSON).unwrap();
        value["areas"][0].as_object_mut().unwrap().remove("lead_in");
        let framework = framework_of(&value).unwrap();
        assert_eq!(framework.areas[0].lead_in, "");
        assert_eq!(Framework::from_json(&value.to_string()), Ok(framework));

        value["points"]["met"] = Value::from(-1);
        assert_eq!(framework_of(&value), None);
        value["points"]["met"] = Value::from(2);
        value["rules"][0] = Value::from("no_such_rule");
        assert_eq!(framework_of(&value), None);
    }
}
