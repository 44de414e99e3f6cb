//! Text typed in the pre-Unicode Vietnamese encodings TCVN3 (ABC, `.VnTime`) and VNI
//! (`VNI-Times`), shown through a Unicode font: `KÕ ho¹ch`, `Keá hoaïch`. Detected by
//! characters that Vietnamese Unicode text never holds, and converted back.

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

/// Characters of TCVN3 text that neither Vietnamese Unicode text nor VNI text holds.
const TCVN3_ONLY: &str = "¡¢£¤¥¦§¨©ª«¬\u{ad}®¯°±²³´µ¶·¸¹º»¼½¾¿ÇÐ×Þßçð÷þÿ";

/// VNI's marks that never follow a vowel in Vietnamese Unicode text.
const VNI_MARKS: &str = "øûïåäëüùõØÛÏÅÄËÜÙÕ";
/// The vowels VNI puts its marks after (`ô` stands for ơ, `ö` for ư).
const VNI_BASES: &str = "aeoôuöyAEOÔUÖY";

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

/// Converts one TCVN3 line. TCVN3 has no code for most capitals with a tone mark:
/// capitals were typed with an upper-case font (`.VnTimeH`) over the lower-case
/// codes, so `CHñ TÞCH` means `CHỦ TỊCH`. A word whose Latin letters (two or more)
/// are all capitals is therefore upper-cased whole, and so is a one-letter word in
/// a line of such words with no small Latin letter (`KÕ HO¹CH`).
fn tcvn3_line(text: &str) -> String {
    let convert = |w: &str| -> (String, bool) {
        let mut o = String::new();
        let mut legacy = false;
        for c in w.chars() {
            match TCVN3.iter().find(|(k, _)| *k == c) {
                Some((_, u)) => {
                    o.push_str(u);
                    legacy = true;
                }
                None => o.push(c),
            }
        }
        (o, legacy)
    };
    let words: Vec<(String, bool, usize, bool)> = text
        .split(' ')
        .map(|w| {
            let (o, legacy) = convert(w);
            let ascii: Vec<char> = w.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            let caps = !ascii.is_empty() && ascii.iter().all(|c| c.is_ascii_uppercase());
            (o, legacy, ascii.len(), caps)
        })
        .collect();
    let capital_words = words.iter().filter(|w| w.1 && w.3 && w.2 >= 2).count();
    let capital_line = capital_words >= 1 && !text.chars().any(|c| c.is_ascii_lowercase());
    words
        .into_iter()
        .map(|(o, legacy, n, caps)| {
            if legacy && caps && (n >= 2 || capital_line) {
                o.to_uppercase()
            } else {
                o
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The legacy encoding `text` looks like it is in, if any.
///
/// ```
/// use vanban::check::legacy::{detect, Legacy};
/// assert_eq!(detect("KÕ ho¹ch ph¸t triÓn"), Some(Legacy::Tcvn3));
/// assert_eq!(detect("Keá hoaïch phaùt trieån"), Some(Legacy::Vni));
/// assert_eq!(detect("Kế hoạch phát triển"), None);
/// ```
pub fn detect(text: &str) -> Option<Legacy> {
    let chars: Vec<char> = text.chars().collect();
    let mut tcvn = 0;
    let mut vni = 0;
    for (i, c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        // Inside a word: `ho¹ch`, not `25°C` or `§ 3`.
        if TCVN3_ONLY.contains(*c) && prev.is_some_and(|p| p.is_alphabetic()) {
            tcvn += 1;
        }
        if VNI_MARKS.contains(*c) && prev.is_some_and(|p| VNI_BASES.contains(p)) {
            vni += 1;
        }
    }
    match (tcvn, vni) {
        (0, 0) => None,
        (t, v) if t >= v => Some(Legacy::Tcvn3),
        _ => Some(Legacy::Vni),
    }
}

/// Converts `text` from `enc` to Unicode NFC.
///
/// ```
/// use vanban::check::legacy::{to_unicode, Legacy};
/// assert_eq!(to_unicode("KÕ ho¹ch", Legacy::Tcvn3), "Kế hoạch");
/// assert_eq!(to_unicode("Keá hoaïch", Legacy::Vni), "Kế hoạch");
/// ```
pub fn to_unicode(text: &str, enc: Legacy) -> String {
    let mut out = String::with_capacity(text.len());
    match enc {
        Legacy::Tcvn3 => out.push_str(&tcvn3_line(text)),
        Legacy::Vni => {
            let chars: Vec<char> = text.chars().collect();
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
        }
    }
    crate::model::nfc_in_place(&mut out);
    out
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
}
