//! DOCX bytes to lines and to a plan: an error or a result, quickly, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = vanban::import::docx::Limits {
        part_bytes: 8 << 20,
        ..Default::default()
    };
    if let Ok(lines) = vanban::import::docx::lines_with(data, &limits) {
        let _ = vanban::check::check_lines(&lines, &Default::default());
    }
    let _ = vanban::import::import_docx(data);
});
