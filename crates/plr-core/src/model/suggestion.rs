//! The suggested grade as the model holds it and an export carries it
//! (`judgement.suggested`); how it is computed is [`crate::grading`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{AreaId, Grade};

/// The app's suggested grade, exactly the `judgement.suggested` block of an export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Suggestion {
    /// The suggested grade, or `None` when nothing counts yet ("not enough rated").
    pub grade: Option<Grade>,
    /// True while any statement is unrated.
    pub provisional: bool,
    /// Points over every area.
    pub points: u32,
    /// Maximum points over every area (statements rated `na` or unrated do not count).
    pub maximum: u32,
    /// The rules that shaped the grade, in the order they were applied.
    pub rules: Vec<RuleName>,
    /// Each area's band, points and maximum, in framework order.
    pub areas: Vec<AreaResult>,
}

/// One area's part of a [`Suggestion`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AreaResult {
    /// The framework area.
    pub id: AreaId,
    /// The area's band, or `None` when its maximum is 0.
    pub band: Option<Grade>,
    /// Points in this area.
    pub points: u32,
    /// Maximum points in this area.
    pub maximum: u32,
}

/// The name of a grading rule, as listed in `judgement.suggested.rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleName {
    /// The band of the pooled score.
    Score,
    /// Capped at lower-end RI because an area is inadequate.
    LimitedByInadequateArea,
    /// Outstanding lowered to good because an area is below good.
    OutstandingNeedsEveryAreaGood,
    /// Inadequate because of an immediate concern about the child's safety.
    ImmediateConcern,
}
