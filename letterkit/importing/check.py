"""Import's self-check: the draft read back.  Text that went into the title, the opening, the body
or the closing but looks like something else (a label line, a contact, a 类别 mark, an approval line,
page furniture, a document number) is reported with its input line, so no misplacement is silent."""

from __future__ import annotations

import re

from .notes import Note, Recognised
from .roles import labelled, segments

ROLE_NAMES = {
    "category": "类别标记", "disclosure": "公开属性", "signer": "签发人", "approval": "审批或办理人员",
    "contact_both": "联系人和电话", "contact_name": "联系人", "contact_phone": "联系电话", "contact_unit": "联系单位",
    "cc_send": "抄送", "cc_report": "抄报", "furniture": "网页信息",
}
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[【﹝]\s*(?:19|20)\d{2}\s*[〕\]】﹞]\s*\d{1,5}\s*号")
_MARK = re.compile(r"(?<![A-Za-z])[（(【\[]\s*[A-D]\s*类?\s*[）)】\]]|(?<![A-Za-z])[A-D]类(?![\u4e00-\u9fff])")
_DATE_END = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_URL = re.compile(r"https?://|www\.")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}[-－]\d{7,8})(?!\d)")


def looks_like(text: str, where: str) -> str | None:
    """What a piece of the letter's text looks like when it is not letter text, or None."""
    for part in segments(text):
        role = labelled(part)
        if role is not None:
            return ROLE_NAMES[role.role]
    if _URL.search(text):
        return "网址"
    if where in ("标题", "开头语") and _DOC_NUMBER.match(text):
        return "发文字号"
    if where == "标题" and _MARK.search(text):
        return "类别标记"
    if where == "开头语" and len(text) <= 60 and re.match(r"(关于|对)", text) and re.search(r"(答复|复函|的函)$", text):
        return "标题"
    if where == "称呼" and (re.search(r"\d{3,}", text) or len(text) > 40):
        return "正文或网页信息"
    if _MARK.fullmatch(text.strip()):
        return "类别标记"
    if len(text) <= 30 and _PHONE.search(text):
        return "联系电话"
    if len(text) <= 40 and _DATE_END.search(text):
        return "署名或日期"
    return None


def self_check(found: dict, out: Recognised) -> None:
    pieces = []
    if "title" in found:
        pieces.append((found["title"][0], found["title"][1], "标题"))
    if "recipient" in found:
        pieces.append((found["recipient"][0], found["recipient"][1], "称呼"))
    if "opening" in found:
        pieces.append((found["opening"][0], found["opening"][1], "开头语"))
    for para, where in found.pop("read_back", []):
        pieces.append((para.first, para.text, where))
    for line, text, where in pieces:
        what = looks_like(text, where)
        if what:
            out.notes.append(Note(line, "import-misplaced", f"{where}里的“{text[:24]}”像是{what}，不像{where}的文字",
                                  "核对原件：移到草稿中对应的字段，或删去"))
