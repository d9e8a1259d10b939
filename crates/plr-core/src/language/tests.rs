use super::*;

/// Whether the advice is about jargon, and the words it is about.
fn named(advice: Advice) -> (bool, String) {
    match advice {
        Advice::Jargon { written, .. } => (true, written),
        Advice::Acronym { acronym, .. } => (false, acronym),
    }
}

fn found(text: &str, jargon: bool) -> Vec<String> {
    advise(text)
        .into_iter()
        .map(named)
        .filter(|(is_jargon, _)| *is_jargon == jargon)
        .map(|(_, words)| words)
        .collect()
}

fn jargon(text: &str) -> Vec<String> {
    found(text, true)
}

fn acronyms(text: &str) -> Vec<String> {
    found(text, false)
}

#[test]
fn plain_text_gets_no_advice() {
    assert!(advise("").is_empty());
    assert!(advise("Sam sees his mum every Saturday and enjoys it.").is_empty());
}

#[test]
fn jargon_is_found_as_whole_words_ignoring_case() {
    assert_eq!(jargon("Contact with mum is weekly."), ["Contact"]);
    assert_eq!(jargon("The PLACEMENT is stable"), ["PLACEMENT"]);
    // Not inside other words, nor as a different form of the word.
    assert!(jargon("She contacted school. A contactless card. Recontact.").is_empty());
    assert!(jargon("The replacement boiler").is_empty());
    // Next to punctuation, at the start and the end of the text.
    assert_eq!(jargon("(contact)"), ["contact"]);
    assert_eq!(jargon("siblings"), ["siblings"]);
}

#[test]
fn the_advice_names_the_plain_alternative() {
    let advice = advise("Contact is supervised.");
    assert_eq!(
        advice,
        [Advice::Jargon {
            written: "Contact".into(),
            instead: "family time (when it means time with family)",
        }]
    );
    assert_eq!(
        advice[0].message(),
        "Instead of “Contact”, you could write: family time (when it means time with family)."
    );
}

#[test]
fn phrases_match_across_spaces_and_hyphens_but_not_sentences() {
    assert_eq!(
        jargon("He is a looked-after child."),
        ["looked-after child"]
    );
    assert_eq!(jargon("a looked  after\nchild"), ["looked  after\nchild"]);
    assert!(jargon("She looked after. Child care was good.").is_empty());
    assert_eq!(jargon("Mum was non-compliant"), ["non-compliant"]);
}

#[test]
fn the_longest_phrase_wins_and_each_is_advised_once() {
    assert_eq!(
        jargon("Supervised contact went well; contact will continue. CONTACT again."),
        ["Supervised contact", "contact"]
    );
}

#[test]
fn an_acronym_not_spelled_out_is_pointed_out_with_its_words() {
    let advice = advise("The IRO visited.");
    assert_eq!(
        advice,
        [Advice::Acronym {
            acronym: "IRO".into(),
            stands_for: Some("Independent Reviewing Officer"),
        }]
    );
    assert_eq!(
        advice[0].message(),
        "Spell out “IRO” the first time: Independent Reviewing Officer (IRO)."
    );
    assert_eq!(
        advise("Ask the XQZ.")[0].message(),
        "Spell out “XQZ” the first time, with the letters in brackets after the words."
    );
}

#[test]
fn an_acronym_spelled_out_anywhere_in_the_text_is_not() {
    assert!(
        acronyms("The Independent Reviewing Officer (IRO) visited. The IRO agreed.").is_empty()
    );
    assert!(
        acronyms("The IRO agreed. The Independent Reviewing Officer (IRO) visited.").is_empty()
    );
    assert!(acronyms("The IRO (Independent Reviewing Officer) agreed.").is_empty());
    assert!(acronyms("The Independent Reviewing Officer agreed; the IRO wrote.").is_empty());
    assert!(acronyms("An unknown scheme (XQZ) helped; XQZ again.").is_empty());
    // Brackets around something else do not count.
    assert_eq!(acronyms("The IRO said (twice) no."), ["IRO"]);
    assert_eq!(acronyms("(The IRO said no.)"), ["IRO"]);
}

#[test]
fn plurals_mixed_case_and_common_acronyms() {
    assert_eq!(acronyms("Two IROs and the CiC team"), ["IRO", "CiC"]);
    assert!(acronyms("Her GP and the NHS said OK; the GPs agreed.").is_empty());
    // A single capital, a capitalised word and a long run of capitals are not acronyms.
    assert!(acronyms("I saw A Mother. Then SOMETHINGLONG happened.").is_empty());
    // A text with no small letters is shouting, not acronyms.
    assert!(acronyms("PLEASE CALL THE SCHOOL").is_empty());
}

#[test]
fn advice_follows_the_order_of_the_text_and_repeats_nothing() {
    let messages: Vec<_> = advise("The CP plan. Contact with the IRO, the CP chair and the IRO.")
        .into_iter()
        .map(|a| named(a).1)
        .collect();
    assert_eq!(messages, ["CP", "Contact", "IRO"]);
}

#[test]
fn words_with_apostrophes_and_other_scripts_are_single_words() {
    // A possessive is another word; a plural's apostrophe is not part of the word.
    assert!(jargon("the contact's end").is_empty());
    assert_eq!(jargon("the siblings' room"), ["siblings"]);
    assert!(advise("Ceci est très bien. Ζωή. 日本語").is_empty());
}

#[test]
fn the_word_lists_are_well_formed() {
    for (term, instead) in words::JARGON {
        assert_eq!(*term, term.to_ascii_lowercase(), "{term} is lower case");
        assert!(!term.contains("  ") && !term.contains('-'), "{term}");
        assert!(!instead.is_empty());
        assert_eq!(jargon(term), [*term], "{term} finds itself");
    }
    for (acronym, words) in words::ACRONYMS {
        assert_eq!(acronyms(&format!("the {acronym} said")), [*acronym]);
        assert!(acronyms(&format!("{words} ({acronym})")).is_empty());
    }
    for common in words::COMMON {
        assert!(
            acronyms(&format!("the {common} said")).is_empty(),
            "{common}"
        );
    }
}
