"""Import, stage 3: cleaned lines → the fields of a draft (the head and the salutation here; body.py,
tail.py, contact.py and proposal.py read the rest).

The letter is read in three zones: the head (everything before the salutation: letterhead,
document number, category, title), the body (opening, measures, closing) and the tail
(signature, date, contact, 抄送, 印发, attachments).  Every input line ends up in a field,
in a comment of the draft (web-page furniture, with the reason), or as a plain paragraph
with a warning naming the line: nothing is dropped silently.
"""

from __future__ import annotations

import re

from difflib import SequenceMatcher

from .body import read_annexes, read_body
from .check import self_check
from .clean import CJK, Cleaned, Para, join, line_width, marker, squeeze, width
from .notes import Note, Recognised, compact
from .proposal import read_proposal
from .roles import NOT_LETTER, Labelled, closing_start, labelled, peel_marks, segments, signer_marks, title_category, vocabulary
from .source import Line
from ..proof.text import same_organ_in_full
from .tail import date_of, read_tail, split_tail
from .zones import MIXED_SALUTATION, read_zones

ORGAN_SUFFIX = r"(?:局|委员会|委|人民政府|政府|办公室|街道办事处|办事处|街道|办|厅|部|院|中心|处|署|公司|馆|站|所|队|会|府|联合社|合作社)"
URL = re.compile(r"https?://\S+")
KIND_META = re.compile(r"类别\s*[:：]\s*(提案|建议)")
NUMBER = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,12}?)\s*[:：]?\s*(?P<open>[〔\[【（(［﹝])\s*(?P<year>(?:19|20)\d{2})\s*(?P<close>[〕\]】）)］﹞])\s*第?\s*(?P<seq>\d{1,5})\s*号")
NUMBER_NO_SEQ = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,12}?)\s*[〔\[【（(［﹝]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]】）)］﹞]\s*(?P<rest>[\u4e00-\u9fff]{0,4}号)")
NUMBER_BROKEN = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,12}?)\s*[〔\[【（(]\s*(?P<year>(?:19|20)\d{2})\s*(?P<seq>\d{1,4})\s*号?")
# 景市监函2021〕31号: the opening bracket lost in copying
NUMBER_OPEN_LOST = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,12}?)\s*(?P<year>(?:19|20)\d{2})\s*[〕\]】）)］﹞]\s*第?\s*(?P<seq>\d{1,5})\s*号")
SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*(?P<name>[\u4e00-\u9fff·\s]{2,12})$")
COPY_NUMBER = re.compile(r"\d{6}")
SECRECY = re.compile(r"(绝密|机密|秘密)(★\S+)?")
URGENCY = re.compile(r"特急|加急")
ORGAN_LINE = re.compile(rf"(?P<organ>[\u4e00-\u9fff（）()]{{2,40}}?{ORGAN_SUFFIX})(?P<file>文件)?")
ORGAN_TITLE = re.compile(rf"(?P<organ>[\u4e00-\u9fff]{{2,30}}?{ORGAN_SUFFIX})\s*(?P<title>(?:关于|对).+)")
CATEGORY_MEANINGS = {  # the usual scheme, written into an imported draft that names a category
    "A": "所提问题已经解决或基本解决", "B": "所提问题正在解决或已列入计划逐步解决",
    "C": "所提问题因条件限制或其他原因需以后解决", "D": "所提问题因受政策、法律等限制无法解决，留作参考",
}


def recognise(cleaned: Cleaned, from_word: bool, stem: str = "imported") -> Recognised:
    """`stem` names the seal images a Word letter carries: <stem>-seal1.png beside the draft."""
    out = Recognised({}, [(line.no, line.text, why) for line, why in cleaned.dropped], list(cleaned.notes))
    lines = prepare(cleaned.lines, from_word, out.notes)
    lines = _salutation_once(lines, out)
    zones = read_zones(lines)
    salutation_at = zones.salutation
    head = lines[:salutation_at] if salutation_at is not None else lines[:zones.body]
    rest = lines[zones.body:]
    found: dict = {}
    late = _read_head(head, found, out)
    if salutation_at is not None:
        _read_salutation(lines[salutation_at], found, out, [l.text for l in lines if l is not lines[salutation_at]])
    else:
        out.notes.append(Note(lines[0].no if lines else None, "import-no-salutation", "没有找到称呼行（如“尊敬的××委员：”）",
                              "在草稿中补上 addressee 或 salutation"))
    body, tail, annexes = split_tail(rest, zones.tail - zones.body)
    labelled_in_body = [line for i, line in enumerate(body) if labelled(line.text) and not _sentence_in_body(body, i)]
    body = [line for line in body if line not in labelled_in_body]
    for line in [line for line in body if URL.fullmatch(line.text.strip())]:  # a page's address amid the letter
        out.comments.append((line.no, line.text, "网址"))
        body.remove(line)
    tail = sorted(late + labelled_in_body, key=lambda l: l.no) + tail
    read_tail(tail, found, out)
    wrap = None if from_word else line_width(body)
    paras = join(body, wrap, out.notes) if not from_word else [Para(l.text, [l.no], l.level) for l in body]
    squeezed = []
    for para in paras if not from_word else ():
        tight = squeeze(para.text)
        if tight != para.text:
            squeezed.append(para.first)
            para.text = tight
    if squeezed:
        out.notes.append(Note(squeezed[0], "import-spaces", f"去掉了汉字之间的空格：{compact(squeezed)}", severity="note"))
    read_body(paras, found, out)
    read_annexes(annexes, found, out, wrap)
    if "title" not in found:
        out.notes.append(Note(None, "import-no-title", "原文没有标题，生成时由模板按提案/建议写出", "核对标题，或在草稿中写 title"))
    read_proposal(found, out)
    _organ(found, out, lines)
    self_check(found, out, lines)
    out.fields = _ordered(found, _seal_files(found, stem, out))
    if out.fields.get("sealed") is False:
        out.notes.append(Note(found["co_signers"][0][0], "import-joint-unsealed", f"{len(found['co_signers']) + 1} 个机关的署名"
                              "连同印章在一行排不下，草稿写了 sealed: false（不加盖印章，署名逐行排列，GB/T 9704 7.3.5.2）",
                              "要加盖印章的话，署名改用规范化简称并删去 sealed: false", severity="note"))
    return out


# -- lines -----------------------------------------------------------------------------

_SALUTATION_RUN_ON = re.compile(rf"(?P<who>(尊敬的)?[{CJK}、·\s]{{1,60}}?(委员|代表|同志|先生|女士)(们)?)\s*[:：]\s*(?P<rest>\S.{{8,}})")
_MIXED_RUN_ON = re.compile(r"(?P<who>[^：:。]{4,50}?[:：])\s*(?P<rest>\S.{8,})")
# 马建军代表 您提出的《…》收悉: the colon lost too, the opening speaking to the addressee right after
_SALUTATION_NO_COLON = re.compile(rf"(?P<who>(尊敬的)?[{CJK}、·\s]{{2,30}}?(委员|代表|同志|先生|女士)(们)?)\s*"
                                  rf"(?P<rest>(?:您|你们|你|首先|感谢|非常感谢|衷心感谢)(?=.{{0,60}}(?:收悉|答复如下|提出的|关心)).{{8,}})")
# any addressee (an organ, 民进X总支, X等3名代表) before a colon, when what follows speaks to them
# (who: no sentence about the proposal, 你们提出的关于…的提案（提案号：63）收悉 is an opening with a label inside)
_RECIPIENT_RUN_ON = re.compile(r"(?P<who>(?![^：:]*(?:提出|收悉|转来|交办))[^：:，,。；;！？!?“”《》\s][^：:，,。；;！？!?“”《》]{1,29}?)\s*[:：]\s*"
                               r"(?P<rest>(?=.{0,40}(?:收悉|提出的|您|你们|贵))\S.{8,}(?:收悉|提出|答复|回复|会办|协办).*)")
_ORGAN_RUN_ON = re.compile(rf"(?P<who>[{CJK}]{{2,30}}?{ORGAN_SUFFIX})\s*[:：]\s*(?P<rest>\S.{{8,}}(?:收悉|提出|答复|回复|会办|协办).*)")
_SALUTATION_GREETING = re.compile(rf"(?P<who>(尊敬的)?[{CJK}、·\s]{{1,60}}?(委员|代表|同志)(们)?\s*[:：])\s*(?P<greeting>(您|你们)好[！!，,]?)")
# 署名 and 日期 on one line: X局（盖章） 2024年3月5日 / X局　二〇二四年三月五日
_ORGAN_DATE = re.compile(rf"(?P<organ>[{CJK}（）()]{{2,40}}?{ORGAN_SUFFIX}(?:\s*[（(]\s*(?:盖章|公章|印章|章)\s*[）)])?)\s*"
                         r"(?P<date>(?:19|20)\d{2}[\d\s年月日.\-/．－]{2,12}|[〇○零一二三四五六七八九]{4}\s*年[一二三四五六七八九十\s月日]{3,9})")
CLOSING_START = closing_start()
# 现答复如下：一、基本情况 / …8600个。二、下一步工作 — a top-level heading run on after a sentence's end
_HEADING_RUN_ON = re.compile(r"(?<=[。！？：:；])\s*(?=[一二三四五六七八九十]{1,3}、[^、]{2})")
_RUN_ON = re.compile(rf"(?<=[。！？：:!?])\s+(?=[{CJK}“（(])")


def _sentence_in_body(body: list[Line], index: int) -> bool:
    """来源：区统计局数据显示，…。 between two body lines: a sentence that starts with a label word,
    body text (the self-check still names it), not page furniture to move out of the letter."""
    role = labelled(body[index].text)
    return role.role in ("furniture", "approval") and 0 < index < len(body) - 1 \
        and bool(re.search(r"[。；！？]", role.value)) and width(role.value) >= 10


def prepare(lines: list[Line], from_word: bool, notes: list[Note] | None = None) -> list[Line]:
    """Lines that hold several parts, cut into one line per part (the input's line number kept):
    labels run together (`联系人:X 联系电话:Y`), a salutation with the body after it, paragraphs
    joined by spaces on one line of a web page."""
    out: list[Line] = []
    carry = ""  # a greeting cut off a salutation (张三委员：您好！) opens the next line
    for index, line in enumerate(lines):
        text = carry + line.text
        carry = ""
        if index < 40 and (m := _SALUTATION_GREETING.fullmatch(text)) and index + 1 < len(lines):
            text, carry = m.group("who"), m.group("greeting")
        if (m := _ORGAN_DATE.fullmatch(text)) and date_of(m.group("date")) is not None:
            out += [Line(line.no, m.group("organ"), line.level, width(m.group("organ")), line.images),
                    Line(line.no, m.group("date"), line.level, width(m.group("date")))]
            continue
        role = labelled(text)
        if index < 40 and role is not None and role.role == "furniture" and role.value \
                and role.label in vocabulary()["reply_sections"] + vocabulary()["title_labels"]:
            # 正文：钟文杰委员：… — the letter after a page tab; 标题：关于…的答复 — the title after a page label
            label = re.match(r"\s*[^:：|｜]*[:：|｜]", text).group().strip()
            out.append(Line(line.no, label, line.level, width(label), ()))
            text = text[len(re.match(r"\s*[^:：|｜]*[:：|｜]", text).group()):].strip()
            if cells := re.match(r"([^|｜]+?)\s*[|｜]\s*(\S.*)", text):  # | 标题 | 关于…的函 | 分类 | 提案办理 |: a table row
                text = cells.group(1)
                out.append(Line(line.no, cells.group(2), line.level, width(cells.group(2)), ()))
            line = Line(line.no, text, line.level, width(text), line.images)
        if m := re.fullmatch(r"\s*(此\s*致)[\s，,]*(敬\s*礼[！!]?)\s*", text):  # 此致 敬礼 on one line: two lines
            out += [Line(line.no, m.group(1), line.level, 4), Line(line.no, m.group(2), line.level, width(m.group(2)))]
            continue
        if index < 20 and (m := re.fullmatch(r"\s*(\S.{5,}?)\s*\1(\s*\S.{0,30})?\s*", text)) \
                and not re.search(r"[。，,；;！？!?]", m.group(1)):  # (a sentence written twice is a slip to show, not a page title)  # a web page's title printed twice (page furniture may stand above it; the space between maybe gone with a mark: …答复A关于…答复A)
            text = m.group(1) + (m.group(2) or "")
            line = Line(line.no, text, line.level, width(text), line.images)
        parts = segments(text) if (labelled(text) or NUMBER.match(squeeze(text)) or width(text) <= 40) else [text]
        if len(parts) == 1 and index < 40 and (glued := _head_glued(text)):
            parts = glued
        elif index < 40 and len(parts) > 1:  # 签发人：杨文博　　鞍铁人社函〔2025〕24号 D类: a part holds two pieces too
            parts = [piece for part in parts for piece in (_head_glued(part) or [part])]
        if len(parts) == 1 and index < 40 and (m := _SALUTATION_RUN_ON.fullmatch(text) or _ORGAN_RUN_ON.fullmatch(text)
                                                or _RECIPIENT_RUN_ON.fullmatch(text)
                                                or index < 16 and _SALUTATION_NO_COLON.fullmatch(text)) \
                and not labelled(text) and not re.search(r"[，。,；]", m.group("who")):
            parts = [text[:m.start("rest")].strip(), m.group("rest")]
        elif len(parts) == 1 and index < 40 and (m := _MIXED_RUN_ON.match(text)) and MIXED_SALUTATION.fullmatch(m.group("who")):
            parts = [m.group("who"), m.group("rest")]  # 陈晓东委员，民盟荣昌区委：你们分别提出的…
        parts = [piece for part in parts for piece in _HEADING_RUN_ON.split(part) if piece.strip()]
        parts = [piece for part in parts for piece in _label_run_on(part)]
        if notes is not None and len(parts) > 1 and labelled(parts[-1]) and not labelled(parts[0]) \
                and (re.search(r"[。！？!?]$", parts[0]) or _PAGE_RUN_ON.match(parts[-1])):
            notes.append(Note(line.no, "import-label-run-on", f"句末接着的“{parts[-1][:20]}”是另一行（换行在复制时丢失），已分开，"
                              "不排入信函正文", "核对原件", severity="note"))
        if not from_word:
            parts = [piece for part in parts for piece in
                     (_run_on(part) if width(part) > 40 and not labelled(part) else [part]) if piece.strip()]
        if len(parts) == 1:
            out.append(line if text == line.text else Line(line.no, text, line.level, width(text), line.images))
        else:
            out += [Line(line.no, part, line.level, width(part), line.images if i == 0 else ())
                    for i, part in enumerate(parts)]
    return out


_SENTENCE_END = re.compile(r"(?<=[。！？!?])\s*")


def _label_run_on(text: str) -> list[str]:
    """…衔接。此件公开发布 / …工作。联系人：张三，电话：… — a label line (or a disclosure mark) run on after
    a paragraph's last sentence, a line break lost in copying: cut off, so it is read as what it is.
    Only a short end with no sentence of its own (来源：区统计局数据显示，…。 stays a sentence)."""
    glued = next((m for m in _PAGE_RUN_ON.finditer(text) if re.search(r"[\u4e00-\u9fff]{2}", text[:m.start()])
                  and labelled(text[:m.start()]) is None), None)
    if labelled(text) and glued is None:
        return [text]
    cuts = [(m.start(), m.end(), False) for m in _SENTENCE_END.finditer(text)]
    cuts += [(glued.start(), glued.start(), True)] if glued else []  # …的建议首页 > 政务公开 > …
    for before, at, page in sorted(cuts):
        end = text[at:].strip()
        if end and width(end) <= 40 and not re.search(r"[。！？!?]", end[:-1]) and labelled(end) is not None \
                and (not page or labelled(end).role == "furniture") and text[:before].strip():
            return [text[:before].rstrip(), end]
    return [text]


_PAGE_RUN_ON = re.compile(r"首页\s*[>›»]|当前位置|您的位置|【打印|打印本页|关闭窗口")


_WIDE_GAP = re.compile(r"[ \t\u3000]+")  # (a copy's double spaces may be single by now: the kinds decide)
_SALUTATION_SHAPE = re.compile(rf"(尊敬的)?[{CJK}、·]{{1,30}}?(委员|代表|同志)(们)?\s*[:：]?|(尊敬的)?[{CJK}（）()]{{2,24}}[:：]")


_LABEL_WORD = re.compile(r"类别|分类|标识|类型|结果|电话|联系|来源|时间|日期|编号|签发|公开|索引")


def _head_kind(part: str) -> str | None:
    """What a piece of a head line set apart by a wide gap is: number, mark, title, salutation, organ."""
    tight = squeeze(part)
    if NUMBER.fullmatch(tight) or NUMBER_BROKEN.fullmatch(tight):
        return "number"
    if labelled(part) is not None:
        return "label"
    if _title_complete(tight) and (re.match(r"关于|对", tight) or ORGAN_TITLE.fullmatch(tight)) and _title_like(tight) \
            and not re.search(r"[。，,；;！？]", tight):
        return "title"
    if _SALUTATION_SHAPE.fullmatch(tight) and not _title_like(tight) and not _LABEL_WORD.search(tight):
        return "salutation"
    if ORGAN_LINE.fullmatch(tight) and not re.search(r"[:：]", tight):
        return "organ"
    return None


def _head_glued(text: str) -> list[str] | None:
    """关于…的答复　　尊敬的X委员： / X函〔2024〕5号　　关于…的答复 / 类别：A　　X代表： — a web page's row
    holding two parts of the head set apart by a gap: one line each, when every part is of a known kind.
    Parts of one kind (a joint letterhead, a title printed twice) and organs beside no 发文字号 stay as they were."""
    text = text.strip()
    if (whole := labelled(text)) is not None and whole.role in ("category", "disclosure", "furniture"):  # 办复类别: B
        return None
    gaps = list(_WIDE_GAP.finditer(text))
    tight = re.sub(r"\s+", "", text)
    tries = [[p for p in _WIDE_GAP.split(text) if p]]  # every gap a cut; else one gap (王 立军代表: a spaced name)
    tries += [[text[:g.start()], text[g.end():]] for g in gaps] if len(gaps) > 1 else []
    tries += [[tight[:k], tight[k:]] for k in range(3, min(len(tight), 16))  # 类别：A张三委员： — the gap gone
              if (r := labelled(tight[:k])) is not None and r.role in ("category", "disclosure") and r.label]
    for parts in tries:
        if not 2 <= len(parts) <= 4:
            continue
        kinds = [_head_kind(p) for p in parts]
        for k in range(len(parts) - 1, 0, -1):  # X委员会　Y委员会关于…的答复: a joint reply's organs, kept with their title
            if kinds[k - 1:k + 1] == ["organ", "title"] and ORGAN_TITLE.fullmatch(squeeze(parts[k])):
                parts[k - 1:k + 1], kinds[k - 1:k + 1] = [parts[k - 1] + " " + parts[k]], ["title"]
        if None in kinds or len(set(kinds)) < len(kinds) or "organ" in kinds and "number" not in kinds \
                or kinds == ["number", "label"]:  # (X〔2024〕5号　B类: the marks on a number's line are read there)
            continue
        return parts
    return None


_ADDRESSED = re.compile(rf"(?:尊敬的)?(?P<who>[{CJK}、·]{{2,30}})\s*(?P<colon>[:：])?")
_ROLE_END = re.compile(r"(委员|代表|同志|先生|女士)(们)?$")


def _salutation_once(lines: list[Line], out: Recognised) -> list[Line]:
    """韦光明代表 / 韦光明代表 (a page or an editor wrote it twice): one salutation, the other line (the one
    without a colon or 尊敬的, else the second) kept out with a warning, so neither is glued to the title."""
    def who(line: Line) -> str | None:
        m = _ADDRESSED.fullmatch(squeeze(line.text))
        return m.group("who") if m and (m.group("colon") or _ROLE_END.search(m.group("who"))) else None

    for index in range(min(len(lines), 40) - 1):
        first, second = lines[index], lines[index + 1]
        if who(first) is None or who(first) != who(second):
            continue
        fuller = max((first, second), key=lambda l: (l.text.rstrip().endswith((":", "：")), l.text.startswith("尊敬的")))
        other = first if fuller is second else second
        out.comments.append((other.no, other.text, "重复的称呼"))
        out.notes.append(Note(other.no, "import-repeated-salutation", f"称呼“{other.text}”写了两遍（第 {first.no}、{second.no} 行），"
                              "只取一行，这一行作为注释保留", "核对原件：称呼只写一行"))
        return [line for line in lines if line is not other]
    return lines


def _run_on(text: str) -> list[str]:
    """Paragraphs a web page ran together with spaces: cut after 答复如下： and before a closing
    formula or a numbered heading; a space after an ordinary full stop stays inside its paragraph."""
    pieces, start = [], 0
    for m in _RUN_ON.finditer(text):
        after = text[m.end():]
        if text[:m.start()].endswith((":", "：")) or CLOSING_START.match(after) or marker(after):
            pieces.append(text[start:m.start()])
            start = m.end()
    return pieces + [text[start:]]


# -- zones ---------------------------------------------------------------------------


def _first_of_joint_letterhead(organs: list, head: list[Line], in_title: set) -> tuple:
    """The last letterhead, or, when the organs' lines before it stand right above it (a joint letterhead printed
    one organ a line: 人社局 / 就业服务中心), the first of them: the lead organ is named first (GB/T 9704 7.2.2)."""
    order = {line.no: k for k, line in enumerate(head)}
    chosen = organs[-1]
    for before in reversed(organs[:-1]):
        if before[0] in in_title or chosen[0] in in_title or before[0] not in order or chosen[0] not in order \
                or order[chosen[0]] - order[before[0]] != 1:
            break
        chosen = before
    return chosen


def _read_head(head: list[Line], found: dict, out: Recognised) -> list[Line]:
    """The head's fields; returns the lines that belong to the tail (contact, 抄送) found up here."""
    organs, titles, pending, late = [], [], [], []  # pending: consecutive lines of a title
    in_title = set()  # lines where the organ's name opens a title (X局关于…的答复), not a letterhead

    def close_title():
        if pending:
            text = squeeze("".join(l.text for l in pending))
            if len(pending) > 1 and (m := ORGAN_TITLE.fullmatch(text)) and _title_like(m.group("title")) \
                    and not _proposal_named(m.group("title")):
                organs.append((pending[0].no, m.group("organ"), False))  # X局对区十八届人大三次 / 会议第12号建议的答复
                text = m.group("title")
            if (m := re.fullmatch(r"(\S{6,}?)\1", text)) and not re.search(r"[。，,；;！？!?]", m.group(1)):
                text = m.group(1)  # a page's title printed twice, broken over two lines (…的答复　对县… / 第16号建议的答复)
            titles.append((pending[0].no, text, [l.no for l in pending]))
            pending.clear()

    absorb = False  # a page label with its value on the next line (来源:\n湘阴县人民政府)
    quoted = False  # under 建议内容： the page shows the proposal itself, not the letter
    # lines holding page metadata (发布机构：X　公开方式：主动公开): the page's 公开方式 on them is furniture too
    page_rows = {line.no for line in head if (r := labelled(line.text)) is not None and r.role == "furniture" and r.value}
    # a page's metadata rows (发布时间：…　来源：…, a bare publication stamp with its clock time): a headline next to one,
    # above the letter's own title, is the page's (its 标题 row, X局关于…的答复 - 某某区人民政府), not letter text
    page_meta = [i for i, line in enumerate(head) if line.no in page_rows
                 or (m := PAGE_STAMP.match(line.text.strip())) and (m["time"] or labelled(line.text[m.end():]) is not None)]
    beside_meta = {head[j].no for i in page_meta for j in (i - 1, i + 1) if 0 <= j < len(head)}
    for line in head:
        text = line.text
        role = labelled(text)
        if role is not None and role.role == "disclosure" and line.no in page_rows:
            role = Labelled("furniture", role.label, role.value)
        if role is None and PAGE_STAMP.fullmatch(text.strip()) and (line.no in page_rows or PAGE_STAMP.fullmatch(text.strip())["time"]):
            # 2024-05-22　　来源：X局 — the page's publication date without its 发布时间 label, on a row of page labels
            # (or with its clock time: a letter's own date has none): the page's furniture, as the labelled row is
            out.comments.append((line.no, text, "网页信息（发布时间）"))
            close_title()
            continue
        if quoted and role is None and (width(text) > 30 or "。" in text) and not _title_like(text[:30]):
            out.comments.append((line.no, text, "网页上的提案/建议原文"))
            continue
        quoted = role is not None and role.role == "furniture" and role.label in vocabulary()["proposal_sections"]
        if absorb and role is None and width(text) <= 30 and not NUMBER.search(text) and not _title_like(text) \
                and not NUMBER_DAMAGED.fullmatch(squeeze(text)) and not NUMBER_BROKEN.fullmatch(squeeze(text)):
            out.comments.append((line.no, text, "网页信息"))
            absorb = False
            continue
        absorb = False
        if URL.fullmatch(text):
            out.comments.append((line.no, text, "来源网址"))
            close_title()
            continue
        kind = KIND_META.fullmatch(text)
        if kind:
            found.setdefault("kind_hint", kind.group(1))
            out.comments.append((line.no, text, "网页栏目信息（提案/建议类别）"))
            close_title()
            continue
        if role is not None and role.role == "furniture" and role.label in vocabulary()["proposal_numbers"] \
                and (m := re.fullmatch(r"第?\s*([A-Za-z]{0,4}\d{1,10})\s*号?", squeeze(role.value))):
            found.setdefault("id_hint", m.group(1))  # 提案编号：56 on the page, for a title that lacks it
        if role is not None and role.role == "furniture" and role.label in vocabulary().get("organ_labels", []) \
                and (m := ORGAN_LINE.fullmatch(squeeze(role.value))) and not m.group("file"):
            found.setdefault("page_organ", (line.no, m.group("organ")))  # 办理单位：X局, for a letter without 版头 or 署名
        if role is None and (m := re.fullmatch(r"\s*[\u4e00-\u9fff\s]{2,8}[:：|｜]\s*(\S.*)", text)) and NUMBER.fullmatch(squeeze(m.group(1))):
            role = Labelled("furniture", "", m.group(1))  # 文件编号：X〔2022〕27号 — a label labels.yaml does not know
        if role is not None and role.role == "furniture":
            if NUMBER.fullmatch(squeeze(role.value)):  # 文号：X〔2022〕27号, or a row of a page's table under any label
                line, role = Line(line.no, role.value, line.level, line.width), None
            else:
                out.comments.append((line.no, text, "网页信息"))
                absorb = not role.value and text.rstrip().endswith((":", "：", "|", "｜")) and not quoted \
                    and sum(other.no == line.no for other in head) == 1 \
                    and role.label not in vocabulary()["reply_sections"] + vocabulary()["title_labels"]  # 来源: with its value below
                close_title()
                continue
        if role is not None and role.role in NOT_LETTER:
            out.comments.append((line.no, text, NOT_LETTER[role.role]))
            close_title()
            continue
        if role is not None and role.role == "disclosure" and (line.no in page_rows or re.search(r"[|｜]", text)):
            out.comments.append((line.no, text, "网页信息（网页上的公开方式，不是信函的）"))  # the letter's own is printed in it
            close_title()
            continue
        if role is not None and (role.role.startswith("contact") or role.role.startswith("cc")):
            late.append(line)
            close_title()
            continue
        if (m := TITLE_NUMBER_SPACED.fullmatch(text.strip()) or TITLE_NUMBER.fullmatch(squeeze(text))) \
                and _title_like(m.group("title")) \
                and (n := NUMBER.fullmatch(m.group("number"))) \
                and found.get("number", (0, n["code"], int(n["year"]), int(n["seq"])))[1:] == (n["code"], int(n["year"]), int(n["seq"])):
            # 关于…的答复 岳交函〔2024〕18号 (the number maybe also on the page's 文号: line); the title, read on
            # as any title line (X局关于…的答复 names the organ; a 类别 mark before the number is the title's)
            _read_head_marks(Line(line.no, m.group("number"), line.level, width(m.group("number"))), found, out)
            out.notes.append(Note(line.no, "import-number-in-title", f"发文字号“{m.group('number')}”与标题在同一行，已分开",
                                  severity="note"))
            text = m.group("title").strip()
            line = Line(line.no, text, line.level, width(text))
        close_title_needed = True
        if _read_head_marks(line, found, out):
            pass
        elif m := TITLE_ORGAN.fullmatch(text.strip()):  # 关于…的答复　五指山市农业农村局
            close_title()
            organs.append((line.no, squeeze(m.group("organ")), False))
            in_title.add(line.no)
            titles.append((line.no, squeeze(m.group("title")), [line.no]))
            out.notes.append(Note(line.no, "import-organ", f"标题后面同一行的“{squeeze(m.group('organ'))}”是机关名，"
                                  "已从标题中分开，作为发文机关", "核对 title 和 organ.name", severity="note"))
        elif (m := ORGAN_TITLE.fullmatch(squeeze(text))) and _title_like(m.group("title")) and not _proposal_named(m.group("title")):
            first = text.split()[0]  # 泖港区建设和管理委员会 泖港区交通委员会关于…: a joint reply, the first organ
            joint = len(text.split()) > 1 and ORGAN_LINE.fullmatch(first) and m.group("organ").startswith(first)
            organs.append((line.no, first if joint else m.group("organ"), False))
            in_title.add(line.no)
            if _title_complete(m.group("title")):
                titles.append((line.no, m.group("title"), [line.no]))
            else:  # X局关于区十八届人大三次会议 / 第12号建议的答复: the title goes on below
                close_title()
                close_title_needed = False
                pending.append(Line(line.no, m.group("title"), line.level, width(m.group("title"))))
        elif len(joint := text.split()) > 1 and all(ORGAN_LINE.fullmatch(part) for part in joint):
            organs.append((line.no, ORGAN_LINE.fullmatch(joint[0]).group("organ"), False))  # a joint letterhead: the first
        elif (m := ORGAN_LINE.fullmatch(squeeze(text))) and not text.startswith(("关于", "对")):
            organs.append((line.no, m.group("organ"), bool(m.group("file"))))
        elif NUMBER_DAMAGED.fullmatch(squeeze(text)) and not _title_like(text):  # 岳交函〔2024〕l8号, X函2024年18号
            out.comments.append((line.no, text, "发文字号（读不出）"))
            out.notes.append(Note(line.no, "import-number-damaged", f"发文字号“{text[:30]}”读不出（字符损坏或缺括号），"
                                  "写作 number: 无，原文作为注释保留", "核对原件，补上 number: {year: …, seq: …} 和 organ.code"))
        elif LABEL_SHAPE.match(text) and not _title_like(text):  # 办理单位：… — a label this import does not know
            out.comments.append((line.no, text, "版头中无法归类的标签行"))
            out.notes.append(Note(line.no, "import-unplaced", f"版头中无法归类的一行“{text[:30]}”，作为注释保留，没有排入信函",
                                  "是信函内容的话，移到草稿中合适的字段；是常见的网页标签的话，可加进 labels.yaml"))
        else:
            close_title_needed = False
            if pending and (_title_complete(squeeze("".join(l.text for l in pending))) or _title_complete(squeeze(text)))  \
                    and re.match(r"关于|对", text) and _title_like(text):
                close_title()  # a whole title and then another (a page's heading over the letter's; 平城区人大建议办理情况公开
                # over 关于…的答复, a page's section): two titles
            pending.append(line)
        if close_title_needed:
            close_title()
    close_title()
    if organs:
        chosen = next((o for o in organs if o[2]), None) or _first_of_joint_letterhead(organs, head, in_title)
        found["organ"] = (chosen[0], chosen[1])
        found["file_mark"] = chosen[2]
        if chosen[0] in in_title and not any(no not in in_title and name == chosen[1] for no, name, _ in organs):
            found["organ_in_title"] = True  # (a letterhead of its own printing the same name is the organ's)
        for no, name, _ in organs:
            if no != chosen[0]:  # a letterhead of its own is said to be one (not a web page's title)
                same = "与发文机关相同" if name == chosen[1] else f"发文机关取“{chosen[1]}”"
                why = f"标题中的机关名（{same}）" if no in in_title else \
                    "版头（由 organ.name 印出）" if name == chosen[1] else f"版头的机关名（{same}）"
                out.comments.append((no, name, why))
    if titles:
        kept = [t for t in titles if _title_like(t[1]) and width(t[1]) <= TITLE_WIDTH] or \
            [t for t in titles if width(t[1]) <= TITLE_WIDTH] or [(None, "", [])]
        chosen = kept[-1]
        title, code = title_category(chosen[1])
        if code:
            out.notes.append(Note(chosen[0], "import-category", f"标题中的类别标记（{code}）移到 category", severity="note"))
            found.setdefault("category", (chosen[0], code))
        if chosen[0] is not None:
            found["title"] = (chosen[0], title)
        for no, text, numbers in titles:
            if no == chosen[0]:
                continue
            if (other := title_category(text)[1]) and "category" not in found:  # a page's title over the letter's: its mark
                out.notes.append(Note(no, "import-category", f"网页标题中的类别标记（{other}）移到 category", severity="note"))
                found["category"] = (no, other)
            if chosen[0] is not None and (text == chosen[1] or text in chosen[1] or chosen[1] in text or _similar(text, chosen[1])):
                out.comments.append((no, text, "网页标题（与信函标题重复）"))
            elif chosen[0] is not None and no < chosen[0]:  # above the letter's own title: the web page's
                for line_no in numbers:
                    out.comments.append((line_no, text if line_no == no else "", "网页标题或栏目（信函标题之前）"))
                if any(line_no in beside_meta for line_no in numbers):
                    continue  # the page's headline over its 发布时间/来源 row: furniture, nothing to warn about
                out.notes.append(Note(no, "import-unplaced", f"信函标题之前无法归类的文字“{text[:30]}”，作为注释保留，没有排入信函",
                                      "是信函内容的话，移到草稿中合适的字段"))
            else:
                found.setdefault("stray", []).append(Para(text, numbers))
                out.notes.append(Note(no, "import-unplaced", f"版头中无法归类的文字“{text[:30]}”，作为正文段落保留",
                                      "核对后移到合适的字段或删去"))
    return late


# a line shaped like a 发文字号 (code, a year, 号) that NUMBER cannot read: a character damaged in copying
NUMBER_DAMAGED = re.compile(r"[\u4e00-\u9fff]{1,12}?\s*[:：]?\s*[〔\[【（(［﹝]?\s*(?:19|20)\d{2}\s*[〕\]】）)］﹞年]?\s*第?[\dA-Za-z\s]{1,6}号")
# the number set apart by spaces: the title is all before them (…答复的函　梅教函〔2023〕41号: not 的函梅教函)
TITLE_NUMBER_SPACED = re.compile(r"(?P<title>\S.{5,}?)\s+(?P<number>[\u4e00-\u9fff]{1,12}[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*[〕\]】）)］﹞]\s*第?\s*\d{1,5}\s*号)")
TITLE_NUMBER = re.compile(r"(?P<title>.{6,}?(?:答复|回复|复函|的函|意见|情况|[》”）)])(?:\s*[（(【\[]?[A-DＡ-Ｄ]类?[）)】\]]?)?)\s*(?P<number>[\u4e00-\u9fff]{1,12}[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*[〕\]】）)］﹞]\s*第?\s*\d{1,5}\s*号)")
# a title with the organ's name after it on the same line, set apart by spaces (a web page's heading)
TITLE_ORGAN = re.compile(rf"(?P<title>(?:关于|对)\S.{{4,}}?(?:答复|回复|复函|的函|意见|[》”）)]))[ \t\u3000]+(?P<organ>[\u4e00-\u9fff（）()]{{2,40}}?{ORGAN_SUFFIX})")
PAGE_STAMP = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?P<time>\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
LABEL_SHAPE = re.compile(rf"[{CJK}]{{2,8}}\s*[:：|｜]")
TITLE_WIDTH = 100  # a longer "title" is a paragraph that stands before the salutation


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def _title_complete(text: str) -> bool:
    """关于…的答复 ends as a title ends; 关于区十八届人大三次会议 goes on on the next line."""
    return bool(re.search(r"(?:答复|回复|复函|的函|答复函|意见|情况|建议|提案|[》”）)])$", text))


def _proposal_named(title: str) -> bool:
    """关于提升县域医疗服务能力的提案: the proposal's own title (a page lists it under its proposer's name,
    农工党沭东县支部关于…的提案), not a reply's — the name before it is the proposer's, not the organ's."""
    return bool(re.search(r"(?:提案|建议|议案)$", title)) and not re.search(r"答复|回复|复函|的函|意见|办理", title)


def _title_like(text: str) -> bool:
    return bool(re.search(r"关于|答复|回复|复函|的函|办理情况|意见", text))


def _read_signer(no: int, value: str, found: dict) -> None:
    """签发人：X, and the marks that may stand after X on its line (签发人：X　　主动公开)."""
    name, category, disclosure = signer_marks(value)
    found["signer"] = (no, name)
    if category:
        found.setdefault("category", (no, category.translate(str.maketrans("ＡＢＣＤ", "ABCD"))))
    if disclosure:
        found.setdefault("disclosure", (no, disclosure))


def _read_head_marks(line: Line, found: dict, out: Recognised) -> bool:
    """份号, 密级, 紧急程度, 发文字号 (with 签发人, 类别, 公开 on its line), 签发人, 类别, 公开属性."""
    text = squeeze(line.text.replace("\t", " ")).strip()
    if COPY_NUMBER.fullmatch(text):
        found["copy_number"] = (line.no, text)
        return True
    if SECRECY.fullmatch(text):
        found["secrecy"] = (line.no, text)
        return True
    if URGENCY.fullmatch(text):
        found["urgency"] = (line.no, text)
        return True
    role = labelled(text)
    if role is not None and role.role == "category":
        found["category"] = (line.no, role.value.translate(str.maketrans("ＡＢＣＤ", "ABCD")))
        return True
    if role is not None and role.role == "disclosure" and role.value in ("主动公开", "依申请公开", "不予公开"):
        found["disclosure"] = (line.no, role.value)
        return True
    if role is not None and role.role == "signer" and role.value:
        _read_signer(line.no, role.value, found)
        return True
    signer = SIGNER.search(text)
    rest = text[:signer.start()].strip() if signer else text
    if signer:
        _read_signer(line.no, signer.group("name"), found)
    if re.fullmatch(r"[（(].+[）)]", rest) and NUMBER.fullmatch(rest[1:-1].strip()):  # （X〔2023〕5号） under a title
        rest = rest[1:-1].strip()
    peeled, category, disclosure = peel_marks(rest)
    if (category or disclosure) and (not peeled or NUMBER.fullmatch(peeled) or NUMBER_BROKEN.fullmatch(peeled) or NUMBER_OPEN_LOST.fullmatch(peeled)
                                     or NUMBER_NO_SEQ.fullmatch(peeled)):
        rest = peeled
        if category:
            found["category"] = (line.no, category)
        if disclosure:
            found["disclosure"] = (line.no, disclosure)
        if not rest:  # 类别：A主动公开 on a line of its own
            return True
    number = NUMBER.fullmatch(rest)
    if not number and (number := NUMBER.fullmatch(re.sub(r"(?<=\d)\s+(?=\d)", "", rest))):  # 〔2023〕4 6号
        out.notes.append(Note(line.no, "import-number-damaged", f"发文字号“{rest}”的数字中间有空格，按 {number.group('code')}"
                              f"〔{number.group('year')}〕{int(number.group('seq'))}号 读入", "核对原件"))
    broken = None if number else NUMBER_BROKEN.fullmatch(rest) or NUMBER_OPEN_LOST.fullmatch(rest)
    if number:
        found["number"] = (line.no, number.group("code"), int(number.group("year")), int(number.group("seq")))
        if number.group("open") != "〔" or number.group("close") != "〕":
            out.notes.append(Note(line.no, "import-number-brackets",
                                  f"发文字号的年份用了 {number.group('open')}{number.group('close')}，GB/T 9704 规定用六角括号〔〕；生成时用〔〕"))
        if re.search(r"(?<!\d)0\d*\s*号$", rest):
            out.notes.append(Note(line.no, "import-number-zero", f"发文字号“{rest}”的序号有虚位（前导的 0），GB/T 9704 7.2.4 规定"
                                  f"不编虚位；生成时印作 {number.group('code')}〔{number.group('year')}〕{int(number.group('seq'))}号", severity="note"))
        if re.search(r"第\s*\d+\s*号$", rest):
            out.notes.append(Note(line.no, "import-number-di", f"发文字号“{rest}”的序号前有“第”，GB/T 9704 7.2.4 规定不加；"
                                  f"生成时印作 {number.group('code')}〔{number.group('year')}〕{int(number.group('seq'))}号", severity="note"))
        return True
    if broken:
        found["number"] = (line.no, broken.group("code"), int(broken.group("year")), int(broken.group("seq")))
        out.notes.append(Note(line.no, "import-number-damaged",
                              f"发文字号“{rest}”缺字，按 {broken.group('code')}〔{broken.group('year')}〕{broken.group('seq')}号 读入",
                              "核对原件"))
        return True
    if no_seq := NUMBER_NO_SEQ.fullmatch(rest):
        found["number_code"] = (line.no, no_seq.group("code"))
        out.comments.append((line.no, rest, "发文字号，没有序号"))
        out.notes.append(Note(line.no, "import-number-no-seq", f"发文字号“{rest}”没有序号，写作 number: 无",
                              "核对原件，补上 number: {year: …, seq: …} 和 organ.code"))
        return True
    return bool(signer) and not rest


# -- salutation ----------------------------------------------------------------------


def _read_salutation(line: Line, found: dict, out: Recognised, others: list[str]) -> None:
    """`others`: the letter's other lines, where a place named in the salutation (巴宜区人大代表) is named too."""
    text = squeeze(line.text)
    who = re.sub(r"^尊敬的", "", text).rstrip(":：")
    found["salutation_line"] = (line.no, text)
    if not text.endswith(("：", ":")):
        out.notes.append(Note(line.no, "import-salutation-colon", f"称呼“{text}”后面没有冒号；照录"))
    if MIXED_SALUTATION.fullmatch(text):  # 陈晓东委员，民盟荣昌区委: the member is the addressee, the line printed as written
        who = next(part for part in re.split(r"[，,、]", who) if re.search(r"(委员|代表)$", part))
    role = re.search(r"(?:(?P<level>[区县市省州镇乡]|全国)?(?:人大|政协))?(委员|代表)$", who)
    if role:
        name = who[:role.start()]
        if role.group("level") and name and any(name + role.group("level") in text for text in others):
            name = who[:role.start(2)]  # 尊敬的巴宜区人大代表 in a letter of 巴宜区: a place's deputies, not a person
        found["addressee"] = (line.no, name, role.group(2))
    else:
        found["recipient"] = (line.no, who)


def _organ(found: dict, out: Recognised, lines: list[Line]) -> None:
    signature = found.get("signature")
    said = None  # the import-organ note saying where the organ's name came from
    organ = _government_over(found, out)
    unit = found.pop("contact_unit", None)
    page = found.pop("page_organ", None)
    if organ is None and signature is None and unit is None and page is not None and "number" in found:
        organ = page  # the page's 办理单位/发布机构, the only name the copy kept of the organ its 发文字号 needs
        out.notes.append(Note(page[0], "import-organ", f"原文没有版头和署名，发文机关取自网页上的“{page[1]}”", "核对 organ.name"))
    if organ is None and signature and (other := _organ_by_code(found, signature[1])):
        organ = other  # no letterhead; the 发文字号's code names the 印发机关's organ, not the signature's
        out.notes.append(Note(other[0], "import-organ", f"原文没有版头；发文字号的机关代字“{found['number'][1]}”合于印发机关"
                              f"“{other[1]}”而不合于署名“{signature[1]}”，发文机关取前者", "核对 organ.name 和署名"))
    elif organ is None and (signature or unit):
        source = signature or unit
        found["organ_from"] = source
        said = Note(source[0], "import-organ", f"原文没有版头，发文机关取自{'署名' if signature else '联系单位'}“{source[1]}”",
                    "核对 organ.name")
        out.notes.append(said)
    if organ and signature and found.get("organ_in_title") and _abbreviates(organ[1], signature[1]):
        out.notes.append(Note(organ[0], "import-organ", f"标题前的机关名“{organ[1]}”是署名“{signature[1]}”的简称，"
                              "发文机关取署名的全称", "核对 organ.name", severity="note"))
        organ = found["organ"] = signature  # 铜峰区卫健委关于…的答复, signed 铜陵市铜峰区卫生健康委员会
    name = organ[1] if organ else (signature or unit or (None, None))[1]
    if organ is None and signature and name == signature[1]:
        name = _whole_name(signature, lines, out)
        if name != signature[1] and said is not None:  # the name used, not the signature it was taken from
            said.message = f"原文没有版头，发文机关按信中别处写的“{name}”（署名“{signature[1]}”不完整）"
    if organ and signature and signature[1] != organ[1] and not same_organ_in_full(signature[1], organ[1]):
        if organ[1].endswith(signature[1]) and len(signature[1]) >= 4:
            found["short_name"] = signature[1]
        elif signature[1].endswith(organ[1]) and len(organ[1]) >= 4:
            pass  # 宝鸡市陈仓区…局 signing under the letterhead 陈仓区…局: the same organ, its fuller name
        else:
            out.notes.append(Note(signature[0], "import-signature",
                                  f"署名“{signature[1]}”与版头“{organ[1]}”不一致；照录",
                                  "letterkit check 的 signature-organ 规则会指出，改正后再发"))
    found["organ_name"] = name
    if name is None and "number" in found:  # a 发文字号 needs the organ's name beside its code
        no, code, year, seq = found.pop("number")
        out.comments.append((no, f"{code}〔{year}〕{seq}号", "发文字号（原文看不出发文机关）"))
        out.notes.append(Note(no, "import-number-organ", f"原文有发文字号 {code}〔{year}〕{seq}号，但看不出发文机关，写作 number: 无",
                              f"补上 organ（name: 机关全称，code: {code}），再写 number: {{year: {year}, seq: {seq}}}"))
    # a 签发人 read after the date is the web page's approval record, not printed in the letter's head
    signer_in_head = "signer" in found and not found.get("signer_in_tail")
    has_head = organ is not None or "number" in found or signer_in_head
    # 签发人, “文件” after the organ and a 版记 with 印发机关/印发日期 are printed only in the 通用格式 (GB/T 9704
    # 7.2.5, 7.4; 10.1 leaves them out of the 信函格式): a letter that prints one of them is a general one
    general = found.get("file_mark") or signer_in_head or "printer" in found
    found["layout"] = ("general" if general else "letter") if has_head and name else "plain"
    if "signer" in found and found.get("signer_in_tail") and found["layout"] != "general":
        out.notes.append(Note(found["signer"][0], "import-signer-record", f"签发人“{found['signer'][1]}”取自落款之后的审批记录；"
                              f"{'信函格式' if found['layout'] == 'letter' else '这种版式'}不印签发人，草稿保留 signer 备查，"
                              "并写了 check: {disable: [unprinted-field]}（check 不再每次提示它不印）",
                              "要印出签发人的话，改用 layout: general 并删去 check 这一项", severity="note"))
        found["quiet_signer"] = True


def _joint_too_wide(found: dict) -> bool:
    """Organs signing side by side with their seals take more than the 版心's line (GB/T 9704 7.3.5.1);
    a letter copied as text shows no seal, so the signatures are set one under another (7.3.5.2)."""
    from .. import signoff, style
    from ..model import chinese_date

    names = [found["signature"][1]] + [name for _, name, _ in found["co_signers"]]
    date = chinese_date(found["date"][1]) if "date" in found else None
    return signoff.joint_row_problem(names, date, style.house_style()) is not None


def _organ_by_code(found: dict, signed: str) -> tuple[int, str] | None:
    """The organ of the 版记's 印发机关 (X局办公室 → X局) when the 发文字号's code starts with a character
    of its name and not of the signature's (余交函: 余杭区交通运输局, not 临平区交通运输局)."""
    if "printer" not in found or "number" not in found:
        return None
    no, printer = found["printer"]
    name = re.sub(r"(办公室|办)$", "", printer)
    code = found["number"][1]
    if name == printer or name == signed or not re.search(ORGAN_SUFFIX + "$", name) or not code:
        return None
    return (no, name) if code[0] in name and code[0] not in signed else None


def _abbreviates(short: str, full: str) -> bool:
    """区卫健委 for 铜陵市铜峰区卫生健康委员会: a shorter name whose characters all stand, in order, in
    the full one, its last (局, 委, 府) among the full name's last three."""
    if len(short) >= len(full) or short[-1] not in full[-3:]:
        return False
    rest = iter(full)
    return all(char in rest for char in short)


def _whole_name(signature: tuple, lines: list[Line], out: Recognised) -> str:
    """桂林市七星区交通运输 signing a letter whose opening names 桂林市七星区交通运输局: the signature lost
    its last character; the organ is the whole name the letter prints elsewhere, with a warning."""
    name = signature[1]
    if re.search(rf"{ORGAN_SUFFIX}$", name) or len(name) < 4:
        return name
    fuller = sorted({m.group() for line in lines if line.no != signature[0]
                     for m in re.finditer(rf"{re.escape(name)}{ORGAN_SUFFIX}", squeeze(line.text))}, key=len)
    if not fuller:
        return name
    out.notes.append(Note(signature[0], "import-signature", f"署名“{name}”不是完整的机关名，信中别处写作“{fuller[0]}”："
                          f"发文机关按“{fuller[0]}”，署名照录", "核对原件，改正署名（signature）"))
    return fuller[0]


def _government_over(found: dict, out: Recognised):
    """邢台市信都区人民政府 over a letter its 卫生健康局 signs: the page's (the government's site), not the
    letterhead; the letter is the signing body's.  That line is kept as a comment and the organ is
    taken from the signature.  A letter the government itself signs keeps its letterhead."""
    organ, signature = found.get("organ"), found.get("signature")
    if organ is None or signature is None or not re.search(r"政府$", organ[1]) or organ[1] in signature[1] \
            or same_organ_in_full(signature[1], organ[1]) or re.search(r"政府$", signature[1]) \
            or not re.search(rf"{ORGAN_SUFFIX}$", signature[1]):
        return organ
    out.comments.append((organ[0], organ[1], "网页上的政府名（信函由署名的机关发出）"))
    out.notes.append(Note(organ[0], "import-organ", f"“{organ[1]}”是网页上的政府名，信函由署名的“{signature[1]}”发出："
                          "发文机关取自署名，这一行作为注释保留", "核对 organ.name", severity="note"))
    found.pop("organ")
    found["file_mark"] = False
    return None


JPEG = b"\xff\xd8\xff"


def _seal_files(found: dict, stem: str, out: Recognised) -> dict[int, str]:
    """Seal images of the signatures (0: the issuer's, 1…: co-signers'), named for files beside the draft."""
    names: dict[int, str] = {}
    signatures = ([found["signature"]] if "signature" in found else []) + found.get("co_signers", [])
    for index, (line, _, image) in enumerate(signatures):
        if image:
            extension = "jpg" if image.startswith(JPEG) else "png"
            name = f"{stem}-seal{index + 1}.{extension}"
            out.images[name] = image
            out.seal_lines.add(line)
            names[index] = name
            out.notes.append(Note(line, "import-seal", f"印章图片存为 {name}（与草稿同一目录）", severity="note"))
    return names


def _ordered(found: dict, seals: dict[int, str]) -> dict:
    """The draft's fields in reading order, 无 where the original has none."""
    f: dict = {"layout": found["layout"]}
    if found["organ_name"]:
        organ = {"name": found["organ_name"]}
        if "short_name" in found:
            organ["short_name"] = found["short_name"]
        if "number" in found:
            organ["code"] = found["number"][1]
        f["organ"] = organ
    else:
        f["organ"] = "无"
    f["number"] = {"year": found["number"][2], "seq": found["number"][3]} if "number" in found else "无"
    if found.get("file_mark"):
        f["file_mark"] = True
    for key in ("copy_number", "secrecy", "urgency", "signer"):
        if key in found:
            f[key] = found[key][1]
    if "category" in found:
        code = found["category"][1]
        f["categories"] = {code: CATEGORY_MEANINGS[code]}
        f["category"] = code
    f["proposal"] = found["proposal"]
    if "addressee" in found:
        f["addressee"] = {"name": found["addressee"][1], "role": found["addressee"][2]}
    if "recipient" in found:
        f["recipient"] = found["recipient"][1]
    if "salutation_line" in found:
        text = found["salutation_line"][1]
        generated = (f"尊敬的{found['addressee'][1]}{found['addressee'][2]}：" if "addressee" in found
                     else f"{found['recipient'][1]}：" if "recipient" in found else None)
        if text != generated:
            f["salutation"] = text
    if "title" in found:
        f["title"] = found["title"][1]
    if "opening" in found:
        f["opening"] = found["opening"][1]
    f["measures"] = found["measures"] or "无"
    f["closing"] = [p.text for p in found["closing"]] or "无"
    if "attachment_contents" in found:
        f["attachments"] = [{"title": t, "content": c} if c else t for t, c in found["attachment_contents"]]
    elif found.get("attachments"):
        f["attachments"] = [t for _, t in found["attachments"]]
    f["signature"] = found["signature"][1] if "signature" in found else "无"
    if seals.get(0):
        f["seal"] = seals[0]
    if found.get("co_signers"):
        f["co_signers"] = [{"signature": name, **({"seal": seals[i]} if seals.get(i) else {})}
                           for i, (_, name, _) in enumerate(found["co_signers"], start=1)]
        if not seals and _joint_too_wide(found):
            f["sealed"] = False
    f["date"] = found["date"][1] if "date" in found else "无"
    if "contact" in found:  # a part the original lacks is left out, and the import's warning names it
        f["contact"] = {key: value for key, value in zip(("name", "phone"), found["contact"][1:]) if value}
    else:
        f["contact"] = "无"
    if "disclosure" in found:
        f["disclosure"] = found["disclosure"][1]
    if "cc" in found:
        f["cc"] = found["cc"][1]
    if "printer" in found:
        f["printer"] = found["printer"][1]
        if "print_date" in found:
            f["print_date"] = found["print_date"][1]
    if found.get("quiet_signer"):  # a page's approval record kept for the clerk, no warning on every check
        f["check"] = {"disable": ["unprinted-field"]}
    return f
