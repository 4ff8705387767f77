"""Import: what a line is, by its label.  The label words live in labels.yaml (data, not code), so a
clerk's new spelling of 类别, 联系人 or 来源 is one line to add there.

`labelled` names a line's role from the label it starts with; `segments` cuts a line where a second
label begins (`联系人:张雷 联系电话:5615`, `抄报:县政府办 联系单位:县教育局`, `X〔2025〕11号 签发人:Y`);
`peel_marks` takes 类别 and 公开 marks off the end of a document-number line; `title_category` finds
a 类别 mark written into a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

MARK = r"[【\[（(〔]?\s*(?P<mark>[A-DＡ-Ｄa-dａ-ｄ])\s*类?\s*[】\]）)〕]?"
_UPPER = str.maketrans("ＡＢＣＤabcdａｂｃｄ", "ABCDABCDABCD")  # 类别:ｂ — a mark typed in lower case
_COLON = r"\s*[:：|｜]"  # a web table's cell border stands for the colon
ROLES = ("category", "disclosure", "signer", "approval", "contact_both", "contact_name", "contact_phone",
         "contact_unit", "cc_send", "cc_report", "furniture")
CONTACT_ROLES = ("contact_both", "contact_name", "contact_phone", "contact_unit")
NOT_LETTER = {  # roles whose lines never belong to the letter's text, with the comment the draft gets
    "approval": "审批、办理人员（不排入信函）", "furniture": "网页信息",
}


@dataclass
class Labelled:
    role: str
    label: str
    value: str


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    text = resources.files("letterkit.importing").joinpath("labels.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _words(words) -> str:
    """Label words as one alternation, longest first, spaces allowed between characters."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s*".join(map(re.escape, word)) for word in ordered)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    v = vocabulary()
    out = {}
    for role in ROLES:
        words = _words(v.get(role, []))
        if role == "category":  # 类别：B / 分类标识【D】 / 办理结果:(C) / 答复类别（C）
            out[role] = re.compile(rf"(?P<label>{words})\s*[】\]]?\s*[:：|｜]?\s*(?:{_MEANING_BEFORE}\s*)?{MARK}(?![A-Za-z0-9])")
        elif role == "disclosure":  # 是否同意公开【主动公开】 / 公开属性：依申请公开
            values = _words(v["disclosure_values"])
            out[role] = re.compile(rf"(?P<label>{words})\s*[:：]?\s*[【\[（(]?\s*(?P<value>{values})\s*[】\]）)]?\s*$|(?P<label2>{words}){_COLON}")
        elif role == "contact_both":  # 联系人及电话 / 联系人/电话 / 联系人、电话: any joiner
            out[role] = re.compile(rf"(?P<label>{words.replace('及', '[及和与/／、]')}){_COLON}")
        elif role == "signer":  # 签发人：X, and whoever signs it off: 单位负责人签发:X, 局长签发：X
            out[role] = re.compile(rf"(?P<label>(?:{words}|[\u4e00-\u9fff]{{1,6}}?签\s*发\s*人?)){_COLON}")
        elif role == "contact_phone":  # 联系电话0818-… (the colon lost in copying)
            out[role] = re.compile(rf"(?P<label>{words})(?:{_COLON}|(?=\s*\d))")
        else:
            out[role] = re.compile(rf"(?P<label>{words}){_COLON}")
    out["any"] = re.compile("|".join(f"(?:{p.pattern})".replace("(?P<label>", "(?:").replace("(?P<mark>", "(?:")
                                     .replace("(?P<value>", "(?:").replace("(?P<label2>", "(?:")
                                     for p in out.values()))
    return out


def labelled(text: str) -> Labelled | None:
    """The role of a line that starts with a known label (after an opening bracket), else None."""
    stripped = text.strip()
    body = re.sub(r"^[（(【\[]\s*", "", stripped)
    for role in ROLES:
        m = _patterns()[role].match(body)
        if m:
            value = m.group("mark").translate(_UPPER) if role == "category" else body[m.end():].strip()
            if role == "disclosure":
                value = vocabulary()["disclosure_values"].get(re.sub(r"\s", "", m.group("value") or value), value)
                label = m.group("label") or m.group("label2")
                if m.group("label2") and re.search(r"[|｜]", body[m.end() - 1:]):  # 公开方式 | 主动公开: a web page's table, not the letter's
                    return Labelled("furniture", re.sub(r"\s", "", label), value)
                return Labelled(role, re.sub(r"\s", "", label), value)
            if role == "category" and body[m.end():].strip(" |｜") and not _MEANING.fullmatch(body[m.end():].strip(" |｜")):
                continue  # 类别 mark followed by more text: not a category line (its meaning in brackets is)
            return Labelled(role, re.sub(r"\s", "", m.group("label")), value.strip(" |｜").rstrip("）)】]").strip())
    if _BREADCRUMB.match(stripped) or site_name(stripped) or _DOWNLOAD.search(stripped) or _FONT_SIZES.fullmatch(stripped):
        return Labelled("furniture", stripped, "")
    if re.sub(r"\s", "", stripped) in vocabulary().get("furniture_lines", []):
        return Labelled("furniture", stripped, "")
    words = re.split(r"[\s•·●▪◆|｜>›»/【】\[\]]+", stripped)  # • 答复内容 • 建议内容, 【打印本页】【关闭窗口】
    known = _furniture_words()
    if [w for w in words if w] and all(w in known for w in words if w):  # tab labels: • 答复内容 • 建议内容
        return Labelled("furniture", stripped, "")
    if m := _ANY_CATEGORY.fullmatch(stripped):  # 提案分类：【B】, 类别标识：B — a label labels.yaml lacks
        return Labelled("category", re.sub(r"\s", "", m.group("label")), m.group("mark").translate(_UPPER))
    if re.fullmatch(r"[（(【\[]?\s*[A-DＡ-Ｄ]\s*类\s*[）)】\]]?|[（(【\[]\s*[A-DＡ-Ｄ]\s*[）)】\]]|[A-DＡ-Ｄ]", stripped):
        return Labelled("category", "", re.search("[A-DＡ-Ｄ]", stripped).group())
    value = disclosure_value(stripped)
    if value:
        return Labelled("disclosure", "", value)
    return None


# what a category mark means, in brackets after it: A类（已解决或采纳）, B（所提问题正在解决）
_MEANING = re.compile(r"[（(【\[][^（(）)】\]]{0,28}(?:解决|采纳|参考|计划|落实|吸纳|研究)[^（(）)】\]]{0,12}[）)】\]]")
# or before it, the mark in brackets: 类别：已解决或采纳（A）
_MEANING_BEFORE = r"[\u4e00-\u9fff，,、]{0,16}?(?:解决|采纳|参考|计划|落实|吸纳|研究)[\u4e00-\u9fff]{0,6}?(?=\s*[（(【\[〔]\s*[A-DＡ-Ｄa-dａ-ｄ]\s*类?\s*[）)】\]〕])"


# a short label about a kind (类别, 分类, 类型, 标识) with one mark A–D after it
_ANY_CATEGORY = re.compile(rf"[【\[]?\s*(?P<label>[\u4e00-\u9fff\s]{{0,6}}(?:类\s*别|分\s*类|类\s*型|标\s*识)[\u4e00-\u9fff\s]{{0,3}})\s*[】\]]?\s*[:：|｜]?\s*"
                           rf"(?:{_MEANING_BEFORE}\s*)?{MARK}\s*(?:{_MEANING.pattern})?")


# page navigation: 首页 > 政务公开 > 建议提案办理, or any short line of three steps
_BREADCRUMB = re.compile(r"(?:首页|主页|网站首页)\s*[>›»/]|(?=.{0,80}$)[^>›»。，]{1,20}(?:\s*[>›»]\s*[^>›»。，]{1,20}){2,}$")


# a page's font-size switch: 【字号  大  中  小】, 字体：[大][中][小]
_FONT_SIZES = re.compile(r"[【\[]?\s*(?:字\s*号|字\s*体)\s*[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}[】\]]?")

# a page's download link: 附件：答复函（X〔2024〕88号）.pdf　下载, 点击下载：X.docx
_DOWNLOAD = re.compile(r"(?=^.{0,100}$)(?:^(?:相关)?附\s*件\s*[:：].*\.(?:pdf|docx?|wps|ofd|xlsx?|zip|rar)$|.*\.(?:pdf|docx?|wps|ofd|xlsx?|zip|rar)(?![A-Za-z]).*(?:下载|点击)|(?:点击)?下载.*\.(?:pdf|docx?|wps|ofd|xlsx?|zip|rar)(?![A-Za-z]))",
                       re.IGNORECASE)


def site_name(text: str) -> bool:
    """孝感市孝南区人民政府门户网站 (www.xn.gov.cn): a web site's name over the letter, page furniture
    however much it looks like an organ's name (the site words are in labels.yaml, site_names)."""
    pattern = _site_name()
    return bool(pattern and pattern.fullmatch(text.strip()))


@lru_cache(maxsize=1)
def _site_name() -> re.Pattern | None:
    words = _words(vocabulary().get("site_names", []))
    return re.compile(rf"[\u4e00-\u9fff（）()]{{2,30}}?(?:{words})\s*(?:(?:网址\s*[:：]\s*)?(?:https?://)?[\w.-]+\.(?:cn|com|net|org)\S*)?") if words else None


@lru_cache(maxsize=1)
def _furniture_words() -> frozenset[str]:
    return frozenset(vocabulary()["furniture"]) | frozenset(vocabulary().get("furniture_lines", []))


def disclosure_value(text: str) -> str | None:
    """此件公开发布 / （依申请公开） / 同意公开 alone on a line → the draft's disclosure value."""
    bare = re.sub(r"[\s（()）【】\[\]。]", "", text)
    if len(bare) < 2 or bare in vocabulary().get("disclosure_answers", ()):  # 同意 alone answers no question
        return None
    return vocabulary()["disclosure_values"].get(bare)


def segments(text: str) -> list[str]:
    """A line cut where a second label begins after a space or a separator."""
    cuts = [0]
    for m in _patterns()["any"].finditer(text):
        start = m.start()
        while start < len(text) and text[start].isspace():
            start += 1
        if text[cuts[-1]:start].strip(" \t（(【[") and (re.search(r"[\s，,；;。\d]$|[）)】（(【]$", text[:start])
                                                     or _MARK_BEFORE.search(text[:start])) \
                and not _aside(text, start):  # 3296253经办人: a space lost
            cuts.append(start)
    parts = [text[a:b].strip(" ，,；;") for a, b in zip(cuts, cuts[1:] + [len(text)])]
    parts = [piece for part in parts for piece in  # 签发人:赵洪利 D类: the mark after a labelled value
             (_TRAILING_MARK.split(part, maxsplit=1) if _marks_may_follow(part) else [part])]
    return [p for p in parts if p]


# 提案类别:A是否公开:公开 — a category's mark with the next label run on (the space between went with
# the clean-up of spaces between a letter and a Chinese character)
_MARK_BEFORE = re.compile(r"(?:类\s*别|分\s*类|类\s*型|标\s*识)\s*[:：|｜]?\s*[A-DＡ-Ｄ]\s*类?$")


def _aside(text: str, start: int) -> bool:
    """《…的提案》（提案号：96）收悉: a label in brackets with the sentence going on after them, not a
    line's second part (a contact in brackets ends the line: （联系人：X，电话：Y））."""
    if not re.search(r"[（(【\[]\s*$", text[:start]):
        return False
    close = re.search(r"[）)】\]]", text[start:])
    after = text[start + close.end():].strip() if close else ""
    return bool(after) and _patterns()["any"].match(after) is None


def _marks_may_follow(part: str) -> bool:
    found = labelled(part)
    return found is not None and found.role not in ("category", "disclosure") and bool(found.value)


_TRAILING_MARK = re.compile(r"(?<![A-Za-z0-9：:])\s*(?=(?:[（(【\[]\s*[A-DＡ-Ｄ]\s*类?\s*[）)】\]]|[A-DＡ-Ｄ]\s*类)\s*$)")


@lru_cache(maxsize=1)
def _mark_patterns() -> tuple[re.Pattern, ...]:
    """The trailing marks peel_marks looks for, built once from labels.yaml: a disclosure value; a 类别 after the
    number (…19号 类型:A); a 类别 mark with or without its label; a bare mark after the number.  A disclosure
    value may follow a bracketed mark with the gap squeezed out: （A类）主动公开."""
    words = sorted(set(vocabulary()["disclosure_values"]) - set(vocabulary().get("disclosure_answers", ())), key=len, reverse=True)
    label = rf"(?:{_words(vocabulary()['category'])}|[\u4e00-\u9fff]{{0,4}}(?:类\s*别|类\s*型|分\s*类|标\s*识))"  # 类型:A类 too
    return (re.compile(rf"(?:^|\s|(?<=号)|(?<=类)|(?<=[:：][A-DＡ-Ｄ])|(?<=[A-DＡ-Ｄ][）)】\]])|(?<=[A-DＡ-Ｄ]类[）)】\]]))[（(【\[]?({'|'.join(map(re.escape, words))})[）)】\]]?$"),
            re.compile(rf"(?<=号)\s*{label}\s*[:：]?\s*[【\[（(]?\s*([A-DＡ-Ｄ])()\s*类?\s*[】\]）)]?$"),
            re.compile(rf"(?:{label}\s*[:：]?\s*)?(?:[【\[（(]\s*([A-DＡ-Ｄ])\s*类?\s*[】\]）)]|([A-DＡ-Ｄ])\s*类)$"
                       rf"|^{label}\s*[:：]\s*([A-DＡ-Ｄ])()$"),  # 类别：A 主动公开 with its spaces squeezed out
            re.compile(r"(?<=号)\s*([A-DＡ-Ｄ])$"))


def peel_marks(text: str) -> tuple[str, str | None, str | None]:
    """钱汽发〔2020〕11号A类 同意公开 → (钱汽发〔2020〕11号, A, 主动公开)."""
    disclosure = None
    disclosed, after_number, marked, bare = _mark_patterns()
    m = disclosed.search(text)
    if m and len(m.group(1)) >= 2:
        disclosure = vocabulary()["disclosure_values"][m.group(1)]
        text = text[:m.start()].rstrip()
    category = None
    m = after_number.search(text) or marked.search(text) or bare.search(text)  # 西民函〔2022〕14号　　A: a bare mark
    if m and (m.start() > 0 or disclosure):
        category = next(group for group in m.groups() if group).translate(str.maketrans("ＡＢＣＤ", "ABCD"))
        text = text[:m.start()].rstrip()
    return text, category, disclosure


# a gap (an ideographic space, a tab, two spaces or more) after two characters of a name: where a 签发人's name
# ends on a head line (签发人：艾尔肯·吐尔逊　　主动公开); a letter-spaced name (张　三) has one character before its gap
_NAME_GAP = re.compile(r"(?<=\S\S)(?:[\u3000\t]| {2,})\s*(?=\S)")


def signer_marks(value: str) -> tuple[str, str | None, str | None]:
    """签发人's value → (name, category, disclosure): the name ends at a wide gap followed by a mark, and a disclosure
    word (主动公开, 依申请公开 …, all of them with 公开) is never part of a name, even with the gap squeezed out."""
    category = disclosure = None
    if gap := _NAME_GAP.search(value):
        rest = value[gap.end():].strip()
        role = labelled(rest)
        peeled, cat, dis = peel_marks(rest)
        if role is not None and role.role in ("category", "disclosure") and role.value:
            value = value[:gap.start()]
            if role.role == "category":
                category = role.value
            elif role.value in ("主动公开", "依申请公开", "不予公开"):
                disclosure = role.value
        elif not peeled and (cat or dis):
            value, category, disclosure = value[:gap.start()], cat, dis
    tight = re.sub(r"\s", "", value)
    words = sorted((w for w in vocabulary()["disclosure_values"] if "公开" in w), key=len, reverse=True)
    if (m := re.search(f"(?:{'|'.join(map(re.escape, words))})$", tight)) and m.start() >= 2:
        tight, disclosure = tight[:m.start()], disclosure or vocabulary()["disclosure_values"][m.group()]
    return tight, category, disclosure


def title_category(title: str) -> tuple[str, str | None]:
    """办理情况（B）的函 → (办理情况的函, B): a category mark written into a title."""
    m = re.search(r"[（(【\[]\s*([A-DＡ-Ｄ])\s*类?\s*[）)】\]]|(?<=[\u4e00-\u9fff])([A-D])类(?=[\u4e00-\u9fff]|$)", title) \
        or re.search(r"(?<=答复|复函|的函|意见|回复)\s*([A-DＡ-Ｄ])()$", title)  # …的答复　A: a bare mark after the 文种
    if not m:
        return title, None
    code = (m.group(1) or m.group(2)).translate(str.maketrans("ＡＢＣＤ", "ABCD"))
    return (title[:m.start()] + title[m.end():]).strip(), code


# 表示感谢, 表示衷心感谢, 表示诚挚的谢意, 致以由衷的感谢
GRATEFUL = r"(?:衷心|诚挚|真诚|由衷|深深)?的?(?:感谢|谢意)"
# a clause about the member's part in the work (…得到您的大力支持, 您的建议对…很有帮助), then we thank: the
# first clause must name the member (您, 你们, 贵…, not 宝贵) so a measure's "…，表示感谢" to another unit is not taken
THANKED = rf"[^。！？]{{0,30}}?(?:您|你们|(?<!宝)贵)[^。！？]{{0,30}}?[，,]\s*(?:我们|我局|我委|我办|在此)?\s*谨?(?:表示|致以){GRATEFUL}"


def closing_start() -> re.Pattern:
    """A closing paragraph's start: a formula, maybe after the addressee named again (周博委员，感谢…)."""
    words = "|".join(map(re.escape, sorted(vocabulary()["closing_starts"], key=len, reverse=True)))
    return re.compile(rf"(?:[\u4e00-\u9fff、]{{2,20}}(?:委员|代表|同志)[，,]\s*)?(?:{words}|请.{{0,12}}(?:批评指正|继续关注|多提)|对(?:您|你们|贵)[^。！？]{{0,30}}?表示{GRATEFUL}"
                      # 您这一提案对…具有重要意义，再次感谢您对…的关心和支持: the thanks after a clause about the proposal
                      rf"|(?:您|你们|贵)[^。！？]{{0,40}}?[，,]\s*(?:再次|衷心|非常|十分)?感谢(?:您|你们|贵)"
                      # 本件建议的办理得到您的大力支持，我们表示衷心感谢: a clause naming the member's part, then the thanks
                      rf"|{THANKED})")
