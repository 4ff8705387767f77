"""Import, stage 2: text copied from a PDF or a web page, cleaned and joined into paragraphs.

Each change is counted with the lines it touched, so the report can list what was done:
page-break artefacts dropped, letter-spaced headings closed up, spaces between Chinese and
digits removed, half-width punctuation widened (only when the whole copy lost its
full-width marks; a few half-width slips in a full-width letter are kept and reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..validate import hidden_character
from .notes import Note, compact
from .source import Line

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WIDE = CJK + "\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")
_LETTER_SPACED = re.compile(rf"(?<![{CJK}])[{CJK}](?:[ \t]+[{CJK}]){{2,}}(?![{CJK}])")
_SPACE_WIDE_ALNUM = re.compile(rf"(?<=[{WIDE}])[ \t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \t]+(?=[{WIDE}])")
_SPACE_WIDE_WIDE = re.compile(rf"(?<=[{WIDE}])[ \t]+(?=[{WIDE}])")
PAGE_ARTEFACT = re.compile(r"[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3}|[|｜]+")
HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_BY_WIDE = re.compile(rf"(?<=[{WIDE}%])[,;:?!]|[,;:?!](?=[{WIDE}])")  # 达到100%; too
_PAREN_PAIR = re.compile(r"\(([^()（）]{0,60})\)")
_FULL_MARKS = re.compile("[，；：？！（）]")
_MIXED_PAIR = re.compile(r"\([^()（）\n]{0,80}）|（[^()（）\n]{0,80}\)")

NO_LINE_START = "，。、；：？！）》」』”’〕】…"
NO_LINE_END = "（《「『“‘〔【"
SENTENCE_END = "。！？；：…”’）》」』!?;:"
# Numbered headings, GB/T 9704 7.3.3: 一、 （一） 1. （1）
MARKERS = (
    (1, re.compile(r"([一二三四五六七八九十百]+)[、．.]\s*")),
    (2, re.compile(r"[（(]([一二三四五六七八九十百]+)[）)]\s*")),
    (3, re.compile(r"(\d{1,2})(?:[.．、](?!\d)|[.．](?=(?:19|20)\d{2}\s*年))\s*")),  # 1.2021年以来: 1. and a year
    (4, re.compile(r"[（(](\d{1,2})[）)]\s*")),
)


def marker(text: str):
    """(level, number as written, length of the marker) of a numbered heading, or None."""
    for level, pattern in MARKERS:
        match = pattern.match(text)
        if match and len(text) > match.end():
            return level, match.group(1), match.end()
    return None


def width(text: str) -> float:
    """Characters of a full-width line: Chinese counts 1, Latin letters and digits ½."""
    return sum(1 if re.match(f"[{WIDE}]", ch) else 0.5 for ch in text.replace("\t", " "))


def _close_up(m: re.Match) -> str:
    """子 洲 县 交 通 局 → 子洲县交通局; a gap clearly wider than the letter-spacing (two organs
    signing side by side) stays as a tab, the import's separator of names on one line."""
    gaps = re.findall(r"[ \t]+", m.group())
    narrow = min(len(g) for g in gaps)
    return re.sub(r"[ \t]+", lambda g: "\t" if len(g.group()) >= narrow + 2 else "", m.group())


@dataclass
class Para:
    text: str
    lines: list[int]
    level: int | None = None  # Word's automatic numbering, when the paragraph had it

    @property
    def first(self) -> int:
        return self.lines[0]


@dataclass
class Cleaned:
    lines: list[Line]                 # non-empty, cleaned lines
    dropped: list[tuple[Line, str]]   # artefacts, with why
    notes: list[Note] = field(default_factory=list)


def tidy(lines: list[Line], keep_spaces: bool = False) -> Cleaned:
    """Per-line clean-up; empty lines go, artefacts are set aside with a reason.
    `keep_spaces`: a Word file's spaces were typed, not left by copying, so they stay."""
    kept, dropped = [], []
    spaced, spaces, hidden = [], [], []
    for line in lines:
        text, removed = without_hidden(_INVISIBLE.sub("", line.text))
        if removed:
            hidden.append((line.no, removed))
        text = text.replace("\u00a0", " ").replace("\u3000", " ").strip()
        text = text.strip("|｜").strip()
        if not text:
            if line.text.strip():
                dropped.append((line, "网页表格的边线"))
            continue
        if PAGE_ARTEFACT.fullmatch(text):
            dropped.append((line, "页码或分页痕迹"))
            continue
        closed = _LETTER_SPACED.sub(_close_up, text)
        if closed != text:
            spaced.append(line.no)
            text = closed
        tight = text if keep_spaces or "\t" in text else _SPACE_WIDE_ALNUM.sub("", text)
        if tight != text:
            spaces.append(line.no)
            text = tight
        kept.append(Line(line.no, text, line.level, width(line.text.strip()), line.images))
    notes = []
    if spaced:
        notes.append(Note(spaced[0], "import-letter-spacing", f"去掉了字间的空格（疏排的标题或姓名）：{compact(spaced)}", severity="note"))
    if spaces:
        notes.append(Note(spaces[0], "import-spaces", f"去掉了汉字与数字、字母之间的空格：{compact(spaces)}", severity="note"))
    for no, (column, what) in hidden:
        notes.append(Note(no, "import-hidden-character", f"删去了看不见的{what}（常见于从别处复制来的文字；草稿里不能有它）",
                          severity="note", column=column))
    return Cleaned(kept, dropped, notes)


def without_hidden(text: str) -> tuple[str, tuple[int, str] | None]:
    """The line less the characters a draft may not hold (control, bidi, format characters: the same
    that `validate` refuses in a draft), and (column, what) of the first one, so the import's draft loads."""
    first = None
    while (bad := hidden_character(text)) is not None:
        first = first or (bad[0] + 1, bad[1])
        text = text[:bad[0]] + text[bad[0] + 1:]
    return text, first


def squeeze(text: str) -> str:
    """No space between two Chinese characters (a PDF's justification, a web page's padding)."""
    return _SPACE_WIDE_WIDE.sub("", text)


def punctuation(cleaned: Cleaned) -> None:
    """Widen half-width marks when the copy lost all full-width ones; else keep and report them."""
    full_stops(cleaned)
    text = "\n".join(line.text for line in cleaned.lines)
    half = len(_HALF_BY_WIDE.findall(text)) + len(_PAREN_PAIR.findall(text))
    full = len(_FULL_MARKS.findall(text))
    if half and half > full:
        touched = []
        for line in cleaned.lines:
            widened = _widen(line.text)
            if widened != line.text:
                touched.append(line.no)
                line.text = widened
        if touched:  # (0) alone counts as half-width but has nothing wide around it to widen by
            cleaned.notes.append(Note(touched[0], "import-punctuation",
                                      f"半角标点改为全角（这份文字的全角标点在复制时丢失了）：{compact(touched)}", severity="note"))
        return
    for line in cleaned.lines:
        for match in _MIXED_PAIR.finditer(line.text):
            cleaned.notes.append(Note(line.no, "import-mixed-brackets", f"括号一半全角一半半角：“{match.group()[:20]}”；照录",
                                      "letterkit check 的 bracket-pairs 规则会指出，改正后再发"))
        for match in list(_HALF_BY_WIDE.finditer(line.text)) + list(re.finditer(r"[()]", line.text)):
            around = line.text[max(0, match.start() - 6):match.end() + 6]
            if re.search(f"[{WIDE}]", around):
                cleaned.notes.append(Note(line.no, "import-half-width", f"全角行文中有半角标点 “{match.group()}”（…{around}…）；照录",
                                          "letterkit check --fix 可改为全角"))


# and, in a letter whose full stops are dots, one after an address or a name in Latin letters or a straight quote:
# …kj@x.gov.cn. at the end of a line, …www.x.gov.cn.下一步, 实现"人车分离". (a file name's dot has a letter after it)
_TWO_STOPS = re.compile(rf"(?<=[{CJK}])\.\.(?=[{CJK}“‘（《(]|\s|$)")
_MARKER_DOT = re.compile(r"\d{1,2}[.．、](?!\d)")  # the next line starts a numbered item
# a decimal or a time already whole before the line's last dot (…提高到0.62. / …至19:30.): no number goes on in the
# next line, so the dot ends the sentence even when that line opens with digits (2023年，我局…)
_WHOLE_NUMBER_STOP = re.compile(rf"(?<=[{CJK}])(?:\d+\.\d+|\d+(?:[:：]\d+)+)\.$")
_LATIN_STOP = re.compile(rf"(?<=[A-Za-z\"'])\.(?=[{CJK}“‘（《]|\s*$)|(?<=[\"'”’])\.(?=\d)")  # …服务圈".2022年


def full_stops(cleaned: Cleaned) -> None:
    """"." written for 。 (typed so, or a copy that lost them): when such dots outnumber the 。 they are the
    letter's full stops and become 。; a few among 。 are slips, kept and reported.  1.5万, 2023.8.4, 1.,
    URLs, e-mail addresses and file names are not sentence ends (proof.form.ASCII_FULL_STOP)."""
    from ..proof.form import ASCII_FULL_STOP, NUMBER_FULL_STOP

    dots = sum(len(ASCII_FULL_STOP.findall(line.text)) for line in cleaned.lines)
    if not dots:
        return
    if dots > sum(line.text.count("。") for line in cleaned.lines):
        touched = []
        for index, line in enumerate(cleaned.lines):
            stopped = _LATIN_STOP.sub("。", ASCII_FULL_STOP.sub("。", line.text))
            stopped = NUMBER_FULL_STOP.sub(lambda m: m.group() if m.end() == len(stopped) else m.group()[:-1] + "。", stopped)
            stopped = _TWO_STOPS.sub("。。", stopped)  # 销毁.. for the letter's own slip 销毁。。 (not an ellipsis ...)
            after = cleaned.lines[index + 1].text if index + 1 < len(cleaned.lines) else ""
            if re.search(r"\d\.$", stopped) and (not re.match(r"\d", after) or _MARKER_DOT.match(after)
                                                or _WHOLE_NUMBER_STOP.search(stopped)):
                stopped = stopped[:-1] + "。"  # …提高到0.738. (not …1. with 5万 wrapped to the next line; 2.加强 is a marker)
            if stopped != line.text:
                touched.append(line.no)
                line.width += 0.5 * (stopped.count("。") - line.text.count("。"))  # as wide as the page printed it
                line.text = stopped
        cleaned.notes.append(Note(touched[0], "import-punctuation",
                                  f"英文句点“.”用作句号，改为“。”（1.5万、2023.8.4、网址等照旧）：{compact(touched)}", severity="note"))
        return
    for line in cleaned.lines:
        for match in ASCII_FULL_STOP.finditer(line.text):
            around = line.text[max(0, match.start() - 6):match.end() + 6]
            cleaned.notes.append(Note(line.no, "import-half-width", f"全角行文中有半角标点 “.”（…{around}…）；照录",
                                      "letterkit check --fix 可改为句号“。”"))


def _widen(text: str) -> str:
    def pair(match):
        inner = match.group(1)
        before = text[match.start() - 1:match.start()]
        after = text[match.end():match.end() + 1]
        if re.search(f"[{WIDE}]", inner + before + after) or not inner:
            return f"（{inner}）"
        return match.group()
    text = _PAREN_PAIR.sub(pair, text)
    text = _HALF_BY_WIDE.sub(lambda m: HALF[m.group()], text)
    text = re.sub(rf"(?<=[{WIDE}])\((?=\S)|(?<=\S)\)(?=[{WIDE}])|(?<=[{WIDE}])\)|\((?=[{WIDE}])", lambda m: HALF[m.group()], text)
    return text


def line_width(lines: list[Line]) -> float | None:
    """The width text was wrapped at (copied from a PDF), or None when each line is a paragraph."""
    widths = sorted(line.width for line in lines if line.width >= 4)
    if len(widths) < 8:
        return None
    typical = widths[int(len(widths) * 0.75)]
    full = sum(1 for w in widths if w >= typical - 2)
    wider = sum(1 for w in widths if w > typical + 5)  # one line run on (a closing joined to the last) does not unwrap the rest
    if typical <= 45 and wider <= max(1, len(widths) // 20) and full >= len(widths) * 0.5:
        return typical
    return None


def join(lines: list[Line], wrap: float | None, notes: list[Note]) -> list[Para]:
    """Lines → paragraphs.  Wrapped text: a line as wide as the wrap goes on in the next line.
    Web text: one line is one paragraph, except a sentence visibly broken in the middle."""
    paras: list[Para] = []
    last_width = 0.0  # of the previous input line
    broken = []
    for line in lines:
        if paras and _continues(paras[-1], last_width, line, wrap):
            if wrap is None:
                broken.append(line.no)
            previous = paras[-1]
            glue = " " if re.match(r"[A-Za-z0-9]", line.text) and re.search(r"[A-Za-z0-9]$", previous.text) else ""
            previous.text += glue + line.text
            previous.lines.append(line.no)
        else:
            paras.append(Para(line.text, [line.no], line.level))
        last_width = line.width
    if broken:
        notes.append(Note(broken[0], "import-joined", f"句子在行末断开，已与上一行接成一段：{compact(broken)}", severity="note"))
    return paras


def _open_bracket(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _heading_alone(text: str) -> bool:
    """一、关于您提出的…问题 / （二）加快项目建设: a numbered line with no sentence mark in it that ends as headings
    end (labels.yaml heading_ends: 问题, 情况, 工作 …): a heading of its own line, not a sentence cut at the line's end.
    (Forty characters: a heading longer than that is a sentence.)"""
    from .roles import vocabulary

    found = marker(text)
    if found is None or width(text) > 40 or re.search(r"[，。；：！？,;:!?]", text[found[2]:]):
        return False
    return text.endswith(tuple(vocabulary()["heading_ends"]))


def _continues(para: Para, last_width: float, line: Line, wrap: float | None) -> bool:
    text, last = line.text, para.text
    if line.level is not None or "\t" in text or "\t" in last:
        return False
    if text[0] in NO_LINE_START or last[-1] in NO_LINE_END:
        return True
    if _open_bracket(last) and re.match(r"[^（()）\n]{1,20}[）)]", text) and not marker(text):
        return True  # 《…的建议》（领衔代表： / 段国平）收悉: a bracket left open, closed at the next line's start
    if marker(text):
        return False
    if wrap is not None:  # a full line goes on; so does a nearly full one cut mid-sentence
        return last_width >= wrap - 2 or (last_width >= wrap - 5 and last[-1] not in SENTENCE_END)
    # one paragraph per line: join only a long line cut in the middle of a Chinese sentence — not a numbered heading
    # standing alone without a full stop (三、关于您提出的西关街道民主街片区改造问题) over its paragraph
    if len(para.lines) == 1 and _heading_alone(last):
        return False
    return (last_width >= 20 and last[-1] not in SENTENCE_END
            and re.search(f"[{CJK}]$", last) is not None and re.match(f"[{CJK}]", text) is not None)
