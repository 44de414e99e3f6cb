//! Document types, their abbreviations and their model forms (Điều 7 and Phụ lục III
//! of the decree).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One of the decree's 29 types of administrative document ("tên loại văn bản").
///
/// In JSON a type is written in kebab case without marks: `"quyet-dinh"`,
/// `"cong-van"`, `"ke-hoach"` ([`DocType::slug`]).
///
/// ```
/// use vanban::model::DocType;
/// assert_eq!(DocType::KeHoach.abbreviation(), Some("KH"));
/// assert_eq!(DocType::CongVan.abbreviation(), None);
/// assert_eq!(DocType::KeHoach.name(), "Kế hoạch");
/// assert_eq!(DocType::from_abbreviation("TTr"), Some(DocType::ToTrinh));
/// assert_eq!(DocType::QuyetDinh.slug(), "quyet-dinh");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum DocType {
    NghiQuyet,
    QuyetDinh,
    ChiThi,
    QuyChe,
    QuyDinh,
    ThongCao,
    ThongBao,
    HuongDan,
    ChuongTrinh,
    KeHoach,
    PhuongAn,
    DeAn,
    DuAn,
    BaoCao,
    BienBan,
    ToTrinh,
    HopDong,
    CongDien,
    BanGhiNho,
    BanThoaThuan,
    GiayUyQuyen,
    GiayMoi,
    GiayGioiThieu,
    GiayNghiPhep,
    PhieuGui,
    PhieuChuyen,
    PhieuBao,
    CongVan,
    ThuCong,
}

/// The layout family of a type: which of the decree's model forms lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// Mẫu 1.1 and 1.2/1.3: an authority line, căn cứ, a `QUYẾT NGHỊ:` or
    /// `QUYẾT ĐỊNH:` line and articles (Nghị quyết, Quyết định).
    Decision,
    /// Mẫu 1.4: the type's name and a summary, then the body (Kế hoạch, Báo cáo,
    /// Tờ trình, Thông báo …).
    Named,
    /// Mẫu 1.5: no name line, the `V/v` summary under the number, `Kính gửi` (Công văn).
    Letter,
    /// Mẫu 1.6-1.10: a fixed form with fields of its own (Công điện, Giấy mời,
    /// Giấy giới thiệu, Biên bản, Giấy nghỉ phép), each with a template of its own.
    Fixed,
    /// No model form in the decree (Hợp đồng, Bản ghi nhớ, Bản thỏa thuận, Thư công).
    None,
}

/// The table of Phụ lục III: type, name, abbreviation (empty for none).
const TABLE: &[(DocType, &str, &str)] = &[
    (DocType::NghiQuyet, "Nghị quyết", "NQ"),
    (DocType::QuyetDinh, "Quyết định", "QĐ"),
    (DocType::ChiThi, "Chỉ thị", "CT"),
    (DocType::QuyChe, "Quy chế", "QC"),
    (DocType::QuyDinh, "Quy định", "QyĐ"),
    (DocType::ThongCao, "Thông cáo", "TC"),
    (DocType::ThongBao, "Thông báo", "TB"),
    (DocType::HuongDan, "Hướng dẫn", "HD"),
    (DocType::ChuongTrinh, "Chương trình", "CTr"),
    (DocType::KeHoach, "Kế hoạch", "KH"),
    (DocType::PhuongAn, "Phương án", "PA"),
    (DocType::DeAn, "Đề án", "ĐA"),
    (DocType::DuAn, "Dự án", "DA"),
    (DocType::BaoCao, "Báo cáo", "BC"),
    (DocType::BienBan, "Biên bản", "BB"),
    (DocType::ToTrinh, "Tờ trình", "TTr"),
    (DocType::HopDong, "Hợp đồng", "HĐ"),
    (DocType::CongDien, "Công điện", "CĐ"),
    (DocType::BanGhiNho, "Bản ghi nhớ", "BGN"),
    (DocType::BanThoaThuan, "Bản thỏa thuận", "BTT"),
    (DocType::GiayUyQuyen, "Giấy ủy quyền", "GUQ"),
    (DocType::GiayMoi, "Giấy mời", "GM"),
    (DocType::GiayGioiThieu, "Giấy giới thiệu", "GGT"),
    (DocType::GiayNghiPhep, "Giấy nghỉ phép", "GNP"),
    (DocType::PhieuGui, "Phiếu gửi", "PG"),
    (DocType::PhieuChuyen, "Phiếu chuyển", "PC"),
    (DocType::PhieuBao, "Phiếu báo", "PB"),
    (DocType::CongVan, "Công văn", ""),
    (DocType::ThuCong, "Thư công", ""),
];

impl DocType {
    fn row(self) -> &'static (DocType, &'static str, &'static str) {
        TABLE
            .iter()
            .find(|r| r.0 == self)
            .expect("every DocType has a row in TABLE")
    }

    /// The name in normal case (`Kế hoạch`); the title line is its upper case.
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// The abbreviation used in the symbol (`KH`); a Công văn and a Thư công have none.
    pub fn abbreviation(self) -> Option<&'static str> {
        Some(self.row().2).filter(|a| !a.is_empty())
    }

    /// Every type, in the order of the decree's table.
    pub fn all() -> impl Iterator<Item = DocType> {
        TABLE.iter().map(|r| r.0)
    }

    /// The name used in JSON and on the command line (`quyet-dinh`).
    pub fn slug(self) -> &'static str {
        SLUGS
            .iter()
            .find(|r| r.0 == self)
            .map(|r| r.1)
            .expect("every DocType has a slug")
    }

    /// The type written `slug` in JSON.
    pub fn from_slug(slug: &str) -> Option<DocType> {
        SLUGS.iter().find(|r| r.1 == slug).map(|r| r.0)
    }

    /// The model form that lays the type out.
    ///
    /// ```
    /// use vanban::model::{DocType, Form};
    /// assert_eq!(DocType::NghiQuyet.form(), Form::Decision);
    /// assert_eq!(DocType::ToTrinh.form(), Form::Named);
    /// assert_eq!(DocType::CongVan.form(), Form::Letter);
    /// ```
    pub fn form(self) -> Form {
        use DocType::*;
        match self {
            NghiQuyet | QuyetDinh => Form::Decision,
            CongVan => Form::Letter,
            CongDien | GiayMoi | GiayGioiThieu | BienBan | GiayNghiPhep => Form::Fixed,
            HopDong | BanGhiNho | BanThoaThuan | ThuCong => Form::None,
            _ => Form::Named,
        }
    }

    /// The decree's model form, as it is cited (`Mẫu 1.4`).
    pub fn form_name(self) -> &'static str {
        use DocType::*;
        match self {
            NghiQuyet => "Mẫu 1.1",
            QuyetDinh => "Mẫu 1.2, 1.3",
            CongVan => "Mẫu 1.5",
            CongDien => "Mẫu 1.6",
            GiayMoi => "Mẫu 1.7",
            GiayGioiThieu => "Mẫu 1.8",
            BienBan => "Mẫu 1.9",
            GiayNghiPhep => "Mẫu 1.10",
            HopDong | BanGhiNho | BanThoaThuan | ThuCong => "",
            _ => "Mẫu 1.4",
        }
    }

    /// True when the type may be addressed with `Kính gửi` (ô 9a): a Công văn always,
    /// a Tờ trình always, a Báo cáo when sent upward, and the other Mẫu 1.4 types
    /// where practice does.
    pub fn may_address(self) -> bool {
        matches!(self.form(), Form::Letter | Form::Named)
            || matches!(self, DocType::CongDien | DocType::GiayMoi)
    }

    /// False for the forms with no summary under the name (Giấy giới thiệu, Mẫu
    /// 1.8; Giấy nghỉ phép, Mẫu 1.10).
    ///
    /// ```
    /// use vanban::model::DocType;
    /// assert!(DocType::GiayMoi.has_summary());
    /// assert!(!DocType::GiayGioiThieu.has_summary());
    /// ```
    pub fn has_summary(self) -> bool {
        !matches!(self, DocType::GiayGioiThieu | DocType::GiayNghiPhep)
    }

    /// True when the summary may not be left out: every type that has one but the
    /// Biên bản, whose name line may say what it records (`BIÊN BẢN LÀM VIỆC`).
    ///
    /// ```
    /// use vanban::model::DocType;
    /// assert!(DocType::KeHoach.summary_required());
    /// assert!(!DocType::BienBan.summary_required());
    /// ```
    pub fn summary_required(self) -> bool {
        self.has_summary() && self != DocType::BienBan
    }

    /// The type whose name is the title line `title` (`KẾ HOẠCH`, `Thông báo`).
    pub fn from_title(title: &str) -> Option<DocType> {
        let t = title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase();
        TABLE.iter().find(|r| r.1.to_uppercase() == t).map(|r| r.0)
    }

    /// The type a user names: its JSON slug (`cong-van`) or its abbreviation
    /// (`KH`), as `vanban new` and `GET /v1/new/{type}` take it.
    ///
    /// ```
    /// use vanban::model::DocType;
    /// assert_eq!(DocType::find("cong-van"), Some(DocType::CongVan));
    /// assert_eq!(DocType::find("KH"), Some(DocType::KeHoach));
    /// assert_eq!(DocType::find("x"), None);
    /// ```
    pub fn find(name: &str) -> Option<DocType> {
        DocType::from_slug(name).or_else(|| DocType::from_abbreviation(name))
    }

    /// Whether vanban lays the type out: the decree gives it a model form.
    pub fn is_laid_out(self) -> bool {
        self.form() != Form::None
    }

    /// The type whose abbreviation is exactly `abbr`.
    pub fn from_abbreviation(abbr: &str) -> Option<DocType> {
        TABLE
            .iter()
            .find(|r| !r.2.is_empty() && r.2 == abbr)
            .map(|r| r.0)
    }
}

impl std::fmt::Display for DocType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The JSON names, as serde writes them (kebab case of the variant).
const SLUGS: &[(DocType, &str)] = &[
    (DocType::NghiQuyet, "nghi-quyet"),
    (DocType::QuyetDinh, "quyet-dinh"),
    (DocType::ChiThi, "chi-thi"),
    (DocType::QuyChe, "quy-che"),
    (DocType::QuyDinh, "quy-dinh"),
    (DocType::ThongCao, "thong-cao"),
    (DocType::ThongBao, "thong-bao"),
    (DocType::HuongDan, "huong-dan"),
    (DocType::ChuongTrinh, "chuong-trinh"),
    (DocType::KeHoach, "ke-hoach"),
    (DocType::PhuongAn, "phuong-an"),
    (DocType::DeAn, "de-an"),
    (DocType::DuAn, "du-an"),
    (DocType::BaoCao, "bao-cao"),
    (DocType::BienBan, "bien-ban"),
    (DocType::ToTrinh, "to-trinh"),
    (DocType::HopDong, "hop-dong"),
    (DocType::CongDien, "cong-dien"),
    (DocType::BanGhiNho, "ban-ghi-nho"),
    (DocType::BanThoaThuan, "ban-thoa-thuan"),
    (DocType::GiayUyQuyen, "giay-uy-quyen"),
    (DocType::GiayMoi, "giay-moi"),
    (DocType::GiayGioiThieu, "giay-gioi-thieu"),
    (DocType::GiayNghiPhep, "giay-nghi-phep"),
    (DocType::PhieuGui, "phieu-gui"),
    (DocType::PhieuChuyen, "phieu-chuyen"),
    (DocType::PhieuBao, "phieu-bao"),
    (DocType::CongVan, "cong-van"),
    (DocType::ThuCong, "thu-cong"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_one_row_and_unique_abbreviation() {
        // Điều 7 lists 29 types; Công văn and Thư công have no abbreviation.
        assert_eq!(TABLE.len(), 29);
        for (t, _, abbr) in TABLE {
            if !abbr.is_empty() {
                assert_eq!(DocType::from_abbreviation(abbr), Some(*t));
            }
        }
        assert_eq!(DocType::from_abbreviation(""), None);
    }

    #[test]
    fn slugs_are_what_serde_writes() {
        for t in DocType::all() {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.slug()));
            assert_eq!(DocType::from_slug(t.slug()), Some(t));
        }
    }
}
