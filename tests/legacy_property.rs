//! Valid Unicode text is never touched by the legacy repair: words of every corpus
//! document, recombined at random with symbols, Latin-1 and foreign words, NFD marks
//! and capitals, come out of `fix_lines` and `repair` as they went in.

mod common;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn corpus_words() -> Vec<String> {
    let dir = common::repo("fixtures/corpus");
    let mut words: Vec<String> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        words.extend(text.split_whitespace().map(|w| w.nfc().collect::<String>()));
    }
    words.sort();
    words.dedup();
    words
}

/// Words and symbols a Vietnamese document may hold that are not Vietnamese.
const FOREIGN: &[&str] = &[
    "café",
    "naïve",
    "Zürich",
    "Noël",
    "São",
    "Paulo",
    "José",
    "François",
    "Müller",
    "señor",
    "Ångström",
    "25°C",
    "§",
    "§ 3",
    "1ª",
    "µm",
    "µg/l",
    "©",
    "®",
    "±5%",
    "½",
    "×",
    "÷",
    "m²",
    "m³",
    "x²",
    "€",
    "«",
    "»",
    "–",
    "—",
    "…",
    "™",
    "•",
    "Ω",
    "α",
    "β",
];

fn texts() -> impl Strategy<Value = String> {
    let words = corpus_words();
    let n = words.len();
    prop::collection::vec((0..n + FOREIGN.len(), 0u8..8, 0u8..4), 1..40).prop_map(move |picks| {
        let mut out = String::new();
        for (i, sep, style) in picks {
            let w = if i < n {
                words[i].clone()
            } else {
                FOREIGN[i - n].to_string()
            };
            let w = match style {
                1 => w.to_uppercase(),
                2 => w.nfd().collect(),
                _ => w,
            };
            out.push_str(&w);
            out.push_str([" ", " ", " ", ", ", "; ", ". ", " - ", "\t"][sep as usize]);
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn valid_unicode_is_never_converted(text in texts()) {
        let r = vanban::check::legacy::repair(&text);
        prop_assert!(r.converted.is_empty(), "{:?}", r.converted);
        let fixed = vanban::check::fix_lines(std::slice::from_ref(&text), false);
        // Only what the check lists besides: control characters out, NFC.
        let expected: String = text
            .chars()
            .filter(|c| !vanban::model::is_forbidden_char(*c))
            .collect::<String>()
            .nfc()
            .collect();
        prop_assert_eq!(&fixed[0], &expected);
    }
}

/// Every word of the corpus, alone and in capitals, reads as itself.
#[test]
fn no_corpus_word_is_converted() {
    let words = corpus_words();
    let mut converted = Vec::new();
    for w in &words {
        for v in [w.clone(), w.to_uppercase()] {
            let r = vanban::check::legacy::repair(&v);
            if !r.converted.is_empty() {
                converted.push((v, r.text));
            }
        }
    }
    eprintln!(
        "{} corpus words, {} converted",
        words.len(),
        converted.len()
    );
    assert!(converted.is_empty(), "{converted:?}");
}
