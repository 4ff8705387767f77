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
LAYOUTS = ("letter", "plain")
DISCLOSURES = ("主动公开", "依申请公开", "不予公开")  # 公开属性
MAX_LEVELS = 4


@dataclass
class Organ:
    name: str  # full name, printed as the letterhead
    code: str  # 机关代字, e.g. 福科创函
    short_name: str | None = None


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
    id: str
    title: str
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
class Contact:
    name: str
    phone: str


@dataclass
class Draft:
    path: str
    template: str
    layout: str
    organ: Organ
    number: DocNumber
    proposal: Proposal
    addressee: Addressee
    measures: list[Measure]
    signature: str
    date: dt.date
    contact: Contact
    sealed: bool = True  # 7.3.5.1 (sealed) or 7.3.5.2 (unsealed) signature layout
    seal: str | None = None  # the seal image's absolute path
    title: str | None = None
    opening: str | None = None
    closing: list[str] | None = None
    disclosure: str | None = None  # 公开属性, printed as a 附注 when given
    cc: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    sources: SourceMap = field(default_factory=SourceMap, repr=False)

    @property
    def date_text(self) -> str:
        """GB/T 9704 7.3.5.4: full year, no leading zeros."""
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"
