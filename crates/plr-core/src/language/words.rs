//! The data of the Language that Cares check: words to avoid with their plain alternatives,
//! what the service's acronyms stand for, and acronyms common enough to need no explanation.
//!
//! Const tables rather than a JSON or TOML file: the form's download then carries the words
//! only, not a parser for them. Each term is written in lower case, with words separated by
//! single spaces; a hyphen in the text counts as a space ("looked-after child" is matched by
//! "looked after child").

/// Words and phrases the council's Language that Cares (and its young people's Ambassadors,
/// seed 003 §3.6) asks records to avoid, each with the plain words to use instead.
pub const JARGON: &[(&str, &str)] = &[
    ("contact", "family time (when it means time with family)"),
    ("contact session", "family time"),
    ("supervised contact", "supervised family time"),
    ("placement", "home, or where the child lives"),
    ("placements", "homes, or where the child has lived"),
    ("looked after child", "child in care"),
    ("looked after children", "children in care"),
    ("respite", "short break"),
    ("siblings", "brothers and sisters"),
    ("sibling", "brother or sister"),
    ("absconded", "left without saying where they were going"),
    ("absconding", "leaving without saying where they are going"),
    ("non compliant", "what happened, in plain words"),
    ("non compliance", "what happened, in plain words"),
    ("disengaged", "did not take part (and why, if known)"),
    (
        "attention seeking",
        "needing attention, or wanting someone to notice",
    ),
    ("manipulative", "what the child did, in plain words"),
    ("presenting as", "seemed"),
    ("presented as", "seemed"),
    ("service user", "the child's or parent's name"),
    (
        "parenting capacity",
        "how well the parents can care for the child",
    ),
    ("in a timely manner", "on time, or promptly"),
    ("utilise", "use"),
    ("utilised", "used"),
    ("facilitate", "help with, or arrange"),
    ("facilitated", "helped with, or arranged"),
    ("statutory visit", "visit"),
];

/// What the acronyms of children's social work stand for (`domain.md`, glossary), so the
/// advice can name the words to write.
pub const ACRONYMS: &[(&str, &str)] = &[
    ("PLR", "Practice Learning Review"),
    ("QA", "Quality Assurance"),
    ("RI", "Requires Improvement"),
    ("IRO", "Independent Reviewing Officer"),
    ("CIN", "Child in Need"),
    ("CP", "Child Protection"),
    ("CIC", "Child in Care"),
    ("CiC", "Child in Care"),
    ("CLA", "Child Looked After"),
    ("LAC", "Looked-after Child"),
    ("DCYPS", "Disabled Children and Young People's Service"),
    ("TAF", "Team Around the Family"),
    ("ILACS", "Inspection of Local Authority Children's Services"),
    ("SW", "social worker"),
    ("TM", "team manager"),
    ("EHCP", "Education, Health and Care Plan"),
    ("PEP", "Personal Education Plan"),
    ("FGC", "Family Group Conference"),
    ("MOMO", "Mind of My Own"),
];

/// Acronyms so common that readers need no explanation; never pointed out.
pub const COMMON: &[&str] = &[
    "OK", "UK", "TV", "GP", "NHS", "ID", "AM", "PM", "DVD", "PC", "USB", "BBC", "ADHD", "II",
    "III", "IV",
];
