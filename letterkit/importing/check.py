"""Import's self-check: the draft read back.  Text that went into the title, the opening, the body
or the closing but looks like something else (a label line, a contact, a 类别 mark, an approval line,
page furniture, a document number) is reported with its input line, so no misplacement is silent."""

from __future__ import annotations

import re

from .notes import Note, Recognised
from .clean import marker, squeeze, width
from .roles import _aside, _patterns, labelled, segments

ROLE_NAMES = {
    "category": "类别标记", "disclosure": "公开属性", "signer": "签发人", "approval": "审批或办理人员",
    "contact_both": "联系人和电话", "contact_name": "联系人", "contact_phone": "联系电话", "contact_unit": "联系单位",
    "cc_send": "抄送", "cc_report": "抄报", "furniture": "网页信息",
}
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[【﹝]\s*(?:19|20)\d{2}\s*[〕\]】﹞]\s*\d{1,5}\s*号")
_MARK = re.compile(r"(?<![A-Za-z])[（(【\[]\s*[A-D]\s*类?\s*[）)】\]]|(?<![A-Za-z])[A-D]类(?![\u4e00-\u9fff])")
_DATE_END = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_URL = re.compile(r"https?://|www\.")
_DISCLOSURE_END = re.compile(r"[（(]?(?:此件|本件)(?:公开发布|主动公开|依申请公开|不予公开|不公开)[）)]?$")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}[-－]\d{7,8})(?!\d)")


def looks_like(text: str, where: str) -> str | None:
    """What a piece of the letter's text looks like when it is not letter text, or None."""
    found = suspect(text, where)
    return found[0] if found else None


def suspect(text: str, where: str) -> tuple[str, str] | None:
    """(what it looks like, the fragment that looks so) for a piece of the letter's text, or None:
    a label line or a second label after a separator, a label line, a signature or a title run on at
    its end, a URL, a 发文字号, a 类别 mark, a phone or a date standing where letter text should."""
    for part in segments(text):
        role = labelled(part)
        if role is not None:
            return ROLE_NAMES[role.role], part
    if (end := _run_on_end(text, where)) is not None:
        return end
    if m := _URL.search(text):
        return "网址", text[m.start():]
    if where in ("标题", "开头语") and _DOC_NUMBER.match(text):
        return "发文字号", text
    if where == "标题" and (m := _MARK.search(text)):
        return "类别标记", m.group()
    if where in ("开头语", "正文") and _TITLE_SHAPE.fullmatch(text):
        return "标题", text
    if where == "标题" and (m := _SALUTATION_END.search(text)):
        return "称呼", m.group()
    if where == "称呼" and (m := _TITLE_SHAPE.search(text) or _DOC_NUMBER.search(text) or _TITLE_TAIL.search(text)):
        return "发文字号" if _DOC_NUMBER.search(text) and not _TITLE_SHAPE.search(text) else "标题", m.group()
    if where in ("正文", "结尾") and (m := _ORGAN_GLUED.match(text)):  # 潼关县民政局我县共建设…: a name run into a sentence
        return "署名或机关名", m.group(1)
    if where == "称呼" and (re.search(r"\d{3,}", text) or len(text) > 40):
        return "正文或网页信息", text
    if _MARK.fullmatch(text.strip()):
        return "类别标记", text
    if m := _DISCLOSURE_END.search(text):  # 三、下一步工作此件公开发布: the page's note run on at the end
        return "公开属性", m.group()
    if len(text) <= 30 and _PHONE.search(text):
        return "联系电话", text
    if len(text) <= 40 and _DATE_END.search(text):
        return "署名或日期", text
    return None


_TITLE_SHAPE = re.compile(r"\s*(?:[\u4e00-\u9fff（）()]{2,30}?(?:局|委员会|委|政府|办公室|办))?(?:关于|对)[^。，,；;！？!?：:]{4,56}(?:答复|复函|的函|答复函)\s*")
_TITLE_GLUED = re.compile(r"[^的对作出了为和与及就将把向《“]\s*(?P<title>(?:关于|对)[^。，,；;！？!?：:“”《》]{4,50}?第\s*[A-Za-z]*\d+\s*号(?:提案|建议)的?(?:答复|复函|答复函))")
_PAGE_WORDS = re.compile(r"首页|当前位置|您的位置|打印本页|关闭窗口|【")  # page furniture run on with no separator
_TITLE_TAIL = re.compile(r"\S*第\s*[A-Za-z]*\d+\s*号(?:提案|建议|议案)的?(?:答复|复函|的函|办理情况)")  # a title's second line
_ORGAN_GLUED = re.compile(r"([\u4e00-\u9fff]{3,30}?(?:局|委员会|人民政府|政府|办公室|办事处|中心))(?=我[县区市局委办镇乡]|今年|近年)")
_SALUTATION_END = re.compile(r"(?<=[\s　])(?:尊敬的)?[\u4e00-\u9fff、·]{1,30}(?:委员|代表|同志)(?:们)?\s*[:：]?\s*$|(?:尊敬的)[\u4e00-\u9fff、·]{1,30}[:：]\s*$")
_ORGAN_NAME = re.compile(r"[\u4e00-\u9fff（）()]{3,30}?(?:局|委员会|人民政府|政府|办公室|办事处|中心)(?:（盖章）|\(盖章\))?")
_BEFORE_END = re.compile(r"(?<=[。！？!?；;：:，,）)】\]\s])\s*|(?=[【\[（(])")


def _run_on_end(text: str, where: str) -> tuple[str, str] | None:
    """A paragraph that ends in what is no letter text, run on without a line break: a label line
    (…工作。联系电话：0873-…, 三、下一步工作字体：[大 中 小]), an organ's name after the last sentence (a
    signature), a title after a sentence or a space.  Only a short end with no sentence in it counts."""
    tail = text[-60:]
    offset = len(text) - len(tail)
    starts = {m.start() for m in _patterns()["any"].finditer(tail)} | {m.end() for m in _BEFORE_END.finditer(tail)} \
        | {m.start() for m in _PAGE_WORDS.finditer(tail)}
    for k in sorted(starts):
        end, before = tail[k:].strip(), text[:offset + k].strip()
        number = marker(before + "文")
        if not end or not before or number is not None and number[2] >= len(before) \
                or re.search(r"[。！？!?]", end[:-1]) or width(end) > 60:
            continue
        if _aside(text, offset + k) or (aside := re.match(r"[【\[（(][^】\]）)]*[】\]）)](.+)", end)) \
                and labelled(aside.group(1)) is None:
            continue  # 《…》（提案号：96）收悉: a label in brackets with the sentence going on after them
        role = labelled(end) if width(end) <= 40 else None
        if role is not None and (role.value or role.role in ("furniture", "category", "disclosure")):
            return ROLE_NAMES[role.role], end
        if where in ("开头语", "正文", "结尾") and re.search(r"[。！？!?：:\s]$", text[:offset + k]) \
                and _ORGAN_NAME.fullmatch(end) and width(end) <= 30:
            return "署名或机关名", end
        if re.search(r"[。！？!?：:\s]$", text[:offset + k]) and _TITLE_SHAPE.fullmatch(end):
            return "标题", end
    if where != "标题" and (m := _TITLE_GLUED.search(text)):  # 一、基本情况关于…第45号提案的答复, 此致关于…的答复
        return "标题", m.group("title")
    return None


def self_check(found: dict, out: Recognised, lines: list | None = None) -> None:
    """`lines`: the input's cleaned lines, to name the line a fragment stands on (a paragraph joined
    from several lines is warned at the line that holds the fragment, not at its first)."""
    source: dict[int, str] = {}
    for line in lines or ():  # (a line cut in parts by prepare keeps its number on each)
        source[line.no] = source.get(line.no, "") + squeeze(line.text)
    pieces = []
    if "title" in found:
        pieces.append(([found["title"][0]], found["title"][1], "标题"))
    if "salutation_line" in found:  # (an addressee's name is what stands before 委员/代表: all of it is read)
        pieces.append(([found["salutation_line"][0]], re.sub(r"[:：]$", "", found["salutation_line"][1]), "称呼"))
    if "opening" in found:
        pieces.append(([found["opening"][0]], found["opening"][1], "开头语"))
    for para, where in found.pop("read_back", []):
        pieces.append((para.lines, para.text, where))
    for numbers, text, where in pieces:
        hit = suspect(text, where)
        if hit:
            what, fragment = hit
            line = _line_of(fragment, numbers, source)
            out.notes.append(Note(line, "import-misplaced", f"{where}里的“{fragment[:24]}”像是{what}，不像{where}的文字",
                                  "核对原件：移到草稿中对应的字段，或删去"))


def _line_of(fragment: str, numbers: list[int], source: dict[int, str]) -> int:
    """The input line among `numbers` that holds the start of `fragment` (else the first)."""
    key = squeeze(fragment)[:8]
    around = sorted(set(numbers) | {n + d for n in numbers for d in (-2, -1, 1, 2)})  # a paragraph's lines, as read
    return next((n for n in around if key and key in source.get(n, "")), numbers[0])
