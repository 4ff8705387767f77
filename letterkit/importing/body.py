"""Import, the body of a letter: the opening, the measures (four levels of numbering, run-in
headings, paragraphs between them) and the closing."""

from __future__ import annotations

import re
from functools import lru_cache

from .check import _ORGAN_NAME, _TITLE_SHAPE, ROLE_NAMES, suspect
from .clean import Para, join, marker, squeeze, width
from .notes import Note, Recognised, compact
from .roles import closing_start, labelled, vocabulary
from .source import Line
from .tail import cn_number

CLOSING = closing_start()  # the formulas are in labels.yaml


def read_body(paras: list[Para], found: dict, out: Recognised) -> None:
    while len(paras) > 1 and _no_sentence(paras[0]) and _OPENING.search(paras[1].text[:80]):
        stray = paras.pop(0)  # a page's organ name or tab row between the salutation and the opening
        out.comments.append((stray.first, stray.text, "称呼与开头语之间，无法归类"))
        out.notes.append(Note(stray.first, "import-unplaced", f"称呼与开头语之间无法归类的一行“{stray.text[:30]}”，作为注释保留，"
                              "没有排入信函", "是信函内容的话，移到草稿中合适的字段"))
    paras = found.pop("stray", []) + paras
    if paras and marker(paras[0].text) is None and paras[0].level is None:
        opening = paras[0]
        paras = paras[1:]
        while paras and not re.search(r"[。！？!?：:；;]$|如下", opening.text) and marker(paras[0].text) is None \
                and _OPENING.search(paras[0].text[:40]) and width(paras[0].text) <= 60:
            rest = paras.pop(0)  # …的建议)收悉。现将办理情况 / 函告如下： — an opening broken where no line break belongs
            opening = Para(opening.text + rest.text, opening.lines + rest.lines, opening.level)
        if m := _ANSWER_FOLLOWS.search(opening.text):  # 现答复如下：经实地查看，… — the reply on the same line
            paras.insert(0, Para(opening.text[m.end():].strip(), [opening.lines[-1]]))
            opening = Para(opening.text[:m.end()], opening.lines, opening.level)
        elif not paras and (split := _closing_after(opening)):  # …收悉。我局已…。感谢您…！ — one paragraph in all
            opening, paras = split[0], [split[1]]
        found["opening"] = (opening.first, opening.text)
    closing: list[Para] = []
    aside = []  # contact, label or URL paragraphs after the closing formula: the closing is still found before them
    while len(paras) > 1 and (what := suspect(paras[-1].text, "正文")) and what[0] in _ASIDE:
        aside.insert(0, paras.pop())
    if paras and (split := _closing_inside(paras[-1])):
        paras[-1:] = split
    while paras and marker(paras[-1].text) is None and paras[-1].level is None and CLOSING.match(paras[-1].text):
        before = paras[-2] if len(paras) > 1 else None
        if before is not None and (marker(before.text) or before.level) and "。" not in before.text:
            break  # the only text under a heading (三、下步工作方向 / 下一步……) stays with it
        closing.insert(0, paras.pop())
    if paras and (split := _closing_after(paras[-1], whole=marker(paras[-1].text) is None and paras[-1].level is None)):
        if split[0].text:  # …示范村。非常感谢您…。
            paras[-1:] = split[:1]
        else:  # 对您提出的建议，我们将认真研究吸纳。再次感谢…: the whole paragraph
            paras.pop()
        closing.insert(0, split[1])
    found["closing"] = [part for para in closing + aside + found.pop("tail_stray", []) for part in _salute(para)]
    paras = [piece for para in paras for piece in inline_items(para)]
    found["read_back"] = [(p, "正文") for p in paras] + [(p, "结尾") for p in found["closing"]]
    found["measures"] = measures_from(paras, out.notes)
    unfinished = [p for p in paras + closing if p.text[-1] not in "。！？!?；;：:”’）)》…" and not re.fullmatch(r"此\s*致|敬\s*礼", p.text)
                  and (marker(p.text) is None or _split_runin(p.text)[1] or width(p.text) > 40)]
    for para in unfinished:
        out.notes.append(Note(para.lines[-1], "import-unfinished",
                              f"这一段没有以句末标点结束（…{para.text[-15:]}）：可能被截断或错位；照录",
                              "对照原件补全"))


_OPENING = re.compile(r"收悉|(?:答复|回复|函告|报告|说明)如下")


def _no_sentence(para: Para) -> bool:
    """A line that is no part of a sentence: a page's label or tab row, an organ's or a site's name, a title."""
    return width(para.text) <= 40 and not re.search(r"[。，,；;！？!?]", para.text) and marker(para.text) is None \
        and para.level is None and (labelled(para.text) is not None or bool(_ORGAN_NAME.fullmatch(para.text))
                                    or bool(_TITLE_SHAPE.fullmatch(para.text)))


_ASIDE = set(ROLE_NAMES.values()) | {"网址", "联系电话"}
_ANSWER_FOLLOWS = re.compile(r"(?:答复|回复|函告|报告|说明)如下[:：](?=\s*\S.{7,})")
_FORMULA = re.compile(r"(?<=[。！？!?；;])\s*(?=(?:特此|专此|此复|此致)\S{0,12}$)")


# an arabic item number run on after a sentence or a clause ends (。1.做好… / ；2.将…), 1. or 1、, never 1.5万
_INLINE_ITEM = re.compile(r"(?<=[。；;：:！？!?])\s*(?:(?P<dot>\d{1,2})\s*[.．](?!\d)|(?P<dun>\d{1,2})、)")


def inline_items(para: Para) -> list[Para]:
    """二、我局主要工作。1.做好种苗保障。……2.加强技术指导。…… — a numbered heading with its items run on in one
    paragraph (the line breaks lost in copying): cut before each item, as if the breaks were there, so each
    item is read as the heading's item (kept whole, the paragraph's text would open with a hand-typed 1.).
    Only when the first item opens the text right after the heading (a heading of one sentence or phrase:
    …，主要用于：1.…；2.… is an enumeration inside a sentence), the numbers, written one way, run 1, 2, 3… in
    order (two at least: a lone 1. or a 1. then 3. is a number in a sentence), and each is a lower level than
    the paragraph's own heading.  （1）……；（2）…… is left inline: check reads it as an enumeration a sentence
    may well hold (hand-typed-number), and so does the import."""
    own = marker(para.text)
    if own is None:
        return [para]
    hits = list(_INLINE_ITEM.finditer(para.text))
    if not hits or int(hits[0].group(hits[0].lastgroup)) != 1:
        return [para]
    style = hits[0].lastgroup
    run = [h for h in hits if h.lastgroup == style]
    if len(run) < 2 or [int(h.group(style)) for h in run] != list(range(1, len(run) + 1)):
        return [para]
    starts = [h.start(style) for h in run]
    pieces = [para.text[:starts[0]].strip()] + [para.text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(para.text)])]
    heading = pieces[0][own[2]:]
    if not heading or re.search(r"[。！？!?；;：:]", heading[:-1]) \
            or any((m := marker(p)) is None or m[0] <= own[0] for p in pieces[1:]):
        return [para]
    return [Para(pieces[0], para.lines, para.level)] + [Para(p, para.lines) for p in pieces[1:]]


def _closing_inside(para: Para) -> list[Para] | None:
    """…做好服务。特此函告。 → the measure, and the closing formula standing on its own."""
    m = _FORMULA.search(para.text)
    if m is None:
        return None
    return [Para(para.text[:m.start()], para.lines, para.level), Para(para.text[m.end():], [para.lines[-1]])]


_ZHI_JING = re.compile(r"(?:^|(?<=[。！？!?；;]))\s*(此\s*致)[\s，,]*(敬\s*礼[！!。]?)\s*$")


def _salute(para: Para) -> list[Para]:
    """此致敬礼！ cut off the last measure (此致 敬礼 run into its line), maybe after 特此函复。: 此致 and
    敬礼！, two lines of the closing as the letter prints them, not one."""
    m = _ZHI_JING.search(para.text)
    if m is None:
        return [para]
    before = [Para(para.text[:m.start()].strip(), para.lines, para.level)] if para.text[:m.start()].strip() else []
    return before + [Para(re.sub(r"\s", "", m.group(1)), para.lines, para.level),
                     Para(re.sub(r"\s", "", m.group(2)), [para.lines[-1]])]


_THANKS = re.compile(r"(?:[\u4e00-\u9fff、]{2,20}(?:委员|代表)[，,])?(?:(?:最后|在此|同时)[，,、]?)?(?:[^。！？]{0,12}?(?:感谢|谢谢)|[^。！？]{0,40}?表示(?:衷心|诚挚|真诚|由衷)?的?(?:感谢|谢意)"
                     r"|特此|专此|此复|此致|以上(?:答复|意见|办理)|如有不妥|如对|若对|敬请|恳请"
                     # 请你局汇总办理意见后统一答复代表。: a co-handling opinion's last words to the lead unit
                     r"|请(?:你|贵)[\u4e00-\u9fff]{0,3}?(?:局|委|办|厅|处|单位|中心|部门)[^。！？]{0,30}?(?:汇总|答复|统一|考虑|酌处|纳入|参考)"
                     r"|希望(?:您|你们|贵|以后|今后|继续)[^。！？]{0,20}?(?:关心|支持|关注|意见|建议|监督)"  # 希望以后多提宝贵意见
                     # 您这一提案对…具有重要意义，再次感谢您…: thanks after a clause about the proposal
                     r"|(?:您|你们|贵)[^。！？]{0,40}?[，,]\s*(?:再次|衷心|非常|十分)?感谢(?:您|你们|贵)"
                     # 我们将认真吸纳您的意见建议，持续推动…，非常感谢您…: a promise to the member closing with thanks
                     r"|(?:我们|我局|我委|我办|我单位)?[^。！？]{0,12}?(?:您|你们|贵)[^。！？]{0,70}?[，,]\s*(?:再次|衷心|非常|十分|诚挚)?(?:地)?感谢(?:您|你们|贵))")


# one short sentence to the member about the proposal (对您提出的建议，我们将认真研究吸纳。) before the thanks
# (or of 这一提案, 该建议, when it says what the proposal is worth or that it will be taken up: 这一提案对改善居民
#居住条件很有意义，我局将认真吸收采纳。 — not 该提案涉及的车辆购置补贴，建议由贵局研究…, a measure's own sentence)
_SPEAKS_OF_PROPOSAL = re.compile(r"[^。！？]{0,12}(?:您|你们|贵[\u4e00-\u9fff]{0,2})[^。！？]{0,10}(?:建议|提案|意见)[^。！？]{0,45}[。！？]"
                                 r"|[^。！？]{0,12}(?:这一|这件|这项|该|此|本)(?:建议|提案)(?=[^。！？]*(?:吸纳|采纳|吸收|借鉴|意义|价值|宝贵))"
                                 r"[^。！？]{0,45}[。！？]")


def _closing_after(para: Para, whole: bool = False) -> list[Para] | None:
    """The last measure's trailing sentences, when they open with a closing formula, as a closing; a short
    sentence to the member about the proposal just before the thanks goes with them (with `whole`, also
    when it opens the paragraph: then the measure's part is empty)."""
    for m in re.finditer(r"(?<=[。！？!?])\s*", para.text):
        rest = para.text[m.end():]
        if rest and _THANKS.match(rest):
            cut = m.start()
            before = re.search(r"[^。！？!?]*[。！？!?]$", para.text[:cut])
            if before and width(before.group()) <= 50 and _SPEAKS_OF_PROPOSAL.fullmatch(before.group().strip()) \
                    and not re.match(r"\s*下一?步", before.group()) \
                    and (whole or para.text[:before.start()].strip()):
                cut, rest = before.start(), para.text[before.start():].strip()
            return [Para(para.text[:cut].strip(), para.lines, para.level), Para(rest, [para.lines[-1]])]
    return None


def measures_from(paras: list[Para], notes: list[Note]) -> list:
    """Numbered paragraphs → the measures tree, in the order found; numbers are checked, and generated
    again by build from each heading's depth (so every numbered line stays a heading, whole sentences too)."""
    root: list = []
    stack: list[dict] = []       # open headings: {"level", "node", "siblings"}
    highest: dict[int, int] = {}  # id(siblings) → the highest number written among them so far
    auto_base = None  # Word's own numbering counts from the heading open when its list began
    auto = []
    for para in paras:
        found = marker(para.text)
        if para.level is not None and found is None:
            if auto_base is None:
                auto_base = stack[-1]["level"] if stack else 0
            found = (min(auto_base + para.level, 4), None, 0)
            auto.append(para.first)
        elif found is not None:
            auto_base = None
        if found is None:  # under the open heading, so the order stays as found
            if not stack:
                root.append(para.text)
            else:
                (stack[-1]["node"]["items"] if len(stack) < 4 else stack[-1]["siblings"]).append(para.text)
            continue
        level, written, length = found
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        if len(stack) >= 4:
            notes.append(Note(para.first, "import-too-deep", "编号超过四级，作为普通段落保留"))
            stack[-1]["siblings"].append(para.text)
            continue
        siblings = stack[-1]["node"]["items"] if stack else root
        heading, text = _phrase_heading(para.text[length:]) or _split_runin(para.text[length:])
        if heading != para.text[length:] and not re.search(r"[。！？：:；;，,]$", heading):
            notes.append(Note(para.first, "import-heading-split", f"标题“{heading}”与下面的正文接成了一行，已在“{heading[-2:]}”之后分开",
                              "核对分开的位置", severity="note"))
        whole = text is None and len(stack) < 2 and whole_sentence(heading)
        if whole:  # 一、在规划编制中，对新建中小学校……已落实。 — a 会办意见's numbered point
            # (kept a numbered heading, so the built letter prints its number as the published one did; at the
            # first two levels it prints in 黑体/楷体 as GB/T 9704 7.3.3 sets them, which the note says)
            font = "黑体" if not stack else "楷体"
            notes.append(Note(para.first, "import-numbered-paragraph", f"编号“{para.text[:length].strip()}”后是一整句话"
                              f"（{heading[:16]}…）：照录为编号标题，编号照印，整句按第 {len(stack) + 1} 级标题印成{font}",
                              "要正文字体的话，写成 heading: 简短的标题，整句放在 text 里", severity="note"))
        node = {"heading": heading, "text": text, "items": []}
        one_sentence = text is None and len(heading) > 12 and bool(re.search(r"\d", heading)) and heading.endswith("。")
        if not whole and len(stack) < 2 and not _sentence_item(heading) and (one_sentence or text is not None and _clauses(heading)):
            # (1.、（1） items are often whole sentences, and print as the body does: no heading swallowed there;
            # the level is where the item stands, not how it is numbered: 1. at the top prints in 黑体)
            notes.append(Note(para.first, "import-heading-joined", f"标题“{heading[:24]}”"
                              f"{'带着数字又以句号结束' if text is None else '是带逗号的一整句'}，"
                              "可能是标题和下面的正文接成了一行：照录为标题", "核对原件，把正文移到 items 下"))
        siblings.append(node)
        depth = len(stack) + 1
        number = _numeral(written) if written else None
        expected = highest.get(id(siblings), 0) + 1  # after （二）（一）, （三） is in order again
        if number is not None and number != expected:
            shown = para.text[:length].strip()
            position = sum(1 for item in siblings if isinstance(item, dict))
            notes.append(Note(para.first, "import-numbering",
                              f"编号 {shown} 不连续或顺序颠倒（按位置应是第 {position} 项）：照录原文顺序，编号由 letterkit 重新生成",
                              "核对各项的顺序和内容"))
        highest[id(siblings)] = max(highest.get(id(siblings), 0), number or expected)
        if depth != level and written:
            notes.append(Note(para.first, "import-skipped-level",
                              f"编号 {para.text[:length].strip()} 是第 {level} 级的写法，却在第 {depth} 级：letterkit 按第 {depth} 级编号",
                              "GB/T 9704 7.3.3：一、之下是（一），（一）之下是 1."))
        stack.append({"level": level, "node": node, "siblings": siblings})
    if auto:
        notes.append(Note(auto[0], "import-word-numbering",
                          f"这些段落用的是 Word 的自动编号，按位置排为标题，编号由 letterkit 生成：{compact(auto)}", severity="note"))
    return root


@lru_cache(maxsize=1)
def _phrase_words() -> tuple[re.Pattern, re.Pattern]:
    words = vocabulary()
    ends = "|".join(map(re.escape, sorted(words["heading_ends"], key=len, reverse=True)))
    starts = "|".join(map(re.escape, sorted(words["sentence_starts"], key=len, reverse=True)))
    return re.compile(rf"(?:{ends})"), re.compile(rf"(?:{starts})")


def _sentence_item(text: str) -> bool:
    """（一）按照…，…。 / （三）做好培训工作，确保…。: an item written as one sentence, its first clause
    short or opening as sentences do — not a heading that swallowed its paragraph."""
    first = re.split(r"[，,；;]", text, maxsplit=1)
    return bool(_phrase_words()[1].match(text)) or (len(first) > 1 and len(first[0]) <= 12)


def _clauses(heading: str) -> bool:
    """今后拟把连接线列入改造计划，改造里程12公里。: a heading cut at its first full stop that is a long
    sentence of clauses — the heading and its paragraph run together with no cut to be found (an item
    opening as sentences do, 目前… / 我局…, is a numbered paragraph of a 会办意见: not this)."""
    return width(heading) >= 20 and bool(re.search(r"[，,；;]", heading))


def _phrase_heading(text: str) -> tuple[str, str] | None:
    """加快项目建设今年以来，… → the heading 加快项目建设 and its paragraph: cut after a heading's last word
    (labels.yaml heading_ends) where a sentence opens (sentence_starts), or after 关于…问题/情况."""
    ends, starts = _phrase_words()
    first = re.split(r"[，。；：、！？,;:!?“（(]", text, maxsplit=1)[0]
    for m in ends.finditer(first[:24]):
        head, rest = text[:m.end()], text[m.end():]
        if re.match(r"\s*[，,、；;：:]", rest):  # 关于…的问题，区财政将…: the sentence goes on, no heading ends here
            continue
        if len(head) >= 4 and len(rest) >= 10 and re.search(r"[。！？；]$", rest.strip()) \
                and (starts.match(rest) or head.startswith("关于") and m.group() in ("问题", "情况")
                     or rest[:2] == head[:2]):  # 米河镇农村公路基本情况米河镇现有…: the subject named again
            return head, rest
    return None


def whole_sentence(text: str) -> bool:
    """A numbered line that is one long sentence with clauses, ending in 。 (as a 会办意见 lists its points):
    a numbered heading kept whole, with a note, not a heading that swallowed its paragraph (import-heading-joined)."""
    return width(text) >= 30 and bool(re.search(r"[，,；;]", text)) and text.endswith(("。", "；", "！"))


def _split_runin(text: str) -> tuple[str, str | None]:
    """（一）调整政策。2019年起…… → heading 调整政策。 and the text that runs on."""
    match = re.search(r"[。！？]", text)
    if match and match.end() < len(text) and match.end() <= 60:
        return text[:match.end()], text[match.end():]
    return text, None


def _numeral(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    try:
        if "百" in written:
            return None
        return cn_number(written)
    except KeyError:
        return None


def read_annexes(annexes: list[list[Line]], found: dict, out: Recognised, wrap) -> None:
    listed = [t for _, t in found.get("attachments", [])]
    contents = []
    for lines in annexes:
        label, rest = lines[0], lines[1:]
        if not rest:
            out.notes.append(Note(label.no, "import-unplaced", f"“{label.text}”之后没有内容；照录为结尾段落"))
            found.setdefault("closing", []).append(Para(label.text, [label.no]))
            continue
        paras = join(rest, wrap, out.notes) if wrap else [Para(squeeze(l.text), [l.no], l.level) for l in rest]
        title, body = paras[0], paras[1:]
        contents.append((label.no, squeeze(title.text), measures_from(body, out.notes)))
    if not contents:
        return
    merged = []
    for index, title in enumerate(listed):
        match = next((c for c in contents if squeeze(c[1]) == squeeze(title)), None)
        merged.append((title, match[2] if match else None))
        if match:
            contents.remove(match)
    for no, title, content in contents:
        out.notes.append(Note(no, "import-annex", f"附件“{title[:20]}”不在附件说明里；加入附件列表"))
        merged.append((title, content))
    found["attachment_contents"] = merged


# -- the proposal, the organ ------------------------------------------------------------
