"""Family 1 (quantities), rates against each other: shares of one whole that add up to more than the whole
(其中高校毕业生占62%，农村转移劳动力占48%) and a change in 百分点 the two rates it joins contradict
(由62%提高到85%，提升了13个百分点).  Both are arithmetic on figures the sentence itself gives."""

from __future__ import annotations

import re
from decimal import Decimal

from .registry import Finding, rule
from .text import CJK, prose

PERCENT = r"(\d+(?:\.\d+)?)(?:%|％)"
# one share: what it is of, 占 (占比), at most a qualifier, the figure.  A share of a named whole (占全市的30%)
# is not read as a part of the 其中's whole
SHARE = re.compile(rf"([{CJK}（）()“”]{{1,16}}?)(?:的)?占(?:比)?(?:约为|约|近|达到|达|为)?{PERCENT}(?![\d.])")
ANY_SHARE = re.compile("占")
# parts that may overlap (a share of women and a share of party members, of an age and of a degree) or that
# are not of the whole (a change, a bound): two such shares may well add up to more than 100%
OVERLAP = re.compile("女|男|党员|团员|少数民族|岁|以上|以下|以内|学历|本科|大专|专科|研究生|硕士|博士|职称|"
                     "增长|提高|提升|下降|降低|同比|环比|满意|合格|达标|覆盖|完成|分别|均|各|每|累计|其中.*其中")
# rounding: each share is rounded to the figure given, so n shares of a whole may add up to 100% plus up to
# half a unit of their last place each; one whole point over is beyond any rounding of whole percents
ROUNDING = Decimal(1)


def _shares(text: str):
    """(where, the shares) for each 其中 that lists two shares or more up to the end of its sentence, every 占
    there a share of the 其中's whole."""
    for where in re.finditer("其中", text):
        end = min([i for i in (text.find(mark, where.end()) for mark in "。；;！？") if i >= 0] + [len(text)])
        span = text[where.end():end]
        found = list(SHARE.finditer(span))
        if len(found) < 2 or len(found) != len(ANY_SHARE.findall(span)):
            continue
        items = [re.split("[，,、：:]", m.group(1))[-1] for m in found]
        if any(OVERLAP.search(item) for item in items) or OVERLAP.search(span[:found[-1].end()]):
            continue
        yield where.end(), span, found, items


@rule("shares-over-whole", "warning", "quantities", "“其中”列出的几部分所占比例加起来超过100%（“其中高校毕业生占62%，农村转移劳动力占48%”）",
      "“其中”后面各部分“占”多少，占的都是前面那个总数；它们互不重叠时，加起来不能超过100%。超过了，多半是某个比例写错"
      "（常是数字颠倒）。女性、党员、年龄、学历这类可以互相重叠的比例，和“占全市”这类另有总数的比例不加；"
      "超出不到1个百分点的（四舍五入）不报。各部分也可能重叠而信里没说，所以是警告。",
      "达成就业意向1.1万人，其中高校毕业生占62%，农村转移劳动力占48%", "达成就业意向1.1万人，其中高校毕业生占42%，农村转移劳动力占48%")
def _shares_over_whole(c):
    for path, text in prose(c.data):
        if "其中" not in text or "%" not in text and "％" not in text:
            continue
        for start, span, found, items in _shares(text):
            total = sum(Decimal(m.group(2)) for m in found)
            if total > 100 + ROUNDING:
                listed = "，".join(f"{item}占{m.group(2)}%" for item, m in zip(items, found))
                yield Finding(path, f"“其中{listed}”加起来是{total.normalize():f}%，超过了100%",
                              "核对各部分的比例", start + found[-1].start(2))


# 由62%提高到85%，提升了13个百分点 (and the change said first: 提高了13个百分点，由62%提高到85%)
UP, DOWN = "提高|提升|上升|增长|增加|升至|增至|升高", "下降|降低|减少|回落|降至|减至"
MOVE = f"(?:{UP}|{DOWN})"
RATES = rf"[由从]{PERCENT}(?:{MOVE})?(?:到|至|为)?{PERCENT}"
POINTS = rf"(?:共|累计|整整)?{MOVE}了?(?:约)?(\d+(?:\.\d+)?)个百分点"
CHANGE = re.compile(rf"{RATES}[，,]?{POINTS}|{POINTS}[，,]?{RATES}")


@rule("points-mismatch", "error", "quantities", "“提高了多少个百分点”与前后两个比例对不上（“由62%提高到85%，提升了13个百分点”）",
      "同一句里说了比例由多少变到多少，又说变了几个百分点，百分点就是两个比例之差（85%−62%=23个百分点）；"
      "对不上，三个数中必有一个写错（常是数字颠倒）。只读这三个数紧挨着写的说法，是算术，把握很大。",
      "事件处置率由62%提高到85%，提升了13个百分点", "事件处置率由62%提高到85%，提升了23个百分点")
def _points_mismatch(c):
    for path, text in prose(c.data):
        if "百分点" not in text:
            continue
        for match in CHANGE.finditer(text):
            if match.group(1) is not None:
                first, second, points, at = match.group(1), match.group(2), match.group(3), match.start(3)
            else:
                points, first, second, at = match.group(4), match.group(5), match.group(6), match.start(4)
            if abs(Decimal(second) - Decimal(first)) != Decimal(points):
                yield Finding(path, f"“{match.group()}”：{second}%与{first}%相差"
                              f"{abs(Decimal(second) - Decimal(first)).normalize():f}个百分点，不是{points}个",
                              "核对两个比例和百分点数", at)


# a rate given with the two counts it is of: 抽检1260批次，合格1238批次，合格率99.3% (1238 ÷ 1260 = 98.3%).  The rate's
# word is the part's (合格 … 合格率, 达标 … 达标率), the two counts share one counting word, the whole said first
RATE_WORDS = "合格|达标|完成|通过|办结|结案|满意|到位|治愈|覆盖|整改|验收|受理|回复|签约"
RATE = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)(万)?([{CJK}]{{1,2}})[，,、]?(?:其中)?(?:均|全部)?({RATE_WORDS})(?:了)?(\d+(?:\.\d+)?)(万)?\3"
                  rf"[，,、]?(?:\4)?(?:率|比例)(?:为|达|达到|是)?(\d+(?:\.\d+)?)(?:%|％)")


def _rate_off(whole: Decimal, part: Decimal, said: Decimal, places: int) -> bool:
    """Whether the rate said is not part ÷ whole, rounded or cut to the places it is given in: one unit of its
    last place either way is allowed (99.3% for 99.25… or 99.34…; a letter may cut rather than round)."""
    if whole <= 0 or part > whole:
        return False
    exact = part / whole * 100
    return abs(exact - said) > Decimal(1).scaleb(-places)


@rule("rate-against-counts", "error", "quantities", "比率与紧挨着给出的两个数对不上（“抽检1260批次，合格1238批次，合格率99.3%”）",
      "同一句里先说总数、再说其中合格（达标、完成、办结……）多少、接着说合格率，比率就是两数相除"
      "（1238÷1260=98.3%）；相差超过比率末位的一个单位（四舍五入或截断都算对），三个数中必有一个写错。"
      "只读三个数紧挨着写、两个数量词相同、比率的词与部分的词相同（“合格……合格率”）的说法，是算术，把握很大。",
      "抽检1260批次，合格1238批次，合格率99.3%", "抽检1260批次，合格1238批次，合格率98.3%")
def _rate_against_counts(c):
    for path, text in prose(c.data):
        if "率" not in text or "%" not in text and "％" not in text:
            continue
        for match in RATE.finditer(text):
            whole = Decimal(match.group(1)) * (10_000 if match.group(2) else 1)
            part = Decimal(match.group(5)) * (10_000 if match.group(6) else 1)
            said = Decimal(match.group(7))
            places = len(match.group(7).partition(".")[2])
            if _rate_off(whole, part, said, places):
                exact = (part / whole * 100).quantize(Decimal(1).scaleb(-max(places, 1)))
                yield Finding(path, f"“{match.group()}”：{match.group(5)}÷{match.group(1)}是{exact}%，不是{said}%",
                              f"核对总数、{match.group(4)}数和{match.group(4)}率", match.start(7))
