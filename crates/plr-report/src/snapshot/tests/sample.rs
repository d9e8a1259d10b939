//! The moderation sample targeted by risk and the moderator effect (`qa-month.md` §2).

use std::sync::Arc;

use super::*;
use plr_core::model::{Grade, ModerationEffect};

/// A completed, unmoderated child in need PLR graded good, by `reviewer` of `team`, reviewed
/// on `on`.
fn by(id: u128, reviewer: &str, team: &str, on: NaiveDate) -> PlrFacts {
    PlrFacts {
        reviewer: reviewer.into(),
        team: team.into(),
        legal_status: Some(LegalStatus::ChildInNeed),
        ..plr(id, on, Grade::Good)
    }
}

fn moderated(mut f: PlrFacts, effect: ModerationEffect) -> PlrFacts {
    f.moderation = Some(ModerationFacts {
        grade: Grade::Good,
        effect,
    });
    f
}

fn july() -> Options {
    options("2022-07", date(2022, 8, 10))
}

fn how(percent: u32, capacity: u32, seed: u64) -> SampleOptions {
    SampleOptions {
        percent,
        capacity,
        spread_across_teams: true,
        seed,
    }
}

/// (file, reason in words) of each pick.
fn picks(s: &Sample<'_>) -> Vec<(String, String)> {
    s.chosen
        .iter()
        .map(|p| (p.facts.source.to_string(), p.reason.words()))
        .collect()
}

/// One PLR for each rule, plus ten for the random fill, with an auditor whose effect over
/// May to July is 2 of 5 (40%) and one whose is 0 of 5.
fn batch() -> Vec<PlrFacts> {
    let on = date(2022, 7, 5);
    let mut plrs = vec![
        PlrFacts {
            final_grade: Some(Grade::RequiresImprovementLow),
            ..by(1, "A. Patel", "Stroud", on)
        },
        PlrFacts {
            final_grade: Some(Grade::Inadequate),
            ..by(2, "A. Patel", "Stroud", on)
        },
        PlrFacts {
            legal_status: Some(LegalStatus::ChildProtection),
            ..by(3, "A. Patel", "Stroud", on)
        },
        by(4, "B. Jones", "Gloucester", on),
        by(5, "C. Lee", "Stroud", on),
    ];
    // C. Lee: 2 of 5 changed in May and June; D. Khan: 0 of 5 (and 5 of 5 in January, more
    // than six months before).
    for i in 0..5 {
        let effect = if i < 2 {
            ModerationEffect::Downgraded
        } else {
            ModerationEffect::Agreed
        };
        plrs.push(moderated(
            by(100 + i, "c. lee ", "Stroud", date(2022, 5, 10)),
            effect,
        ));
        plrs.push(moderated(
            by(200 + i, "D. Khan", "Stroud", date(2022, 6, 10)),
            ModerationEffect::Agreed,
        ));
        plrs.push(moderated(
            by(300 + i, "D. Khan", "Stroud", date(2022, 1, 10)),
            ModerationEffect::Upgraded,
        ));
    }
    for i in 0..10 {
        let team = ["Stroud", "Gloucester", "Forest"][i as usize % 3];
        plrs.push(by(10 + i, "D. Khan", team, on));
    }
    plrs
}

const ALLOCATION: &str = "month,auditor,team,head_of_service,state\n2022-06,B. Jones,Gloucester,H. One,allocated\n2022-07,A. Patel,Cheltenham,H. Two,allocated\n";

fn with_allocation() -> Options {
    Options {
        allocation: Some(Arc::new(Allocation::read(ALLOCATION.as_bytes()))),
        ..july()
    }
}

#[test]
fn each_rule_picks_in_the_spec_order_with_its_reason_then_the_fill() {
    let b = built(batch());
    let s = b.sample(&with_allocation(), how(20, 58, 1));
    assert_eq!(s.candidates, 15);
    assert_eq!(s.share, 3); // ceil(15 * 20%)
    let got = picks(&s);
    assert_eq!(
        got[..5],
        [
            ("2.json".into(), "Graded inadequate by the reviewer".into()),
            ("1.json".into(), "Lower-end requires improvement".into()),
            ("3.json".into(), "Child protection".into()),
            // B. Jones's latest row before July names Gloucester.
            ("4.json".into(), "Auditor audited their own team".into()),
            (
                "5.json".into(),
                "Auditor's moderator effect over the last six months is 40%".into()
            ),
        ]
    );
    // The rules picked more than the share: no fill.
    assert_eq!(got.len(), 5);
    assert!(s.own_team_checked);
    assert_eq!(s.left_out, 0);
}

#[test]
fn without_an_allocation_the_own_team_rule_picks_nothing_and_says_so() {
    let b = built(batch());
    let s = b.sample(&july(), how(20, 58, 1));
    assert!(!s.own_team_checked);
    assert!(!s.chosen.iter().any(|p| p.reason == SampleReason::OwnTeam));
    assert!(sample_summary(&s).ends_with(
        "No allocation file: no review was picked because its auditor audited their own team."
    ));
}

#[test]
fn an_effect_of_exactly_fifteen_percent_is_not_above_it() {
    let mut plrs = vec![by(1, "E. Ward", "Stroud", date(2022, 7, 5))];
    for i in 0..20 {
        let effect = if i < 3 {
            ModerationEffect::Upgraded
        } else {
            ModerationEffect::Agreed
        };
        plrs.push(moderated(
            by(100 + i, "E. Ward", "Stroud", date(2022, 7, 1)),
            effect,
        ));
    }
    let b = built(plrs);
    let s = b.sample(&july(), how(0, 58, 1));
    assert!(s.chosen.is_empty(), "{:?}", picks(&s));
}

#[test]
fn the_capacity_cuts_the_rules_in_order_and_ids_within_a_rule() {
    let b = built(batch());
    let s = b.sample(&with_allocation(), how(100, 2, 1));
    assert_eq!(
        picks(&s),
        [
            ("2.json".into(), "Graded inadequate by the reviewer".into()),
            ("1.json".into(), "Lower-end requires improvement".into()),
        ]
    );
    assert_eq!((s.capacity, s.left_out), (2, 3));
    assert!(sample_summary(&s).contains("The capacity left out 3 more that the rules picked."));
    // A quarter has three months' capacity.
    let quarter = options("Q2 22/23", date(2022, 10, 1));
    assert_eq!(b.sample(&quarter, how(100, 2, 1)).capacity, 6);
}

#[test]
fn the_fill_reaches_the_share_spread_across_teams() {
    let on = date(2022, 7, 5);
    let plrs: Vec<PlrFacts> = (0..30)
        .map(|i| {
            by(
                i,
                "D. Khan",
                ["Stroud", "Gloucester", "Forest"][i as usize % 3],
                on,
            )
        })
        .collect();
    let b = built(plrs);
    let s = b.sample(&july(), how(20, 58, 42));
    assert_eq!(s.chosen.len(), 6);
    assert!(s
        .chosen
        .iter()
        .all(|p| p.reason == SampleReason::RandomFill));
    for team in ["Stroud", "Gloucester", "Forest"] {
        let n = s.chosen.iter().filter(|p| p.facts.team == team).count();
        assert_eq!(n, 2, "{team}");
    }
    // The capacity bounds the fill too.
    assert_eq!(b.sample(&july(), how(100, 4, 42)).chosen.len(), 4);
    // Not spread: still the share.
    let plain = SampleOptions {
        spread_across_teams: false,
        ..how(20, 58, 42)
    };
    assert_eq!(b.sample(&july(), plain).chosen.len(), 6);
}

#[test]
fn an_already_moderated_review_is_never_picked() {
    let on = date(2022, 7, 5);
    let inadequate = PlrFacts {
        final_grade: Some(Grade::Inadequate),
        ..by(1, "A. Patel", "Stroud", on)
    };
    let b = built(vec![
        moderated(inadequate, ModerationEffect::Agreed),
        moderated(by(2, "A. Patel", "Stroud", on), ModerationEffect::Agreed),
    ]);
    let s = b.sample(&july(), how(100, 58, 1));
    assert_eq!((s.candidates, s.chosen.len()), (0, 0));
}

#[test]
fn the_sample_is_reproducible_whatever_the_order_of_the_files() {
    let mut plrs = batch();
    let b = built(plrs.clone());
    let o = with_allocation();
    let first = picks(&b.sample(&o, how(60, 58, 7)));
    assert_eq!(first.len(), 9); // ceil(15 * 60%)
    assert_eq!(first, picks(&b.sample(&o, how(60, 58, 7))));
    plrs.reverse();
    let reversed = built(plrs);
    assert_eq!(first, picks(&reversed.sample(&o, how(60, 58, 7))));
    let others: Vec<_> = (8..12)
        .map(|seed| picks(&b.sample(&o, how(60, 58, seed))))
        .collect();
    assert!(others.iter().any(|o| *o != first));
}

#[test]
fn the_sample_csv_lists_each_pick_in_words() {
    let b = built(batch());
    let s = b.sample(&with_allocation(), how(20, 58, 1));
    let csv = sample_csv(&s);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Case reference,Team,Auditor,Reviewer's grade,Reason,File"
    );
    assert_eq!(
        lines[1],
        "LL-2,Stroud,A. Patel,Inadequate,Graded inadequate by the reviewer,2.json"
    );
    assert_eq!(lines.len(), 6);
    let json: serde_json::Value = serde_json::from_str(&sample_json(&s)).unwrap();
    assert_eq!(json["chosen"][4]["reason"]["rule"], "moderator_effect");
    assert_eq!(json["chosen"][4]["reason"]["percent"], 40);
}

/// (auditor, moderated, agreed, upgraded, downgraded, effect).
type AuditorRow<'a> = (&'a str, u32, u32, u32, u32, Option<u32>);

#[test]
fn the_moderator_effect_month_by_month_and_by_auditor() {
    let b = built(batch());
    let e = moderator_effect(&b, &july());
    let months: Vec<(&str, u32, Option<u32>, Option<u32>)> = e
        .months
        .iter()
        .map(|m| {
            (
                m.month.as_str(),
                m.moderated,
                m.upgraded.percent,
                m.downgraded.percent,
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2022-02", 0, None, None),
            ("2022-03", 0, None, None),
            ("2022-04", 0, None, None),
            ("2022-05", 5, Some(0), Some(40)),
            ("2022-06", 5, Some(0), Some(0)),
            ("2022-07", 0, None, None),
        ]
    );
    // Over April to June: C. Lee 2 of 5 (the spelling typed), D. Khan 0 of 5.
    let q1 = Options {
        period: Some(Period::parse("Q1 22/23").unwrap()),
        ..july()
    };
    let e = moderator_effect(&b, &q1);
    let rows: Vec<AuditorRow<'_>> = e
        .auditors
        .iter()
        .map(|a| {
            (
                a.auditor.as_str(),
                a.moderated,
                a.agreed,
                a.upgraded,
                a.downgraded,
                a.effect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("c. lee", 5, 3, 0, 2, Some(40)),
            ("D. Khan", 5, 5, 0, 0, Some(0)),
        ]
    );
    assert_eq!(
        moderators_csv(&e),
        "Auditor,Reviews moderated,Agreed,Upgraded,Downgraded,Moderator effect (%)\nc. lee,5,3,0,2,40\nD. Khan,5,5,0,0,0\n"
    );
    assert!(moderators_text(&e)
        .contains("  c. lee: 5 moderated, 3 agreed, 0 upgraded, 2 downgraded: effect 40%"));
}
