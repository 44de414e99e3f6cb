//! Is a word a Vietnamese syllable, as Vietnamese is written in Unicode?
//!
//! The rule the legacy-encoding repair relies on (see [`super::legacy`]); it errs on
//! the side of "yes", since a word taken for Vietnamese is never converted:
//!
//! 1. **Case**: all lower case, all capitals, or one capital then lower case.
//! 2. **Letters**: only the Vietnamese alphabet (`a ă â b c d đ e ê g h i k l m n o ô ơ
//!    p q r s t u ư v x y`) with at most one of the five tone marks, on a vowel.
//! 3. **Shape**: an initial consonant (`b c ch d đ g gh gi h k kh l m n ng ngh nh p ph
//!    qu r s t th tr v x`, or none) followed by one of the language's rimes
//!    ([`RIMES`]: `a`, `oan`, `ương`, `uyêt` …).
//! 4. **Spelling**: `k`, `gh` and `ngh` only before `i e ê y`; `c` and `ng` never
//!    before them, `g` never before `e ê`, `qu` never before `o u`.
//! 5. **Tone**: a rime closed by `c`, `ch`, `p` or `t` takes the sắc or the nặng tone.
//! 6. **Tone position**: on `ă â ê ô ơ ư` when the rime has one (on `ơ` in `ươ`);
//!    else on the last vowel before a final consonant; else in `oa oe uy` on either
//!    vowel (`hòa`, `hoà`); else on the middle of three vowels and the first of two.
//!
//! ```
//! use vanban::check::syllable::is_vietnamese;
//! assert!(is_vietnamese("nghiêng") && is_vietnamese("Quốc") && is_vietnamese("HOẠCH"));
//! assert!(!is_vietnamese("chuù"));  // VNI for `chú`
//! assert!(!is_vietnamese("KÕ"));    // TCVN3 for `Kế`: no `k` before `o`
//! assert!(!is_vietnamese("triÓn")); // TCVN3 for `triển`: a capital inside the word
//! assert!(!is_vietnamese("hat"));   // a closed rime without sắc or nặng
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// Every rime (vowels and final consonant) of written Vietnamese, without tone marks.
/// A few that only follow `qu` (`yt`, `ynh`) are accepted after any initial.
pub const RIMES: &str = "a ac ach ai am an ang anh ao ap at au ay \
    ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây \
    e ec em en eng eo ep et ê êch êm ên ênh êp êt êu \
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu \
    o oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt \
    u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt \
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu \
    y yêm yên yêng yêt yêu yt yn ynh ych \
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt \
    oe oec oen oeo oet uân uâng uât uây uê uêch uên uênh uêt uơ \
    uy uya uych uyên uyêt uyn uynh uyp uyt uyu";

const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// The vowels with their tones: none, sắc, huyền, hỏi, ngã, nặng.
const VOWELS: [&str; 12] = [
    "aáàảãạ",
    "ăắằẳẵặ",
    "âấầẩẫậ",
    "eéèẻẽẹ",
    "êếềểễệ",
    "iíìỉĩị",
    "oóòỏõọ",
    "ôốồổỗộ",
    "ơớờởỡợ",
    "uúùủũụ",
    "ưứừửữự",
    "yýỳỷỹỵ",
];

const SAC: usize = 1;
const NANG: usize = 5;

/// A lower-case vowel's base letter and tone (0 for none).
fn vowel(c: char) -> Option<(char, usize)> {
    static TABLE: OnceLock<HashMap<char, (char, usize)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for row in VOWELS {
            let base = row.chars().next().expect("a vowel row");
            for (tone, v) in row.chars().enumerate() {
                t.insert(v, (base, tone));
            }
        }
        t
    });
    table.get(&c).copied()
}

fn rime_ok(rime: &str) -> bool {
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v: Vec<&str> = RIMES.split_ascii_whitespace().collect();
            v.sort_unstable();
            v
        })
        .binary_search(&rime)
        .is_ok()
}

/// Whether `word` (letters only, any normalization) is one Vietnamese syllable.
pub fn is_vietnamese(word: &str) -> bool {
    let composed: String;
    let word = if word
        .chars()
        .any(unicode_normalization::char::is_combining_mark)
    {
        composed = word.nfc().collect();
        composed.as_str()
    } else {
        word
    };
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    let case_ok = rest.iter().all(|c| c.is_lowercase())
        || (first.is_uppercase() && rest.iter().all(|c| c.is_uppercase()));
    if !case_ok {
        return false;
    }
    let mut bases = String::new();
    let mut tone = 0;
    // The index (in chars) of the toned vowel.
    let mut toned = None;
    for (i, c) in word.chars().flat_map(char::to_lowercase).enumerate() {
        if let Some((base, t)) = vowel(c) {
            if t != 0 {
                if tone != 0 {
                    return false;
                }
                tone = t;
                toned = Some(i);
            }
            bases.push(base);
        } else if "bcdđghklmnpqrstvx".contains(c) {
            bases.push(c);
        } else {
            return false;
        }
    }
    let closed = ["c", "ch", "p", "t"]
        .iter()
        .any(|f| bases.ends_with(f) && !bases.ends_with("nh"));
    if closed && tone != SAC && tone != NANG {
        return false;
    }
    INITIALS.iter().any(|init| {
        let Some(rime) = bases.strip_prefix(init) else {
            return false;
        };
        let front = rime.starts_with(['i', 'e', 'ê', 'y']);
        let spelled = match *init {
            "k" | "gh" | "ngh" => front,
            "c" | "ng" => !front,
            "g" => !rime.starts_with(['e', 'ê']),
            // `qu` holds the glide already: `quốc`, never `quoác`.
            "qu" => !rime.starts_with(['o', 'u']),
            _ => true,
        };
        let shaped = rime_ok(rime) || (*init == "gi" && rime.is_empty());
        let at = toned.map(|t| t as isize - init.chars().count() as isize);
        spelled && shaped && at.is_none_or(|at| tone_at(rime, at, init))
    })
}

/// Whether a tone on the rime's char `at` (negative: on the initial, as the `i` of
/// `gì`) stands where Vietnamese puts it.
fn tone_at(rime: &str, at: isize, init: &str) -> bool {
    let chars: Vec<char> = rime.chars().collect();
    if at < 0 {
        return init == "gi" && at == -1 && chars.iter().all(|c| !"aăâeêioôơuưy".contains(*c));
    }
    let at = at as usize;
    let vowels: Vec<usize> = (0..chars.len())
        .filter(|&i| "aăâeêioôơuưy".contains(chars[i]))
        .collect();
    if let Some(&hat) = vowels.iter().rev().find(|&&i| "ăâêôơư".contains(chars[i])) {
        return at == hat;
    }
    let closed = vowels.last().is_some_and(|&v| v + 1 < chars.len());
    match vowels.as_slice() {
        [one] => at == *one,
        _ if closed => Some(&at) == vowels.last(),
        [a, b] if matches!(rime, "oa" | "oe" | "uy") => at == *a || at == *b,
        [a, _] => at == *a,
        [_, m, _] => at == *m,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words() {
        for w in [
            "Cộng", "hòa", "hoà", "xã", "hội", "chủ", "nghĩa", "Việt", "Nam", "Độc", "lập", "Tự",
            "do", "Hạnh", "phúc", "khuỷu", "thuở", "quýt", "gì", "gìn", "giặt", "xoong", "huỵch",
            "ngoẹo", "khuya", "rượu", "Phòng", "mô", "hình", "ỦY", "BAN", "NHÂN", "DÂN", "Đăng",
            "kỳ", "ký", "mét", "tiếng", "quyết", "Quốc",
        ] {
            assert!(is_vietnamese(w), "{w}");
        }
    }

    #[test]
    fn not_syllables() {
        for w in [
            "chuù", "Keá", "hoaïch", "KÕ", "vÒ", "ViÖt", "café", "Müller", "hat", "ngi", "ge",
            "ci", "ka", "quoác", "Keỏ", "muà", "",
        ] {
            assert!(!is_vietnamese(w), "{w}");
        }
    }
}
