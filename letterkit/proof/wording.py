"""Form: how the title, the measures' numbering and units are written — hand-typed numbers,
a proposal title quoted two ways, the title's 文种 against the opening, units' names."""

from __future__ import annotations

import re

from .form import texts
from .reference import read
from .registry import Finding, rule

HAND_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])")


@rule("hand-typed-number", "error", "wording", "措施的标题和正文开头不要手写编号",
      "编号（一、（一）1.（1））由 letterkit 按层级生成；手写的编号会与生成的重复或错位。正文以“（1）……；（2）……”在句中列举的不报。",
      "heading: （一）调整产业发展专项资金政策。", "heading: 调整产业发展专项资金政策。")
def _hand_numbers(c):
    for path, value in texts(c.data):
        if path[0] == "measures" or "content" in path:
            match = HAND_NUMBER.match(value)
            if match and not _runs_on(value, match):
                yield Finding(path, f"开头手写了编号“{match.group().strip()}”", "删去编号，编号会自动生成", match.start())


CHINESE_DIGITS = "一二三四五六七八九十"


def _runs_on(value: str, match) -> bool:
    """Whether the number opens an enumeration inside the paragraph's own text: the next number of the
    same style follows in it (（1）实施……；（2）设置……), which a sentence may well do."""
    mark = match.group().strip()
    if mark[0] not in "（(":
        return False  # 一、 and 1. inside a sentence are a heading run into it, not an enumeration
    digits = re.search(r"\d+", mark)
    if digits:
        following = mark.replace(digits.group(), str(int(digits.group()) + 1), 1)
    else:
        numeral = re.search(f"[{CHINESE_DIGITS}]+", mark).group()
        if len(numeral) != 1 or numeral == "十":
            return False
        following = mark.replace(numeral, CHINESE_DIGITS[CHINESE_DIGITS.index(numeral) + 1], 1)
    rest = value[match.end():]
    return following in rest and len(rest) > 2 * len(following)


def _quoted(text: str | None) -> list[str]:
    return re.findall(r"[《“]([^《》“”]*(?:“[^“”]*”[^《》“”]*)*)[》”]", text or "")


def _same_title(quoted: str, want: str, kind: str) -> bool:
    """`“关于…体系”的提案` quotes the title without its kind word, and a draft may keep it or not: one title.
    Another kind's word is a slip (`…新高地的建议` in a reply to a 提案)."""
    own = re.compile(f"的?{re.escape(kind)}$") if kind else None
    return quoted == want or bool(own) and own.sub("", quoted) == own.sub("", want)


# in the body, the member's own proposal quoted again (您在《X》中反映的问题): 您 a few characters before the quote, the
# quote ending with a kind word; not another year's (您去年提出的《…》 is another proposal of the member's)
MEMBERS_QUOTE = re.compile(r"您([^，。；！？《》“”]{0,6})《(关于[^《》]{4,120}?(?:建议|提案|议案))》")
ANOTHER_TIME = re.compile(r"去年|上年|往年|前年|此前|以前|以往|历年|曾|\d{4}年|届")
SHARED_RUN = 3  # three characters of the title's own words alike (相思江): the same subject, quoted two ways


def _shares_words(quoted: str, want: str) -> bool:
    from .reference import bare_title

    a, b = bare_title(quoted).removeprefix("关于"), bare_title(want).removeprefix("关于")
    return any(a[i:i + SHARED_RUN] in b for i in range(len(a) - SHARED_RUN + 1))


@rule("quoted-title-mismatch", "warning", "wording", "标题和开头语中引用的提案标题须与 proposal.title 一致",
      "同一封信里提案标题写成两样，读者不知道哪个是对的。正文里“您在《关于……的建议》中反映的问题”这样对代表委员再引一次的提案标题"
      "（与 proposal.title 有三个字以上相同的说法，前面没有“去年”“此前”、年份、届次这类说另一件提案的词）也比。",
      "标题引“关于…新高地”，开头语引“关于…新高地的建议”", "两处都引 proposal.title 的原文", cached=False)
def _quoted_titles(c):
    if c.draft is None or not c.draft.proposal.title:
        return
    want = c.draft.proposal.title
    for kind in ("title", "p"):
        found = c.written(kind)
        if found is None:
            continue
        path, value = found
        # the quotes standing where a reply names its proposal (您提出的《X》（第54号）收悉): compared however
        # unlike proposal.title they are, unless one of them is it (a joint reply quotes two proposals)
        named = [quoted for quoted, _ in read(value, whole=kind == "title").titles]
        named = [] if any(_same_title(quoted, want, c.draft.proposal.kind or "") for quoted in named) else named
        for quoted in _quoted(value):
            if "关于" in quoted and not _same_title(quoted, want, c.draft.proposal.kind or "") and \
                    (want in quoted or quoted in want or quoted[:6] == want[:6] or quoted in named):
                yield Finding(path if kind == "title" else ("opening",) if "opening" in c.data else ("template",),
                              f"引用的标题“{quoted[:20]}…”与 proposal.title 不一致", f"改为“{want}”")
    from .text import prose

    for path, value in prose(c.data):
        if path[:1] in (("title",), ("opening",)) or "您" not in value or "《" not in value:
            continue
        for match in MEMBERS_QUOTE.finditer(value):
            quoted = match.group(2)
            if not ANOTHER_TIME.search(match.group(1)) and not _same_title(quoted, want, c.draft.proposal.kind or "") \
                    and _shares_words(quoted, want):
                yield Finding(path, f"引用的标题“{quoted[:20]}…”与 proposal.title 不一致", f"改为“{want}”", match.start(2))


@rule("title-form", "warning", "wording", "标题用“关于……的答复（复函、会办意见）”，并与正文“现答复如下”一致",
      "答复函的文种是“答复”或“复函”（“回复”不是文种）；“复函”的信开头说“答复如下”是通行写法，不报。",
      "关于对……提案的回复", "关于对……提案的答复")
def _title_form(c):
    found = c.written("title")
    if found is None:
        return
    path, title = found
    if not re.search(r"(答复|复函|的函|会办意见|协办意见)$", title):  # GB/T 9704: 机关＋事由＋文种; 关于 not required
        yield Finding(path, f"标题“…{title[-8:]}”没有以文种（答复、复函、……的函）结尾",
                      "写成“关于……的答复”“……的复函”（会办单位：“的会办意见”）")


@rule("unit-names", "warning", "wording", "用规范的单位名称，一封信里同一单位只用一种写法",
      "GB 3100–3102：平米不是规范名称；㎡ 与 平方米 混用显得不严谨。", "约1.5万平米；3万㎡；40万平方米", "一律写“平方米”")
def _units(c):
    spellings: dict[str, tuple] = {}
    for path, value in texts(c.data):
        for match in re.finditer(r"平米", value):
            yield Finding(path, "“平米”不是规范的单位名称", "改为“平方米”", match.start())
        for spelling in ("㎡", "平方米", "m²"):
            if spelling in value and spelling not in spellings:
                spellings[spelling] = (path, value.index(spelling))
    if len(spellings) > 1:
        (first, _), (second, (path, offset)) = list(spellings.items())[:2]
        yield Finding(path, f"面积单位既写“{first}”又写“{second}”", "全文统一用一种写法", offset)
