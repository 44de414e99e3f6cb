fn main() {
    for a in std::env::args().skip(1) {
        let r = vanban::check::legacy::repair(&a);
        println!("{r:?}");
        for w in a.split(' ') { println!("{w}: {}", vanban::check::syllable::is_vietnamese(w)); }
    }
}
