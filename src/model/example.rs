//! A complete starting document for each type (`vanban new TYPE`): every part its
//! form has, filled with realistic text, valid as it stands.

use super::{
    Attachment, Authority, AuthorityForm, Block, Confirmation, DocType, Document, Form, Header,
    Introduction, Invitation, InvitationField, IssueDate, Leave, Minutes, Recipients, Section,
    Signature, Text,
};

fn date(day: u8, month: u8) -> IssueDate {
    IssueDate {
        day: Some(day),
        month: Some(month),
        year: 2026,
    }
}

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

/// A starting document of type `t`, or `None` for a type the decree gives no
/// form for (Hợp đồng, Bản ghi nhớ, Bản thỏa thuận, Thư công).
///
/// ```
/// use vanban::model::{DocType, example};
/// let d = example(DocType::CongVan).unwrap();
/// assert_eq!(d.header.symbol(DocType::CongVan), "SCT-VP");
/// // It reads back as it is.
/// assert_eq!(vanban::Document::from_json(&d.to_json()).unwrap(), d);
/// assert!(example(DocType::GiayMoi).unwrap().invitation.is_some());
/// assert!(example(DocType::HopDong).is_none());
/// ```
pub fn example(t: DocType) -> Option<Document> {
    let form = t.form();
    if form == Form::None {
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
        ..Default::default()
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
            ..Recipients::default()
        },
        signature,
        attachments: Vec::new(),
        appendices: Vec::new(),
        unplaced: Vec::new(),
        title: None,
        sender: None,
        invitation: None,
        introduction: None,
        minutes: None,
        leave: None,
        cosigners: Vec::new(),
        marks: Default::default(),
        copy: None,
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
        Form::Fixed => fixed_form(&mut d),
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

/// Fills in a fixed form (Mẫu 1.6-1.10) over the shared header and signature.
fn fixed_form(d: &mut Document) {
    match d.doc_type {
        DocType::CongDien => {
            d.header.parent = Vec::new();
            d.header.issuer = vec!["ỦY BAN NHÂN DÂN".into(), "TỈNH LÀO CAI".into()];
            d.header.issuer_name = None;
            d.header.issuer_abbr = "UBND".into();
            d.sender = Some("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI".into());
            d.summary = "Về việc chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất".into();
            d.addressees = vec![
                "Giám đốc các Sở, Thủ trưởng các ban, ngành của tỉnh".into(),
                "Chủ tịch Ủy ban nhân dân các xã, phường".into(),
            ];
            d.preamble = vec!["Theo bản tin của Đài Khí tượng thủy văn tỉnh, từ đêm 05 đến ngày 07 tháng 3 năm 2026 trên địa bàn tỉnh có mưa lớn, nguy cơ cao xảy ra lũ quét, sạt lở đất. Để chủ động ứng phó, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:".into()];
            d.sections = vec![
                section(
                    None,
                    &[
                        "Chủ tịch Ủy ban nhân dân các xã, phường theo dõi chặt chẽ diễn biến mưa, lũ; kiểm tra, rà soát các khu vực có nguy cơ cao, chủ động sơ tán người dân đến nơi an toàn.",
                    ],
                ),
                section(
                    None,
                    &[
                        "Các Sở, ban, ngành theo chức năng, nhiệm vụ được giao chỉ đạo, hướng dẫn và hỗ trợ địa phương khắc phục hậu quả thiên tai.",
                    ],
                ),
            ];
            d.recipients.items = vec!["Như trên".into(), "Thường trực Tỉnh ủy".into()];
            d.recipients.archive = "VT, NLN".into();
            d.signature.authority = Some(Authority {
                form: AuthorityForm::Kt,
                of: "CHỦ TỊCH".into(),
            });
            d.signature.title = Some("PHÓ CHỦ TỊCH".into());
        }
        DocType::GiayMoi => {
            d.summary = "Họp triển khai kế hoạch kiểm tra an toàn hóa chất năm 2026".into();
            d.invitation = Some(Invitation {
                inviter: None,
                invitee: "Đồng chí Trưởng phòng Kinh tế các xã, phường".into(),
                event: Some("cuộc họp triển khai Kế hoạch kiểm tra an toàn hóa chất năm 2026 trên địa bàn tỉnh.".into()),
                fields: vec![
                    InvitationField::Chair("Đồng chí Nguyễn Văn An, Phó Giám đốc Sở.".into()),
                    InvitationField::Time("14 giờ 00, thứ Ba, ngày 10 tháng 3 năm 2026.".into()),
                    InvitationField::Place("Phòng họp tầng 2, Sở Công Thương tỉnh Lào Cai.".into()),
                ],
            });
            d.conclusion = vec![para(
                "Đề nghị các đại biểu nghiên cứu trước dự thảo Kế hoạch gửi kèm và tham dự đúng thành phần, đúng giờ.",
            )];
            d.recipients.items = vec!["Như trên".into()];
        }
        DocType::GiayGioiThieu => {
            d.introduction = Some(Introduction {
                introducer: None,
                honorific: Some("Ông".into()),
                person: "Trần Minh Đức".into(),
                position: "Chuyên viên Phòng Quản lý công nghiệp".into(),
                destination: "Ủy ban nhân dân phường Cam Đường".into(),
                purpose:
                    "Làm việc về tình hình sử dụng vật liệu nổ công nghiệp trên địa bàn phường."
                        .into(),
                valid_until: date(31, 3),
            });
            d.recipients.items = vec!["Như trên".into()];
            d.recipients.archive = "VT".into();
        }
        DocType::BienBan => {
            d.header.date = date(10, 3);
            d.summary = "Họp triển khai kế hoạch kiểm tra an toàn hóa chất năm 2026".into();
            d.minutes = Some(Minutes {
                started: Some("14 giờ 00, ngày 10 tháng 3 năm 2026".into()),
                place: Some("Phòng họp tầng 2, Sở Công Thương tỉnh Lào Cai".into()),
                attendees: Some("Lãnh đạo Sở Công Thương; Trưởng phòng Kinh tế các xã, phường; các chuyên viên Phòng Quản lý công nghiệp.".into()),
                chair: Some("Ông Nguyễn Văn An, Phó Giám đốc Sở".into()),
                secretary: Some("Bà Lê Thị Hoa, Chuyên viên Văn phòng Sở".into()),
                content_label: None,
                ended: Some("Cuộc họp kết thúc vào 16 giờ 30, ngày 10 tháng 3 năm 2026".into()),
            });
            d.sections = vec![
                section(
                    Some("Nội dung triển khai"),
                    &[
                        "Phòng Quản lý công nghiệp trình bày dự thảo Kế hoạch kiểm tra an toàn hóa chất năm 2026.",
                    ],
                ),
                section(
                    Some("Kết luận của chủ tọa"),
                    &[
                        "Thống nhất nội dung Kế hoạch; giao Phòng Quản lý công nghiệp hoàn thiện, trình ban hành trước ngày 15 tháng 3 năm 2026.",
                    ],
                ),
            ];
            d.signature = Signature {
                collective: None,
                authority: None,
                title: Some("CHỦ TỌA".into()),
                name: "Nguyễn Văn An".into(),
                ..Default::default()
            };
            d.cosigners = vec![Signature {
                collective: None,
                authority: None,
                title: Some("THƯ KÝ".into()),
                name: "Lê Thị Hoa".into(),
                ..Default::default()
            }];
            d.recipients.items = vec!["Các đơn vị dự họp".into()];
            d.recipients.archive = "VT, Hồ sơ".into();
        }
        DocType::GiayNghiPhep => {
            d.leave = Some(Leave {
                request_date: date(2, 3),
                grantor: None,
                honorific: Some("Bà".into()),
                person: "Phạm Thu Trang".into(),
                position: "Chuyên viên Văn phòng Sở".into(),
                period: "05 ngày làm việc".into(),
                from: date(16, 3),
                to: date(20, 3),
                place: "xã Bắc Hà, tỉnh Lào Cai".into(),
                counted_as: "nghỉ hằng năm năm 2026".into(),
                confirmation: Some(Confirmation::default()),
            });
            d.recipients.items = vec!["Bà Phạm Thu Trang".into()];
            d.recipients.archive = "VT, VP".into();
        }
        _ => {}
    }
}
