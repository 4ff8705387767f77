"""Which proposal a text names: the number, the session and the quoted title a reply's title line
(关于区政协十一届一次会议第45号提案的答复) and its opening (您在……会议上提出的《X》（第54号）收悉) give.

`import` compares what the title and the opening say (import-proposal-mismatch); `check` compares them
with the draft's proposal fields (proposal-mismatch; a wholly different quoted title is quoted-title-mismatch's).
Only what stands where a reply names its proposal is read: in the opening, the words before 收悉 (or the
first sentence), so a document or meeting the letter cites later is never taken for the proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .registry import Finding, rule

ID = r"[A-Za-z]{0,4}\s*\d{1,10}(?:[-－]\d{1,6})?"  # 45, 0317, A2024031, TA 20200005, 2024-12
_SEP = r"\s*[、，,和及与]\s*第?\s*"
_KIND_AFTER = r"\s*(?:代表|委员)?(?:提案|建议|议案)"
# 第5号令, 第3号公告, 第12号文件: a document's number, not the proposal's, where an opening cites one
_DOCUMENT = r"\s*(?:令|公告|通告|文件?|通知|决定|批复|纪要|函|楼|线|院)"
ID_PATTERNS = [
    # 第45号 / 第15、27号 / 第156号、第203号 (the 号 of each kept by the separator's 第?…号?)
    re.compile(rf"第\s*(?P<ids>{ID}(?:\s*号?{_SEP}{ID})*)\s*号(?!{_DOCUMENT})"),
    # 45号提案 / 〔2023〕15号建议 / （8号） / 政协提案8号）: a bare number, with the kind word or alone in brackets
    re.compile(rf"(?<![\dA-Za-z第\-－—])(?P<ids>{ID})\s*号\s*(?={_KIND_AFTER}|[）)])"),
    re.compile(rf"[（(]\s*(?P<ids>{ID})\s*[）)]"),  # 《…》（0317） — kept only after a quote (see _ids)
    re.compile(rf"编号\s*[:：为是]?\s*(?P<ids>{ID})"),
]
NUMERAL = "〇零一二三四五六七八九十百"
SESSION = re.compile(rf"第?\s*(?P<term>[{NUMERAL}\d]{{1,4}})\s*届(?P<between>[^，。；、届次《》“”]{{0,10}}?)第?\s*"
                     rf"(?P<sitting>[{NUMERAL}\d]{{1,3}})\s*次(?:全体)?(?:会议|大会)")
_QUOTE = re.compile(r"《(?P<book>[^《》]{4,120})》|“(?P<curly>关于[^“”]{4,120}?)”")
# what follows a quoted proposal title where the reply names it: its number, its kind, 收悉
_NAMED_AFTER = re.compile(rf"\s*(?:的?{_KIND_AFTER}|[（(]\s*(?:第|编号[:：]?)?\s*{ID}|第\s*{ID}\s*号|(?:均|已|业已)?\s*收悉|已转|"
                          r"的(?:答复|复函|会办意见|协办意见|办理)|答复)")
_NAMED_BEFORE = re.compile(rf"(?:提出的|号{_KIND_AFTER}|{_KIND_AFTER}|关于)\s*$")


@dataclass
class Reference:
    ids: list = field(default_factory=list)       # (as written, offset)
    session: tuple | None = None                  # ((term, sitting), as written, offset)
    titles: list = field(default_factory=list)    # (quoted title, offset): the quotes standing for the proposal


def naming_part(opening: str) -> str:
    """The opening's words that name the proposal: up to 收悉 (or 已转…, 现答复), else its first sentence."""
    m = re.search(r"收悉|已转|转来|转我|现答复|现将|答复如下", opening)
    end = m.end() if m else len(opening)
    stop = opening.find("。", 0, end)
    if stop >= 0 and m and re.search(r"提出|《|“|号", opening[:stop]) is None:
        return opening[:end]  # 感谢您……。您提出的……收悉: the naming sentence is the second
    return opening[:end] if m else opening[:stop if stop >= 0 else len(opening)]


def read(text: str, whole: bool = True) -> Reference:
    """The proposal `text` names; `whole`: a title line (all of it names the proposal), else an opening."""
    if not text:
        return Reference()
    part = text if whole else naming_part(text)
    ref = Reference()
    for at, pattern in enumerate(ID_PATTERNS):
        for m in pattern.finditer(part):
            if at == 2 and not re.search(r"[》”]\s*$|(?:提案|建议)\s*$", part[:m.start()]):
                continue  # a bare number in brackets is a proposal's number only right after its title
            if any(m.start("ids") < end and start < m.end("ids") for _, start, end in ref.ids):
                continue
            for one in re.finditer(ID, m.group("ids")):
                ref.ids.append((one.group(), m.start("ids") + one.start(), m.start("ids") + one.end()))
    ref.ids = [(value, start) for value, start, _ in sorted(ref.ids, key=lambda i: i[1])]
    for m in SESSION.finditer(part):
        term, sitting = number(m.group("term")), number(m.group("sitting"))
        if term and sitting and not re.search(r"[省市区县镇乡]$", m.group("between")):
            written = m.group().lstrip("第")
            ref.session = ((term, sitting), written, m.end() - len(written))
            break
    for m in _QUOTE.finditer(part):
        quoted = m.group("book") or m.group("curly")
        if _NAMED_AFTER.match(part, m.end()) or _NAMED_BEFORE.search(part[:m.start()]) or \
                re.search(r"(?:提案|建议|议案)$", quoted):
            ref.titles.append((quoted, m.start() + 1))
    return ref


def number(text: str) -> int | None:
    """十一 → 11, 二十三 → 23, 3 → 3; None for what is not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if not text or any(c not in digits and c not in "十百" for c in text):
        return None
    if "百" in text:
        hundreds, _, rest = text.partition("百")
        if len(hundreds) > 1 or (hundreds and hundreds not in digits):
            return None
        rest = rest.lstrip("零〇")
        low = number(rest) if rest else 0
        return None if low is None else (digits[hundreds] if hundreds else 1) * 100 + low
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    value = 0
    for c in text:  # 二〇二三: digit by digit
        value = value * 10 + digits[c]
    return value


def same_id(a: str, b: str) -> bool:
    """One number however it is written: 1 and 01, A 12 and a12, 20230015 and 15 (the year in front)."""
    x, y = _plain(a), _plain(b)
    if x == y:
        return True
    for long, short in ((x, y), (y, x)):
        year = re.fullmatch(r"(?:19|20)\d{2}0*(\d+)", long)
        if year and year.group(1) == short:
            return True
    return False


def _plain(value) -> str:
    """The number's letters and digits (2024-12 → 202412, A 0031 → A31), without the zeros that lead a run of digits."""
    return re.sub(r"(?<![0-9])0+(?=\d)", "", re.sub(r"[^0-9A-Za-z]", "", str(value)).upper())


def ids_agree(one: list[str], other: list[str]) -> bool:
    """Two places' numbers agree when one names all the other does (a joint reply's title may list more)."""
    def within(small, big):
        return all(any(same_id(s, b) for b in big) for s in small)
    return not one or not other or within(one, other) or within(other, one)


def session_of(text: str | None) -> tuple | None:
    m = read(text or "").session
    return m[0] if m else None


def bare_title(title: str) -> str:
    """A quoted title as compared: without spaces and inner quotes, with or without its kind word."""
    title = re.sub(r"[\s“”\"'‘’「」]", "", title)
    return re.sub(r"的?(?:提案|建议|议案)$", "", title)


def titles_agree(one: str, other: str) -> bool:
    return bare_title(one) == bare_title(other)


@rule("proposal-mismatch", "warning", "titles", "标题和开头语说的提案/建议编号、会议届次须与 proposal 一致",
      "标题写“第45号”、开头语写“（第54号）”，或标题是“十一届一次会议”、开头语是“十一届二次会议上提出”：同一件提案说成两样，"
      "至少一处是笔误。只比两处都写了的：只有一处写编号、1号与01号、2023年的第15号写作20230015号都不报。",
      "title: 关于区政协十一届一次会议第45号提案的答复\nopening: 您提出的《关于……的提案》（第54号）收悉。",
      "两处都写第45号（与 proposal.id 相同）", cached=False)
def _proposal_mismatch(c):
    if c.draft is None:
        return
    proposal = c.draft.proposal
    places = []  # (path, 标题/开头语, what it names)
    found = c.written("title")
    if found is not None:
        places.append((found[0], "标题", read(found[1])))
    opening = c.written("p")
    if opening is not None:
        path = ("opening",) if isinstance(c.data.get("opening"), str) else ("template",)
        places.append((path, "开头语", read(opening[1], whole=False)))
    if not places:
        return
    # what each place is held to: the proposal's field, else (无) what the title says
    head = places[0][2] if places[0][1] == "标题" else Reference()
    want_ids = [(proposal.id, "proposal.id")] if proposal.id else [(v, "标题") for v, _ in head.ids]
    want_session = (session_of(proposal.session), f"proposal.session“{proposal.session}”") if proposal.session \
        else (head.session[0], f"标题的“{head.session[1]}”") if head.session else (None, "")
    for path, where, ref in places:
        ids = [value for value, _ in ref.ids]
        held = [(v, by) for v, by in want_ids if by != where]
        if held and not ids_agree(ids, [v for v, _ in held]):
            yield Finding(path, f"{where}写“第{'、'.join(ids)}号”，{held[0][1]}是 {'、'.join(v for v, _ in held)}",
                          "核对原件（交办单），改正写错的一处", ref.ids[0][1])
        if ref.session and want_session[0] and not want_session[1].startswith(where) and ref.session[0] != want_session[0]:
            yield Finding(path, f"{where}的会议写作“{ref.session[1]}”，{want_session[1]}的届次不同",
                          "核对原件（交办单），改正写错的届次", ref.session[2])
