"""`check --render`: measure a rendered letter against GB/T 9704.

Any .docx (ours, or one made by hand in Word) is rendered by LibreOffice and the
PDF is measured: page, margins, the 22 × 28 grid, font sizes, heading fonts,
page numbers, the 信函格式 letterhead and rules, signature and date.  Each rule
gives one result: passed or not (or skipped when the letter has nothing to
measure), the measured value and the expected one.  Expected numbers come from
the house style, so a department's overrides are checked too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from . import measure
from .measure import Line
from .pdf import resolve_postscript_name
from .style import house_style

PT = 25.4 / 72
HEADING_PATTERNS = (
    (1, re.compile(r"^[一二三四五六七八九十百]+、")),
    (2, re.compile(r"^（[一二三四五六七八九十百]+）")),
    (3, re.compile(r"^\d+\.")),
    (4, re.compile(r"^（\d+）")),
)
HEADING_FONTS = {1: "heiti", 2: "kaiti", 3: "fangsong", 4: "fangsong"}
DATE = re.compile(r"^(19|20)\d{2}年\d{1,2}月\d{1,2}日$")
PAGE_NUMBER = re.compile(r"—\d+—")
STATUS_NAMES = {"pass": "通过", "fail": "不通过", "skip": "跳过"}


@dataclass
class Result:
    code: str
    status: str        # pass | fail | skip
    measured: str
    expected: str
    message: str

    def __str__(self) -> str:
        return f"{STATUS_NAMES[self.status]} {self.code} {self.message}：实测 {self.measured}（应为 {self.expected}）"

    def as_dict(self) -> dict:
        return asdict(self)


def _result(code, ok, measured, expected, message) -> Result:
    return Result(code, "pass" if ok else "fail", measured, expected, message)


def _skip(code, message, why) -> Result:
    return Result(code, "skip", why, "-", message)


class Page:
    """The rules' view of a rendered letter.

    Body lines are the lines of the most common text size (whatever it is: a wrong size is
    a fault for `body-size` to report, not a reason to see no body).  Placement rules that
    hang off the text block (page numbers, signature) measure from the block as printed, so
    one fault (say, wrong margins) fails one rule, not every rule downstream of it."""

    def __init__(self, pdf_path: Path, style: dict):
        self.pdf = pdf_path
        self.style = style
        self.expected: dict | None = None  # what the .docx holds (版头 texts, 版记), when it is known
        self.rendered = measure.read_pdf(pdf_path)
        self.pages = [page.lines for page in self.rendered]
        self.sizes = [(page.width, page.height) for page in self.rendered]
        page, grid = style["page"], style["grid"]
        self.left, self.top = page["left"], page["top"]
        self.right = page["width"] - page["right"]
        self.bottom = page["height"] - page["bottom"]
        self.pitch = grid["line_pitch_twips"] / 20 * PT
        self.lines_per_page = grid["lines"]
        self.body_size = style["roles"]["body"]["size"]
        self.red_shapes = self.rendered[0].red_shapes if self.rendered else []
        wide_red = [s for s in self.red_shapes if s["width"] > 100]
        self.is_letter = len(wide_red) >= 2                                    # two double rules
        self.is_general = len(wide_red) == 1 and any(l.red for l in self.pages[0])  # 标志 over one rule
        sizes = Counter(round(l.size, 1) for page in self.pages for l in page if not l.red for _ in l.compact)
        self.text_size = sizes.most_common(1)[0][0] if sizes else self.body_size
        body = self.all_body()
        self.block_left = min((l.x0 for l in body), default=self.left)
        self.block_right = max((l.x1 for l in body), default=self.right)
        # one 字 as a distance: the block's width over the characters a line holds (156/28 mm)
        self.char_mm = (self.right - self.left) / grid["chars"] * self.text_size / self.body_size

    def body(self, page_index: int) -> list[Line]:
        return [l for l in self.pages[page_index]
                if abs(l.size - self.text_size) < 0.3 and not l.red and not PAGE_NUMBER.fullmatch(l.compact)]

    def full_pages(self) -> list[int]:
        """Pages of running text: not page 1 (it holds the title, and maybe a 版头), not the last,
        and only those whose text runs down to the foot (a page cut short by a page break, as
        before an attachment, is not full)."""
        full = []
        for i in range(1, len(self.pages) - 1):
            body = self.body(i)
            if body and body[-1].bottom > self.bottom - 1.5 * self.pitch:
                full.append(i)
        return full

    def organ_ink(self, organ: Line) -> tuple[float, float]:
        """Top and bottom (mm) of the red 发文机关标志 as printed; its em box without pdftoppm."""
        try:
            return measure.red_ink_bands(self.pdf, 1)[0]
        except RuntimeError:
            return organ.top, organ.bottom

    def is_date(self, line: Line) -> bool:
        """A 成文日期 line: a full date, set well in from the left edge."""
        return bool(DATE.match(line.compact)) and line.x0 > self.block_left + 20

    def all_body(self) -> list[Line]:
        return [l for i in range(len(self.pages)) for l in self.body(i)]


def check_pdf(pdf_path: Path, style: dict | None = None, docx: Path | None = None) -> list[Result]:
    """Measure one PDF; with the .docx it came from, also check that what the .docx holds
    (版头 elements, 版记) is printed."""
    page = Page(Path(pdf_path), style or house_style())
    page.expected = expected_elements(Path(docx)) if docx else None
    rules = [page_size, margins_left_right, margins_top_bottom, lines_per_page, characters_per_line,
             body_size, title_size, heading_fonts, page_numbers, letterhead, rules_position, general_head,
             head_elements, signature_and_date, signature_page_has_body, attachment_note_one_page,
             page_fill, colophon_rules, colophon_foot]
    results: list[Result] = []
    for rule in rules:
        results.extend(rule(page))
    return results


# -- the rules ------------------------------------------------------------------

def page_size(p: Page) -> list[Result]:
    want = (p.style["page"]["width"], p.style["page"]["height"])
    wrong = [i + 1 for i, (w, h) in enumerate(p.sizes) if abs(w - want[0]) > 1 or abs(h - want[1]) > 1]
    w, h = p.sizes[(wrong[0] - 1) if wrong else 0]
    return [_result("page-size", not wrong, f"{w:.1f}×{h:.1f} mm" + (f"（第 {wrong[0]} 页）" if wrong else ""),
                    f"{want[0]}×{want[1]} mm ±1", "纸张 A4")]


def margins_left_right(p: Page) -> list[Result]:
    lines = p.all_body()
    if not lines:
        return [_skip("margin-left", "订口（左边距）", "没有正文行"), _skip("margin-right", "翻口（右边距）", "没有正文行")]
    left = min(l.x0 for l in lines)
    right = max(l.x1 for l in lines)
    return [
        _result("margin-left", abs(left - p.left) <= 1, f"{left:.1f} mm", f"{p.left} mm ±1", "正文左边缘距纸张左边"),
        _result("margin-right", abs(right - p.right) <= 1, f"{right:.1f} mm", f"{p.right} mm ±1", "正文右边缘距纸张左边"),
    ]


def margins_top_bottom(p: Page) -> list[Result]:
    leading = (p.pitch - p.text_size * PT) / 2  # a line sits centred in its grid line
    full = p.full_pages()
    if not full:  # a one-page letter: infer the 版心 top from page 1's lines, which sit on the same grid
        title = _title_lines(p)
        lines = [l for l in p.body(0) if not title or l.top > title[-1].bottom]
        if not lines:
            return [_skip("margin-top", "天头（上边距）", "没有正文行"), _skip("margin-bottom", "版心下边缘", "没有排满的页")]
        steps = round((lines[0].top - leading - p.top) / p.pitch)
        top = lines[0].top - leading - steps * p.pitch
        return [_result("margin-top", abs(top - p.top) <= 1, f"{top:.1f} mm（由第 1 页的行推算）", f"{p.top} mm ±1", "版心上边缘距纸张上边"),
                _skip("margin-bottom", "版心下边缘", "没有排满的页")]
    # the fullest page that must be full; a page that may end short (see _may_end_short) only if none is
    index = max(full, key=lambda i: (not _may_end_short(p, i), len(p.body(i)), -i))
    lines = p.body(index)
    top = lines[0].top - leading
    bottom = lines[-1].bottom + leading
    if _may_end_short(p, index):  # it ends short on purpose: the grid line its last line sits on, carried to the foot
        bottom += round((p.bottom - bottom) / p.pitch) * p.pitch
    return [
        _result("margin-top", abs(top - p.top) <= 1, f"{top:.1f} mm（第 {index + 1} 页）", f"{p.top} mm ±1", "版心上边缘距纸张上边"),
        _result("margin-bottom", abs(bottom - p.bottom) <= 1, f"{bottom:.1f} mm（第 {index + 1} 页）", f"{p.bottom} mm ±1", "版心下边缘距纸张上边"),
    ]


def lines_per_page(p: Page) -> list[Result]:
    full = p.full_pages()
    if not full:
        return [_skip("lines-per-page", "每页行数", "没有排满的页")]
    counts = {i + 1: len(p.body(i)) for i in full}
    exempt = {i + 1 for i in full if _may_end_short(p, i)}
    wrong = {page: n for page, n in counts.items() if n != p.lines_per_page and page not in exempt}
    shown = "、".join(f"第 {page} 页 {n} 行" for page, n in (wrong or counts).items())
    short = [page for page in sorted(exempt) if counts[page] != p.lines_per_page]
    if short and not wrong:
        shown += "（" + "、".join(f"第 {page} 页" for page in short) + "是署名页或把末段留给署名页）"
    return [_result("lines-per-page", not wrong, shown, f"每页 {p.lines_per_page} 行", "排满的页的正文行数")]


def _may_end_short(p: Page, index: int) -> bool:
    """Page `index` (0-based) may hold fewer than a full page of lines: it is the last page, or
    the sign-off's page (blank lines before the 署名, the 版记 or an attachment after it), or
    the text runs on from it to the sign-off's page and `page-fill` accepts the room it leaves
    (the last paragraph kept with the 署名, 7.3.5.5).  One judgement for every rule."""
    if index == len(p.pages) - 1 or any(p.is_date(l) for l in p.body(index)):
        return True
    following = p.body(index + 1)
    return _runs_on(p, index) and any(p.is_date(l) for l in following) and _fill_problem(p, index) is None


def characters_per_line(p: Page) -> list[Result]:
    lines = p.all_body()
    if not lines:
        return [_skip("chars-per-line", "每行字数", "没有正文行")]
    widest = max(lines, key=lambda l: l.width_chars)
    chars = p.style["grid"]["chars"]
    results = [_result("chars-per-line", widest.width_chars <= chars,
                       f"最多 {widest.width_chars:g} 字（第 {widest.page} 页“{widest.compact[:8]}…”）", f"不超过 {chars} 字", "每行字数")]
    full = [(line, following) for line, following in zip(lines, lines[1:] + [None])
            if line.full_width_chars == len(line.compact) and abs(line.x1 - p.right) <= 1 and line.x0 <= p.left + 1]
    short = [line for line, following in full if len(line.compact) != chars and not _broken_by_rule(line, following, p, chars)]
    if full:
        shown = f"{len(full) - len(short)}/{len(full)} 行符合" + (f"，如“{short[0].compact[:8]}…”{len(short[0].compact)} 字" if short else "")
        results.append(_result("full-line-chars", not short, shown, f"排满的行 {chars} 字（避头尾挪动的行除外）", "排满的行的字数"))
    else:
        results.append(_skip("full-line-chars", "排满的行的字数", "没有全为汉字的满行"))
    return results


def _broken_by_rule(line: Line, following: Line | None, p: Page, chars: int) -> bool:
    """A full line one character short because 避头尾 or an unbreakable Latin run moved a character on."""
    if following is None or len(line.compact) != chars - 1:
        return False
    rules = p.style["line_breaks"]
    nxt = following.compact
    return (len(nxt) > 1 and nxt[1] in rules["not_at_line_start"]) or nxt[:1] in rules["not_at_line_end"] \
        or bool(re.match(r"[A-Za-z0-9]", nxt))


def body_size(p: Page) -> list[Result]:
    if not p.all_body():
        return [_skip("body-size", "正文字号", "没有文字")]
    return [_result("body-size", abs(p.text_size - p.body_size) < 0.3, f"{p.text_size:g} pt", f"{p.body_size:g} pt（3号）", "正文字号")]


def _title_lines(p: Page) -> list[Line]:
    return [l for l in p.pages[0] if not l.red and l.size > p.text_size + 1] if p.pages else []


def title_size(p: Page) -> list[Result]:
    want = p.style["roles"]["title"]["size"]
    lines = _title_lines(p)
    if not lines:
        return [_result("title-size", False, "第 1 页没有大于正文的标题", f"{want:g} pt（2号）", "标题字号")]
    size = lines[0].size
    return [_result("title-size", abs(size - want) < 0.3, f"{size:g} pt", f"{want:g} pt（2号）", "标题字号")]


def heading_fonts(p: Page) -> list[Result]:
    results = []
    fonts = p.style["fonts"]
    for level, pattern in HEADING_PATTERNS:
        lines = [l for l in p.all_body() if pattern.match(l.compact) and l.x0 > p.left + 1]  # indented: a paragraph start
        name = fonts[HEADING_FONTS[level]]
        if not lines:
            results.append(_skip(f"heading{level}-font", f"{level} 级标题字体", "没有这一级标题"))
            continue
        expected = _expected_font(name)
        wrong = [l for l in lines if expected and measure.font_key(l.font)[0] != expected[0]]
        shown = f"{wrong[0].font}（“{wrong[0].compact[:6]}…”）" if wrong else lines[0].font
        results.append(_result(f"heading{level}-font", not wrong, shown, f"{name}（本机为 {expected[0] if expected else '?'}）",
                               f"{level} 级标题字体"))
    return results


def _expected_font(name: str) -> tuple[str, str] | None:
    """The font family that `name` renders with on this machine, as PDF font names spell it."""
    found = resolve_postscript_name(name)
    return measure.font_key(found) if found else None


def page_numbers(p: Page) -> list[Result]:
    spec = p.style["page_number"]
    size = p.style["roles"]["page_number"]["size"]
    indent = spec["indent_chars"] * (size + p.style["grid"]["char_spacing_pt"]) * PT
    problems, checked = [], 0
    for index, lines in enumerate(p.pages):
        number = index + 1
        found = [l for l in lines if PAGE_NUMBER.fullmatch(l.compact)]
        if number == 1 and p.is_letter:
            if found:
                problems.append("信函格式第 1 页不应有页码")
            continue
        if not found:
            problems.append(f"第 {number} 页没有页码")
            continue
        line, checked = found[0], checked + 1
        if line.compact != f"—{number}—":
            problems.append(f"第 {number} 页页码是“{line.text}”")
        if abs(line.size - size) > 0.3:
            problems.append(f"第 {number} 页页码 {line.size:g} pt")
        if number % 2 == 0 and abs(line.x0 - (p.block_left + indent)) > 1:
            problems.append(f"第 {number} 页（双页）页码左边缘距版心 {line.x0 - p.block_left:.1f} mm")
        if number % 2 == 1 and abs(line.x1 - (p.block_right - indent)) > 1:
            problems.append(f"第 {number} 页（单页）页码右边缘距版心 {p.block_right - line.x1:.1f} mm")
    expected = f"“— N —”{size:g} pt，单页右空一字、双页左空一字（距版心 {indent:.1f} mm）" + ("，第 1 页无页码" if p.is_letter else "")
    measured = "；".join(problems[:3]) if problems else f"{checked} 页的页码都对"
    return [_result("page-numbers", not problems, measured, expected, "页码")]


def letterhead(p: Page) -> list[Result]:
    if not p.is_letter:
        return [_skip("letterhead", "信函格式版头", "不是信函格式（第 1 页没有双红线）")]
    letter = p.style["letter"]
    red = [l for l in p.pages[0] if l.red]
    if not red:
        return [_result("letterhead", False, "第 1 页没有红色的发文机关标志", "红色机关名称", "发文机关标志")]
    organ = red[0]
    top, bottom = p.organ_ink(organ)
    centre = (organ.x0 + organ.x1) / 2
    want_centre = (p.left + p.right) / 2
    upper = min(p.red_shapes, key=lambda s: s["top"])
    gap = upper["top"] - bottom
    return [
        _result("letterhead-top", abs(top - letter["letterhead_top"]) <= 1, f"{top:.1f} mm",
                f"{letter['letterhead_top']} mm ±1", "发文机关标志上边缘距纸张上边"),
        _result("letterhead-centred", abs(centre - want_centre) <= 1, f"中心 {centre:.1f} mm", f"{want_centre:.1f} mm ±1", "发文机关标志居中"),
        _result("rule-under-letterhead", abs(gap - letter["rule_gap_below_letterhead"]) <= 1, f"{gap:.1f} mm",
                f"{letter['rule_gap_below_letterhead']} mm ±1", "上双红线距发文机关标志"),
    ]


def rules_position(p: Page) -> list[Result]:
    if not p.is_letter:
        return [_skip("red-rules", "双红线", "不是信函格式")]
    letter, page = p.style["letter"], p.style["page"]
    rules = sorted([s for s in p.red_shapes if s["width"] > 100], key=lambda s: s["top"])
    length = letter["rule_length"]
    x0 = page["left"] + (page["width"] - page["left"] - page["right"] - length) / 2
    bad_length = [s for s in rules if abs(s["width"] - length) > 1 or abs(s["x0"] - x0) > 1]
    lowest = rules[-1]["top"] + rules[-1]["height"]
    want_low = page["height"] - letter["lower_rule_from_bottom"]
    elsewhere = [page.number for page in p.rendered[1:] if page.red_shapes]
    return [
        _result("red-rules-length", not bad_length and len(rules) >= 4,
                f"{len(rules)} 条，长 " + "、".join(f"{shape['width']:.1f}" for shape in rules) + " mm",
                f"两组双线，各长 {length} mm、居中", "双红线长度"),
        _result("red-rule-bottom", abs(lowest - want_low) <= 1, f"{lowest:.1f} mm", f"{want_low} mm ±1（距纸张下边 {letter['lower_rule_from_bottom']} mm）", "下双红线位置"),
        _result("red-rules-page-one", not elsewhere, "只在第 1 页" if not elsewhere else f"第 {elsewhere[0]} 页也有", "只在第 1 页", "双红线只在首页"),
    ]


def general_head(p: Page) -> list[Result]:
    """通用格式 (7.2.4, 7.2.7): 标志 35 mm under the 版心's top; a red rule 4 mm under the 发文字号."""
    if not p.is_general:
        return [_skip("general-head", "通用格式版头", "不是通用格式（第 1 页没有红色标志和一条红色分隔线）")]
    general = p.style["general"]
    top, _ = p.organ_ink(next(l for l in p.pages[0] if l.red))
    want_top = p.top + general["letterhead_below_text_top"]
    rule = next(s for s in p.red_shapes if s["width"] > 100)
    above = [l for l in p.pages[0] if not l.red and l.bottom <= rule["top"] + 0.5 and l.top > top]
    gap = rule["top"] - max(l.bottom for l in above) if above else None
    return [
        _result("general-letterhead-top", abs(top - want_top) <= 1, f"{top:.1f} mm", f"{want_top} mm ±1（版心上边缘下 {general['letterhead_below_text_top']} mm）", "发文机关标志上边缘"),
        _result("general-rule", abs(rule["width"] - (p.right - p.left)) <= 1 and abs(rule["x0"] - p.left) <= 1,
                f"长 {rule['width']:.1f} mm，起于 {rule['x0']:.1f} mm", f"与版心等宽（{p.right - p.left} mm）", "版头分隔线"),
        _result("general-rule-gap", gap is not None and abs(gap - general["rule_gap"]) <= 1,
                f"{gap:.1f} mm" if gap is not None else "分隔线上方没有发文字号", f"{general['rule_gap']} mm ±1", "分隔线距发文字号"),
    ]


def signature_page_has_body(p: Page) -> list[Result]:
    """7.3.5.5: the page holding the signature must hold body text too (no 此页无正文); the
    附件说明 and the 署名s (stacked, or set right) are not body text."""
    note = {id(l) for l in _attachment_note(p)}
    for index in range(len(p.pages) - 1, -1, -1):
        lines = p.body(index)
        dates = [i for i, l in enumerate(lines) if p.is_date(l)]
        if dates:
            above = [l for l in lines[:max(dates[-1] - 1, 0)]  # everything above the signature line
                     if id(l) not in note and l.x0 < p.block_left + 2 * p.char_mm + 1]
            return [_result("signature-with-body", bool(above), f"第 {index + 1} 页署名上方有 {len(above)} 行正文",
                            "署名所在页有正文", "署名页有正文（不得“此页无正文”）")]
    return [_skip("signature-with-body", "署名页有正文", "没有找到成文日期")]


def signature_and_date(p: Page) -> list[Result]:
    lines = p.all_body()
    dates = [i for i, l in enumerate(lines) if p.is_date(l)]
    if not dates:
        return [_result("signature-date", False, "没有找到成文日期（如 2020年8月10日）", "署名下一行是成文日期", "署名和成文日期")]
    index = dates[-1]
    date = lines[index]
    sig = lines[index - 1] if index else None
    char = p.char_mm
    right = p.block_right
    sealed_right = right - p.style["signature"]["date_right_chars"] * char
    centre = lambda l: (l.x0 + l.x1) / 2
    if sig is not None and len(sig.segments(0.8 * char)) > 1:  # joint issuance: the last 署名 is over the date
        x0, x1 = sig.segments(0.8 * char)[-1]
        sig = Line(sig.page, sig.top, sig.bottom, x0, x1, sig.size, sig.text)
    sealed = abs(date.x1 - sealed_right) <= 1 and sig is not None and abs(centre(sig) - centre(date)) <= char
    unsealed_right = right - p.style["signature"]["unsealed_right_chars"] * char
    unsealed = sig is not None and (abs(sig.x1 - unsealed_right) <= 1 or abs(date.x1 - unsealed_right) <= 1) \
        and abs(date.x0 - sig.x0 - 2 * char) <= 1
    measured = f"日期右边缘距版心右边 {right - date.x1:.1f} mm"
    if sig is not None:
        measured += f"，署名中心 {centre(sig):.1f} mm、日期中心 {centre(date):.1f} mm"
    measured += "（加盖印章）" if sealed else "（不加盖印章）" if unsealed else ""
    return [_result("signature-date", sealed or unsealed, measured,
                    f"加盖印章：日期右空四字（{right - sealed_right:.1f} mm），署名以日期居中；"
                    "或不加盖印章：署名右空二字，日期首字比署名首字右移二字", "署名和成文日期的位置")]


def check_documents(documents: list[Path], style: dict | None = None) -> dict[Path, list[Result]]:
    """Render every .docx in one LibreOffice run and measure each PDF."""
    import tempfile

    from .pdf import stoppable, to_pdf

    # a `kill` while measuring raises pdf.Stopped, so the folder of PDFs (and measure's PNGs) is removed
    with stoppable(), tempfile.TemporaryDirectory(prefix="letterkit-check-") as work:
        pdfs = to_pdf(documents, Path(work))
        return {document: check_pdf(pdf, style, document) for document, pdf in zip(documents, pdfs)}


def colophon_rules(p: Page) -> list[Result]:
    """7.4.1: the 版记's rules are as wide as the 版心, the first and last thick (0.35 mm), those
    between thin (0.25 mm), the last on the 版心's bottom edge; 10.1: none in a 信函格式 letter."""
    rules = [r for r in p.rendered[-1].black_rules if r["width"] > 100]
    spec = p.style["colophon"]
    if p.is_letter:
        return [_result("colophon-rules", not rules, f"{len(rules)} 条版记线", "信函格式的版记不加线", "版记线")]
    if not rules:
        return [_skip("colophon-rules", "版记线", "末页没有版记线")]
    widths_ok = all(abs(r["width"] - (p.right - p.left)) <= 1 and abs(r["x0"] - p.left) <= 1 for r in rules)
    last = rules[-1]["top"]
    thick_ok = all(abs(r["thickness"] - (spec["rule_thick"] if i in (0, len(rules) - 1) else spec["rule_thin"])) <= 0.06
                   for i, r in enumerate(rules))
    return [
        _result("colophon-rules", widths_ok and thick_ok,
                f"{len(rules)} 条，粗细 " + "、".join(f"{r['thickness']:.2f}" for r in rules) + " mm",
                f"与版心等宽；首末 {spec['rule_thick']} mm，中间 {spec['rule_thin']} mm", "版记线"),
        _result("colophon-bottom", abs(last - p.bottom) <= 1, f"{last:.1f} mm", f"{p.bottom} mm ±1（版心下边缘）", "末条版记线位置"),
    ]


# -- what the .docx says is there, and pagination ------------------------------------

ATTACHMENT_NOTE = re.compile(r"^附件：(\d+\.)?")
ANNEX_LABEL = re.compile(r"^附件\d*$")
ITEM = re.compile(r"^\d+\.")
FEW_LINES = 3  # a page the text runs on from may stop this many lines short (a heading kept with its text)


def expected_elements(docx: Path) -> dict:
    """Texts the .docx holds in places a renderer may hide: framed paragraphs in the headers
    (the 版头: 份号, 密级, 紧急程度, 发文字号, 签发人, 类别, the organ) and the 版记 text box."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def text(paragraph) -> str:
        return "".join("".join(t.text or "" for t in paragraph.iter(f"{w}t")).split())

    head, colophon = [], []
    try:
        with zipfile.ZipFile(docx) as archive:
            for name in sorted(archive.namelist()):
                if not (name.startswith("word/header") or name == "word/document.xml"):
                    continue
                root = etree.fromstring(archive.read(name))
                for paragraph in root.iter(f"{w}p"):
                    if paragraph.find(f"{w}pPr/{w}framePr") is not None and text(paragraph):
                        head.append(text(paragraph))
                for box in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"):
                    doc_pr = box.find("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
                    if doc_pr is not None and doc_pr.get("name") == "版记":
                        colophon += [text(p) for p in box.iter(f"{w}p") if text(p)]
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return {"head": [], "colophon": []}
    return {"head": head, "colophon": colophon}


def head_elements(p: Page) -> list[Result]:
    """Every 版头 element the .docx holds is printed on page 1 (two frames merged into one can hide one)."""
    expected = (p.expected or {}).get("head")
    if not expected:
        return [_skip("head-elements", "版头各要素都印出", "没有 .docx，或它没有版头")]
    printed = [l.compact for l in p.pages[0]] if p.pages else []
    missing = [t for t in expected if not any(t in line for line in printed)]
    return [_result("head-elements", not missing, "缺 " + "、".join(f"“{t}”" for t in missing) if missing
                    else f"{len(expected)} 项都在第 1 页", "文件里的每个版头要素都印在第 1 页", "版头要素都印出")]


def _attachment_note(p: Page) -> list[Line]:
    """The 附件说明's lines, in order (maybe across pages): “附件：1. name” indented two
    characters, then item and continuation lines indented to the names' column."""
    lines = p.all_body()
    for index, first in enumerate(lines):
        match = ATTACHMENT_NOTE.match(first.compact)
        if not match or first.x0 < p.block_left + p.char_mm:
            continue
        prefix = len(match.group(0))
        column = first.spans[prefix][0] if len(first.spans) > prefix else first.x1
        found = [first]
        for line in lines[index + 1:]:
            adjacent = line.page != found[-1].page or line.top - found[-1].bottom < p.pitch * 0.8
            if adjacent and first.x0 + p.char_mm < line.x0 < column + 1.5 * p.char_mm:
                found.append(line)
            else:
                break
        return found
    return []


def attachment_note_one_page(p: Page) -> list[Result]:
    note = _attachment_note(p)
    if not note:
        return [_skip("attachment-note-page", "附件说明在同一页", "没有附件说明")]
    pages = sorted({l.page for l in note})
    return [_result("attachment-note-page", len(pages) == 1, "在第 " + "、".join(map(str, pages)) + " 页",
                    "附件说明的各行在同一页", "附件说明不跨页")]


def _runs_on(p: Page, index: int) -> bool:
    """The text of page `index` runs on to the next page (no page break: the next is no attachment's first page)."""
    following = p.body(index + 1) if index + 1 < len(p.pages) else []
    return bool(p.body(index)) and bool(following) and not ANNEX_LABEL.match(following[0].compact)


def _fill_problem(p: Page, index: int) -> str | None:
    """What is wrong with the room page `index` leaves before its text runs on, or None."""
    last = p.body(index)[-1]
    leading = (p.pitch - p.text_size * PT) / 2
    room = int((p.bottom - last.bottom - leading) / p.pitch + 0.3)
    if room <= FEW_LINES:
        return None
    moved = p.body(index + 1)
    dates = [i for i, l in enumerate(moved) if p.is_date(l)]
    if not dates:
        return f"第 {index + 1} 页下空 {room} 行，正文接排到第 {index + 2} 页"
    end = dates[0]
    while end + 1 < len(moved) and moved[end + 1].top - moved[end].bottom < p.pitch:
        end += 1  # the 附注 under the date travel with it
    date = moved[dates[0]]
    seals = [i["bottom"] for i in p.rendered[index + 1].images if i["top"] < date.bottom and i["bottom"] > date.top]
    block = int((max([moved[end].bottom] + seals) - moved[0].top) / p.pitch + 0.7)  # the seal stays in the 版心 too
    colophon = [l for l in _colophon_lines(p) if l.page == index + 2]
    if colophon:  # the 版记 needs the foot of the same page
        block += round((max(l.bottom for l in colophon) - min(l.top for l in colophon)) / p.pitch + 0.5) + 1
    note = {id(l) for l in _attachment_note(p)}
    body = [l for l in moved[:dates[0]] if id(l) not in note and l.x0 < p.block_left + 2 * p.char_mm + 1]
    starts = [l for l in body if l.x0 > p.block_left + 1 and not any(pattern.match(l.compact) for _, pattern in HEADING_PATTERNS)]
    if len(starts) > 1 or room >= block:
        return (f"第 {index + 1} 页下空 {room} 行，移到第 {index + 2} 页的 {block} 行"
                + ("本可排下" if room >= block else f"有 {len(starts)} 段正文"))
    return None


def page_fill(p: Page) -> list[Result]:
    """A page the text runs on from is full, up to a few lines.  More room is left only where
    the 署名 keeps body text with it (7.3.5.5): then what moved on, from the next page's top
    down to the 成文日期 and its 附注, must be one paragraph (and its heading) and longer than the room."""
    problems, checked = [], 0
    for index in range(len(p.pages) - 1):
        if not _runs_on(p, index):
            continue
        checked += 1
        problem = _fill_problem(p, index)
        if problem:
            problems.append(problem)
    if not checked:
        return [_skip("page-fill", "接排的页排满", "正文没有接排到下一页")]
    return [_result("page-fill", not problems, "；".join(problems[:3]) if problems else f"{checked} 处接排都排满",
                    f"接排的页最多空 {FEW_LINES} 行；署名页带走的末段除外", "接排的页排满（无空洞）")]


def _colophon_lines(p: Page) -> list[Line]:
    """The 版记 as printed: the texts the .docx's 版记 holds, else 4号 lines of 抄送 or …印发."""
    expected = (p.expected or {}).get("colophon")
    found = []
    for page in p.pages:
        for line in page:
            if line.size >= p.text_size - 0.3 or PAGE_NUMBER.fullmatch(line.compact):
                continue
            if expected and any(t.startswith(line.compact) or line.compact in t for t in expected if line.compact) \
                    or not expected and (line.compact.startswith("抄送") or line.compact.endswith("印发")):
                found.append(line)
    return found


def colophon_foot(p: Page) -> list[Result]:
    """7.4: the 版记 at the foot of the last page, its last line on the 版心's bottom edge."""
    expected = (p.expected or {}).get("colophon") or []
    lines = _colophon_lines(p)
    if not lines and not expected:
        return [_skip("colophon-foot", "版记在末页下端", "没有版记")]
    if not lines:
        return [_result("colophon-foot", False, "PDF 里没有版记的文字", "末页下端", "版记在末页下端")]
    printed = "".join(l.compact for l in lines)
    missing = [t for t in expected if t not in printed]
    last_page = len(p.pages)
    pages = sorted({l.page for l in lines})
    bottom = max(l.bottom for l in lines)
    ok = pages == [last_page] and bottom > p.bottom - p.pitch and not missing
    measured = f"在第 {'、'.join(map(str, pages))} 页（共 {last_page} 页），末行下缘 {bottom:.1f} mm"
    if missing:
        measured += "，缺 " + "、".join(f"“{t}”" for t in missing)
    return [_result("colophon-foot", ok, measured, f"末页，末行下缘在版心下边缘（{p.bottom} mm）上方一行内", "版记在末页下端")]
