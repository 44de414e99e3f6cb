//! A complete starting document for each type (`vanban new TYPE`): every part its
//! form has, filled with realistic text, valid as it stands.

use super::{
    Attachment, Authority, AuthorityForm, Block, DocType, Document, Form, Header, IssueDate,
    Recipients, Section, Signature, Text,
};

fn para(s: &str) -> Block {
    Block::Paragraph(s.into())
}

fn section(title: Option<&str>, content: &[&str]) -> Section {
    Section {
        title: title.map(Text::from),
        content: content.iter().map(|c| para(c)).collect(),
        ..Section::default()
    }
}

/// A starting document of type `t`, or `None` for a type whose form vanban does
/// not lay out yet (the fixed forms, the types without a form).
///
/// ```
/// use vanban::model::{DocType, example};
/// let d = example(DocType::CongVan).unwrap();
/// assert_eq!(d.header.symbol(DocType::CongVan), "SCT-VP");
/// // It reads back as it is.
/// assert_eq!(vanban::Document::from_json(&d.to_json()).unwrap(), d);
/// assert!(example(DocType::GiayMoi).is_none());
/// ```
pub fn example(t: DocType) -> Option<Document> {
    let form = t.form();
    if !matches!(form, Form::Decision | Form::Named | Form::Letter) {
        return None;
    }
    let header = Header {
        parent: vec!["UBND TỈNH LÀO CAI".into()],
        issuer: vec!["SỞ CÔNG THƯƠNG".into()],
        issuer_name: Some("Sở Công Thương tỉnh Lào Cai".into()),
        issuer_abbr: "SCT".into(),
        unit: (form == Form::Letter).then(|| "VP".into()),
        number: Some(12),
        place: "Lào Cai".into(),
        date: IssueDate {
            day: Some(5),
            month: Some(3),
            year: 2026,
        },
    };
    let signature = Signature {
        collective: None,
        authority: Some(Authority {
            form: AuthorityForm::Kt,
            of: "GIÁM ĐỐC".into(),
        }),
        title: Some("PHÓ GIÁM ĐỐC".into()),
        name: "Nguyễn Văn An".into(),
    };
    let mut d = Document {
        doc_type: t,
        header,
        summary: Text::default(),
        authority: Vec::new(),
        addressees: Vec::new(),
        preamble: Vec::new(),
        sections: Vec::new(),
        conclusion: Vec::new(),
        numbering: Vec::new(),
        recipients: Recipients {
            items: vec![
                "Ban Giám đốc Sở".into(),
                "Các phòng, đơn vị thuộc Sở".into(),
            ],
            archive: "VT, VP".into(),
        },
        signature,
        attachments: Vec::new(),
        appendices: Vec::new(),
        unplaced: Vec::new(),
    };
    match form {
        Form::Decision => {
            let (label, what) = match t {
                DocType::NghiQuyet => {
                    ("Nghị quyết", "Về việc thông qua kế hoạch công tác năm 2026")
                }
                _ => ("Quyết định", "Ban hành Quy chế làm việc của Sở Công Thương"),
            };
            d.summary = what.into();
            d.authority = vec!["GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI".into()];
            d.signature.authority = None;
            d.signature.title = Some("GIÁM ĐỐC".into());
            d.preamble = vec![
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;".into(),
                "Căn cứ Quyết định số 05/2025/QĐ-UBND ngày 01 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh Lào Cai quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Công Thương;".into(),
                "Theo đề nghị của Chánh Văn phòng Sở.".into(),
            ];
            d.sections = vec![
                section(
                    None,
                    &[&format!(
                        "Ban hành kèm theo {label} này Quy chế làm việc của Sở Công Thương tỉnh Lào Cai."
                    )],
                ),
                section(None, &[&format!("{label} này có hiệu lực kể từ ngày ký.")]),
                section(
                    None,
                    &[&format!(
                        "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở chịu trách nhiệm thi hành {label} này."
                    )],
                ),
            ];
            d.recipients.items.insert(0, "Như Điều 3".into());
            let mut chapter = section(Some("Quy định chung"), &[]);
            chapter.sections = vec![
                section(
                    Some("Phạm vi điều chỉnh"),
                    &[
                        "Quy chế này quy định nguyên tắc, chế độ trách nhiệm và quan hệ công tác của Sở Công Thương.",
                    ],
                ),
                section(
                    Some("Đối tượng áp dụng"),
                    &["Quy chế này áp dụng đối với công chức, viên chức và người lao động của Sở."],
                ),
            ];
            d.attachments = vec![Attachment {
                doc_type: Some(DocType::QuyChe),
                name: None,
                summary: "Làm việc của Sở Công Thương tỉnh Lào Cai".into(),
                reference: None,
                preamble: Vec::new(),
                sections: vec![chapter],
                numbering: Vec::new(),
                conclusion: Vec::new(),
            }];
        }
        Form::Letter => {
            d.summary = "đôn đốc báo cáo tình hình thực hiện kế hoạch năm 2026".into();
            d.addressees = vec![
                "Các phòng chuyên môn thuộc Sở".into(),
                "Trung tâm Khuyến công và Xúc tiến thương mại".into(),
            ];
            d.preamble = vec!["Thực hiện Kế hoạch số 05/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh, Sở Công Thương đề nghị các đơn vị thực hiện các nội dung sau:".into()];
            d.sections = vec![
                section(
                    None,
                    &[
                        "Báo cáo kết quả thực hiện nhiệm vụ quý I năm 2026 trước ngày 25 tháng 3 năm 2026.",
                    ],
                ),
                section(None, &["Đề xuất nhiệm vụ trọng tâm của quý II năm 2026."]),
            ];
            d.conclusion = vec![para("Đề nghị các đơn vị quan tâm, thực hiện.")];
            d.recipients.items.insert(0, "Như trên".into());
        }
        _ => {
            d.summary = "Về kết quả thực hiện nhiệm vụ năm 2026".into();
            if t == DocType::ToTrinh || t == DocType::BaoCao {
                d.addressees = vec!["Ủy ban nhân dân tỉnh Lào Cai".into()];
                d.recipients.items.insert(0, "Như trên".into());
            }
            d.preamble = vec!["Thực hiện Kế hoạch số 05/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lào Cai.".into()];
            let mut first = section(Some("Mục đích, yêu cầu"), &[]);
            first.sections = vec![
                section(
                    Some("Mục đích"),
                    &["Triển khai kịp thời, hiệu quả các nhiệm vụ được giao."],
                ),
                section(
                    Some("Yêu cầu"),
                    &["Bảo đảm đúng tiến độ, chất lượng và tiết kiệm."],
                ),
            ];
            let mut second = section(Some("Tổ chức thực hiện"), &[]);
            second.sections = vec![section(
                None,
                &["Văn phòng Sở chủ trì, theo dõi, đôn đốc và tổng hợp kết quả thực hiện."],
            )];
            d.sections = vec![first, second];
        }
    }
    Some(d)
}
