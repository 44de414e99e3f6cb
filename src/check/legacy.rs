//! Text typed in the pre-Unicode Vietnamese encodings TCVN3 (ABC, `.VnTime`) and VNI
//! (`VNI-Times`), shown through a Unicode font: `KÕ ho¹ch`, `Keá hoaïch`.
//!
//! Repair works word by word, never by a guess about the whole document:
//!
//! - A **word** is a run of letters, combining marks and the legacy codes (`ho¹ch`,
//!   `d\u{ad}ìng`); digits, spaces and punctuation end it.
//! - A word is **converted** only when it is not a Vietnamese syllable as it stands
//!   and exactly one of its readings, TCVN3 or VNI, is one (the test is
//!   [`super::syllable::is_vietnamese`]). `chuù` becomes `chú`; `mô`, `Phòng`, `Xây`
//!   stay, whatever the rest of the document holds. One-letter words and units such as
//!   `µm` are never converted.
//! - A word that is a syllable both as it stands and in a legacy reading (`Sè`, TCVN3
//!   for `Số`; `mô`, VNI for `mơ`) is **suggested**, not converted, and only when its
//!   run (a line, a JSON string) holds converted words and no word that is surely
//!   Unicode; a run with neither follows the document's majority. A word that is not
//!   Vietnamese as it stands but is in both readings (`tæ`: `tổ` in TCVN3, `tỉ` in
//!   VNI) is converted when every other converted word of its run has one encoding.
//! - A word is **surely Unicode** when it holds a letter or a combining mark that the
//!   8-bit legacy fonts cannot show (`ạ`, `ư`, `đ`), or is a syllable that both
//!   legacy readings change into something that is not one.

/// A legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712 (ABC), e.g. `KÕ ho¹ch`.
    Tcvn3,
    /// VNI Windows, e.g. `Keá hoaïch`.
    Vni,
}

impl Legacy {
    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }
}

/// TCVN 5712 bytes 0xA1-0xFF as Windows-1252 shows them, and the Vietnamese letter
/// each stands for (generated from glibc's TCVN5712-1 converter).
const TCVN3: &[(char, &str)] = &[
    ('¡', "Ă"),
    ('¢', "Â"),
    ('£', "Ê"),
    ('¤', "Ô"),
    ('¥', "Ơ"),
    ('¦', "Ư"),
    ('§', "Đ"),
    ('¨', "ă"),
    ('©', "â"),
    ('ª', "ê"),
    ('«', "ô"),
    ('¬', "ơ"),
    ('\u{ad}', "ư"),
    ('®', "đ"),
    ('¯', "Ằ"),
    ('°', "\u{300}"),
    ('±', "\u{309}"),
    ('²', "\u{303}"),
    ('³', "\u{301}"),
    ('´', "\u{323}"),
    ('µ', "à"),
    ('¶', "ả"),
    ('·', "ã"),
    ('¸', "á"),
    ('¹', "ạ"),
    ('º', "Ẳ"),
    ('»', "ằ"),
    ('¼', "ẳ"),
    ('½', "ẵ"),
    ('¾', "ắ"),
    ('¿', "Ẵ"),
    ('À', "Ắ"),
    ('Á', "Ầ"),
    ('Â', "Ẩ"),
    ('Ã', "Ẫ"),
    ('Ä', "Ấ"),
    ('Å', "Ề"),
    ('Æ', "ặ"),
    ('Ç', "ầ"),
    ('È', "ẩ"),
    ('É', "ẫ"),
    ('Ê', "ấ"),
    ('Ë', "ậ"),
    ('Ì', "è"),
    ('Í', "Ể"),
    ('Î', "ẻ"),
    ('Ï', "ẽ"),
    ('Ð', "é"),
    ('Ñ', "ẹ"),
    ('Ò', "ề"),
    ('Ó', "ể"),
    ('Ô', "ễ"),
    ('Õ', "ế"),
    ('Ö', "ệ"),
    ('×', "ì"),
    ('Ø', "ỉ"),
    ('Ù', "Ễ"),
    ('Ú', "Ế"),
    ('Û', "Ồ"),
    ('Ü', "ĩ"),
    ('Ý', "í"),
    ('Þ', "ị"),
    ('ß', "ò"),
    ('à', "Ổ"),
    ('á', "ỏ"),
    ('â', "õ"),
    ('ã', "ó"),
    ('ä', "ọ"),
    ('å', "ồ"),
    ('æ', "ổ"),
    ('ç', "ỗ"),
    ('è', "ố"),
    ('é', "ộ"),
    ('ê', "ờ"),
    ('ë', "ở"),
    ('ì', "ỡ"),
    ('í', "ớ"),
    ('î', "ợ"),
    ('ï', "ù"),
    ('ð', "Ỗ"),
    ('ñ', "ủ"),
    ('ò', "ũ"),
    ('ó', "ú"),
    ('ô', "ụ"),
    ('õ', "ừ"),
    ('ö', "ử"),
    ('÷', "ữ"),
    ('ø', "ứ"),
    ('ù', "ự"),
    ('ú', "ỳ"),
    ('û', "ỷ"),
    ('ü', "ỹ"),
    ('þ', "ỵ"),
    ('ÿ', "Ố"),
];

/// VNI's marks after a vowel: (mark, lower-case result per base) built in [`vni_pair`].
fn vni_pair(base: char, mark: char) -> Option<char> {
    let upper = base.is_uppercase();
    let b = base.to_lowercase().next()?;
    let m = mark.to_lowercase().next()?;
    // Tone marks on a plain vowel: sắc, huyền, hỏi, ngã, nặng.
    const TONES: [char; 5] = ['ù', 'ø', 'û', 'õ', 'ï'];
    let tone = TONES.iter().position(|t| *t == m);
    let row: Option<[char; 5]> = match b {
        'a' => Some(['á', 'à', 'ả', 'ã', 'ạ']),
        'e' => Some(['é', 'è', 'ẻ', 'ẽ', 'ẹ']),
        'o' => Some(['ó', 'ò', 'ỏ', 'õ', 'ọ']),
        'ô' => Some(['ớ', 'ờ', 'ở', 'ỡ', 'ợ']),
        'u' => Some(['ú', 'ù', 'ủ', 'ũ', 'ụ']),
        'ö' => Some(['ứ', 'ừ', 'ử', 'ữ', 'ự']),
        'y' => Some(['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ']),
        _ => None,
    };
    let out = if let (Some(row), Some(t)) = (row, tone) {
        row[t]
    } else {
        // Circumflex (â with tones á à å ã ä) on a, e, o; breve (ê with é è ú ü ë) on a.
        const HAT: [char; 6] = ['â', 'á', 'à', 'å', 'ã', 'ä'];
        const BREVE: [char; 6] = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
        if let Some(k) = HAT.iter().position(|h| *h == m) {
            match b {
                'a' => ['â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ'][k],
                'e' => ['ê', 'ế', 'ề', 'ể', 'ễ', 'ệ'][k],
                'o' => ['ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ'][k],
                _ => return None,
            }
        } else if let Some(k) = BREVE.iter().position(|h| *h == m) {
            match b {
                'a' => ['ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ'][k],
                _ => return None,
            }
        } else {
            return None;
        }
    };
    Some(if upper {
        out.to_uppercase().next()?
    } else {
        out
    })
}

/// VNI's single characters: ơ, ư, đ and the marked i and ỵ.
fn vni_single(c: char) -> Option<char> {
    let upper = c.is_uppercase();
    let out = match c.to_lowercase().next()? {
        'ô' => 'ơ',
        'ö' => 'ư',
        'ñ' => 'đ',
        'æ' => 'ỉ',
        'ó' => 'ĩ',
        'ò' => 'ị',
        'î' => 'ỵ',
        _ => return None,
    };
    Some(if upper {
        out.to_uppercase().next()?
    } else {
        out
    })
}

/// The Vietnamese letter a TCVN3 code stands for.
fn tcvn3(c: char) -> Option<&'static str> {
    if (c as u32) < 0xA1 || (c as u32) > 0xFF {
        return None;
    }
    static TABLE: std::sync::OnceLock<std::collections::HashMap<char, &'static str>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| TCVN3.iter().copied().collect())
        .get(&c)
        .copied()
}

/// The word characters of [`repair`]: letters, combining marks and the legacy codes.
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) || tcvn3(c).is_some()
}

/// A letter or mark that the legacy 8-bit fonts, seen through Windows-1252, never show.
fn beyond_legacy(c: char) -> bool {
    (c as u32) > 0xFF && !"ŒœŠšŽžŸƒ".contains(c)
}

/// The TCVN3 reading of one word. TCVN3 has no code for most capitals with a tone
/// mark: capitals were typed with an upper-case font (`.VnTimeH`) over the
/// lower-case codes, so `CHñ` means `CHỦ`. A word whose Latin letters (two or more)
/// are all capitals is therefore upper-cased whole, and so is a one-letter word in a
/// run with such words and no small Latin letter (`KÕ HO¹CH`).
fn tcvn3_word(w: &str, capital_run: bool) -> String {
    let mut o = String::with_capacity(w.len() + 4);
    for c in w.chars() {
        match tcvn3(c) {
            Some(u) => o.push_str(u),
            None => o.push(c),
        }
    }
    let ascii: Vec<char> = w.chars().filter(char::is_ascii_alphabetic).collect();
    let caps = !ascii.is_empty() && ascii.iter().all(char::is_ascii_uppercase);
    if caps && (ascii.len() >= 2 || capital_run) {
        o = o.to_uppercase();
    }
    crate::model::nfc_in_place(&mut o);
    o
}

/// The VNI reading of a text: a vowel and the mark after it make one letter.
fn vni_text(w: &str) -> String {
    let chars: Vec<char> = w.chars().collect();
    let mut out = String::with_capacity(w.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(next) = chars.get(i + 1)
            && let Some(c) = vni_pair(chars[i], *next)
        {
            out.push(c);
            i += 2;
            continue;
        }
        out.push(vni_single(chars[i]).unwrap_or(chars[i]));
        i += 1;
    }
    crate::model::nfc_in_place(&mut out);
    out
}

/// One word's change: converted, or only suggested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordFix {
    /// Byte offset of the word in the run.
    pub start: usize,
    /// The word as it stands.
    pub before: String,
    /// The word in Unicode.
    pub after: String,
    /// The encoding it was read in.
    pub encoding: Legacy,
}

/// What [`repair`] made of one run of text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Repair {
    /// The run with the converted words in Unicode (and nothing else changed).
    pub text: String,
    /// The words converted: not Vietnamese as they stand, Vietnamese in one reading.
    pub converted: Vec<WordFix>,
    /// Words that read as Vietnamese both ways, in a run that looks legacy: reported,
    /// never applied.
    pub suggested: Vec<WordFix>,
}

impl Repair {
    /// The encodings of the converted words, in order of appearance, each once.
    pub fn encodings(&self) -> Vec<Legacy> {
        let mut out = Vec::new();
        for f in &self.converted {
            if !out.contains(&f.encoding) {
                out.push(f.encoding);
            }
        }
        out
    }

    /// The run with the suggested words converted as well.
    pub fn with_suggestions(&self, original: &str) -> String {
        let mut fixes: Vec<&WordFix> = self.converted.iter().chain(&self.suggested).collect();
        fixes.sort_by_key(|f| f.start);
        splice(original, &fixes)
    }
}

fn splice(original: &str, fixes: &[&WordFix]) -> String {
    let mut out = String::with_capacity(original.len() + 8);
    let mut at = 0;
    for f in fixes {
        out.push_str(&original[at..f.start]);
        out.push_str(&f.after);
        at = f.start + f.before.len();
    }
    out.push_str(&original[at..]);
    out
}

/// How one word reads.
enum Reading {
    /// Nothing to convert, and no evidence either way (ASCII, digits).
    Plain,
    /// Surely Unicode.
    Unicode,
    /// Surely legacy.
    Legacy(Legacy, String),
    /// Vietnamese in these readings, and as it stands when the flag is set.
    Ambiguous(Vec<(Legacy, String)>, bool),
    /// Not Vietnamese in any reading: left alone; an abbreviation in capitals
    /// (`TÑKT`, VNI for `TĐKT`) keeps its readings for suggestions.
    Unknown(Vec<(Legacy, String)>),
}

fn read_word(w: &str, capital_run: bool) -> Reading {
    use super::syllable::is_vietnamese;
    if w.chars().any(beyond_legacy) {
        return Reading::Unicode;
    }
    // Both encodings only map characters of U+00A1..U+00FF.
    if !w.chars().any(|c| ('\u{a1}'..='\u{ff}').contains(&c)) {
        return Reading::Plain;
    }
    let mut readings: Vec<(Legacy, String)> = Vec::new();
    for (enc, r) in [
        (Legacy::Tcvn3, tcvn3_word(w, capital_run)),
        (Legacy::Vni, vni_text(w)),
    ] {
        if r != w && !readings.iter().any(|(_, x)| *x == r) {
            readings.push((enc, r));
        }
    }
    if readings.is_empty() {
        return Reading::Plain;
    }
    let readings_count = readings.len();
    let caps = w.chars().all(|c| !c.is_lowercase()) && w.chars().count() >= 2;
    let abbreviation: Vec<(Legacy, String)> = if caps {
        readings
            .iter()
            .filter(|(_, r)| r.chars().all(|c| c.is_uppercase()))
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let valid: Vec<(Legacy, String)> = readings
        .into_iter()
        .filter(|(_, r)| is_vietnamese(r))
        .collect();
    if is_vietnamese(w) {
        // `hình` reads the same in VNI: no evidence against VNI.
        let unchanged_in_one = readings_count < 2;
        return if valid.is_empty() {
            if unchanged_in_one {
                Reading::Plain
            } else {
                Reading::Unicode
            }
        } else {
            Reading::Ambiguous(valid, true)
        };
    }
    // One letter, or a unit such as `µm`, is too little to go on.
    let unit = w.starts_with('µ') && w.chars().skip(1).all(|c| c.is_ascii_alphabetic());
    match valid.len() {
        1 if w.chars().count() >= 2 && !unit => {
            let (enc, r) = valid.into_iter().next().expect("one reading");
            Reading::Legacy(enc, r)
        }
        0 | 1 => Reading::Unknown(abbreviation),
        _ => Reading::Ambiguous(valid, false),
    }
}

/// The words of a run with their byte offsets.
fn words(run: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = run.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if is_word_char(c) {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &run[start..end]))
    })
}

/// One run's words, read; with the run's verdict (`Some(true)` legacy, `Some(false)`
/// Unicode, `None` no evidence).
struct RunReading<'a> {
    words: Vec<(usize, &'a str, Reading)>,
    verdict: Option<bool>,
}

/// A run typed in TCVN3's capital fonts: no small Latin letter, and a legacy word
/// of two or more Latin capitals (`KÕ HO¹CH`); see [`tcvn3_word`].
fn capital_run(run: &str) -> bool {
    !run.chars().any(|c| c.is_ascii_lowercase())
        && words(run).any(|(_, w)| {
            let ascii: Vec<char> = w.chars().filter(char::is_ascii_alphabetic).collect();
            ascii.len() >= 2 && ascii.iter().all(char::is_ascii_uppercase) && !w.is_ascii()
        })
}

fn read_run(run: &str) -> RunReading<'_> {
    let capital_run = capital_run(run);
    let words: Vec<(usize, &str, Reading)> = words(run)
        .map(|(at, w)| (at, w, read_word(w, capital_run)))
        .collect();
    let legacy = words
        .iter()
        .any(|(_, _, r)| matches!(r, Reading::Legacy(..)));
    let unicode = words.iter().any(|(_, _, r)| matches!(r, Reading::Unicode));
    let verdict = match (legacy, unicode) {
        (true, false) => Some(true),
        (_, true) => Some(false),
        (false, false) => None,
    };
    RunReading { words, verdict }
}

/// The encoding most of these words are surely in.
fn main_encoding<'a>(words: impl Iterator<Item = &'a Reading>) -> Option<Legacy> {
    let (mut t, mut v) = (0, 0);
    for r in words {
        match r {
            Reading::Legacy(Legacy::Tcvn3, _) => t += 1,
            Reading::Legacy(Legacy::Vni, _) => v += 1,
            _ => {}
        }
    }
    match (t, v) {
        (0, 0) => None,
        (t, v) if t >= v => Some(Legacy::Tcvn3),
        _ => Some(Legacy::Vni),
    }
}

/// `suggest_in`: the encoding of the run's suggestions, when the run is taken for
/// legacy text.
fn finish(run: &str, reading: RunReading<'_>, suggest_in: Option<Legacy>) -> Repair {
    let mut converted = Vec::new();
    let mut suggested = Vec::new();
    let mut seen: Vec<Legacy> = Vec::new();
    for (_, _, r) in &reading.words {
        if let Reading::Legacy(enc, _) = r
            && !seen.contains(enc)
        {
            seen.push(*enc);
        }
    }
    for (start, w, r) in reading.words {
        match r {
            Reading::Legacy(encoding, after) => converted.push(WordFix {
                start,
                before: w.to_string(),
                after,
                encoding,
            }),
            // Not Vietnamese as it stands, Vietnamese in both readings: the run's
            // one encoding decides (`tæ` is `tổ` in a TCVN3 run, `tỉ` in a VNI one).
            Reading::Ambiguous(readings, false)
                if seen.len() == 1 && readings.iter().any(|(e, _)| *e == seen[0]) =>
            {
                let (encoding, after) = readings
                    .into_iter()
                    .find(|(e, _)| *e == seen[0])
                    .expect("the run's encoding");
                converted.push(WordFix {
                    start,
                    before: w.to_string(),
                    after,
                    encoding,
                });
            }
            // Only in the run's encoding: `chí` reads `chớ` in TCVN3 but is `chí`
            // in VNI, so a VNI run suggests nothing for it.
            Reading::Ambiguous(readings, _) | Reading::Unknown(readings)
                if suggest_in.is_some() =>
            {
                let pick = readings.iter().find(|(e, _)| Some(*e) == suggest_in);
                if let Some((encoding, after)) = pick {
                    suggested.push(WordFix {
                        start,
                        before: w.to_string(),
                        after: after.clone(),
                        encoding: *encoding,
                    });
                }
            }
            _ => {}
        }
    }
    let refs: Vec<&WordFix> = converted.iter().collect();
    Repair {
        text: splice(run, &refs),
        converted,
        suggested,
    }
}

/// Repairs one run of text (a line, a JSON string): see the module's rule.
///
/// ```
/// use vanban::check::legacy::{repair, Legacy};
/// let r = repair("Ghi chuù");
/// assert_eq!(r.text, "Ghi chú");
/// assert_eq!(r.converted[0].encoding, Legacy::Vni);
/// // Valid Unicode is never touched, though `mô` reads `mơ` in VNI.
/// assert_eq!(repair("các mô hình, Phòng Nội vụ").text, "các mô hình, Phòng Nội vụ");
/// assert_eq!(repair("KÕ ho¹ch ph¸t triÓn").text, "Kế hoạch phát triển");
/// ```
pub fn repair(run: &str) -> Repair {
    let reading = read_run(run);
    let suggest_in = match reading.verdict {
        Some(true) => main_encoding(reading.words.iter().map(|(_, _, r)| r)),
        _ => None,
    };
    finish(run, reading, suggest_in)
}

/// Repairs the runs of one document. A run that gives no evidence of its own (only
/// words that read both ways) is taken as the document's majority for suggestions.
pub fn repair_document<S: AsRef<str>>(runs: &[S]) -> Vec<Repair> {
    let readings: Vec<RunReading<'_>> = runs.iter().map(|r| read_run(r.as_ref())).collect();
    let legacy = readings.iter().filter(|r| r.verdict == Some(true)).count();
    let unicode = readings.iter().filter(|r| r.verdict == Some(false)).count();
    let majority = (legacy > unicode)
        .then(|| {
            main_encoding(
                readings
                    .iter()
                    .flat_map(|r| r.words.iter().map(|(_, _, x)| x)),
            )
        })
        .flatten();
    runs.iter()
        .zip(readings)
        .map(|(run, reading)| {
            let suggest_in = match reading.verdict {
                Some(true) => main_encoding(reading.words.iter().map(|(_, _, r)| r)),
                Some(false) => None,
                None => majority,
            };
            finish(run.as_ref(), reading, suggest_in)
        })
        .collect()
}

/// The legacy encoding most words of `text` are surely in, if any.
///
/// ```
/// use vanban::check::legacy::{detect, Legacy};
/// assert_eq!(detect("KÕ ho¹ch ph¸t triÓn"), Some(Legacy::Tcvn3));
/// assert_eq!(detect("Keá hoaïch phaùt trieån"), Some(Legacy::Vni));
/// assert_eq!(detect("Kế hoạch phát triển"), None);
/// ```
pub fn detect(text: &str) -> Option<Legacy> {
    let (mut tcvn, mut vni) = (0, 0);
    for line in text.lines() {
        for f in repair(line).converted {
            match f.encoding {
                Legacy::Tcvn3 => tcvn += 1,
                Legacy::Vni => vni += 1,
            }
        }
    }
    match (tcvn, vni) {
        (0, 0) => None,
        (t, v) if t >= v => Some(Legacy::Tcvn3),
        _ => Some(Legacy::Vni),
    }
}

/// Reads all of `text` in `enc`, every word, without asking whether it should be;
/// for text known to be legacy. [`repair`] is the safe way.
///
/// ```
/// use vanban::check::legacy::{to_unicode, Legacy};
/// assert_eq!(to_unicode("KÕ ho¹ch", Legacy::Tcvn3), "Kế hoạch");
/// assert_eq!(to_unicode("Keá hoaïch", Legacy::Vni), "Kế hoạch");
/// ```
pub fn to_unicode(text: &str, enc: Legacy) -> String {
    match enc {
        Legacy::Tcvn3 => {
            let capital_run = capital_run(text);
            let mut out = String::with_capacity(text.len());
            let mut at = 0;
            for (start, w) in words(text) {
                out.push_str(&text[at..start]);
                out.push_str(&tcvn3_word(w, capital_run));
                at = start + w.len();
            }
            out.push_str(&text[at..]);
            out
        }
        Legacy::Vni => vni_text(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_round_sample() {
        let s = "Céng hoµ x· héi chñ nghÜa ViÖt Nam";
        assert_eq!(detect(s), Some(Legacy::Tcvn3));
        assert_eq!(
            to_unicode(s, Legacy::Tcvn3),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
    }

    #[test]
    fn vni_round_sample() {
        let s = "Ñoäc laäp - Töï do - Haïnh phuùc";
        assert_eq!(detect(s), Some(Legacy::Vni));
        assert_eq!(to_unicode(s, Legacy::Vni), "Độc lập - Tự do - Hạnh phúc");
        assert_eq!(to_unicode("ÑOÀNG ÑAÊNG", Legacy::Vni), "ĐỒNG ĐĂNG");
    }

    #[test]
    fn tcvn3_capitals_typed_with_the_upper_case_font() {
        assert_eq!(to_unicode("KT. CHñ TÞCH", Legacy::Tcvn3), "KT. CHỦ TỊCH");
        assert_eq!(to_unicode("KÕ HO¹CH", Legacy::Tcvn3), "KẾ HOẠCH");
        assert_eq!(to_unicode("Sè: /KH-UBND", Legacy::Tcvn3), "Số: /KH-UBND");
        assert_eq!(
            to_unicode("ñy ban nh©n d©n", Legacy::Tcvn3),
            "ủy ban nhân dân"
        );
    }

    #[test]
    fn unicode_text_is_not_taken_for_legacy() {
        for s in [
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc; hoà, thuý, khoẻ",
            "Nguyễn Văn Á, Phạm Thị Ù",
        ] {
            assert_eq!(detect(s), None, "{s}");
        }
    }

    #[test]
    fn planted_words_only() {
        let r = repair("KÕ ho¹ch ph¸t triÓn kinh tÕ x· héi.");
        assert_eq!(r.text, "Kế hoạch phát triển kinh tế xã hội.");
        for s in [
            "ỦY BAN NHÂN DÂN",
            "Xây dựng, nhân rộng các mô hình",
            "Phòng Nội vụ",
            "nhân dân thành phố Hà Nội",
            "25°C, § 3, 1ª, µm, café, Müller, São Paulo, naïve",
        ] {
            let r = repair(s);
            assert_eq!(r.text, s);
            assert!(
                r.converted.is_empty() && r.suggested.is_empty(),
                "{s}: {r:?}"
            );
        }
    }

    #[test]
    fn both_encodings_named() {
        let r = repair("KÕ ho¹ch vaø Keá hoaïch");
        assert_eq!(r.text, "Kế hoạch và Kế hoạch");
        assert_eq!(r.encodings(), [Legacy::Tcvn3, Legacy::Vni]);
    }

    #[test]
    fn ambiguous_words_are_suggested_in_a_legacy_run() {
        let r = repair("Sè: 12/KH-UBND cña UBND");
        assert_eq!(r.text, "Sè: 12/KH-UBND của UBND");
        assert_eq!(r.suggested.len(), 1);
        assert_eq!(
            r.with_suggestions("Sè: 12/KH-UBND cña UBND"),
            "Số: 12/KH-UBND của UBND"
        );
    }
}
