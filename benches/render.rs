//! Render times of the seed plan, and of the seed plan with its two appendices (a
//! landscape table of 16 rows and a text outline): `cargo bench --bench render`.

use divan::Bencher;

fn main() {
    divan::main();
}

fn fixture(name: &str) -> vanban::Plan {
    let path = format!("{}/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    vanban::Plan::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn seed() -> vanban::Plan {
    fixture("ke-hoach-dong-dang-2024")
}

/// The seed plan with two appendices (4 + 3 landscape + 1 pages).
fn with_appendices() -> vanban::Plan {
    fixture("ke-hoach-dong-dang-2024-phu-luc")
}

/// JSON text to the typed, NFC-normalized model.
#[divan::bench]
fn parse_json(b: Bencher) {
    let json = seed().to_json();
    b.bench(|| vanban::Plan::from_json(divan::black_box(&json)).unwrap());
}

/// Model to layout IR (template, markup, parse).
#[divan::bench]
fn layout(b: Bencher) {
    let r = vanban::Renderer::new().unwrap();
    let plan = seed();
    b.bench(|| r.layout(divan::black_box(&plan)).unwrap());
}

/// Model to DOCX bytes.
#[divan::bench]
fn docx(b: Bencher) {
    let r = vanban::Renderer::new().unwrap();
    let plan = seed();
    b.bench(|| r.docx(divan::black_box(&plan)).unwrap());
}

/// Model to PDF bytes (layout engine and krilla).
#[divan::bench]
fn pdf(b: Bencher) {
    let r = vanban::Renderer::new().unwrap();
    let plan = seed();
    let opts = vanban::PdfOptions::default();
    b.bench(|| r.pdf(divan::black_box(&plan), &opts).unwrap());
}

/// Model to laid-out pages, without writing the PDF.
#[divan::bench]
fn pages(b: Bencher) {
    let r = vanban::Renderer::new().unwrap();
    let plan = seed();
    b.bench(|| r.pages(divan::black_box(&plan)).unwrap());
}

/// The plan with appendices to DOCX bytes.
#[divan::bench]
fn appendices_docx(b: Bencher) {
    let r = vanban::Renderer::new().unwrap();
    let plan = with_appendices();
    b.bench(|| r.docx(divan::black_box(&plan)).unwrap());
}

/// The plan with appendices to laid-out pages (tables included).
#[divan::bench]
fn appendices_pages(b: Bencher) {
    let r = vanban::Renderer::new().unwrap();
    let plan = with_appendices();
    b.bench(|| r.pages(divan::black_box(&plan)).unwrap());
}

/// The plan with appendices to PDF bytes.
#[divan::bench]
fn appendices_pdf(b: Bencher) {
    let r = vanban::Renderer::new().unwrap();
    let plan = with_appendices();
    let opts = vanban::PdfOptions::default();
    b.bench(|| r.pdf(divan::black_box(&plan), &opts).unwrap());
}
