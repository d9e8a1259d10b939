//! Language that Cares: advice on a narrative as it is typed (`domain.md`, glossary; seed 003
//! §3.6). Records are read by the children they are about, so the form points out acronyms
//! that are not spelled out and words from a list of jargon, with plain words to use instead.
//! It is advice only: nothing here stops a review being completed.
//!
//! The rules, decided here:
//! - Words are matched whole and ignoring case: "contact" is found in "Contact was weekly" but
//!   not in "contacted" or "contactless". A hyphen counts as a space, so "looked-after child"
//!   is "looked after child"; the words of a phrase must be separated by spaces or hyphens only
//!   (not by a full stop). Where phrases overlap, the longest is reported ("supervised
//!   contact", not "contact" as well).
//! - An acronym is a word of 2 to 6 capital letters (a plural "s" allowed: "IROs"), or one of
//!   the service's acronyms written in its usual mixed case ("CiC"). It is spelled out when,
//!   anywhere in the same text, it is written next to brackets, "Independent Reviewing Officer
//!   (IRO)" or "IRO (Independent Reviewing Officer)", or when the words it stands for appear
//!   in the text. Acronyms in [`words::COMMON`] ("GP", "NHS", ...) are never pointed out, and
//!   neither is anything in a text with no small letters at all (shouting is not an acronym).
//! - Each word or acronym is advised on once, in the order it first appears.

pub mod words;

use crate::rank::{sort_by_rank, Rank};

#[cfg(test)]
mod tests;

/// One piece of advice about a narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// A word or phrase of [`words::JARGON`], as written in the text, and its plain words.
    Jargon {
        /// The words as they appear in the text.
        written: String,
        /// What to write instead.
        instead: &'static str,
    },
    /// An acronym that is not spelled out in the same text.
    Acronym {
        /// The acronym as it appears (without a plural "s").
        acronym: String,
        /// What it stands for, when it is one of [`words::ACRONYMS`].
        stands_for: Option<&'static str>,
    },
}

impl Advice {
    /// The advice in plain English, as the form shows it under the field.
    pub fn message(&self) -> String {
        match self {
            Advice::Jargon { written, instead } => {
                format!("Instead of “{written}”, you could write: {instead}.")
            }
            Advice::Acronym {
                acronym,
                stands_for: Some(words),
            } => format!("Spell out “{acronym}” the first time: {words} ({acronym})."),
            Advice::Acronym {
                acronym,
                stands_for: None,
            } => format!(
                "Spell out “{acronym}” the first time, with the letters in brackets after the words."
            ),
        }
    }
}

/// One word of the text: where it is, and whether only spaces or hyphens separate it from
/// the word before (so a phrase may continue across the gap).
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    joined: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut joined = false;
    let mut gap_soft = true;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (is_word_char(c), start) {
            (true, None) => {
                start = Some(i);
                joined = !out.is_empty() && gap_soft;
            }
            (false, Some(s)) => {
                let word = text[s..i].trim_end_matches(['\'', '’']);
                out.push(Word {
                    text: word,
                    start: s,
                    end: s + word.len(),
                    joined,
                });
                start = None;
                gap_soft = c.is_whitespace() || c == '-';
            }
            (false, None) => gap_soft &= c.is_whitespace() || c == '-',
            (true, Some(_)) => {}
        }
    }
    out
}

/// How many words of `phrase` (lower case, single spaces) match `words` from the first on.
fn phrase_at(words: &[Word], phrase: &str) -> Option<usize> {
    let mut count = 0;
    for (n, part) in phrase.split(' ').enumerate() {
        let word = words.get(n)?;
        if !word.text.eq_ignore_ascii_case(part) || (n > 0 && !word.joined) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// Whether the words of `phrase` appear in `words` one after another (punctuation between
/// them ignored), ignoring case.
fn contains_words(words: &[Word], phrase: &str) -> bool {
    let wanted = words_of(phrase);
    words.windows(wanted.len().max(1)).any(|window| {
        window
            .iter()
            .zip(&wanted)
            .all(|(w, p)| w.text.eq_ignore_ascii_case(p.text))
    })
}

/// The acronym a word is, if it is one (a plural "s" removed).
fn acronym_of(word: &str) -> Option<&str> {
    let bare = word.strip_suffix('s').unwrap_or(word);
    let capitals =
        |w: &str| (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    if capitals(word) {
        Some(word)
    } else if capitals(bare) {
        Some(bare)
    } else {
        words::ACRONYMS
            .iter()
            .find(|(a, _)| *a == bare)
            .map(|(a, _)| *a)
    }
}

/// Whether `acronym` is written next to brackets somewhere in `text`: "(IRO)" or "IRO (".
fn bracketed(text: &str, words: &[Word], acronym: &str) -> bool {
    words.iter().filter(|w| w.text == acronym).any(|w| {
        let before = text[..w.start].trim_end().ends_with('(');
        let after = text[w.end..].trim_start();
        (before && after.starts_with(')')) || after.starts_with('(')
    })
}

/// The advice on `text`, in the order each word first appears (see the module's rules).
pub fn advise(text: &str) -> Vec<Advice> {
    let words = words_of(text);
    let mut found: Vec<(usize, Advice)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let longest = words::JARGON
            .iter()
            .filter_map(|(term, instead)| Some((phrase_at(&words[i..], term)?, *instead)))
            .max_by_key(|(count, _)| *count);
        match longest {
            Some((count, instead)) => {
                let written = text[words[i].start..words[i + count - 1].end].to_string();
                let seen = found.iter().any(|(_, a)| {
                    matches!(a, Advice::Jargon { written: w, .. } if w.eq_ignore_ascii_case(&written))
                });
                if !seen {
                    found.push((words[i].start, Advice::Jargon { written, instead }));
                }
                i += count;
            }
            None => i += 1,
        }
    }
    if text.chars().any(char::is_lowercase) {
        for word in &words {
            let Some(acronym) = acronym_of(word.text) else {
                continue;
            };
            let seen = found
                .iter()
                .any(|(_, a)| matches!(a, Advice::Acronym { acronym: x, .. } if x == acronym));
            if seen || words::COMMON.contains(&acronym) || bracketed(text, &words, acronym) {
                continue;
            }
            let stands_for = words::ACRONYMS
                .iter()
                .find(|(a, _)| a.eq_ignore_ascii_case(acronym))
                .map(|(_, w)| *w);
            if stands_for.is_some_and(|w| contains_words(&words, w)) {
                continue;
            }
            found.push((
                word.start,
                Advice::Acronym {
                    acronym: acronym.to_string(),
                    stands_for,
                },
            ));
        }
    }
    sort_by_rank(&mut found, |(at, _)| *at as Rank);
    found.into_iter().map(|(_, advice)| advice).collect()
}
