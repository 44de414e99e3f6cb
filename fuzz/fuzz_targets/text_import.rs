//! Text to lines to the plan importer and the text check: errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(lines) = vanban::import::text_lines(data) else {
        return;
    };
    let _ = vanban::check::check_lines(&lines, &Default::default());
    if let Ok(import) = vanban::import::import_text(&lines.join("\n")) {
        // What the import writes reads back.
        let json = import.plan.to_json();
        vanban::input::plan_from_json(&json, None).expect("the import's JSON reads back");
    }
});
