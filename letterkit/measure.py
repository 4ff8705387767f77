"""Measuring a rendered PDF: lines of text with their positions, sizes and fonts (mm, pt),
filled red shapes, and red ink as printed.  Used by `check --render` and by the tests."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

MM = 25.4 / 72  # mm per PDF point


@dataclass
class Line:
    page: int
    top: float     # mm from the paper's top (font em box)
    bottom: float
    x0: float      # mm from the paper's left edge
    x1: float
    size: float    # pt
    text: str
    font: str = ""   # the font of the line's first ideograph (else first character), subset prefix removed
    red: bool = False
    spans: list = field(default_factory=list)  # (x0, x1) of each character, in mm

    def segments(self, gap_mm: float) -> list[tuple[float, float]]:
        """Runs of characters separated by more than `gap_mm` of white (joint 署名s on one line)."""
        runs: list[list[float]] = []
        for x0, x1 in self.spans:
            if runs and x0 - runs[-1][1] <= gap_mm:
                runs[-1][1] = x1
            else:
                runs.append([x0, x1])
        return [(a, b) for a, b in runs]

    @property
    def compact(self) -> str:
        return "".join(self.text.split())

    @property
    def width_chars(self) -> float:
        """Characters as a reader counts them: Chinese 1, Latin letters and digits ½."""
        return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in self.text if not c.isspace())

    @property
    def full_width_chars(self) -> int:
        return sum(1 for c in self.text if ord(c) >= 0x2E80)


def font_key(name: str) -> tuple[str, str]:
    """('notoserifcjk', 'regular') from 'ABCDEF+NotoSerifCJKjp-Regular-VKana' or 'NotoSerifCJKsc-Regular':
    the family without its script code, and the weight."""
    name = name.split("+", 1)[-1]
    family, _, style = name.partition("-")
    family = family.lower()
    for script in ("sc", "tc", "jp", "kr", "hk"):
        if family.endswith("cjk" + script):
            family = family[: -len(script)]
    return family, (style.split("-")[0] or "regular").lower()


def _is_red(color) -> bool:
    color = tuple(color or ())
    return len(color) == 3 and color[0] > 0.7 and color[1] < 0.35 and color[2] < 0.35


@dataclass
class PageData:
    """What one rendered page holds, measured once."""
    number: int
    width: float   # mm
    height: float
    lines: list[Line]
    red_shapes: list[dict]   # filled red shapes: x0, top, width, height (mm)
    black_rules: list[dict]  # horizontal black lines: x0, top, width, thickness (mm)
    images: list[dict] = field(default_factory=list)  # pictures (seals): x0, top, bottom (mm)


def read_pdf(pdf_path: Path) -> list[PageData]:
    """Every page of a PDF, parsed once."""
    pages = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(PageData(number, float(page.width) * MM, float(page.height) * MM, _lines(page, number),
                                  _red_shapes(page), _black_rules(page),
                                  [{"x0": i["x0"] * MM, "top": i["top"] * MM, "bottom": i["bottom"] * MM} for i in page.images]))
    return pages


def _lines(page, number: int) -> list[Line]:
    """A line is the characters sharing a baseline and size; top to bottom."""
    groups = defaultdict(list)
    for char in page.chars:
        groups[(round(char["bottom"], 0), round(char["size"], 1))].append(char)
    lines = []
    for (_, size), chars in groups.items():
        chars.sort(key=lambda c: c["x0"])
        # the font of the first ideograph: heading numbers may be Latin digits in Times
        first = next((c for c in chars if "\u4e00" <= c["text"] <= "\u9fff"),
                     next((c for c in chars if c["text"].strip()), chars[0]))
        lines.append(Line(number, min(c["top"] for c in chars) * MM, max(c["bottom"] for c in chars) * MM,
                          chars[0]["x0"] * MM, chars[-1]["x1"] * MM, size, "".join(c["text"] for c in chars),
                          first["fontname"].split("+", 1)[-1], _is_red(first.get("non_stroking_color")),
                          [(c["x0"] * MM, c["x1"] * MM) for c in chars if c["text"].strip()]))
    return sorted(lines, key=lambda l: (l.top, l.x0))


def _red_shapes(page) -> list[dict]:
    return [{"x0": s["x0"] * MM, "top": s["top"] * MM, "width": s["width"] * MM, "height": s["height"] * MM}
            for s in page.curves + page.rects if s.get("fill") is not False and _is_red(s.get("non_stroking_color"))]


def _black_rules(page) -> list[dict]:
    found = []
    for line in page.lines:
        color = tuple(line.get("stroking_color") or (0,))
        if abs(line["top"] - line["bottom"]) < 0.5 and all(c < 0.2 for c in color):
            found.append({"x0": line["x0"] * MM, "top": line["top"] * MM, "width": line["width"] * MM,
                          "thickness": float(line.get("linewidth") or 0) * MM})
    return sorted(found, key=lambda r: r["top"])


def read_lines(pdf_path: Path) -> list[list[Line]]:
    return [page.lines for page in read_pdf(pdf_path)]


def red_shapes(pdf_path: Path, page: int = 1) -> list[dict]:
    return read_pdf(pdf_path)[page - 1].red_shapes


def red_ink_bands(pdf_path: Path, page: int = 1, dpi: int = 300, down_to_mm: float = 120) -> list[tuple[float, float]]:
    """Vertical extents (mm) of runs of rows holding red pixels in the page's top `down_to_mm`:
    glyphs as printed, not em boxes."""
    from PIL import Image, ImageChops

    if not shutil.which("pdftoppm"):
        raise RuntimeError("pdftoppm (poppler-utils) is needed to measure ink")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-y", "0",
                        "-W", str(round(210 / 25.4 * dpi)), "-H", str(round(down_to_mm / 25.4 * dpi)),
                        str(pdf_path), f"{work}/p"], check=True)
        image = Image.open(next(Path(work).glob("p*.png"))).convert("RGB")
    red, green, blue = image.split()
    mask = ImageChops.multiply(ImageChops.multiply(red.point(lambda v: 255 if v > 180 else 0),
                                                   green.point(lambda v: 255 if v < 90 else 0)),
                               blue.point(lambda v: 255 if v < 90 else 0))
    red_rows = [y for y, any_red in enumerate(mask.getprojection()[1]) if any_red]
    bands, start, previous = [], None, None
    for y in red_rows:
        if start is None:
            start = y
        elif y != previous + 1:
            bands.append((start, previous + 1))
            start = y
        previous = y
    if start is not None:
        bands.append((start, previous + 1))
    return [(a / dpi * 25.4, b / dpi * 25.4) for a, b in bands]


def paragraphs(pages: list[list[Line]], left: float, right: float, body_size: float = 16) -> list[str]:
    """Rebuild paragraphs from lines: a paragraph ends where a line stops short of the right
    margin, and starts where a line is indented, centred, set right, or changes size."""
    result: list[str] = []
    current = None
    for lines in pages:
        for line in lines:
            if line.size < body_size - 0.5:  # page numbers, 版记
                continue
            starts = (current is None or line.size != current[1] or line.x0 > left + 1.0)
            if line.size > body_size + 0.5 and current is not None and current[1] == line.size:
                starts = False  # a title broken over lines stays one title
            if starts:
                if current is not None:
                    result.append(current[0])
                current = [line.text, line.size]
            else:
                current[0] += line.text
            if line.size <= body_size + 0.5 and line.x1 < right - 8:  # short line: the paragraph ends
                result.append(current[0])
                current = None
    if current is not None:
        result.append(current[0])
    return ["".join(p.split()) for p in result]

