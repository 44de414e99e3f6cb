//! Document types and their abbreviations (Phụ lục III, Mục I of the decree).

use serde::{Deserialize, Serialize};

/// A type of administrative document ("tên loại văn bản") with an abbreviation.
///
/// ```
/// use vanban::model::DocType;
/// assert_eq!(DocType::KeHoach.abbreviation(), "KH");
/// assert_eq!(DocType::KeHoach.name(), "Kế hoạch");
/// assert_eq!(DocType::from_abbreviation("TTr"), Some(DocType::ToTrinh));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
}

/// The table of Phụ lục III: type, name, abbreviation.
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

    /// The abbreviation used in the symbol (`KH`).
    pub fn abbreviation(self) -> &'static str {
        self.row().2
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

    /// The type whose abbreviation is exactly `abbr`.
    pub fn from_abbreviation(abbr: &str) -> Option<DocType> {
        TABLE.iter().find(|r| r.2 == abbr).map(|r| r.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_one_row_and_unique_abbreviation() {
        assert_eq!(TABLE.len(), 27);
        for (t, _, abbr) in TABLE {
            assert_eq!(DocType::from_abbreviation(abbr), Some(*t));
        }
    }
}
