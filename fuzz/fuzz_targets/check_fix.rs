//! The check and its fixes: a fix changes only what the check lists, and valid
//! Unicode words are never converted.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Text: every converted word was not Vietnamese as it stood.
    for line in text.lines() {
        let r = vanban::check::legacy::repair(line);
        for w in &r.converted {
            assert!(
                !vanban::check::syllable::is_vietnamese(&w.before),
                "a valid word was converted: {w:?}"
            );
        }
        let lines = [line.to_string()];
        let _ = vanban::check::fix_lines(&lines, false);
        let _ = vanban::check::fix_lines(&lines, true);
    }
    // JSON: the fixed plan checks without the errors that were fixed.
    if let Ok(report) = vanban::check::check_json(text, &Default::default())
        && let Ok((plan, _)) = vanban::check::fix_json(text)
    {
        let again = vanban::check::check_json(&plan.to_json(), &Default::default())
            .expect("the fixed plan reads");
        let legacy = |r: &vanban::check::Report| {
            r.findings.iter().filter(|f| f.rule == "LEGACY" && f.safe).count()
        };
        assert!(legacy(&again) <= legacy(&report));
    }
});
