//! The parts of the decree's fixed forms (Mẫu 1.7-1.10): the lines a Giấy mời, a
//! Giấy giới thiệu, a Biên bản and a Giấy nghỉ phép fill in. (A Công điện needs no
//! part of its own: its sender is [`Document::sender`](super::Document::sender) and
//! its recipients are the document's `addressees`.)
//!
//! The wording of each form's fixed sentences is in its template; these types hold
//! only what the writer fills in.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::header::IssueDate;
use super::text::{Text, TextVisitor, VisitText};

/// The honorific the forms write `Ông (bà)` until the person is known.
pub const HONORIFIC_BLANK: &str = "Ông (bà)";

/// One field line of a Giấy mời, in the order given: `Chủ trì: …`, `Thời gian: …`,
/// `Địa điểm: …` (Mẫu 1.7), `Thành phần: …`, or a field with a label of its own.
///
/// ```
/// use vanban::model::InvitationField;
/// let f: InvitationField = serde_json::from_str(r#"{"time": "08 giờ 00, ngày 09/10/2025"}"#).unwrap();
/// assert_eq!(f.label(), "Thời gian");
/// let f: InvitationField =
///     serde_json::from_str(r#"{"other": {"label": "Trang phục", "text": "Áo dài"}}"#).unwrap();
/// assert_eq!(f.label(), "Trang phục");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum InvitationField {
    /// `Chủ trì: …`: who chairs.
    Chair(Text),
    /// `Thời gian: …`: when.
    Time(Text),
    /// `Địa điểm: …`: where.
    Place(Text),
    /// `Thành phần: …`: who attends.
    Participants(Text),
    /// Any other line, `<label>: <text>`.
    Other {
        /// The label, without its colon.
        label: String,
        /// What follows it.
        text: Text,
    },
}

impl InvitationField {
    /// The label as printed, without the colon.
    pub fn label(&self) -> &str {
        match self {
            InvitationField::Chair(_) => "Chủ trì",
            InvitationField::Time(_) => "Thời gian",
            InvitationField::Place(_) => "Địa điểm",
            InvitationField::Participants(_) => "Thành phần",
            InvitationField::Other { label, .. } => label,
        }
    }

    /// The text after the label.
    pub fn text(&self) -> &Text {
        match self {
            InvitationField::Chair(t)
            | InvitationField::Time(t)
            | InvitationField::Place(t)
            | InvitationField::Participants(t)
            | InvitationField::Other { text: t, .. } => t,
        }
    }
}

impl VisitText for InvitationField {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        match self {
            InvitationField::Chair(t)
            | InvitationField::Time(t)
            | InvitationField::Place(t)
            | InvitationField::Participants(t) => t.visit_text(f),
            InvitationField::Other { label, text } => {
                label.visit_text(f);
                text.visit_text(f);
            }
        }
    }
}

/// What a Giấy mời fills in (Mẫu 1.7): `<inviter> trân trọng kính mời: <invitee>`,
/// `Tới dự <event>`, then its field lines. What to note (`các vấn đề cần lưu ý`)
/// is the document's body. A real invitation sent to many uses `Kính gửi` instead
/// of the invitee and leaves this part out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    /// Who invites, in a sentence; by default the issuer (`Ủy ban nhân dân tỉnh Lào Cai`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inviter: Option<String>,
    /// Who is invited (`Đồng chí Giám đốc Sở Tài chính`).
    pub invitee: String,
    /// The meeting, conference or event (`Tới dự …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Text>,
    /// The field lines, in order; the decree's are chair, time and place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<InvitationField>,
}

impl VisitText for Invitation {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.inviter.visit_text(f);
        self.invitee.visit_text(f);
        self.event.visit_text(f);
        self.fields.visit_text(f);
    }
}

/// What a Giấy giới thiệu fills in (Mẫu 1.8): the person introduced, where to
/// and why, and until when the paper is valid. The form's fixed sentences
/// (`Đề nghị Quý cơ quan tạo điều kiện …`) are the template's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Introduction {
    /// Who introduces, in a sentence; by default the issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introducer: Option<String>,
    /// `Ông` or `Bà`; `Ông (bà)` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific: Option<String>,
    /// The person's full name (`Nguyễn Văn An`).
    pub person: String,
    /// `Chức vụ: …`.
    pub position: String,
    /// `Được cử đến: …`: the body the person goes to.
    pub destination: String,
    /// `Về việc: …`.
    pub purpose: Text,
    /// The last day the paper is valid (`Giấy này có giá trị đến hết ngày …`).
    pub valid_until: IssueDate,
}

impl VisitText for Introduction {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.introducer.visit_text(f);
        self.honorific.visit_text(f);
        self.person.visit_text(f);
        self.position.visit_text(f);
        self.destination.visit_text(f);
        self.purpose.visit_text(f);
    }
}

/// The field lines of a Biên bản (Mẫu 1.9), each printed when given; the minutes
/// themselves are the document's body, the closing sentence is `ended`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    /// `Thời gian bắt đầu: …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// `Địa điểm: …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `Thành phần tham dự: …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees: Option<Text>,
    /// `Chủ trì (chủ tọa): …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// `Thư ký (người ghi biên bản): …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<String>,
    /// The line before the minutes; `Nội dung:` when left out, none when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_label: Option<String>,
    /// The closing sentence after the minutes (`Cuộc họp kết thúc vào 11 giờ 30
    /// cùng ngày`), ended with `./.` when rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Text>,
}

impl VisitText for Minutes {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.started.visit_text(f);
        self.place.visit_text(f);
        self.attendees.visit_text(f);
        self.chair.visit_text(f);
        self.secretary.visit_text(f);
        self.content_label.visit_text(f);
        self.ended.visit_text(f);
    }
}

/// The optional block at the foot of a Giấy nghỉ phép: the confirmation of the
/// body or the local authority where the leave is spent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Confirmation {
    /// The caption; by default the form's `Xác nhận của cơ quan (tổ chức) hoặc
    /// chính quyền địa phương nơi nghỉ phép`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The name of who confirms, when known; a space to sign either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// What a Giấy nghỉ phép fills in (Mẫu 1.10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    /// The date of the request (`Xét Đơn đề nghị nghỉ phép ngày …`).
    pub request_date: IssueDate,
    /// Who grants, in a sentence (`… cấp cho:`); by default the issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grantor: Option<String>,
    /// `Ông` or `Bà`; `Ông (bà)` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific: Option<String>,
    /// The person's full name.
    pub person: String,
    /// `Chức vụ: …`.
    pub position: String,
    /// How long (`12 ngày làm việc`).
    pub period: String,
    /// The first day of leave.
    pub from: IssueDate,
    /// The last day of leave.
    pub to: IssueDate,
    /// Where the leave is spent.
    pub place: String,
    /// What the days count as under the Labour Code (`nghỉ hằng năm năm 2026`).
    pub counted_as: String,
    /// The confirmation block at the foot, when the form needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<Confirmation>,
}

impl VisitText for Leave {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.grantor.visit_text(f);
        self.honorific.visit_text(f);
        self.person.visit_text(f);
        self.position.visit_text(f);
        self.period.visit_text(f);
        self.place.visit_text(f);
        self.counted_as.visit_text(f);
        if let Some(c) = &mut self.confirmation {
            c.title.visit_text(f);
            c.name.visit_text(f);
        }
    }
}
