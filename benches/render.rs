//! Render times of the seed plan: `cargo bench --bench render`.

use divan::Bencher;

fn main() {
    divan::main();
}

fn seed() -> vanban::Plan {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/ke-hoach-dong-dang-2024.json"
    ))
    .unwrap();
    vanban::Plan::from_json(&json).unwrap()
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
