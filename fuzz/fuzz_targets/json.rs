//! JSON to model to both writers: any input is a plan or an error, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn renderer() -> &'static vanban::Renderer {
    static R: OnceLock<vanban::Renderer> = OnceLock::new();
    R.get_or_init(|| vanban::Renderer::new().expect("built-in templates"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = vanban::input::json_text(data, None) else {
        return;
    };
    if let Ok(plan) = vanban::input::plan_from_json(json, None) {
        let _ = renderer().docx(&plan);
        let _ = renderer().pages(&plan);
    }
});
