//! Seed 003's July 2022 batch (`followthrough.md`, issue #24): the exports behind the
//! follow-through figures of the spec's table, so that `plr snapshot --period 2022-07
//! --as-of 2022-08-10` over them gives exactly those figures and `plr concerns` lists the 53
//! tracked Cases of Concern.
//!
//! Each review is a recipe: its date, grade and team (made by [`Generator::plr_shaped`]),
//! the outcome as of D of each of its actions, and the story of its Case of Concern, if it is
//! one. The recipes come from counts, not from a list of reviews: the window's and the
//! backlog's care-planning states and other actions' outcomes are pools of the spec's counts,
//! shuffled with seed 3 and dealt over the reviews, a varied number of other actions each
//! (`deal`); the Cases of Concern are a table of stories, the notable ones one by one and
//! the ordinary tracked ones spread over the year (`stories`). Every date is set from D so
//! each action has the outcome it was dealt (checked as it is made).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use super::{Generator, Shape, TEAMS};
use crate::snapshot::CarePlanning;
use plr_core::ambassadors::record_ambassadors_review;
use plr_core::concern::raised;
use plr_core::followthrough::{record_concern_update, ActionOutcome};
use plr_core::model::{
    Action, ActionKind, ActionStatus, AmbassadorsReview, ConcernOutcome, ConcernUpdate, Grade, Plr,
    Status,
};
use plr_core::moderation::moderate;

mod allocation;

pub use allocation::july_2022_allocation;

/// A day (every date of the batch is a valid literal).
fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// D, the as-of date: every action is judged as of it, and nothing in the batch is later.
fn as_of() -> NaiveDate {
    day(2022, 8, 10)
}

/// The first day of the follow-through window of July 2022 (May, June, July).
fn window_first() -> NaiveDate {
    day(2022, 5, 1)
}

/// `on` at `hour`:00 UTC.
fn at(on: NaiveDate, hour: u32) -> DateTime<Utc> {
    on.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default())
        .and_utc()
}

/// The reviews of the window (119, `plrs_in_window`) and of the backlog before it.
const WINDOW_REVIEWS: usize = 119;
const BACKLOG_REVIEWS: usize = 160;

/// The window's care-planning states (`care_planning_plrs` = 86 of the 119) and the other
/// actions' outcomes (236), from the spec's table.
fn window_pools() -> (Vec<Option<CarePlanning>>, Vec<ActionOutcome>) {
    use ActionOutcome::*;
    let care = pool(&[
        (Some(CarePlanning::TransferredOnTime), 4),
        (Some(CarePlanning::TransferredLate), 7),
        (Some(CarePlanning::NoUpdate), 47),
        (Some(CarePlanning::NotYetTransferred), 28),
        (None, WINDOW_REVIEWS - 86),
    ]);
    let other = pool(&[
        (OnTime, 53),
        (Late, 28),
        (Overdue, 59),
        (NotYetDue, 8),
        (NoUpdate, 88),
    ]);
    (care, other)
}

/// The backlog's: `care_planning_backlog` = 123 reviews with no update or not yet
/// transferred, beside 22 fully transferred (so not every old review is backlog);
/// `other_actions_backlog` = 169 overdue or without an update, beside 111 closed or not yet
/// due.
fn backlog_pools() -> (Vec<Option<CarePlanning>>, Vec<ActionOutcome>) {
    use ActionOutcome::*;
    let care = pool(&[
        (Some(CarePlanning::NoUpdate), 70),
        (Some(CarePlanning::NotYetTransferred), 53),
        (Some(CarePlanning::TransferredOnTime), 15),
        (Some(CarePlanning::TransferredLate), 7),
        (None, BACKLOG_REVIEWS - 145),
    ]);
    let other = pool(&[
        (Overdue, 64),
        (NoUpdate, 105),
        (OnTime, 70),
        (Late, 35),
        (NotYetDue, 6),
    ]);
    (care, other)
}

/// Which reviews of the window and of the backlog (by place, oldest first) carry an action
/// whose service ended: `service_ended` = 10.
const SERVICE_ENDED_IN_WINDOW: [usize; 4] = [12, 45, 78, 101];
const SERVICE_ENDED_IN_BACKLOG: [usize; 6] = [5, 30, 60, 90, 120, 150];

/// How many other actions a review has, cycled over the reviews (then topped up or trimmed
/// to the pool's size; a review without a care-planning action has at least one).
const OTHER_ACTIONS_PER_REVIEW: [usize; 8] = [2, 1, 3, 0, 2, 4, 1, 2];

/// The grades of the reviews that are not Cases of Concern, cycled (never inadequate).
const GRADES: [Grade; 10] = [
    Grade::Good,
    Grade::RequiresImprovement,
    Grade::RequiresImprovementLow,
    Grade::RequiresImprovement,
    Grade::Good,
    Grade::RequiresImprovement,
    Grade::Outstanding,
    Grade::RequiresImprovementLow,
    Grade::Good,
    Grade::RequiresImprovement,
];

const HEADS_OF_SERVICE: [&str; 3] = ["P. Singh", "D. Head", "R. Osei"];
const MODERATOR: &str = "Q. Moderator";

/// What made a review a Case of Concern, in its story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raised {
    /// An immediate concern flagged during the review.
    Flagged,
    /// Completed with an inadequate grade (unless moderators identified it:
    /// [`Story::identified_on`]).
    Completed,
    /// Graded the lower end of requires improvement, moderated to inadequate on that day.
    ModeratedOn(NaiveDate),
    /// Completed inadequate, then upgraded by a moderator on that day: still raised.
    UpgradedOn(NaiveDate),
}

/// A Case of Concern's story.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Story {
    /// The review's date.
    review: NaiveDate,
    /// What raised it.
    raised: Raised,
    /// Shared with the Head of Service this many hours after it was raised (24 or fewer: in
    /// time), or never recorded as shared.
    shared_after_hours: Option<i64>,
    /// The Head of Service's updates, by day.
    updates: Vec<(NaiveDate, ConcernOutcome)>,
    /// Present as two copies: one moderated (agreeing) on this day, without the updates, and
    /// an unmoderated copy saved later with them.
    two_copies: Option<NaiveDate>,
    /// For a story flagged or completed: its ratings say inadequate but the reviewer graded it
    /// the lower end of requires improvement, and a moderator graded it inadequate on this day
    /// (inadequate identified by moderators, seed 003 Table 1). Set by [`moderate_table_1`]; a
    /// story completed is then raised by that moderation, a flagged one still by its flag.
    identified_on: Option<NaiveDate>,
}

fn story(
    review: NaiveDate,
    raised: Raised,
    shared_after_hours: Option<i64>,
    updates: &[(NaiveDate, ConcernOutcome)],
) -> Story {
    Story {
        review,
        raised,
        shared_after_hours,
        updates: updates.to_vec(),
        two_copies: None,
        identified_on: None,
    }
}

/// Every Case of Concern of the batch: 53 tracked as of E (31 July 2022), of them 7 open more
/// than 12 months and 3 raised in July; 2 resolved in July, 6 resolved before it, 1 raised
/// after E. July's updates: 4 (2 resolving, 2 not).
fn stories() -> Vec<Story> {
    use ConcernOutcome::*;
    use Raised::*;
    let mut stories = vec![
        // Tracked, raised more than 12 months before E (before 31 July 2021): 7.
        story(
            day(2021, 3, 9),
            Completed,
            Some(3),
            &[
                (day(2021, 4, 20), ContinuingOversight),
                (day(2022, 1, 10), FurtherReview),
            ],
        ),
        story(day(2021, 3, 24), Flagged, Some(2), &[]),
        story(day(2021, 4, 15), Completed, None, &[]),
        story(
            day(2021, 5, 6),
            Completed,
            Some(40),
            &[(day(2022, 6, 15), ContinuingOversight)],
        ),
        story(day(2021, 6, 2), Flagged, Some(5), &[]),
        story(
            day(2021, 6, 8),
            ModeratedOn(day(2021, 6, 29)),
            Some(20),
            &[],
        ),
        story(day(2021, 7, 30), Completed, Some(6), &[]),
        // Tracked, raised exactly 12 months before E: not more than 12 months.
        story(day(2021, 7, 31), Completed, Some(4), &[]),
        // Tracked, with a July update that did not resolve it: 2 (one on a copy).
        story(
            day(2021, 11, 3),
            Completed,
            Some(8),
            &[
                (day(2022, 3, 2), ContinuingOversight),
                (day(2022, 7, 20), FurtherReview),
            ],
        ),
        Story {
            two_copies: Some(day(2022, 6, 10)),
            ..story(
                day(2022, 5, 18),
                Completed,
                Some(10),
                &[(day(2022, 7, 14), ContinuingOversight)],
            )
        },
        // Tracked: completed inadequate, then upgraded by a moderator.
        story(day(2022, 1, 12), UpgradedOn(day(2022, 2, 1)), Some(12), &[]),
        // Tracked: moderated to inadequate, shared late.
        story(
            day(2022, 2, 10),
            ModeratedOn(day(2022, 3, 1)),
            Some(30),
            &[],
        ),
        // Tracked: resolved on 3 August 2022, after E, so still open as of E.
        story(
            day(2022, 4, 11),
            Completed,
            Some(9),
            &[(day(2022, 8, 3), Resolved)],
        ),
        // Raised in July 2022: 3, two shared in time and one late.
        story(
            day(2022, 6, 21),
            ModeratedOn(day(2022, 7, 12)),
            Some(2),
            &[],
        ),
        story(day(2022, 7, 6), Flagged, Some(1), &[]),
        story(day(2022, 7, 19), Completed, Some(31), &[]),
        // Resolved in July 2022: 2.
        story(
            day(2022, 2, 14),
            Completed,
            Some(5),
            &[
                (day(2022, 4, 12), ContinuingOversight),
                (day(2022, 7, 8), Resolved),
            ],
        ),
        story(
            day(2022, 5, 23),
            Flagged,
            Some(3),
            &[(day(2022, 7, 27), Resolved)],
        ),
        // Resolved before July 2022: 6, neither tracked nor counted.
        story(
            day(2021, 4, 27),
            Completed,
            Some(4),
            &[(day(2021, 9, 14), Resolved)],
        ),
        story(
            day(2021, 8, 16),
            Flagged,
            Some(2),
            &[
                (day(2021, 9, 1), ContinuingOversight),
                (day(2021, 10, 5), Resolved),
            ],
        ),
        story(
            day(2021, 10, 21),
            Completed,
            Some(26),
            &[(day(2022, 1, 19), Resolved)],
        ),
        story(
            day(2022, 1, 25),
            Completed,
            Some(7),
            &[(day(2022, 3, 30), Resolved)],
        ),
        story(
            day(2022, 3, 3),
            ModeratedOn(day(2022, 3, 17)),
            Some(5),
            &[(day(2022, 5, 11), Resolved)],
        ),
        story(
            day(2022, 5, 9),
            Completed,
            Some(6),
            &[(day(2022, 6, 22), Resolved)],
        ),
        // Raised after E (moderated to inadequate on 4 August 2022): not on the register.
        story(day(2022, 7, 20), ModeratedOn(day(2022, 8, 4)), Some(3), &[]),
    ];
    // The other 37 tracked, raised from August 2021 to June 2022: one in four flagged, one in
    // six shared late, one in three with an earlier update.
    let days = weekdays(day(2021, 8, 2), day(2022, 6, 30));
    let ordinary = 37;
    for i in 0..ordinary {
        let review = days[i * days.len() / ordinary];
        let first_update = review + Duration::days(21);
        let updates: Vec<_> = [(first_update, ContinuingOversight)]
            .into_iter()
            .filter(|(on, _)| i.is_multiple_of(3) && *on < day(2022, 7, 1))
            .collect();
        let hours = if i % 6 == 5 { 26 + i % 20 } else { 1 + i % 20 };
        stories.push(story(
            review,
            if i % 4 == 1 { Flagged } else { Completed },
            Some(hours as i64),
            &updates,
        ));
    }
    stories
}

/// One review to make.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Recipe {
    date: NaiveDate,
    grade: Grade,
    team: &'static str,
    /// The reviewer's name, for July 2022's reviews (the auditors of the allocation).
    reviewer: Option<String>,
    /// Moderated (agreeing) by the generator: reviews before Table 1's months that are not
    /// Cases of Concern only.
    moderated: bool,
    /// Moderated in Table 1's months ([`moderate_table_1`]), reviews that are not Cases of
    /// Concern only: the reviewer's own grade (`grade` is the moderator's) and the day.
    moderation: Option<(Grade, NaiveDate)>,
    /// The outcome as of D of each care-planning action, then of each other action.
    care_planning: Vec<ActionOutcome>,
    other: Vec<ActionOutcome>,
    /// An action whose service ended, of this kind.
    service_ended: Option<ActionKind>,
    concern: Option<Story>,
}

/// `counts` of each value, in order (then shuffled by [`deal`]).
fn pool<T: Copy>(counts: &[(T, usize)]) -> Vec<T> {
    counts
        .iter()
        .flat_map(|(value, n)| std::iter::repeat_n(*value, *n))
        .collect()
}

/// The weekdays from `from` to `to`.
fn weekdays(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

/// `total` reviews between `from` and `to`: those of `stories`, and ordinary reviews spread
/// evenly over the weekdays in between; oldest first.
fn reviews(stories: Vec<Story>, total: usize, from: NaiveDate, to: NaiveDate) -> Vec<Recipe> {
    let days = weekdays(from, to);
    let plain = total - stories.len();
    let mut recipes: Vec<Recipe> = (0..plain)
        .map(|i| {
            let date = days[i * days.len() / plain];
            Recipe {
                date,
                grade: GRADES[i % GRADES.len()],
                team: TEAMS[0],
                reviewer: None,
                // Moderated within 40 days, before Table 1's months.
                moderated: i.is_multiple_of(6) && date < day(2022, TABLE_1[0].0, 1),
                moderation: None,
                care_planning: Vec::new(),
                other: Vec::new(),
                service_ended: None,
                concern: None,
            }
        })
        .collect();
    recipes.extend(stories.into_iter().map(|s| Recipe {
        date: s.review,
        grade: match s.raised {
            Raised::ModeratedOn(_) => Grade::RequiresImprovementLow,
            _ => Grade::Inadequate,
        },
        team: TEAMS[0],
        reviewer: None,
        moderated: false,
        moderation: None,
        care_planning: Vec::new(),
        other: Vec::new(),
        service_ended: None,
        concern: Some(s),
    }));
    recipes.sort_by_key(|r| (r.date, r.concern.is_some()));
    recipes
}

/// A review's care-planning actions in `state`, varied by `k`.
fn care_planning_actions(state: Option<CarePlanning>, k: usize) -> Vec<ActionOutcome> {
    use ActionOutcome::*;
    match state {
        None => Vec::new(),
        Some(CarePlanning::TransferredOnTime) => vec![OnTime; 1 + k % 2],
        Some(CarePlanning::TransferredLate) if k.is_multiple_of(2) => vec![Late],
        Some(CarePlanning::TransferredLate) => vec![OnTime, Late],
        Some(CarePlanning::NoUpdate) => vec![NoUpdate; 1 + k % 3],
        Some(CarePlanning::NotYetTransferred) => match k % 5 {
            0 => vec![OnTime, NoUpdate],
            1 => vec![Overdue],
            2 => vec![NotYetDue, NoUpdate],
            3 => vec![Late, Overdue],
            _ => vec![NoUpdate, Overdue],
        },
    }
}

/// How many other actions each review gets: [`OTHER_ACTIONS_PER_REVIEW`] cycled, at least
/// `minimums`, topped up (to at most 5) or trimmed one at a time, review by review, to `total`.
fn spread(total: usize, minimums: &[usize]) -> Vec<usize> {
    let mut counts: Vec<usize> = minimums
        .iter()
        .zip(OTHER_ACTIONS_PER_REVIEW.iter().cycle())
        .map(|(min, n)| (*min).max(*n))
        .collect();
    let mut sum: usize = counts.iter().sum();
    let n = counts.len();
    let mut i = 0;
    while sum < total {
        if counts[i % n] < 5 {
            counts[i % n] += 1;
            sum += 1;
        }
        i += 1;
    }
    while sum > total {
        if counts[i % n] > minimums[i % n] {
            counts[i % n] -= 1;
            sum -= 1;
        }
        i += 1;
    }
    counts
}

/// Deals the pools over `recipes`: one care-planning state each, and the other actions'
/// outcomes, shuffled with seed 3, a [`spread`] number each. Every review gets an action.
fn deal(
    recipes: &mut [Recipe],
    (mut care, mut other): (Vec<Option<CarePlanning>>, Vec<ActionOutcome>),
) {
    assert_eq!(
        care.len(),
        recipes.len(),
        "one care-planning state a review"
    );
    let mut rng = fastrand::Rng::with_seed(3);
    rng.shuffle(&mut care);
    rng.shuffle(&mut other);
    let minimums: Vec<usize> = care.iter().map(|s| usize::from(s.is_none())).collect();
    let counts = spread(other.len(), &minimums);
    let mut outcomes = other.into_iter();
    for (k, ((recipe, state), count)) in recipes.iter_mut().zip(care).zip(counts).enumerate() {
        recipe.care_planning = care_planning_actions(state, k);
        recipe.other = outcomes.by_ref().take(count).collect();
    }
}

/// Seed 003's Table 1 (the moderator effect) as the batch gives it, month by month of 2022:
/// the month, the reviews moderated, of them upgraded and downgraded, and the reviews reported
/// inadequate that moderators identified (counted, as the snapshot counts them, in the month of
/// the review, whatever the day of its moderation).
///
/// | month | moderated | upgraded | downgraded | identified | the seed's |
/// | --- | --- | --- | --- | --- | --- |
/// | Feb 22 | 9 of 13 | 0% | 33% (3) | 60% (3 of 5) | 3%, 33%, 67% |
/// | Mar 22 | 13 of 13 | 8% (1) | 31% (4) | 100% (4 of 4) | 5%, 18%, 100% |
/// | Apr 22 | 8 of 12 | 0% | 38% (3) | 60% (3 of 5) | 2%, 37%, 67% |
/// | May 22 | 40 of 42 | 0% | 25% (10) | 83% (5 of 6) | 0%, 25%, 100% |
/// | Jun 22 | 35 of 40 | 0% | 23% (8) | 75% (3 of 4) | 0%, 23%, 71% |
/// | Jul 22 | 35 of 37 | 3% (1) | 49% (17) | 100% (3 of 3) | 3%, 49%, 100% |
///
/// July is the seed's, and every figure the batch's months can give; the rest are the nearest
/// they can. The months before May have the backlog's 12 or 13 reviews, not the seed's 30, 44
/// and 52 audits: 1 upgraded is 3%, 5% and 2% only of 29 to 40, 19 to 22 and 41 to 66 moderated,
/// so none is (0%), but in March, where 1 of 13 (8%) is nearer 5%; 37% is no share of 12 or
/// fewer (3 of 8 is 38%). Every review reported inadequate is a Case of Concern, and their
/// number is the grade tables': 67% is no share of 5 (3 of 5 is 60%), nor 71% of 4 (3 of 4 is
/// 75%); May's review present as two copies was graded inadequate by its reviewer and agreed, so
/// 5 of 6 (83%). March's 100% takes four downgrades, 31% of its 13 (18% would take 22).
const TABLE_1: [(u32, usize, usize, usize, usize); 6] = [
    (2, 9, 0, 3, 3),
    (3, 13, 1, 4, 4),
    (4, 8, 0, 3, 3),
    (5, 40, 0, 10, 5),
    (6, 35, 0, 8, 3),
    (7, 35, 1, 17, 3),
];

/// Days from a review to its moderation in Table 1's months (so before D for July's).
const MODERATED_AFTER_DAYS: i64 = 7;

/// Moderates Table 1's months as [`TABLE_1`] says. Of a month's Cases of Concern, those
/// moderated by their story count as theirs do; the others, oldest first, are identified by
/// moderators until the month has its number (their reviewer graded them the lower end of
/// requires improvement). Of its other reviews, oldest first, as many as make the month's
/// moderated number are moderated, the first that can be upgraded (graded good or outstanding,
/// the reviewer one grade lower) and downgraded (requires improvement or good, the reviewer
/// one grade higher) until the month has its numbers, the rest agreed; the latest are left.
fn moderate_table_1(recipes: &mut [Recipe]) {
    use Grade::*;
    for (month, moderated, upgraded, downgraded, identified) in TABLE_1 {
        let mut of_month: Vec<&mut Recipe> = recipes
            .iter_mut()
            .filter(|r| (r.date.year(), r.date.month()) == (2022, month))
            .collect();
        of_month.sort_by_key(|r| r.date);
        let (mut stories_moderated, mut up, mut down, mut found) = (0, 0, 0, 0);
        let mut plain = Vec::new();
        for recipe in of_month {
            let Some(story) = &mut recipe.concern else {
                plain.push(recipe);
                continue;
            };
            match story.raised {
                Raised::ModeratedOn(_) => (down, found) = (down + 1, found + 1),
                Raised::UpgradedOn(_) => up += 1,
                _ if story.two_copies.is_some() => {}
                _ if found < identified => {
                    story.identified_on = Some(story.review + Duration::days(MODERATED_AFTER_DAYS));
                    (down, found) = (down + 1, found + 1);
                }
                _ => continue,
            }
            stories_moderated += 1;
        }
        assert_eq!(found, identified, "inadequate identified in month {month}");
        let plain_moderated = moderated - stories_moderated;
        assert!(plain.len() >= plain_moderated, "month {month}");
        for recipe in plain.into_iter().take(plain_moderated) {
            let reviewer = match recipe.grade {
                Outstanding | Good if up < upgraded => {
                    up += 1;
                    if recipe.grade == Good {
                        RequiresImprovement
                    } else {
                        Good
                    }
                }
                Good | RequiresImprovement | RequiresImprovementLow if down < downgraded => {
                    down += 1;
                    if recipe.grade == Good {
                        Outstanding
                    } else {
                        Good
                    }
                }
                agreed => agreed,
            };
            let on = recipe.date + Duration::days(MODERATED_AFTER_DAYS);
            assert!(on <= as_of(), "moderated by D");
            recipe.moderation = Some((reviewer, on));
        }
        assert_eq!((up, down), (upgraded, downgraded), "month {month}");
    }
}

/// Every review of the batch, oldest first within the window and within the backlog.
fn recipes() -> Vec<Recipe> {
    let (window_stories, backlog_stories): (Vec<Story>, Vec<Story>) = stories()
        .into_iter()
        .partition(|s| s.review >= window_first());
    let mut window = reviews(
        window_stories,
        WINDOW_REVIEWS,
        window_first(),
        day(2022, 7, 31),
    );
    deal(&mut window, window_pools());
    let mut backlog = reviews(
        backlog_stories,
        BACKLOG_REVIEWS,
        day(2021, 3, 1),
        day(2022, 4, 29),
    );
    deal(&mut backlog, backlog_pools());
    // Alternately a care-planning action and another action whose service ended.
    let kinds = [ActionKind::CarePlanning, ActionKind::Other]
        .into_iter()
        .cycle();
    let ended = SERVICE_ENDED_IN_WINDOW
        .map(|i| (true, i))
        .into_iter()
        .chain(SERVICE_ENDED_IN_BACKLOG.map(|i| (false, i)));
    for ((in_window, i), kind) in ended.zip(kinds) {
        let recipe = if in_window {
            &mut window[i]
        } else {
            &mut backlog[i]
        };
        recipe.service_ended = Some(kind);
    }
    let mut all: Vec<Recipe> = backlog.into_iter().chain(window).collect();
    // Two old reviews with no actions at all.
    for date in [day(2021, 9, 7), day(2022, 2, 22)] {
        all.push(Recipe {
            date,
            grade: Grade::Good,
            team: TEAMS[0],
            reviewer: None,
            moderated: false,
            moderation: None,
            care_planning: Vec::new(),
            other: Vec::new(),
            service_ended: None,
            concern: None,
        });
    }
    for (i, recipe) in all.iter_mut().enumerate() {
        recipe.team = TEAMS[(i * 5) % TEAMS.len()];
    }
    // July's reviews by the allocation's auditors, mostly of another team's case (which moves
    // no follow-through figure: those never read a reviewer or a team).
    let july = all.iter_mut().filter(|r| r.date >= day(2022, 7, 1));
    for (recipe, (reviewer, team)) in july.zip(allocation::july_reviewers()) {
        recipe.reviewer = Some(reviewer);
        recipe.team = team;
    }
    moderate_table_1(&mut all);
    all
}

const CARE_PLANNING: [&str; 3] = [
    "Add the contingency arrangements to the child's plan",
    "Record the child's wishes as outcomes in the plan",
    "Set measurable outcomes and review dates in the plan",
];
const OTHER: [&str; 3] = [
    "Book the statutory visit and record its purpose",
    "Bring the chronology up to date",
    "Discuss the case in supervision and record the decision",
];

/// An action of `kind` with the outcome `outcome` as of D, for a review on `review`; `k`
/// varies its dates and words.
fn action(
    id: usize,
    kind: ActionKind,
    outcome: ActionOutcome,
    review: NaiveDate,
    k: i64,
) -> Action {
    use ActionOutcome::*;
    let d = |days: i64| review + Duration::days(days);
    // Days from the review to D: 10 or more.
    let left = (as_of() - review).num_days();
    let words = if kind == ActionKind::CarePlanning {
        CARE_PLANNING
    } else {
        OTHER
    };
    let mut a = Action {
        id: format!("a{id}"),
        kind: Some(kind),
        description: words[k.unsigned_abs() as usize % words.len()].into(),
        owner: String::new(),
        due_on: None,
        status: ActionStatus::Open,
        completed_on: None,
        progress_note: String::new(),
        transferred_on: None,
        updated_on: None,
    };
    // Closed (transferred into the plan, or completed) on `on`, recorded that day.
    let close = |a: &mut Action, on: NaiveDate| {
        if kind == ActionKind::CarePlanning {
            a.set_status(ActionStatus::Transferred, on);
        } else {
            a.set_status(ActionStatus::Completed, on);
            a.completed_on = Some(on);
        }
        a.updated_on = Some(on);
    };
    // Still open, with a progress note recorded on `on`.
    let progress = |a: &mut Action, on: NaiveDate| {
        a.progress_note = "Started: discussed with the family, next step booked.".into();
        a.updated_on = Some(on);
    };
    match outcome {
        OnTime => {
            a.due_on = Some(d(28 + k % 14));
            close(&mut a, d(5 + k % 10).min(as_of()));
        }
        Late => {
            let due = d((21 + k % 7).min(left - 4));
            a.due_on = Some(due);
            close(&mut a, (due + Duration::days(3 + k % 9)).min(as_of()));
        }
        Overdue => {
            a.due_on = Some(d((14 + k % 20).min(left - 1)));
            progress(&mut a, d(7 + k % 5).min(as_of()));
        }
        NotYetDue => {
            a.due_on = Some(as_of() + Duration::days(5 + k % 30));
            progress(&mut a, d(5 + k % 3).min(as_of()));
        }
        NoUpdate => a.due_on = Some(d(14 + k % 40)),
        ServiceEnded => {
            a.due_on = Some(d(30));
            a.set_status(ActionStatus::ServiceEnded, d(20).min(as_of()));
            a.progress_note = "The family moved out of the area; the service ended.".into();
            a.updated_on = Some(d(20).min(as_of()));
        }
    }
    debug_assert_eq!(a.outcome(as_of()), outcome, "{a:?}");
    a
}

/// The review of `recipe`, PLR number `n` of `generator`, and its second copy if its story
/// has one.
fn make(generator: &Generator, n: u64, recipe: &Recipe) -> Vec<Plr> {
    let identified = recipe.concern.as_ref().and_then(|s| s.identified_on);
    let shape = Shape {
        date: Some(recipe.date),
        grade: Some(recipe.grade),
        // The reviewer's own grade, when a moderator changed it.
        final_grade: recipe
            .moderation
            .map(|(reviewer, _)| reviewer)
            .or(identified.map(|_| Grade::RequiresImprovementLow)),
        team: Some(recipe.team),
        moderated: Some(recipe.moderated),
    };
    let flagged = recipe
        .concern
        .as_ref()
        .is_some_and(|s| s.raised == Raised::Flagged);
    // The generator flags an immediate concern on some inadequate reviews by chance: the PLR's
    // number is stepped until it does as the story says.
    let Some(mut plr) = (0..64)
        .map(|step| generator.plr_shaped(n + step * 1_000_000, shape))
        .find(|p| p.status == Status::Completed && p.judgement.immediate_concern == flagged)
    else {
        unreachable!("one in five inadequate reviews is flagged")
    };
    if let Some(reviewer) = &recipe.reviewer {
        plr.review.reviewer.name = reviewer.clone();
    }
    if let Some((reviewer, on)) = recipe.moderation {
        let comments = if reviewer == recipe.grade {
            "Agreed: the evidence supports the grade."
        } else {
            "Graded against the evidence on file; discussed with the reviewer."
        };
        moderate(
            &mut plr,
            MODERATOR,
            Some(recipe.grade),
            comments,
            at(on, 11),
        )
        .unwrap_or_else(|problems| panic!("moderated: {problems:?}"));
    }
    let owner = plr.review.practitioner.name.clone();
    let kinds = recipe
        .care_planning
        .iter()
        .map(|o| (ActionKind::CarePlanning, *o))
        .chain(recipe.other.iter().map(|o| (ActionKind::Other, *o)))
        .chain(
            recipe
                .service_ended
                .map(|k| (k, ActionOutcome::ServiceEnded)),
        );
    plr.actions = kinds
        .enumerate()
        .map(|(i, (kind, outcome))| Action {
            owner: owner.clone(),
            ..action(i + 1, kind, outcome, recipe.date, (n as i64) * 7 + i as i64)
        })
        .collect();
    let mut copies = vec![plr];
    if let Some(story) = &recipe.concern {
        tell(&mut copies, story, n);
    }
    for plr in &mut copies {
        let last_change = plr.actions.iter().filter_map(|a| a.updated_on).max();
        if let Some(on) = last_change {
            plr.updated_at = plr.updated_at.max(at(on, 16));
        }
    }
    if let [moderated, later] = &mut copies[..] {
        // The unmoderated copy was saved after the moderated one.
        later.updated_at = later.updated_at.max(moderated.updated_at) + Duration::minutes(30);
    }
    copies
}

/// Makes `copies[0]` the Case of Concern of `story`: its moderation, its sharing and its Head
/// of Service's updates (and, for a story of two copies, the moderated copy first, without
/// the updates, then the unmoderated one with them).
fn tell(copies: &mut Vec<Plr>, story: &Story, n: u64) {
    let plr = &mut copies[0];
    let moderation = match story.raised {
        Raised::ModeratedOn(on) => Some((on, Grade::Inadequate)),
        Raised::UpgradedOn(on) => Some((on, Grade::RequiresImprovementLow)),
        Raised::Flagged | Raised::Completed => {
            story.identified_on.map(|on| (on, Grade::Inadequate))
        }
    };
    if let Some((on, grade)) = moderation {
        let comments = "Graded against the evidence on file; discussed with the reviewer.";
        moderate(plr, MODERATOR, Some(grade), comments, at(on, 11))
            .unwrap_or_else(|problems| panic!("moderated: {problems:?}"));
    }
    let Some((raised_at, _)) = raised(plr) else {
        unreachable!("the story makes it a Case of Concern")
    };
    let head = HEADS_OF_SERVICE[n as usize % HEADS_OF_SERVICE.len()];
    let j = &mut plr.judgement;
    j.concern_shared_with = head.into();
    let _ = j.record_sharing(false, raised_at);
    match story.shared_after_hours {
        Some(hours) => j
            .record_sharing(true, raised_at + Duration::hours(hours))
            .unwrap_or_else(|problem| panic!("shared: {problem}")),
        None => j.concern_shared_with.clear(),
    }
    if let Some(on) = story.two_copies {
        let mut moderated = plr.clone();
        let comments = "Agreed: the evidence supports the grade.";
        moderate(
            &mut moderated,
            MODERATOR,
            Some(Grade::Inadequate),
            comments,
            at(on, 11),
        )
        .unwrap_or_else(|problems| panic!("moderated: {problems:?}"));
        copies.insert(0, moderated);
    }
    let plr = copies.last_mut().unwrap_or_else(|| unreachable!());
    for (on, outcome) in &story.updates {
        let (child_safe, plan_in_place, note) = match outcome {
            ConcernOutcome::Resolved => (
                true,
                true,
                "Assured: the child is safe and the plan is in place.",
            ),
            ConcernOutcome::ContinuingOversight => (
                true,
                false,
                "The child is safe; the plan is still being agreed.",
            ),
            ConcernOutcome::FurtherReview => {
                (false, false, "Another review of the case is needed.")
            }
        };
        let update = ConcernUpdate {
            on: *on,
            by: head.into(),
            child_safe,
            plan_in_place,
            outcome: *outcome,
            note: note.into(),
        };
        record_concern_update(plr, update, as_of(), at(*on, 15))
            .unwrap_or_else(|problems| panic!("update recorded: {problems:?}"));
    }
}

/// The young people's Ambassadors' reviews of seed 003 §3.6, by month: the month and day (of
/// 2022) they were recorded, how many reviews, and how many said yes to each finding (in [`FINDINGS`] order).
/// July 2022 is `qa-month.md`'s (10 reviewed: 80%, 90%, 70%, 60%, 70%) and June's too (70%,
/// 50%, 70%, 40%, 50%); May's and April's are the seed's where it gives them (63%, 50%, 63%,
/// 75%, 50% of 8; 30%, 60%, 50%, and 70% of 10), and April's (d), which it does not give, is
/// 5 of 10.
const AMBASSADORS: [(u32, u32, usize, [usize; 5]); 4] = [
    (4, 26, 10, [3, 6, 5, 5, 7]),
    (5, 25, 8, [5, 4, 5, 6, 4]),
    (6, 24, 10, [7, 5, 7, 4, 5]),
    (7, 26, 10, [8, 9, 7, 6, 7]),
];

/// Records [`AMBASSADORS`]' reviews through the core's rule, each month's on reviews of the
/// month before it or of the month itself, before the day, that are not Cases of Concern (so no follow-through figure moves), spread
/// over them; review `i` of a month says yes to finding `f` when `(i + 3f) mod n` is below the
/// finding's count.
fn ambassadors(plrs: &mut [Plr]) {
    for (month, d, n, yes) in AMBASSADORS {
        let on = day(2022, month, d);
        // Reviews of the month before, or of this month before the day.
        let from_last_month_to_the_day_before =
            |d: NaiveDate| d < on - Duration::days(1) && d.year() == 2022 && d.month() + 1 >= month;
        let candidates: Vec<usize> = (0..plrs.len())
            .filter(|&i| {
                let p = &plrs[i];
                p.status == Status::Completed
                    && raised(p).is_none()
                    && p.ambassadors_review.is_none()
                    && p.review.date.is_some_and(from_last_month_to_the_day_before)
            })
            .collect();
        let step = candidates.len() / n;
        for (k, &i) in candidates.iter().step_by(step.max(1)).take(n).enumerate() {
            let answers: [bool; 5] = std::array::from_fn(|f| (k + 3 * f) % n < yes[f]);
            let review = AmbassadorsReview::new(
                on,
                "GCC Ambassadors".into(),
                answers,
                "Reviewed by two Ambassadors.".into(),
            );
            let plr = &mut plrs[i];
            let now = plr.updated_at.max(at(on, 14));
            record_ambassadors_review(plr, review, on, now)
                .unwrap_or_else(|problems| panic!("Ambassadors' review recorded: {problems:?}"));
        }
    }
}

/// Seed 003's July 2022 batch: the completed reviews (all of them) whose follow-through
/// `followthrough.md`'s table reports for July 2022 as of 10 August 2022, made with
/// [`Generator::new(3)`](Generator::new) and then given their actions and Case of Concern
/// facts through the core's own rules.
///
/// | part | reviews | where its figures come from |
/// | --- | --- | --- |
/// | window (May to July 2022) | 119 | care-planning states 4 on time, 7 late, 47 no update, 28 not yet transferred, 33 none; other actions 53 on time, 28 late, 59 overdue, 8 not yet due, 88 no update (236) |
/// | backlog (March 2021 to April 2022) | 160 + 2 without actions | care-planning 70 no update + 53 not yet transferred (123), 22 transferred; other actions 64 overdue + 105 no update (169), 111 closed or not yet due |
/// | service ended | 4 in the window, 6 before it | one action whose service ended each (10) |
/// | Cases of Concern | 62 | 53 tracked as of 31 July 2022 (7 raised before 31 July 2021; 3 raised in July, 2 shared in time); 2 resolved in July, 6 before; 1 raised on 4 August; July's updates 4 (2 resolving, 2 continuing, one of them only on a copy) |
///
/// One review is present twice, with one id: a copy moderated (agreeing) on 10 June 2022, and
/// an unmoderated copy saved later that alone carries its Head of Service's July update. Both
/// have the same actions. The snapshot keeps the moderated copy and the update: 282 exports,
/// 281 reviews.
///
/// July's 37 reviews are by the auditors of [`july_2022_allocation`], four of them of their
/// own team's case and the rest of another team's, so that over the two `qa-month.md`'s
/// allocation figures follow (53 allocated, 36 submitted, 16 of 44 teams not audited) and the
/// moderation sample's own-team rule picks the one of them not yet moderated (the first
/// auditor's second review, of 29 July).
///
/// February to July 2022 are moderated as seed 003's Table 1 says, as near as their reviews
/// allow ([`TABLE_1`]): July's 35 moderated of 37, 1 upgraded (3%), 17 downgraded (49%), and
/// its 3 reviews reported inadequate all identified by moderators (100%). A moderator who
/// changed a grade changed the reviewer's, so every month's reported grades stay as they were.
pub fn july_2022() -> Vec<Plr> {
    let generator = Generator::new(3);
    let mut plrs: Vec<Plr> = recipes()
        .iter()
        .enumerate()
        .flat_map(|(n, recipe)| make(&generator, n as u64, recipe))
        .collect();
    ambassadors(&mut plrs);
    plrs
}
