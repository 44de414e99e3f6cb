//! Our PDF against LibreOffice's rendering of our DOCX: the same pages and the same
//! line breaks (the share of our text lines that LibreOffice has too, on the same
//! page). Runs when `soffice` and `pdftotext` are
//! installed; otherwise it says it was skipped (and fails under VANBAN_REQUIRE_TOOLS).

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use common::*;

/// Non-empty lines of each page, whitespace folded.
fn page_lines(pdf: &Path) -> Vec<Vec<String>> {
    pdftotext_pages(pdf)
        .iter()
        .map(|p| p.lines().map(fold).filter(|l| !l.is_empty()).collect())
        .collect()
}

/// (pages of A, pages of B, share of A's lines found in B on the same page, the
/// lines that are not). Page by page: a line on another page (a footnote on the
/// wrong page, a page that ends elsewhere) counts as missing.
fn parity(a: &Path, b: &Path) -> (usize, usize, f64, Vec<String>) {
    let (pa, pb) = (page_lines(a), page_lines(b));
    let mut same = 0;
    let mut missing = Vec::new();
    for (k, page) in pa.iter().enumerate() {
        let mut pool: HashMap<&str, usize> = HashMap::new();
        pb.get(k)
            .into_iter()
            .flatten()
            .for_each(|l| *pool.entry(l).or_default() += 1);
        for l in page {
            match pool.get_mut(l.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    same += 1;
                }
                _ => missing.push(format!("page {}: {l}", k + 1)),
            }
        }
    }
    let all = pa.iter().map(Vec::len).sum::<usize>();
    (pa.len(), pb.len(), same as f64 / all.max(1) as f64, missing)
}

fn check(fixture: &str, min_pages: usize) {
    let plan = vanban::input::plan_from_file(&repo(&format!("fixtures/{fixture}.json"))).unwrap();
    check_plan(fixture, &plan, min_pages);
}

fn check_plan(fixture: &str, plan: &vanban::Plan, min_pages: usize) {
    check_share(fixture, plan, min_pages, 0.98);
}

fn check_share(fixture: &str, plan: &vanban::Plan, min_pages: usize, min_share: f64) {
    let test = format!("parity_{fixture}");
    if !have_tool("pdftotext", &test) || !have_tool("soffice", &test) {
        return;
    }
    let dir = scratch_dir(&test);
    let plan = plan.clone();
    let r = vanban::Renderer::new().unwrap();
    let ours = dir.join("ours.pdf");
    let docx = dir.join("plan.docx");
    std::fs::write(&ours, r.pdf(&plan, &Default::default()).unwrap()).unwrap();
    std::fs::write(&docx, r.docx(&plan).unwrap()).unwrap();
    let profile = dir.join("profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.join("lo"))
        .arg(&docx)
        .output()
        .unwrap();
    assert!(status.status.success(), "soffice failed: {status:?}");
    let theirs = dir.join("lo/plan.pdf");
    let (na, nb, share, missing) = parity(&ours, &theirs);
    eprintln!("{fixture}: pages {na} / {nb}, parity {:.1}%", share * 100.0);
    assert!(na >= min_pages, "{fixture}: only {na} pages");
    assert_eq!(na, nb, "{fixture}: page counts differ");
    assert!(
        share >= min_share,
        "{fixture}: parity {:.1}%; lines not in LibreOffice's: {missing:#?}",
        share * 100.0
    );
}

#[test]
fn seed_plan_matches_libreoffice() {
    check("ke-hoach-dong-dang-2024", 4);
}

#[test]
fn long_plan_matches_libreoffice() {
    check("ke-hoach-festival-ha-noi-2026", 5);
}

#[test]
fn plan_with_appendix_tables_matches_libreoffice() {
    check("ke-hoach-kiem-tra-cchc-lam-dong-2026", 5);
}

#[test]
fn landscape_table_appendix_matches_libreoffice() {
    check("ke-hoach-dong-dang-2024-phu-luc", 8);
}

/// Real plans with table appendices, as `vanban import` reads them: a five-column
/// table of long cells (05) and cells of several names (06).
#[test]
fn imported_corpus_tables_match_libreoffice() {
    for (name, pages) in [
        ("05_kehoach_bo-tnmt_tinchicacbon09", 6),
        ("06_kehoach_so-congthuong-laocai_vlncn2242", 4),
    ] {
        let path = repo(&format!("fixtures/corpus/{name}.txt"));
        let plan = vanban::import::import_file(&path).unwrap().plan;
        check_plan(name, &plan, pages);
    }
}

/// The tables of the Quyết định 15 and the Công điện 29, in an appendix of the seed
/// plan as the import reads them: columns as wide as their words, in both writers.
#[test]
fn corpus_tables_of_other_types_match_libreoffice() {
    for n in ["15", "29"] {
        let plan = corpus_table_plan(n);
        check_plan(&format!("corpus-{n}-tables"), &plan, 5);
    }
}

/// One fixture per form, each a real document as `vanban import` read it: the
/// same pages and every line broken alike. The V/v of the Công văn 17 (191.44 pt
/// in a 191.45 pt column) and an italic căn cứ of the Quyết định 15 (0.38 pt short)
/// are the lines that hold the measurement to LibreOffice's rounding and its room
/// after italic.
#[test]
fn every_form_matches_libreoffice() {
    for (fixture, pages, share) in [
        ("quyet-dinh-kiem-tra-hoa-chat-lao-cai-2026", 4, 1.0),
        // Every line breaks as LibreOffice breaks it, but page 2 (the attached
        // Điều lệ's first) ends one line later than LibreOffice's, and so do
        // some of the pages after it: 93.3% page by page (100% over the whole
        // document). LibreOffice sets that page's header table 16 pt higher and
        // keeps less room at its foot; not understood yet.
        (
            "quyet-dinh-dieu-le-quy-khuyen-hoc-binh-thuan-2022",
            12,
            0.933,
        ),
        ("cong-van-bao-ve-khoang-san-lao-cai-2026", 5, 1.0),
        ("cong-van-tra-loi-so-noi-vu-lam-dong-2025", 2, 1.0),
        ("to-trinh-giai-the-hiep-hoi-lam-dong-2025", 2, 1.0),
        ("bao-cao-kiem-tra-hoa-chat-lao-cai-2026", 6, 1.0),
        ("thong-bao-treo-co-ha-noi-2026", 1, 1.0),
        ("cong-dien-hoi-nghi-ma-tuy-vpcp-2025", 4, 1.0),
        ("giay-moi-hop-ccn-lao-cai-2026", 2, 1.0),
        ("giay-gioi-thieu-ubnd-xa-bac-ha-2026", 1, 1.0),
        // LibreOffice leaves `II. NỘI DUNG LÀM VIỆC` and `1. Tóm tắt …` at the
        // foot of page 1 without the paragraph they keep with; we move them to
        // page 2, as the keep-with-next asks: 97.9% page by page, 100% over the
        // whole document.
        ("bien-ban-dam-hong-lao-cai-2026", 6, 0.9788),
        ("giay-nghi-phep-so-noi-vu-lao-cai-2026", 1, 1.0),
        // Every mark: ô 10a, 10b (boxed, red), 11 in the top margin, 12 on the
        // Lưu line, 13 at the foot of page 1.
        ("cong-van-hoa-toc-bao-so-3-lao-cai-2026", 1, 1.0),
        // Copies: the paper copy's block under its rule (Mẫu 3.1), the
        // electronic copy's line at the top right of page 1 (Mẫu 3.2).
        ("sao-y-thong-bao-treo-co-phuong-hoan-kiem-2026", 2, 1.0),
        (
            "sao-y-dien-tu-thong-bao-treo-co-phuong-hoan-kiem-2026",
            1,
            1.0,
        ),
        // The signature and the seal images over the signing space.
        ("giay-gioi-thieu-ky-so-ubnd-xa-bac-ha-2026", 1, 1.0),
        // Footnotes: the Giấy mời above has one on page 1 under its list of
        // addressees; this plan has two long ones, on pages 2 and 3, and a list
        // of 23 headings with no text under them that flows over a page break.
        // One line of 291 differs in the text only: LibreOffice sets a raised
        // number in a justified line about 1 pt further right (`2013 2;` where
        // ours reads `20132;`); the lines break and the pages end alike.
        ("ke-hoach-tuyen-truyen-bau-cu-pho-bang-2025", 8, 0.9965),
    ] {
        let plan =
            vanban::input::plan_from_file(&repo(&format!("fixtures/{fixture}.json"))).unwrap();
        check_share(fixture, &plan, pages, share - 0.0005);
    }
}
