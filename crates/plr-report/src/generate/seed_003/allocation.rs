//! Seed 003's allocation for July 2022 (`qa-month.md` §1): 62 auditors listed, 5 of them on a
//! standing exemption and 4 on their off month; 53 audits allocated, 10 of them exempted by a
//! Director for the month; of the other 43, 36 submitted and 7 not (68%); 44 teams, 16 of them
//! not audited in July.
//!
//! | rows | auditors | teams (of [`teams`]) | July reviews |
//! | --- | --- | --- | --- |
//! | allocated, submitted | 36 | 0–27, and 0–7 again | one each, one of them two (37) |
//! | allocated, not submitted | 7 | 28–34 | none |
//! | month exemption | 10 | 35–43, 28 | none |
//! | standing exemption | 5 | 10, 2, 40, 20, 33 | none |
//! | off month | 4 | 5, 15, 25, 36 | none |
//!
//! Teams 0–11 are the generator's, whose reviews fill May and June: over May to July they are
//! audited twice or more (12), teams 12–27 once (16), teams 28–43 never (16). One submitted
//! auditor types their name in other case and spacing; one is named in full in the form and
//! matched by the allocation's `plr_id` instead.

use super::super::TEAMS;
use plr_core::model::Plr;

const INITIALS: [char; 26] = [
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
    'T', 'U', 'V', 'W', 'X', 'Y', 'Z',
];
const SURNAMES: [&str; 31] = [
    "Ahmed", "Bell", "Carter", "Davies", "Edwards", "Fisher", "Green", "Hughes", "Iqbal",
    "Johnson", "Kaur", "Lewis", "Morgan", "Nash", "Owen", "Parker", "Quinn", "Reid", "Shah",
    "Turner", "Usman", "Vaughan", "Walker", "Young", "Zaman", "Ali", "Begum", "Cooper", "Dixon",
    "Ellis", "Fox",
];

/// The 32 teams beside the generator's 12 (one named with a comma, as a spreadsheet quotes it).
const MORE_TEAMS: [&str; 32] = [
    "Stroud Family Support",
    "Gloucester Family Support",
    "Cheltenham Family Support",
    "Forest of Dean Family Support",
    "Cotswolds Family Support",
    "Tewkesbury Family Support",
    "Gloucester Assessment",
    "Cheltenham Assessment",
    "Stroud Assessment",
    "Forest of Dean Assessment",
    "Children in Care East",
    "Children in Care West",
    "Fostering Support",
    "Kinship Care",
    "Adoption Support",
    "Leaving Care East",
    "Leaving Care West",
    "Youth Support North",
    "Youth Support South",
    "Court and Proceedings, Edge of Care",
    "Family Group Conferences",
    "Disabled Children East",
    "Disabled Children West",
    "Early Help North",
    "Early Help South",
    "Early Help East",
    "Early Help West",
    "Emergency Duty",
    "Unaccompanied Children",
    "Contextual Safeguarding",
    "Child Exploitation",
    "Private Fostering",
];

const HEADS_OF_SERVICE: [&str; 4] = ["P. Singh", "D. Head", "R. Osei", "M. Clarke"];

/// The auditor who types their name in other case and spacing, and the one named in full in
/// the form (matched by `plr_id`), by place among the submitted.
const TYPED_OTHERWISE: usize = 5;
const NAMED_IN_FULL: usize = 7;
const FULL_NAME: &str = "Hannah Hughes-Reid";

/// The 44 teams of the allocation: the generator's 12, then 32 more.
fn teams() -> Vec<&'static str> {
    TEAMS.iter().chain(MORE_TEAMS.iter()).copied().collect()
}

/// Auditor number `n`'s name.
fn auditor(n: usize) -> String {
    format!("{}. {}", INITIALS[n % 26], SURNAMES[n % 31])
}

/// One allocation row: auditor number, team number, state.
type Row = (usize, usize, &'static str);

/// Every row, in the file's order.
fn rows() -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut n = 0;
    let mut push = |team: usize, state: &'static str| {
        rows.push((n, team, state));
        n += 1;
    };
    // Submitted: teams 0 to 27, then a second auditor in teams 0 to 7.
    for team in (0..28).chain(0..8) {
        push(team, "allocated");
    }
    // Not submitted.
    for team in 28..35 {
        push(team, "allocated");
    }
    for team in (35..44).chain([28]) {
        push(team, "month_exemption");
    }
    for team in [10, 2, 40, 20, 33] {
        push(team, "standing_exemption");
    }
    for team in [5, 15, 25, 36] {
        push(team, "off_month");
    }
    rows
}

/// How many of July's submitted auditors audited a case of their own team: the rest audited
/// the next auditor's team (participative auditing across teams), so the teams audited are
/// the same either way.
const OWN_TEAM_AUDITS: usize = 4;

/// The reviewer and the case's team of each of July 2022's 37 reviews, oldest first: the 36
/// submitted auditors' (one typed otherwise, one named in full), the first
/// [`OWN_TEAM_AUDITS`] of their own team and the others of the next auditor's, then the first
/// auditor's second.
pub(super) fn july_reviewers() -> Vec<(String, &'static str)> {
    let teams = teams();
    let submitted: Vec<(usize, usize, &str)> = rows().into_iter().take(36).collect();
    let case_team = |i: usize| match i {
        i if i < OWN_TEAM_AUDITS => submitted[i].1,
        i if i + 1 < submitted.len() => submitted[i + 1].1,
        _ => submitted[OWN_TEAM_AUDITS].1,
    };
    let mut reviewers: Vec<(String, &'static str)> = submitted
        .iter()
        .enumerate()
        .map(|(i, &(n, _, _))| {
            let name = match n {
                TYPED_OTHERWISE => format!("  {} ", auditor(n).to_uppercase().replace(' ', "  ")),
                NAMED_IN_FULL => FULL_NAME.to_string(),
                _ => auditor(n),
            };
            (name, teams[case_team(i)])
        })
        .collect();
    reviewers.push((auditor(0), teams[0]));
    reviewers
}

/// The allocation file of seed 003's July 2022 (see the module's table), as a spreadsheet
/// saves it: CSV with a byte order mark, the columns of `qa-month.md`, the auditor named in
/// full in the form given their review's `plr_id`. Goes with [`july_2022`](super::july_2022).
pub fn july_2022_allocation() -> String {
    let named: Option<Plr> = super::july_2022()
        .into_iter()
        .find(|p| p.review.reviewer.name == FULL_NAME);
    let plr_id = named.map(|p| p.id.to_string()).unwrap_or_default();
    let teams = teams();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "month",
        "auditor",
        "team",
        "head_of_service",
        "state",
        "plr_id",
    ];
    let mut records = vec![header.map(String::from)];
    for (n, team, state) in rows() {
        let id = if n == NAMED_IN_FULL { &plr_id } else { "" };
        records.push([
            "2022-07".into(),
            auditor(n),
            teams[team].into(),
            HEADS_OF_SERVICE[team % HEADS_OF_SERVICE.len()].into(),
            state.into(),
            id.into(),
        ]);
    }
    for record in records {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}
