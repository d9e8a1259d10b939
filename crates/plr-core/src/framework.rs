//! A checklist framework as data: areas, statements, points per rating, grade bands and the
//! rules that apply. The default, Practice Fundamentals (2020-05), is embedded at compile
//! time; another authority's framework is just another JSON file.

mod embedded;

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{AreaId, Grade, Rating, RuleName, StatementId};

/// The Practice Fundamentals framework file, embedded in the binary.
pub const PRACTICE_FUNDAMENTALS_JSON: &str =
    include_str!("../frameworks/practice-fundamentals-2020-05.json");

/// A checklist framework.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Framework {
    /// e.g. `practice-fundamentals`
    pub id: String,
    /// e.g. `2020-05`
    pub version: String,
    /// Human title.
    pub title: String,
    /// Points for each counted rating.
    pub points: Points,
    /// Grade bands, best first, each with the lowest score (per cent) that reaches it.
    pub bands: Vec<Band>,
    /// The grade for a score below every band.
    pub below_bands: Grade,
    /// Which optional rules apply, in the order they are applied.
    pub rules: Vec<RuleName>,
    /// The areas, in order.
    pub areas: Vec<Area>,
}

/// Points per rating (`na` and unrated never count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Points {
    /// Points for `met`.
    pub met: u32,
    /// Points for `partly`.
    pub partly: u32,
    /// Points for `not_met`.
    pub not_met: u32,
}

/// One grade band: a score of at least `min_percent` reaches `grade`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Band {
    /// The grade.
    pub grade: Grade,
    /// The lowest score, in per cent, that reaches it.
    pub min_percent: u32,
}

/// One area of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Area {
    /// e.g. `supervision`
    pub id: AreaId,
    /// e.g. "Supervision and Management"
    pub title: String,
    /// e.g. "Supervision and Management will:"
    #[serde(default)]
    pub lead_in: String,
    /// Its statements, in order.
    pub statements: Vec<Statement>,
}

/// One statement of practice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Statement {
    /// e.g. `SM1`
    pub id: StatementId,
    /// Its exact wording.
    pub text: String,
}

/// Why a framework file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameworkError {
    /// Not valid JSON, or not the framework shape.
    #[error("the framework file is not valid: {0}")]
    Parse(String),
    /// A required list or text is empty (no areas, an area without statements, a blank id...).
    #[error("the framework has an empty {0}")]
    Empty(String),
    /// The same area or statement id appears twice.
    #[error("the id {0} appears more than once in the framework")]
    DuplicateId(String),
    /// There are no bands, their thresholds are not strictly descending within 1–100, or their
    /// grades (and the grade below every band) are not in order from best to worst.
    #[error("the grade bands must go from the best grade and highest threshold down, each threshold between 1 and 100")]
    Bands,
    /// A counted rating is worth more than `met`, or `met` is worth nothing.
    #[error("`met` must be worth the most points, and more than none")]
    Points,
    /// `score` is listed among the optional rules (it always applies) or a rule is listed twice.
    #[error("the rules must list each optional rule at most once, and not `score`")]
    Rules,
}

impl Framework {
    /// Parses and checks a framework file.
    pub fn from_json(json: &str) -> Result<Framework, FrameworkError> {
        let framework: Framework =
            serde_json::from_str(json).map_err(|e| FrameworkError::Parse(e.to_string()))?;
        framework.check()?;
        Ok(framework)
    }

    fn check(&self) -> Result<(), FrameworkError> {
        for (what, text) in [
            ("id", &self.id),
            ("version", &self.version),
            ("title", &self.title),
        ] {
            if text.trim().is_empty() {
                return Err(FrameworkError::Empty(what.into()));
            }
        }
        if self.areas.is_empty() {
            return Err(FrameworkError::Empty("list of areas".into()));
        }
        // Of `&String`, the set type import's check uses too: one copy of it compiled.
        let mut seen: HashSet<&String> = HashSet::new();
        for area in &self.areas {
            if area.id.0.trim().is_empty() || area.title.trim().is_empty() {
                return Err(FrameworkError::Empty("area id or title".into()));
            }
            if area.statements.is_empty() {
                return Err(FrameworkError::Empty(format!(
                    "list of statements in {}",
                    area.id
                )));
            }
            if !seen.insert(&area.id.0) {
                return Err(FrameworkError::DuplicateId(area.id.0.clone()));
            }
            for statement in &area.statements {
                if statement.id.0.trim().is_empty() || statement.text.trim().is_empty() {
                    return Err(FrameworkError::Empty(format!(
                        "statement id or text in {}",
                        area.id
                    )));
                }
                if !seen.insert(&statement.id.0) {
                    return Err(FrameworkError::DuplicateId(statement.id.0.clone()));
                }
            }
        }
        let thresholds_descend = self
            .bands
            .windows(2)
            .all(|w| w[0].min_percent > w[1].min_percent && w[0].grade < w[1].grade);
        let in_range = self
            .bands
            .iter()
            .all(|b| (1..=100).contains(&b.min_percent));
        let below_is_worst = self.bands.iter().all(|b| b.grade < self.below_bands);
        if self.bands.is_empty() || !thresholds_descend || !in_range || !below_is_worst {
            return Err(FrameworkError::Bands);
        }
        let p = self.points;
        if p.met == 0 || p.partly > p.met || p.not_met > p.met {
            return Err(FrameworkError::Points);
        }
        // A short list: each rule is looked for among those before it, with no set.
        if self
            .rules
            .iter()
            .enumerate()
            .any(|(n, r)| *r == RuleName::Score || self.rules[..n].contains(r))
        {
            return Err(FrameworkError::Rules);
        }
        Ok(())
    }

    /// The embedded Practice Fundamentals framework (2020-05), built once.
    ///
    /// This cannot fail at run time: it is compiled into the binary (`build.rs` writes its
    /// JSON file as Rust), never read from a user or from storage, and a test in `embedded.rs`
    /// checks that it is exactly what [`Framework::from_json`] reads from that file, checks
    /// included. A broken edit to the file fails the build or that test before it can ship,
    /// hence the `expect`.
    pub fn practice_fundamentals() -> &'static Framework {
        static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
        FRAMEWORK.get_or_init(|| {
            // Built by code written at compile time (`embedded`): nothing parsed at start-up.
            Framework::embedded()
                .expect("the embedded Practice Fundamentals framework is valid (tested)")
        })
    }

    /// An area by id.
    pub fn area(&self, id: &AreaId) -> Option<&Area> {
        self.areas.iter().find(|a| &a.id == id)
    }

    /// A statement by id, with its area.
    pub fn statement(&self, id: &StatementId) -> Option<(&Area, &Statement)> {
        self.areas
            .iter()
            .find_map(|a| a.statements.iter().find(|s| &s.id == id).map(|s| (a, s)))
    }

    /// How many statements the framework has.
    pub fn statement_count(&self) -> usize {
        self.areas.iter().map(|a| a.statements.len()).sum()
    }

    /// Points for a rating; `None` when it does not count (not applicable).
    pub fn points_for(&self, rating: Rating) -> Option<u32> {
        match rating {
            Rating::Met => Some(self.points.met),
            Rating::PartlyMet => Some(self.points.partly),
            Rating::NotMet => Some(self.points.not_met),
            Rating::NotApplicable => None,
        }
    }

    /// The band of `points` out of `maximum` (exact integer comparison), `None` when nothing counts.
    pub fn band(&self, points: u32, maximum: u32) -> Option<Grade> {
        if maximum == 0 {
            return None;
        }
        let score = 100 * u64::from(points);
        let band = self
            .bands
            .iter()
            .find(|b| score >= u64::from(b.min_percent) * u64::from(maximum))
            .map_or(self.below_bands, |b| b.grade);
        Some(band)
    }

    /// Whether an optional rule applies in this framework.
    pub fn applies(&self, rule: RuleName) -> bool {
        self.rules.contains(&rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn practice_fundamentals_has_five_areas_and_55_statements() {
        let parsed = Framework::from_json(PRACTICE_FUNDAMENTALS_JSON);
        assert!(
            parsed.is_ok(),
            "the embedded framework is valid: {parsed:?}"
        );
        let f = Framework::practice_fundamentals();
        assert_eq!(
            (f.id.as_str(), f.version.as_str()),
            ("practice-fundamentals", "2020-05")
        );
        assert_eq!(
            f.points,
            Points {
                met: 2,
                partly: 1,
                not_met: 0
            }
        );
        let bands: Vec<(Grade, u32)> = f.bands.iter().map(|b| (b.grade, b.min_percent)).collect();
        assert_eq!(
            bands,
            [
                (Grade::Outstanding, 90),
                (Grade::Good, 75),
                (Grade::RequiresImprovement, 55),
                (Grade::RequiresImprovementLow, 40)
            ]
        );
        assert_eq!(f.below_bands, Grade::Inadequate);
        assert_eq!(
            f.rules,
            [
                RuleName::LimitedByInadequateArea,
                RuleName::OutstandingNeedsEveryAreaGood,
                RuleName::ImmediateConcern
            ]
        );
        let titles: Vec<&str> = f.areas.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Supervision and Management",
                "Visiting and Direct Work",
                "Assessments",
                "Planning and Reviewing",
                "Case Recording"
            ]
        );
        let areas: Vec<(&str, usize)> = f
            .areas
            .iter()
            .map(|a| (a.id.0.as_str(), a.statements.len()))
            .collect();
        assert_eq!(
            areas,
            [
                ("supervision", 13),
                ("visiting", 10),
                ("assessment", 11),
                ("planning", 10),
                ("recording", 11)
            ]
        );
        assert_eq!(f.statement_count(), 55);
        for (area, prefix) in f.areas.iter().zip(["SM", "VD", "AS", "PR", "CR"]) {
            for (n, s) in area.statements.iter().enumerate() {
                assert_eq!(s.id.0, format!("{prefix}{}", n + 1));
            }
        }
        let (area, sm1) = f.statement(&StatementId("SM1".into())).unwrap();
        assert_eq!(area.id, AreaId("supervision".into()));
        assert_eq!(
            sm1.text,
            "Promote and govern excellent practice and develop excellent practitioners."
        );
        let (_, cr11) = f.statement(&StatementId("CR11".into())).unwrap();
        assert_eq!(cr11.text, "Take account of the complex relationship between professional ethics, the application of the law and the impact on both of social policy.");
        assert!(f.statement(&StatementId("CR12".into())).is_none());
        assert_eq!(
            f.area(&AreaId("recording".into()))
                .map(|a| a.title.as_str()),
            Some("Case Recording")
        );
    }

    #[test]
    fn bands_use_exact_integer_thresholds() {
        let f = Framework::practice_fundamentals();
        assert_eq!(f.band(18, 24), Some(Grade::Good), "exactly 75%");
        assert_eq!(f.band(17, 24), Some(Grade::RequiresImprovement));
        assert_eq!(f.band(99, 110), Some(Grade::Outstanding), "exactly 90%");
        assert_eq!(f.band(43, 110), Some(Grade::Inadequate));
        assert_eq!(f.band(0, 0), None);
    }

    #[test]
    fn a_broken_framework_is_refused_with_the_reason() {
        let dup = PRACTICE_FUNDAMENTALS_JSON.replace("\"VD1\"", "\"SM1\"");
        assert_eq!(
            Framework::from_json(&dup),
            Err(FrameworkError::DuplicateId("SM1".into()))
        );
        let bands =
            PRACTICE_FUNDAMENTALS_JSON.replace("\"min_percent\": 75", "\"min_percent\": 95");
        assert_eq!(Framework::from_json(&bands), Err(FrameworkError::Bands));
        let order =
            PRACTICE_FUNDAMENTALS_JSON.replace("\"grade\": \"good\"", "\"grade\": \"inadequate\"");
        assert_eq!(Framework::from_json(&order), Err(FrameworkError::Bands));
        let points = PRACTICE_FUNDAMENTALS_JSON.replace("\"partly\": 1", "\"partly\": 3");
        assert_eq!(Framework::from_json(&points), Err(FrameworkError::Points));
        let rules = PRACTICE_FUNDAMENTALS_JSON.replace("\"rules\": [", "\"rules\": [\"score\", ");
        assert_eq!(Framework::from_json(&rules), Err(FrameworkError::Rules));
        let blank = PRACTICE_FUNDAMENTALS_JSON.replace("\"Assessments\"", "\" \"");
        assert!(matches!(
            Framework::from_json(&blank),
            Err(FrameworkError::Empty(_))
        ));
        assert!(matches!(
            Framework::from_json("{"),
            Err(FrameworkError::Parse(_))
        ));
    }
}
