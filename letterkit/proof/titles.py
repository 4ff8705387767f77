"""Family 5: the title — 关于对, a proposal number or double quotes inside 书名号.

The title is read as the letter prints it (the draft's title, or the template's when the
draft gives none): `c.written("title")` gives its text and the place to change it.
"""

from __future__ import annotations

import re

from .registry import Finding, rule
from .text import short


def _title(c):
    found = c.written("title") if hasattr(c, "written") else None
    if found is None and isinstance(c.data.get("title"), str):
        found = (("title",), c.data["title"])
    return found


@rule("title-guanyu-dui", "warning", "titles", "标题不用“关于对……的答复”",
      "“关于”和“对”都是介词，连用成了赘语；“关于……提案的答复”即可。",
      "关于对第0012号提案的答复", "关于第0012号提案的答复")
def _guanyu_dui(c):
    found = _title(c)
    if found and "关于对" in found[1]:
        at = found[1].index("关于对")
        certain = found[0] == ("title",) and PREPOSITION.match(found[1], at + 3)  # not 对外, 对口, 对接 …
        yield Finding(found[0], f"标题“{short(found[1][at:], 12)}”中“关于对”是赘语", "删去“对”", at + 2,
                      ((at + 2, 1, ""),) if certain else ())


# what follows 对 when it is the preposition: the proposal's number, its title, the body that made it
PREPOSITION = re.compile(r"[第《“〈0-9A-Za-z０-９Ａ-Ｚａ-ｚ]|(?:[市区县省]|全国)?(?:第?[一二三四五六七八九十]+届)?(?:政协|人大)|您")


BOOK = re.compile(r"《([^《》]*)》")
NUMBER_HEAD = re.compile(r"^\s*(?:第?\s*[A-Za-z]{0,4}\s*\d{3,}\s*号?|[A-Za-z]{1,4}\s*\d{3,})\s*")


@rule("title-number-in-book-marks", "error", "titles", "提案编号不放在书名号里",
      "书名号只括文件、作品的名称；“《TA 20200005 “……”》”把编号也括了进去。编号写在书名号外：“第TA20200005号提案《……》”。",
      "关于对《TA 20200005 “关于加强校园安全”》提案的回复", "关于第TA20200005号提案《关于加强校园安全》的答复")
def _number_in_book(c):
    for path, text in _titled(c):
        for match in BOOK.finditer(text):
            head = NUMBER_HEAD.match(match.group(1))
            if head and len(match.group(1)) > head.end():
                yield Finding(path, f"书名号里写了编号“{head.group().strip()}”", "把编号移到书名号外（如“第…号提案《…》”）",
                              match.start() + 1)


@rule("title-quotes-in-book-marks", "error", "titles", "书名号里不再套双引号",
      "GB/T 15834：书名号内是名称本身；“《“关于……”》”多了一层引号。书名号里要标书名时用〈〉。",
      "《TA 20200005 “关于加强校园安全”》", "《关于加强校园安全》")
def _quotes_in_book(c):
    for path, text in _titled(c):
        for match in BOOK.finditer(text):
            inner = match.group(1)
            head = NUMBER_HEAD.match(inner)
            rest = inner[head.end():] if head else inner
            if rest.startswith("“") and rest.endswith("”"):
                yield Finding(path, f"书名号里整个套了双引号：“《{short(inner, 16)}》”", "删去书名号里的双引号",
                              match.start() + 1 + (head.end() if head else 0))


def _titled(c):
    """The title and the opening: where a proposal's name is quoted."""
    found = _title(c)
    if found:
        yield found
    opening = c.data.get("opening")
    if isinstance(opening, str):
        yield ("opening",), opening
