//! The web page of `vanban serve` in a real headless Chromium (Debian's
//! `chromium`, driven by Playwright from `tests/e2e/page.mjs`): a Công văn typed
//! into the form, its preview, its PDF downloaded and read back with the typed
//! words, a DOCX imported into the form, a reload that loses nothing. Runs when
//! `node`, `chromium` and `tests/e2e/node_modules` are there (`.ci/run` installs
//! them); otherwise it says it was skipped (and fails under VANBAN_REQUIRE_TOOLS).
#![cfg(feature = "serve")]

mod common;

use std::process::Command;

use common::server::start;
use common::*;

#[test]
fn a_clerk_writes_a_cong_van_and_imports_a_docx_in_chromium() {
    let test = "page_e2e";
    if !have_tool("node", test) || !have_tool("chromium", test) || !have_tool("pdftotext", test) {
        return;
    }
    let e2e = repo("tests/e2e");
    if !e2e.join("node_modules/playwright-core").exists() {
        assert!(
            std::env::var_os("VANBAN_REQUIRE_TOOLS").is_none(),
            "{test}: run `npm ci` in tests/e2e (VANBAN_REQUIRE_TOOLS is set)"
        );
        eprintln!("SKIPPED {test}: run `npm ci` in tests/e2e to install playwright-core");
        return;
    }
    let dir = scratch_dir(test);
    let docx = dir.join("old.docx");
    std::fs::write(
        &docx,
        vanban::Renderer::new().unwrap().docx(&seed_plan()).unwrap(),
    )
    .unwrap();
    let server = start(vanban::serve::Config::default());
    let typed = "Nội dung gõ thử số 4711 trên trang";
    let out = Command::new("node")
        .arg(e2e.join("page.mjs"))
        .env("VANBAN_URL", format!("http://{}", server.addr))
        .env("VANBAN_OUT", &dir)
        .env("VANBAN_DOCX", &docx)
        .env("VANBAN_TYPED", typed)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "page.mjs failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    // The file is named for the document; its text holds what was typed.
    let name = report["pdf"].as_str().unwrap();
    assert!(
        name.starts_with("cong-van-") && name.ends_with(".pdf"),
        "{report}"
    );
    let text = fold(&pdftotext_pages(&dir.join("page.pdf")).join("\n"));
    assert!(text.contains(typed), "{text}");
    assert!(
        text.contains("V/v thử trang soạn thảo của vanban"),
        "{text}"
    );
    assert!(
        text.contains("TỔ CHỨC THỰC HIỆN") || text.contains("Tổ chức thực hiện"),
        "{text}"
    );
    // The DOCX came into the form.
    assert_eq!(
        report["issuer"], "ỦY BAN NHÂN DÂN\nTHỊ TRẤN ĐỒNG ĐĂNG",
        "{report}"
    );
    assert_eq!(report["english"], "Download PDF");
}
