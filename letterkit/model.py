"""The reply-letter model: what a validated draft is.

Plain dataclasses, built only by `validate`.  Templates read these objects;
nothing here knows about YAML or Word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .load import SourceMap

KINDS = ("提案", "建议")
ROLE_FOR_KIND = {"提案": "委员", "建议": "代表"}
LAYOUTS = ("letter", "general", "plain")  # 信函格式, 通用格式 (红头文件), no 版头
URGENCIES = ("特急", "加急")
SECRECY_LEVELS = ("绝密", "机密", "秘密")
DISCLOSURES = ("主动公开", "依申请公开", "不予公开")  # 公开属性
MAX_LEVELS = 4


@dataclass
class Organ:
    name: str  # full name, printed as the letterhead
    code: str | None  # 机关代字, e.g. 福科创函; needed only with a document number
    short_name: str | None = None
    aliases: list[str] = field(default_factory=list)  # other spellings in assignment lists (区民政局)


@dataclass
class DocNumber:
    code: str
    year: int
    seq: int

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕{self.seq}号"


@dataclass
class Proposal:
    kind: str  # 提案 or 建议
    id: str | None     # None: the draft says 无 (an imported original named none)
    title: str | None
    session: str | None = None


@dataclass
class Addressee:
    name: str
    role: str  # 委员 or 代表

    @property
    def salutation(self) -> str:
        return f"{self.name}{self.role}"


@dataclass
class Measure:
    """A node of the measures tree.

    With a heading it is numbered (一、 （一） 1. （1） by depth); `text` then
    runs on in the heading's paragraph.  Without a heading it is one plain,
    unnumbered paragraph (`text`).
    """

    heading: str | None
    text: str | None = None
    items: list["Measure"] = field(default_factory=list)

    @property
    def is_paragraph(self) -> bool:
        return self.heading is None


@dataclass
class Attachment:
    """An attachment: its name (附件说明), and its content on pages of its own when given."""
    title: str
    content: list[Measure] = field(default_factory=list)


@dataclass
class CoSigner:
    """Another organ issuing the letter jointly: its 署名 and seal."""
    signature: str
    seal: str | None = None


@dataclass
class Contact:
    name: str
    phone: str


@dataclass
class Draft:
    path: str
    template: str
    layout: str
    organ: Organ | None           # None, number None, …: the draft wrote 无 (see `absent`)
    number: DocNumber | None
    proposal: Proposal
    addressee: Addressee | None  # the member or deputy a reply answers
    measures: list[Measure]
    signature: str | None
    date: dt.date | None
    contact: Contact | None
    recipient: str | None = None  # 主送机关, for letters to a unit (会办意见)
    sealed: bool = True  # 7.3.5.1 (sealed) or 7.3.5.2 (unsealed) signature layout
    department: str | None = None  # the profile the draft takes its shared values from
    style: dict = field(default_factory=dict)  # house-style overrides (profile ← draft)
    seal: str | None = None  # the seal image's absolute path
    co_signers: list[CoSigner] = field(default_factory=list)  # joint issuance, in issuing order
    title: str | None = None
    opening: str | None = None
    closing: list[str] | None = None
    disclosure: str | None = None  # 公开属性, printed as a 附注 when given
    category: str | None = None    # 答复类别 code (A, B, …), printed at page 1's top right
    categories: dict = field(default_factory=dict)  # the scheme: code → meaning
    copy_number: str | None = None   # 份号, 6 digits
    secrecy: str | None = None       # 密级和保密期限, e.g. 机密★1年
    urgency: str | None = None       # 紧急程度
    signer: str | None = None        # 签发人 (上行文)
    file_mark: bool = False          # 通用格式: 发文机关标志 followed by 文件
    printer: str | None = None       # 印发机关 (版记)
    print_date: dt.date | None = None  # 印发日期 (版记)
    cc: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    salutation: str | None = None    # the 称呼 line as written, instead of the template's
    absent: tuple[str, ...] = ()     # fields the draft declares 无, e.g. ("number", "proposal.id")
    assigned: dt.date | None = None  # 交办日期
    due: dt.date | None = None       # 办理期限: as written, or from `assigned` and the deadline settings
    sent: dt.date | None = None      # 发出日期: the letter went out, the proposal is answered
    deadlines: dict = field(default_factory=dict)  # reply_months, cohandling_months, warn_days, lead_days
    sources: SourceMap = field(default_factory=SourceMap, repr=False)

    @property
    def date_text(self) -> str | None:
        """GB/T 9704 7.3.5.4: full year, no leading zeros."""
        return chinese_date(self.date) if self.date else None

    @property
    def cohandling(self) -> bool:
        """A 会办 opinion to the lead unit (a letter to a unit), not a reply to the member."""
        return self.addressee is None and self.recipient is not None

    @property
    def organ_mark(self) -> str | None:
        """发文机关标志: the full name, with 文件 in a 通用格式 document when asked."""
        if self.organ is None:
            return None
        return self.organ.name + ("文件" if self.file_mark and self.layout == "general" else "")


def chinese_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"
