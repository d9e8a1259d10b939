//! The suggested grade (`grading.md`): area bands, pooled score and the three rules.

use crate::framework::Framework;
use crate::model::{AreaResult, Grade, RuleName, Section, Suggestion};

/// Whether `found` holds exactly the framework's `ids`, in their order.
fn in_order<F, T>(ids: &[F], found: &[T], same: impl Fn(&F, &T) -> bool) -> bool {
    ids.len() == found.len() && ids.iter().zip(found).all(|(f, t)| same(f, t))
}

/// Computes the suggested grade of `sections` under `framework` (`grading.md`).
///
/// Areas are taken in framework order; an area missing from `sections`, like an unrated
/// statement, leaves the result provisional. Integer arithmetic only.
pub fn suggest_grade(
    framework: &Framework,
    sections: &[Section],
    immediate_concern: bool,
) -> Suggestion {
    let mut provisional = false;
    let mut areas = Vec::with_capacity(framework.areas.len());
    // Sections (and their items) are nearly always in framework order, and framework ids are
    // unique: then the n-th one is the n-th area's, with no search by id (this runs for every
    // file imported).
    let sections_in_order = in_order(&framework.areas, sections, |a, s| a.id == s.id);
    for (n, area) in framework.areas.iter().enumerate() {
        let (mut points, mut maximum) = (0, 0);
        let section = if sections_in_order {
            sections.get(n)
        } else {
            sections.iter().find(|s| s.id == area.id)
        };
        match section {
            None => provisional = true,
            Some(section) => {
                let items_in_order =
                    in_order(&area.statements, &section.items, |st, i| st.id == i.id);
                for (k, statement) in area.statements.iter().enumerate() {
                    let item = if items_in_order {
                        section.items.get(k)
                    } else {
                        section.items.iter().find(|i| i.id == statement.id)
                    };
                    let rating = item.and_then(|i| i.rating);
                    match rating {
                        None => provisional = true,
                        Some(r) => {
                            if let Some(p) = framework.points_for(r) {
                                points += p;
                                maximum += framework.points.met;
                            }
                        }
                    }
                }
            }
        }
        areas.push(AreaResult {
            id: area.id.clone(),
            band: framework.band(points, maximum),
            points,
            maximum,
        });
    }
    let points = areas.iter().map(|a| a.points).sum();
    let maximum = areas.iter().map(|a| a.maximum).sum();
    let mut rules = Vec::new();
    let mut grade = framework.band(points, maximum);
    if let Some(mut g) = grade {
        rules.push(RuleName::Score);
        for rule in &framework.rules {
            match rule {
                RuleName::LimitedByInadequateArea => {
                    let inadequate = areas.iter().any(|a| a.band == Some(Grade::Inadequate));
                    if inadequate && g < Grade::RequiresImprovementLow {
                        g = Grade::RequiresImprovementLow;
                        rules.push(*rule);
                    }
                }
                RuleName::OutstandingNeedsEveryAreaGood => {
                    let below_good = areas
                        .iter()
                        .any(|a| a.band.is_some_and(|b| b > Grade::Good));
                    if g == Grade::Outstanding && below_good {
                        g = Grade::Good;
                        rules.push(*rule);
                    }
                }
                RuleName::ImmediateConcern => {
                    if immediate_concern {
                        g = Grade::Inadequate;
                        rules.push(*rule);
                    }
                }
                RuleName::Score => {}
            }
        }
        grade = Some(g);
    }
    Suggestion {
        grade,
        provisional,
        points,
        maximum,
        rules,
        areas,
    }
}

/// Rounds `points / maximum` to a whole per cent, half up, for display only.
fn percent(points: u32, maximum: u32) -> u32 {
    if maximum == 0 {
        return 0;
    }
    (200 * points + maximum) / (2 * maximum)
}

/// Joins area titles as English: "A", "A and B", "A, B and C".
fn and_list(titles: &[String]) -> String {
    match titles {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "X is" or "X and Y are".
fn areas_are(
    suggestion: &Suggestion,
    framework: &Framework,
    pred: impl Fn(Grade) -> bool,
) -> String {
    let titles: Vec<String> = suggestion
        .areas
        .iter()
        .filter(|a| a.band.is_some_and(&pred))
        .map(|a| {
            framework
                .area(&a.id)
                .map_or(a.id.0.clone(), |area| area.title.clone())
        })
        .collect();
    let verb = if titles.len() == 1 { "is" } else { "are" };
    format!("{} {verb}", and_list(&titles))
}

/// The suggestion in plain English, one sentence per rule that shaped it (in the order they
/// were applied), then a note when the result is provisional. No acronyms.
///
/// e.g. "Score 88 of 110 points (80%), which is Good." then "Capped at lower-end requires
/// improvement because Case Recording is inadequate."
pub fn explain(suggestion: &Suggestion, framework: &Framework) -> Vec<String> {
    let Some(grade) = suggestion.grade else {
        return vec![
            "Not enough rated yet: rate at least one statement as met, partly met or not met."
                .into(),
        ];
    };
    let score_band = framework
        .band(suggestion.points, suggestion.maximum)
        .unwrap_or(grade);
    let mut lines = Vec::new();
    for rule in &suggestion.rules {
        lines.push(match rule {
            RuleName::Score => format!(
                "Score {} of {} points ({}%), which is {}.",
                suggestion.points,
                suggestion.maximum,
                percent(suggestion.points, suggestion.maximum),
                score_band.label()
            ),
            RuleName::LimitedByInadequateArea => format!(
                "Capped at lower-end requires improvement because {} inadequate.",
                areas_are(suggestion, framework, |b| b == Grade::Inadequate)
            ),
            RuleName::OutstandingNeedsEveryAreaGood => format!(
                "Lowered from outstanding to good because {} below good.",
                areas_are(suggestion, framework, |b| b > Grade::Good)
            ),
            RuleName::ImmediateConcern => {
                "Inadequate because an immediate concern about the child's safety was flagged."
                    .to_string()
            }
        });
    }
    if suggestion.provisional {
        lines.push(
            "Provisional: some statements are not rated yet, so the grade may still change.".into(),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Plr, PlrId, Rating};

    fn rated(f: impl Fn(&str) -> Option<Rating>) -> Vec<Section> {
        let framework = Framework::practice_fundamentals();
        let mut plr = Plr::new_draft(
            PlrId(uuid::Uuid::nil()),
            chrono::DateTime::UNIX_EPOCH,
            framework,
        );
        for item in plr.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
            item.rating = f(&item.id.0);
        }
        plr.sections
    }

    fn n(id: &str) -> u32 {
        id[2..].parse().unwrap()
    }

    #[test]
    fn the_nine_worked_examples() {
        use Grade::*;
        use Rating::*;
        use RuleName::*;
        let f = Framework::practice_fundamentals();
        let example4 = |id: &str| match (&id[..2], n(id)) {
            ("SM", 1..=6) => Some(Met),
            ("SM", 7..=12) => Some(PartlyMet),
            _ => Some(NotApplicable),
        };
        type Case = (u8, Vec<Section>, bool, Option<Grade>, Vec<RuleName>, bool);
        let cases: Vec<Case> = vec![
            (
                1,
                rated(|_| Some(Met)),
                false,
                Some(Outstanding),
                vec![Score],
                false,
            ),
            (
                2,
                rated(|id| Some(if id.starts_with("CR") { NotMet } else { Met })),
                false,
                Some(RequiresImprovementLow),
                vec![Score, LimitedByInadequateArea],
                false,
            ),
            (
                3,
                rated(|_| Some(PartlyMet)),
                false,
                Some(RequiresImprovementLow),
                vec![Score],
                false,
            ),
            (4, rated(example4), false, Some(Good), vec![Score], false),
            (
                5,
                rated(|_| Some(Met)),
                true,
                Some(Inadequate),
                vec![Score, ImmediateConcern],
                false,
            ),
            (
                6,
                rated(|id| {
                    Some(if id.starts_with("CR") && n(id) >= 6 {
                        PartlyMet
                    } else {
                        Met
                    })
                }),
                false,
                Some(Good),
                vec![Score, OutstandingNeedsEveryAreaGood],
                false,
            ),
            (
                7,
                rated(|id| (id == "SM1").then_some(Met)),
                false,
                Some(Outstanding),
                vec![Score],
                true,
            ),
            (8, rated(|_| None), false, None, vec![], true),
            (
                9,
                rated(|id| {
                    if id == "SM6" {
                        Some(PartlyMet)
                    } else {
                        example4(id)
                    }
                }),
                false,
                Some(RequiresImprovement),
                vec![Score],
                false,
            ),
        ];
        for (number, sections, concern, grade, rules, provisional) in cases {
            let s = suggest_grade(f, &sections, concern);
            assert_eq!(
                (s.grade, s.rules, s.provisional),
                (grade, rules, provisional),
                "example {number}"
            );
        }
        let two = suggest_grade(
            f,
            &rated(|id| Some(if id.starts_with("CR") { NotMet } else { Met })),
            false,
        );
        assert_eq!((two.points, two.maximum), (88, 110));
        assert_eq!(two.areas[4].band, Some(Inadequate));
        let four = suggest_grade(f, &rated(example4), false);
        assert_eq!(
            (four.points, four.maximum, four.areas[1].band),
            (18, 24, None)
        );
    }

    #[test]
    fn explanations_name_the_area_behind_each_rule() {
        let f = Framework::practice_fundamentals();
        let s = suggest_grade(
            f,
            &rated(|id| {
                Some(if id.starts_with("CR") {
                    Rating::NotMet
                } else {
                    Rating::Met
                })
            }),
            false,
        );
        assert_eq!(
            explain(&s, f),
            [
                "Score 88 of 110 points (80%), which is Good.",
                "Capped at lower-end requires improvement because Case Recording is inadequate.",
            ]
        );
        // Only AS1 and CR1 count in their areas, both partly met (50%): two areas below good.
        let two_below = suggest_grade(
            f,
            &rated(|id| {
                Some(match id {
                    "AS1" | "CR1" => Rating::PartlyMet,
                    _ if id.starts_with("AS") || id.starts_with("CR") => Rating::NotApplicable,
                    _ => Rating::Met,
                })
            }),
            true,
        );
        assert_eq!(
            explain(&two_below, f),
            [
                "Score 68 of 70 points (97%), which is Outstanding.",
                "Lowered from outstanding to good because Assessments and Case Recording are below good.",
                "Inadequate because an immediate concern about the child's safety was flagged.",
            ]
        );
        let one = suggest_grade(f, &rated(|id| (id == "SM1").then_some(Rating::Met)), false);
        assert_eq!(explain(&one, f).len(), 2);
        assert!(explain(&one, f)[1].starts_with("Provisional"));
        assert_eq!(
            explain(&suggest_grade(f, &rated(|_| None), false), f),
            ["Not enough rated yet: rate at least one statement as met, partly met or not met."]
        );
    }
}
