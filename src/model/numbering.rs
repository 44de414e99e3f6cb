//! Section numbers derived from the tree: `I.`, `1.`, `1.1.`, `a)`, `-`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The Vietnamese letters used for points (điểm), in order: f, j, w and z are skipped
/// and `đ` follows `d` (R24).
pub const POINT_LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// How the sections of one depth are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NumberStyle {
    /// `I.`, `II.`, ... (mục)
    Roman,
    /// `1.`, `2.`, ... (khoản)
    Arabic,
    /// The parent's number followed by this one: `1.1.`, `2.1.3.`
    Decimal,
    /// `a)`, `b)`, ... `d)`, `đ)`, `e)`, `g)` (điểm)
    Letter,
    /// `-` for every item
    Dash,
    /// `+` for every item
    Plus,
    /// `Điều 1.`, `Điều 2.` ... (articles of a Quyết định, a Nghị quyết or a Quy chế),
    /// counted through the whole body, across chapters.
    Article,
    /// `Chương I`, `Chương II` ... on a line of its own, the title under it.
    Chapter,
}

/// The styles of a body of articles: `Điều 1.`, khoản `1.`, điểm `a)`, `-`.
pub const ARTICLE_STYLES: &[NumberStyle] = &[
    NumberStyle::Article,
    NumberStyle::Arabic,
    NumberStyle::Letter,
    NumberStyle::Dash,
];

/// The styles of a regulation in chapters: `Chương I`, `Điều 1.`, `1.`, `a)`, `-`.
pub const CHAPTER_STYLES: &[NumberStyle] = &[
    NumberStyle::Chapter,
    NumberStyle::Article,
    NumberStyle::Arabic,
    NumberStyle::Letter,
    NumberStyle::Dash,
];

/// The styles of a Công văn's body: `1.`, `a)`, `-`.
pub const LETTER_STYLES: &[NumberStyle] =
    &[NumberStyle::Arabic, NumberStyle::Letter, NumberStyle::Dash];

/// The styles by depth used when a plan does not set its own: `I.`, `1.`, `1.1.`, `a)`, `-`.
pub const DEFAULT_STYLES: &[NumberStyle] = &[
    NumberStyle::Roman,
    NumberStyle::Arabic,
    NumberStyle::Decimal,
    NumberStyle::Letter,
    NumberStyle::Dash,
];

/// Upper-case Roman numeral of `n` (1-based).
///
/// ```
/// assert_eq!(vanban::model::numbering::roman(14), "XIV");
/// ```
pub fn roman(mut n: usize) -> String {
    const TABLE: &[(usize, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The point letter for the `n`-th point (1-based); past `y` the letters double (`aa`).
pub fn point_letter(n: usize) -> String {
    let len = POINT_LETTERS.len();
    let i = (n.max(1) - 1) % len;
    let reps = (n.max(1) - 1) / len + 1;
    POINT_LETTERS[i].repeat(reps)
}

impl NumberStyle {
    /// The label of the `n`-th item (1-based) whose parent carries `parent_label`
    /// (used by [`NumberStyle::Decimal`]).
    ///
    /// ```
    /// use vanban::model::NumberStyle;
    /// assert_eq!(NumberStyle::Roman.label(3, None), "III.");
    /// assert_eq!(NumberStyle::Decimal.label(2, Some("3.")), "3.2.");
    /// assert_eq!(NumberStyle::Letter.label(5, None), "đ)");
    /// ```
    pub fn label(self, n: usize, parent_label: Option<&str>) -> String {
        match self {
            NumberStyle::Roman => format!("{}.", roman(n)),
            NumberStyle::Arabic => format!("{n}."),
            NumberStyle::Decimal => match parent_label {
                Some(p)
                    if p.ends_with('.') && p.chars().next().is_some_and(|c| c.is_ascii_digit()) =>
                {
                    format!("{p}{n}.")
                }
                _ => format!("{n}."),
            },
            NumberStyle::Letter => format!("{})", point_letter(n)),
            NumberStyle::Dash => "-".to_string(),
            NumberStyle::Plus => "+".to_string(),
            NumberStyle::Article => format!("Điều {n}."),
            NumberStyle::Chapter => format!("Chương {}", roman(n)),
        }
    }
}

/// The style for sections at `depth` (1-based) given a plan's list; the last entry
/// repeats, and an empty list means [`DEFAULT_STYLES`].
pub fn style_at(styles: &[NumberStyle], depth: usize) -> NumberStyle {
    style_or(styles, DEFAULT_STYLES, depth)
}

/// The style at `depth` from `styles`, or from `defaults` when `styles` is empty.
pub fn style_or(styles: &[NumberStyle], defaults: &[NumberStyle], depth: usize) -> NumberStyle {
    let styles = if styles.is_empty() { defaults } else { styles };
    styles[(depth.max(1) - 1).min(styles.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = (1..=12).map(roman).collect();
        assert_eq!(
            got,
            [
                "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
            ]
        );
        assert_eq!(roman(49), "XLIX");
    }

    #[test]
    fn point_letters_put_dj_after_d_and_skip_f() {
        let got: Vec<String> = (1..=9)
            .map(|n| NumberStyle::Letter.label(n, None))
            .collect();
        assert_eq!(got, ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "i)"]);
        assert_eq!(point_letter(23), "y");
        assert_eq!(point_letter(24), "aa");
    }

    #[test]
    fn every_depth_by_default() {
        assert_eq!(style_at(&[], 1).label(2, None), "II.");
        assert_eq!(style_at(&[], 2).label(3, Some("II.")), "3.");
        assert_eq!(style_at(&[], 3).label(1, Some("3.")), "3.1.");
        assert_eq!(style_at(&[], 4).label(5, Some("3.1.")), "đ)");
        assert_eq!(style_at(&[], 5).label(7, Some("đ)")), "-");
        assert_eq!(style_at(&[], 9).label(1, None), "-");
    }

    #[test]
    fn articles_and_chapters() {
        assert_eq!(NumberStyle::Article.label(12, None), "Điều 12.");
        assert_eq!(NumberStyle::Chapter.label(4, None), "Chương IV");
        assert_eq!(style_or(&[], CHAPTER_STYLES, 2).label(3, None), "Điều 3.");
    }

    #[test]
    fn decimal_nests() {
        assert_eq!(NumberStyle::Decimal.label(4, Some("2.1.")), "2.1.4.");
        assert_eq!(NumberStyle::Decimal.label(4, Some("a)")), "4.");
    }
}
