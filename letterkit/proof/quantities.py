"""Family 1: quantities agree — the same thing measured twice, units, precision, numeral style.

GB/T 15835 is the reference for numbers.  A quantity is read as label + number + magnitude
(万, 亿) + unit; two mentions with the same label and unit whose values differ by a power of
ten but share their digits are one figure restated with the wrong magnitude.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .registry import Finding, rule
from .text import CJK, per_text, prose

MAGNITUDE = {"": 1, "千": 1000, "万": 10_000, "亿": 100_000_000}
UNITS = {"平方米": "m2", "㎡": "m2", "平米": "m2", "m²": "m2", "平方公里": "m2", "亩": "mu", "公顷": "m2",
         "元": "yuan", "人次": "visits", "人": "people", "家": "units", "个": "units", "件": "items",
         "吨": "t", "公里": "km", "千米": "km", "米": "m", "台": "machines", "辆": "vehicles", "所": "institutions",
         "座": "buildings", "条": "lines", "项": "projects", "名": "people", "户": "households", "套": "sets",
         "张": "sheets", "间": "rooms", "公斤": "t", "千克": "t", "立方米": "m3"}
SCALE = {"公斤": Decimal("0.001"), "千克": Decimal("0.001"), "千米": 1000, "公里": 1000,  # in the kind's first unit
         "公顷": 10_000, "平方公里": 1_000_000}  # 230公顷 restated as 230平方米: a power of ten apart, as 万 is
QUALIFIERS = re.compile("(?:约|近|达|为|共|计|逾|超过|已达|合计|总计|累计|共计|达到|约为|已经|总共|一共|已|均|都)+$")
QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*(千(?![米克])|万|亿)?(余|多)?(平方公里|平方米|立方米|㎡|平米|m²|亩|公顷|元|人次|人|家|个|件|吨|公里|千米|米|台|辆|所|座|条|项|名|户|套|张|间|公斤|千克)")


LABEL_RUN = re.compile(rf"[{CJK}]{{0,16}}$")
NOUN_AFTER = re.compile(rf"([{CJK}]{{3,4}}?)(?=[，。；、）)的]|$)")
NOUN_LEADS = re.compile(rf"(?![以左上下之的余多等不次及和与或至到])[{CJK}]{{4}}(?=[{CJK}])")  # 400辆新能源公交车运行平稳
BOUND = re.compile("(?:及|或)?(?:以上|以下|以内)")
YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d{2}年的?$")  # 较2022年的3120万人次
TWICE = re.compile(r"(约|大约|近)\d+(?:\.\d+)?(多|余)")


LEAD = set("在对按将把于从即经以")  # 我局在全长156公里: a preposition before what is counted
FILLERS = re.compile("[的了]")  # 此前新建的停车位6000个, 停车位增加了600个: what is counted, said with a particle


def _label(run: str) -> str:
    """The last four characters naming what is counted, without the particles 的/了 inside and the
    words between it and the number (共, 累计, 已达 …): 新建停车位 and 此前新建的停车位 give 建停车位."""
    return QUALIFIERS.sub("", FILLERS.sub("", run))[-4:]


@per_text
def quantities(text: str):
    """(offset of the number, label, value, unit kind, mantissa digits, as written) of each quantity."""
    for match in QUANTITY.finditer(text):
        if match.start() and text[match.start() - 1] in "0123456789.":
            continue
        run = LABEL_RUN.search(text[max(0, match.start() - 16):match.start()]).group()
        label = _label(run)
        year = YEAR_BEFORE.search(text, max(0, match.start() - 7), match.start()) if len(label) < 2 else None
        label = year.group()[:5] if year else label  # 2023年238.65万人次: the year is what names the figure
        number, magnitude, unit = match.group(1), match.group(2) or "", match.group(4)
        digits = number.replace(".", "").strip("0")
        if len(label) < 2 or BOUND.match(text, match.end()) and len(digits) < 3:
            continue  # 年产值40万元以上的企业 … 400万元以上的: a bound of a class, two bounds are two figures
            # (a bound is a round number: 2.36万元以上 restates a figure, 2.36亿元 said before)
        value = Decimal(number) * MAGNITUDE[magnitude] * SCALE.get(unit, 1)
        # 新增1200个公办学位: what is counted comes after the unit, or after 的 (3.2万人次的门诊量)
        noun = NOUN_AFTER.match(text, match.end() + (text.startswith("的", match.end())))
        leads = None if noun else NOUN_LEADS.match(text, match.end())  # a longer run: its first four characters
        noun = noun.group(1) if noun else leads.group() if leads else ""
        yield match.start(), label, value, UNITS[unit], digits, match.group(), noun


@rule("quantity-magnitude", "error", "quantities", "同一个数量前后写了两次，数量级不一致",
      "同一段里（或全信中有两位以上有效数字、或名目有三个字以上时）同一名目的数量（名目前的“在”“对”“按”不算，"
      "“全长15.6公里”……“在全长156公里”），数字相同而差 10 的整数次幂，"
      "多半是漏了或多了“万”“亿”。按每件计的两个单价（“按每餐3元至5元”……“按每张5000元”）是两个数，不报。误报很少：数字和名目都要相同。",
      "总建筑面积约23万㎡……总建筑面积约23平方米", "总建筑面积约23万㎡……总建筑面积约23万平方米")
def _magnitude(c):
    for path, offset, label, written, before_label, before_written, ratio, same in _restated(c.data):
        if same is True:
            quoted, before = _quoted(c.data, path, offset, written), before_label + before_written
            yield Finding(path, f"“{quoted}”与前文“{before}”数字相同而相差 {ratio} 倍",
                          "核对数量级（万、亿）和单位，改成一致", offset - (len(quoted) - len(written)))


def _same_label(label: str, before: str) -> bool:
    """总投资 and 项目总投资 (its last four characters: 目总投资) name one figure: the one ends with the other,
    of three characters or more, or after a preposition (全长 and 局在全长)."""
    shorter, longer = sorted((label, before), key=len)
    return label == before or ((len(shorter) >= 3 or longer[-len(shorter) - 1:-len(shorter)] in LEAD)
                               and longer.endswith(shorter))


def _same_noun(noun: str, before: str) -> bool:
    """公交车 and 公交车运 (of 400辆公交车运行平稳): what is counted, named after the unit, the one the start of the
    other, of three characters or more."""
    shorter, longer = sorted((noun, before), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter)


def _quoted(data, path, offset, written) -> str:
    """The quantity with the words before it up to the last mark (项目总投资约3.2万元), at most 12 of them."""
    text = next(t for p, t in prose(data) if p == path)
    return LABEL_RUN.search(text[max(0, offset - 12):offset]).group() + written


REFERS = re.compile("上述|前述|上面")  # 上述560余户: the figure said before, by the letter's own word
YEAR_IN = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
CLAUSE_RUN = re.compile(rf"[{CJK}]{{1,12}}$")
PART = re.compile("其中|占|用于|包括|平均|每")  # 其中省级补助860万元: a part of the total, not the total again
# what is spent or counted, not what was done: 投入资金 … 争取上级资金 share 资金 but no verb
NOT_DOING = re.compile("资金|经费|资产|费用|补助|补贴|面积|人口|总额|规模|项目|全区|全县|全市|全镇|全乡|群众|上级|财政|专项|各级")


BASIS = re.compile(r"在[^，。；！？]{0,20}$")  # 在已投入8600万元……的基础上: what was done, said again


def _when(text: str, offset: int) -> tuple[str, str, bool, str]:
    """(the year its sentence names before the number, the words of its clause right before it, whether
    it restates what was done — 在……的基础上, 已投入 —, the year its own clause names):
    2023年投入资金860万元 → (2023, 投入资金, False, 2023)."""
    start = max(text.rfind(mark, 0, offset) for mark in "。；！？") + 1
    years = YEAR_IN.findall(text, start, offset)
    run = CLAUSE_RUN.search(text, max(start, offset - 12), offset)
    words = "" if run is None or PART.search(run.group()) else run.group()
    after = re.match(r"[^，。；！？]{0,20}", text[offset:]).group()
    back = (BASIS.search(text, start, offset) is not None and "基础上" in after) or words.startswith("已")
    clause = max(text.rfind(mark, 0, offset) for mark in "，,。；！？") + 1
    own = YEAR_IN.findall(text, clause, offset)  # 2022年新建道路450公里: the year of this figure
    return (years[-1] if len(set(years)) == 1 else ""), words, back, (own[-1] if len(set(own)) == 1 else "")


def _same_doing(when: tuple, before: tuple) -> bool:
    """One verb, and one year or the later said to be what was done: 2023年投入资金860万元 … 在2023年投入
    8600万元……的基础上 restate one figure.  Two years' figures, or a part of a total (其中, 用于), are two."""
    (year, words, back, _), (before_year, before_words, _, _) = when, before
    pairs = {words[i:i + 2] for i in range(len(words) - 1)}
    return (back or bool(year) and year == before_year) and any(
        re.fullmatch(f"[{CJK}]{{2}}", pair) and "年" not in pair and pair in before_words and not NOT_DOING.fullmatch(pair)
        for pair in pairs)


def _one_verb(when: tuple, before: tuple) -> bool:
    """A two-character word of what was done, right before both numbers (惠及群众12.6万人 … 将惠及126万人):
    with the point moved inside one 万/亿 one figure said twice (12万人 and 120万人 may be two)."""
    words, before_words = when[1], before[1]
    return any(re.fullmatch(f"[{CJK}]{{2}}", words[i:i + 2]) and "年" not in words[i:i + 2] and words[i:i + 2] in before_words
               and not NOT_DOING.fullmatch(words[i:i + 2]) for i in range(len(words) - 1))


_restated_last: list = [None, None]  # the draft last read and its restated quantities: two rules ask


def _restated(data) -> list:
    """_restated_in, worked out once per draft (quantity-magnitude and figure-magnitude both read it)."""
    if _restated_last[0] is not data:
        _restated_last[:] = [data, list(_restated_in(data))]
    return _restated_last[1]


def _restated_in(data):
    """Each quantity whose digits and unit an earlier one has, at another power of ten."""
    seen: dict[tuple, list] = {}
    for index, (path, text) in enumerate(prose(data)):
        for (offset, label, value, unit, digits, written, noun), when, run in _quantities_read(text):
            key, per = (unit, digits), _per(text, offset)
            for before_index, before_label, before_value, before_written, before_noun, before_run, before_when, before_per \
                    in seen.get(key, []):
                if per and before_per and per != before_per:
                    continue  # 按每张5000元 … 按每餐3元至5元: amounts for one of two things
                # one label, or what is counted named the same before or after the number (公办学位12000个 …
                # 新增1200个公办学位)
                same = REFERS.search(label) is not None or _same_label(label, before_label) or any(
                    _same_label(x, y) for x, y in ((noun, before_noun), (noun, before_label), (label, before_noun)) if x and y) \
                    or _same_noun(noun, before_noun)
                if when[3] and before_when[3] and when[3] != before_when[3]:
                    continue  # 2022年新建道路450公里 … 2023年新建道路45公里: two years' figures
                if value and before_value and value != before_value \
                        and (len(digits) >= 2 or (same and (before_index == index or len(label) >= 3
                                                            or (len(noun) >= 4 and _same_noun(noun, before_noun))))):
                    ratio = max(value, before_value) / min(value, before_value)
                    if ratio >= 10 and ratio == 10 ** (len(str(int(ratio))) - 1):
                        yield path, offset, label, written, before_run, before_written, int(ratio), same or (
                            "when" if _same_doing(when, before_when) else
                            "label" if _alike(label, before_label) else "verb" if _one_verb(when, before_when) else
                            "named" if _named_in(label, before_run) or _named_in(before_label, run) else
                            "now" if _now_named(run, noun, before_run + "|" + before_noun) else
                            "noun" if _noun_named(noun, before_run) else "")
                        break
            seen.setdefault(key, []).append((index, label, value, written, noun, run, when, per))


# an amount for each of something (每张, 每餐, 每亩, 每人每月), before the number in its clause, after the last number
# (按每餐3元至5元: both 3元 and 5元 are for a meal)
RATE_OF = re.compile(rf"每([{CJK}]{{1,2}}?)(?:每[{CJK}])?[^，。；！？\d每]{{0,8}}$")


def _per(text: str, offset: int) -> str:
    """What the amount at offset is for (餐 of 按每餐3元至5元, 张 of 按每张5000元 …), or "" when it is no rate."""
    clause = max(text.rfind(mark, 0, offset) for mark in "，,。；！？") + 1
    match = RATE_OF.search(re.sub(r"\d+(?:\.\d+)?[^\d，。；！？每]{0,3}至$", "", text[clause:offset]))
    return match.group(1) if match else ""


# a name of four characters or more ending in a place's or a work's last word: 涑河北街, 滨河路段 — what one
# figure is of, wherever the other figure's clause names it
NAMED_END = re.compile("[街路道巷河渠桥湖库线段]$")


def _named_in(label: str, run: str) -> bool:
    """The one figure's label names a street, a road, a river (涑河北街, four characters or more), and the other
    figure's words right before it name it too (其中涑河北街改造长度约3.2公里 … 总结涑河北街32公里改造经验)."""
    return len(label) >= 4 and NAMED_END.search(label) is not None and not NOT_DOING.search(label) and label in run


# a figure of what there is now (对现有12万亩刺梨基地), what it is of named after it: the figure said before of that
# thing (全区刺梨种植面积1.2万亩), a figure of the same thing as it stands, one figure
NOW_BEFORE = re.compile("(?:现有|目前|目前共有|现已有|目前已有)$")


def _now_named(run: str, noun: str, before: str) -> bool:
    """The later figure says what there is now (现有, 目前 right before it) and names what it is of after it with a
    word of two characters the earlier figure's words hold (刺梨 of 刺梨基地 in 全区刺梨种植面积), no word any figure is
    named by (资金, 面积, 项目)."""
    return NOW_BEFORE.search(run) is not None and any(
        re.fullmatch(f"[{CJK}]{{2}}", noun[i:i + 2]) and noun[i:i + 2] in before and not NOT_DOING.fullmatch(noun[i:i + 2])
        for i in range(len(noun) - 1))


def _noun_named(noun: str, before_run: str) -> bool:
    """What the later figure is of, named after it in four characters (48万元课后服务专项资金: 课后服务), stands in the
    words right before the earlier figure (安排课后服务专项补助资金480万元): one thing's figure — not a word any figure
    is named by (资金, 项目, 面积)."""
    return len(noun) >= 4 and noun[:4] in before_run and not NOT_DOING.search(noun[:4])


@per_text
def _quantities_read(text: str):
    """Each quantity of one paragraph with its _when and the words before it as written (此前新建的停车位):
    the same in any letter, read once per paragraph."""
    for quantity in quantities(text):
        offset = quantity[0]
        yield quantity, _when(text, offset), LABEL_RUN.search(text[max(0, offset - 12):offset]).group()


def _tail(label: str, before: str) -> int:
    """How many characters two labels end alike: 全年门诊量 and 其中门诊量 (年门诊量, 中门诊量) name one
    figure by 门诊量, though the words before it differ."""
    same = 0
    while same < min(len(label), len(before)) and label[-1 - same] == before[-1 - same]:
        same += 1
    return same


def _alike(label: str, before: str) -> bool:
    """Labels ending in three characters alike (门诊量), or in two that name what was done (总投资 and
    计划投资: 投资) — not a word any sum or count is named by (资金, 面积, 项目: 财政资金 and 上级资金 are two)."""
    tail = _tail(label, before)
    return tail >= 3 or (tail == 2 and re.fullmatch(f"[{CJK}]{{2}}", label[-2:]) is not None
                         and not NOT_DOING.fullmatch(label[-2:]))


WRITTEN = re.compile(r"(\d+(?:\.\d+)?)\s*(千|万|亿)?")


def _same_figure(a: str, b: str) -> bool:
    """3.2亿元 and 3.2万元 (the same number, another 万/亿), 1.36亿元 and 13.6亿元 (the point moved):
    one figure miswritten; 12家 and 120家 are two figures."""
    (number_a, magnitude_a), (number_b, magnitude_b) = WRITTEN.match(a).groups(), WRITTEN.match(b).groups()
    return (number_a == number_b and magnitude_a != magnitude_b) or ("." in number_a and "." in number_b)


def _same_magnitude(a: str, b: str) -> bool:
    """32万人次 and 3.2万人次, 1.5亿元 and 15亿元: one 万 or 亿, the point moved or a zero added inside it."""
    magnitude_a, magnitude_b = WRITTEN.match(a).group(2), WRITTEN.match(b).group(2)
    return magnitude_a == magnitude_b and magnitude_a in ("万", "亿")


def _point_moved(a: str, b: str) -> bool:
    """3.2公里 and 32公里: one 万/亿 or none, the point in one and not in the other (the digits are the same)."""
    (number_a, magnitude_a), (number_b, magnitude_b) = WRITTEN.match(a).groups(), WRITTEN.match(b).groups()
    return magnitude_a == magnitude_b and ("." in number_a) != ("." in number_b)


def _written_out(a: str, b: str, ratio: int) -> bool:
    """2.3万人 … 2300名: a count in 万 written out one place short (not money: 1.2万元 … 每户1200元 is common)."""
    (_, magnitude_a), (_, magnitude_b) = WRITTEN.match(a).groups(), WRITTEN.match(b).groups()
    return ratio == 10 and magnitude_a != magnitude_b and "元" not in a + b


PART_OF = re.compile(f"其中[{CJK}]{{0,6}}$")  # 2.8万亩，其中新建1.5万亩: a part of the total its sentence gives


def _a_part(data, path, offset) -> bool:
    """The quantity at offset is a part of a total said just before it (其中新建1.5万亩): its own figure, not another
    one written out wrong (两村连片农田共1500亩)."""
    text = next(t for p, t in prose(data) if p == path)
    return PART_OF.search(text, max(0, offset - 8), offset) is not None


@rule("figure-magnitude", "warning", "quantities", "同一个数字在信里出现两次，数量级不同",
      "名目不同（“累计投入资金3.2亿元”……“在前期投入3.2万元”），但两位以上有效数字和单位都相同、只差 10 的整数次幂，"
      "而且是同一个数换了“万”“亿”或挪了小数点（12家与120家不算），多半是同一笔数写错了。同一年份、同一个动词"
      "（“2023年投入资金860万元”……“在2023年投入8600万元”），或后一处是“在已投入……的基础上”说回已做的事，也报；"
      "名目末尾三个字以上相同、同一个“万”或“亿”里挪了小数点或多了个0（“全年门诊量32万人次”……“其中门诊量3.2万人次”）也报；一处名目是四字以上的街、路、河这类名字、另一处前面也写着它，小数点一处有一处无（“其中涑河北街改造长度约3.2公里”……“总结涑河北街32公里改造经验”）也报。"
      "后一处数后面紧跟的四个字见于前一处数前面的名目（“安排课后服务专项补助资金480万元”……“确保今年48万元课后服务专项资金”），同一个万或亿里多了个0或挪了小数点，也报；"
      "后一处以万、亿计而没写单位（“在现有1.86万签约居民基础上”），紧跟的四个字见于前一处的名目，也报；"
      "“力争到2025年……稳定在（达到、不低于）5.2万亩以上”这样的目标，名目相同，比前文现有的“52万亩”小 10 的整数次幂倍，也报（要降低的目标不读）。"
      "两个年份各自的数、总数和“其中”的一部分（“其中新建1.5万亩”……“两村连片农田共1500亩”）不报。把握一般：两个不同的数恰好数字相同时也会报，所以是警告。",
      "累计投入资金3.2亿元……在前期投入3.2万元", "累计投入资金3.2亿元……在前期投入3.2亿元")
def _figure(c):
    for path, offset, label, written, before_label, before_written, ratio, same in _restated(c.data):
        if same is not True and (same == "when" or _same_figure(written, before_written)
                                 or (same == "label" and _same_magnitude(written, before_written))
                                 or (same == "verb" and _same_magnitude(written, before_written) and "." in written + before_written)
                                 or (same in ("named", "now") and _point_moved(written, before_written))
                                 or (same == "noun" and (_same_magnitude(written, before_written)
                                                         or _point_moved(written, before_written)))
                                 or (_written_out(written, before_written, ratio) and not _a_part(c.data, path, offset))):
            # as written (其中门诊量3.2万人次, not 中门诊量), or by its year when that is longer (2023年238.65万人次)
            quoted = max(_quoted(c.data, path, offset, written), label + written, key=len)
            yield Finding(path, f"“{quoted}”与前文“{before_label}{before_written}”数字相同而相差 {ratio} 倍，"
                                "可能是同一个数写错了数量级", "核对数量级（万、亿）、小数点和单位", offset)
    yield from _bare_restated(c.data)
    yield from _target_below(c.data)


# a figure in 万/亿 with no unit, what it counts named right after it: 在现有1.86万签约居民基础上
BARE_FIGURE = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)(万|亿)(?=([{CJK}]{{4}}))")
NOT_A_NOUN = re.compile("^(?:余|多|左右|以上|以下|平方|立方|公里|公顷|千米|千克|公斤|元|人|户|亩|吨|个|家|所|座|条|项|名|套|张|间|台|辆)")


def _bare_restated(data):
    """A figure in 万 or 亿 written with no unit (1.86万签约居民) whose digits an earlier quantity has at another
    power of ten, the four characters after it standing in the earlier quantity's words (全区家庭医生签约居民18.6万人):
    one figure with its point moved."""
    seen = []  # (digits, value, the words before it, as written)
    for path, text in prose(data):
        if not any(ch.isdigit() for ch in text):
            continue
        bare = {m.start(): m for m in BARE_FIGURE.finditer(text) if not NOT_A_NOUN.match(m.group(3))} if ("万" in text or "亿" in text) else {}
        for offset, label, value, unit, digits, written, noun in quantities(text):
            seen.append((digits, value, LABEL_RUN.search(text[max(0, offset - 12):offset]).group(), label + written))
        for offset, match in bare.items():
            noun, value = match.group(3), Decimal(match.group(1)) * MAGNITUDE[match.group(2)]
            digits = match.group(1).replace(".", "").strip("0")
            before = next((b for b in seen if b[0] == digits and len(digits) >= 2 and b[1] != value and noun in b[2]
                           and max(b[1], value) / min(b[1], value) in (10, 100, 1000)), None)
            if before and not NOT_DOING.search(noun):
                ratio = int(max(before[1], value) / min(before[1], value))
                yield Finding(path, f"“{match.group()}{noun}”与前文“{before[3]}”数字相同而相差 {ratio} 倍，可能是同一个数点错了小数点",
                              "核对数量级（万、亿）和小数点", offset)


# a target (力争到2025年…稳定在5.2万亩以上) set at what there is already (2022年…制种面积52万亩), ten times below it:
# a target that keeps or raises a figure is never a tenth of it; a target to lower one (降低到, 控制在) is not read
TARGET = re.compile(f"(?:稳定在|保持在|达到|提高到|提升到|增加到|扩大到|发展到|突破|不低于|不少于)(?:{QUALIFIERS.pattern[:-1]})?$")
PLANS = re.compile(r"力争|目标|到(?:19|20)\d{2}年|计划|预计|确保")


def _target_below(data):
    seen = []  # (unit, digits, value, label, as written)
    for path, text in prose(data):
        for offset, label, value, unit, digits, written, noun in quantities(text):
            seen.append((unit, digits, value, label, label + written))
        for match in QUANTITY.finditer(text) if PLANS.search(text) else ():
            before = text[_clause_start(text, match.start()):match.start()]
            aim = TARGET.search(before)
            sentence = text[max(text.rfind(mark, 0, match.start()) for mark in "。；！？") + 1:match.start()]
            if not aim or not PLANS.search(sentence) or (match.start() and text[match.start() - 1] in "0123456789."):
                continue
            number, magnitude, unit = match.group(1), match.group(2) or "", match.group(4)
            value = Decimal(number) * MAGNITUDE[magnitude] * SCALE.get(unit, 1)
            digits, label = number.replace(".", "").strip("0"), _label(before[:aim.start()])
            first = next((b for b in seen if b[0] == UNITS[unit] and b[1] == digits and len(digits) >= 2 and b[2] > value
                          and b[2] / value in (10, 100, 1000) and len(label) >= 3 and _same_label(label, b[3])), None)
            if first:
                start = max(0, len(before) - 12)
                while 0 < start and before[start - 1].isdigit():  # 到2025年, not 25年
                    start -= 1
                yield Finding(path, f"“{before[start:]}{match.group()}”的目标比前文现有的“{first[4]}”还小 {int(first[2] / value)} 倍，"
                                    "可能是同一个数写错了数量级", "核对数量级（万、亿）和小数点", match.start())


def _clause_start(text: str, offset: int) -> int:
    return max(text.rfind(mark, 0, offset) for mark in "，,。；;！？：:") + 1


# units of one dimension that a figure may be restated in by mistake (2.3万亩 … 2.3万公顷)
DIMENSION = {"亩": "area", "公顷": "area", "平方米": "area", "㎡": "area", "平米": "area", "m²": "area", "平方公里": "area",
             "米": "length", "公里": "length", "千米": "length", "吨": "weight", "公斤": "weight", "千克": "weight"}
SAME_UNIT = {"㎡": "平方米", "平米": "平方米", "m²": "平方米", "千米": "公里", "千克": "公斤"}


@rule("unit-restated", "warning", "quantities", "同一个数前后用了同一量的两种单位（“2.3万亩”……“2.3万公顷”）",
      "同一个带小数或“万”“亿”、或有两位以上有效数字的数，一处写亩一处写公顷（公里与米、吨与公斤同理），"
      "两个单位相差几十上百倍，其一必是写错。名目末三字相同、同一个数的速率一处“/秒”一处“/小时”（“设计抽排能力6立方米/秒”……“抽排能力6立方米/小时”）也报。"
      "平方米与㎡、公里与千米是一个单位，不报；差 10 的整数次幂的（吨与公斤）由 quantity-magnitude 报。把握较大，但两个不同的量恰好数字相同时也会报，所以是警告。",
      "累计完成治沙造林面积2.3万亩……巩固已完成的2.3万公顷治沙造林成果", "……巩固已完成的2.3万亩治沙造林成果")
def _unit_restated(c):
    seen: dict[tuple, str] = {}
    for path, text in prose(c.data):
        for match in RESTATED.finditer(text) if any(ch in text for ch in "亩顷米㎡²里吨斤克") else ():
            number, magnitude, unit = match.groups()  # 420余万: 余 before or after 万
            if match.start() and text[match.start() - 1] in "0123456789.":
                continue
            written, same = number + magnitude, SAME_UNIT.get(unit, unit)
            if not ("." in number or magnitude or _significant(number) >= 2):
                # a round number (200米) is said of many things: one thing's only when the words either side are the
                # same (校园周边200米范围内 … 周边200公里范围内: 周边 before, 范围 after)
                around = (text[max(0, match.start() - 2):match.start()], text[match.end():match.end() + 2])
                if not all(re.fullmatch(f"[{CJK}]{{2}}", w) and not NOT_STEM & set(w) for w in around):
                    continue
                before = seen.get((written, DIMENSION[unit], around))
                if before and SAME_UNIT.get(before, before) != same and UNITS[before] != UNITS[unit]:
                    yield Finding(path, f"“{around[0]}{written}{unit}{around[1]}”与前文“{around[0]}{written}{before}{around[1]}”"
                                        "数字相同、说法相同，单位不同", f"核对单位是“{before}”还是“{unit}”", match.start() + len(written))
                seen.setdefault((written, DIMENSION[unit], around), unit)
                continue
            before = seen.get((written, DIMENSION[unit]))
            if before and SAME_UNIT.get(before, before) != same and UNITS[before] != UNITS[unit]:  # 吨 … 公斤: quantity-magnitude's
                yield Finding(path, f"“{written}{unit}”与前文“{written}{before}”数字相同、单位不同",
                              f"核对单位是“{before}”还是“{unit}”", match.start() + len(written))
            seen.setdefault((written, DIMENSION[unit]), unit)
    yield from _rate_restated(c)


# land measured in 亩 throughout, one figure in 公顷: 1 公顷 = 15 亩
LAND = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万|千)?(余|多)?(亩|公顷)(?![\d/])")
MU_PER_HECTARE = 15
# what names the whole of a place's land (全区耕地面积2.1万公顷): a total may well be the largest figure of a letter
# and 面积 names a place's own extent (湿地核心区面积约586公顷), larger than the works on it in 亩 as it may well be
WHOLE_LAND = re.compile("全区|全县|全市|全镇|全乡|全省|全国|面积|总|辖区|行政区域|国土")


@rule("unit-mixed", "warning", "quantities", "全信土地面积都以“亩”计，一处却以“公顷”计而大得不合（“水源有保障的1.1万公顷耕地”）",
      "一封信里土地面积有两处以上以“亩”计、只有一处以“公顷”计，而这一处折成亩（1公顷=15亩）比信里任何一个以亩计的面积都大，"
      "它又不是全区、全县这类全部的或某地的“面积”（“全区耕地面积2.1万公顷”“湿地核心区面积约586公顷”不报），多半是把“亩”写成了“公顷”"
      "（“累计建成高标准农田14.6万亩”……“三王村等……1.1万公顷耕地纳入储备库”：几个村的耕地比全区建成的还多）。"
      "一封信里两种单位混用本身也可能，所以是警告。",
      "我区累计建成高标准农田14.6万亩，其中山区建成3.2万亩……优先将三王村等水源有保障的1.1万公顷耕地纳入项目储备库",
      "我区累计建成高标准农田14.6万亩，其中山区建成3.2万亩……优先将三王村等水源有保障的1.1万亩耕地纳入项目储备库")
def _unit_mixed(c):
    mu, hectares = [], []
    for path, text in prose(c.data):
        for match in LAND.finditer(text) if "亩" in text or "公顷" in text else ():
            value = Decimal(match.group(1)) * MAGNITUDE[match.group(2) or ""]
            clause = text[_clause_start(text, match.start()):match.start()]
            if re.match("(?:及|或)?(?:以上|以下|以内)|/", text[match.end():]) or re.search("每|亩均|均", clause[-4:]):
                continue  # a bound (100亩以上) or a rate (每亩) is not an area of land
            (mu if match.group(4) == "亩" else hectares).append((path, match, value, clause))
    if len(hectares) != 1 or len(mu) < 2:
        return
    path, match, value, clause = hectares[0]
    largest = max(m[2] for m in mu)
    # the same figure said in 亩 elsewhere (2.3万亩 … 2.3万公顷) is unit-restated's
    if value * MU_PER_HECTARE > largest and not WHOLE_LAND.search(clause) and value not in {m[2] for m in mu}:
        yield Finding(path, f"“{clause.split('、')[-1][-10:]}{match.group()}”：信里别处面积都以“亩”计（最大的是{_plain_mu(largest)}亩），"
                            f"这一处以“公顷”计，折合{_plain_mu(value * MU_PER_HECTARE)}亩，比它们都大",
                      "核对单位，多半是“亩”", match.start(4))


def _plain_mu(value: Decimal) -> str:
    return f"{(value / 10_000).normalize():f}万" if value >= 10_000 else f"{value.normalize():f}"


# a rate: an amount over a time (6立方米/秒, 120吨/天, 6立方米每秒)
RATE_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万|千)?(立方米|m³|m3|吨|千瓦|升|人次|辆|公里|千米|米)\s*(?:/|每)(秒|分钟|小时|天|日|月|年)")
SAME_TIME = {"日": "天"}


def _rate_restated(c):
    """One rate said twice of one thing (its label the same, three characters at its end at least), the same number
    and amount, another time: 设计抽排能力6立方米/秒 … 抽排能力6立方米/小时 — a pump's capacity is one figure."""
    seen: dict[tuple, list] = {}
    for path, text in prose(c.data):
        for match in RATE_UNIT.finditer(text) if "/" in text or "每" in text else ():
            number, magnitude, amount, time = match.groups()
            label = _label(LABEL_RUN.search(text, max(0, match.start() - 16), match.start()).group())
            key = (number + (magnitude or ""), amount)
            before = next((b for b in seen.get(key, ()) if SAME_TIME.get(b[0], b[0]) != SAME_TIME.get(time, time)
                           and len(label) >= 3 and _tail(label, b[1]) >= 3), None)
            if before:
                yield Finding(path, f"“{label}{match.group()}”与前文“{before[2]}”是同一个数，时间单位却不同",
                              f"核对是“/{before[0]}”还是“/{time}”，全文一致", match.start(4) - 1)
                continue
            seen.setdefault(key, []).append((time, label, label + match.group()))


RESTATED = re.compile(r"(\d+(?:\.\d+)?)\s*((?:余|多)?(?:千(?![米克])|万|亿)?(?:余|多)?)(" + "|".join(sorted(DIMENSION, key=len, reverse=True)) + ")")


SUBJECT = re.compile(r"人次[^，。；！？、]{0,8}?\d+(?:\.\d+)?(?:万|亿)?(?:余|多)?人(?![次员才民大口群均])")
# counting units for people: how many people (人, 名), how many visits (人次), how many households (户)
# counting units for people (人, 名), visits (人次), households (户), vehicles, and places and bodies (处, 家 …)
# (人 before 群 is 人群, a crowd, unless 群众 follows: 3800人群众 counts people)
COUNTED = re.compile(r"(约|近|逾|超过|大约|上述|前述)?(\d+(?:\.\d+)?)(余|多)?([万亿](?:余|多)?)?(人次|人(?![员才民大口均]|群(?!众))"
                     r"|名(?![称单义额录次])|户(?![籍口外型主均])|辆次|辆|架次|架|艘次|艘|处|家|个|所|座|套|间)")
COUNTS = {"人": "人", "名": "人", "人次": "人次", "户": "户", "辆": "辆", "辆次": "辆次", "架": "架", "架次": "架次",
          "艘": "艘", "艘次": "艘次"}
PEOPLE = {"人", "人次", "户"}  # counted against each other; a vehicle's count only against its own 次 (辆 / 辆次)
PERSONS, OBJECTS = {"人", "名", "人次"}, set("个家所座处套间")  # one thing counted in people and in objects
THINGS = set("处家个所座套间户")  # places, bodies, dwellings: one exact figure of three significant digits counts one
# an exact count of a hundred or more of two significant digits in 户 and in 人 (430户 … 430人): over the 582
# fixture and shared letters, the only such pair both exact is a planted slip — smaller numbers (12户, 60人) are
# often two counts, and 人次 against 户 (培训1500人次，惠及1500户) is two counts as often as one
EXACT_PEOPLE = 100


def _significant(number: str) -> int:
    return len(number.rstrip("万亿").replace(".", "").strip("0"))


def _counted_twice(first: tuple, second: tuple) -> bool:
    """Whether two counts of one number with another unit are one figure miscounted: (unit, about, exact
    digits) of each — 人 against 人次 or 户 (rounded, or of three significant digits), a vehicle against its
    own 次, and a thing's count of three significant digits against a 户 (126处 … 126户)."""
    (unit_a, about_a, number), (unit_b, about_b, _) = first, second  # number: 4800, 86万
    kinds = {COUNTS.get(unit_a, unit_a), COUNTS.get(unit_b, unit_b)}
    if len(kinds) < 2 or len(number) < 3:
        return False
    if kinds <= PEOPLE:
        if "户" not in kinds:
            return True
        # 户 and 人 may be two counts of one village: both rounded, one said to be the other (上述), or one
        # rounded and the other of two significant digits at least (约4800户 … 4800人)
        return "refers" in (about_a, about_b) or (about_a and about_b) \
            or (bool(about_a or about_b) and _significant(number) >= 2) or _significant(number) >= 3 \
            or (kinds == {"户", "人"} and _significant(number) >= 2 and number[-1] not in "万亿" and Decimal(number) >= EXACT_PEOPLE)
    if len({k.rstrip("次") for k in kinds}) == 1 and kinds & set("辆架艘"):
        return True
    return "户" in kinds and kinds <= THINGS and _significant(number) >= 3 and not (about_a or about_b)


@rule("unit-subject", "warning", "quantities", "量词与所计的事物一致：计“人次”的不写成“人”，同一个约数不一处“户”一处“人”",
      "“参与总人次达6万余人”：主语是人次，量词却是人；同一个数一处写人次、一处写人，也是其一写错。"
      "同一个约数（“3000余户”……“3000余人”，带余、多、约、近或以万计）、三位以上有效数字的同一个数（“11860户”……“11860人”）、"
      "一处约数一处两位有效数字（“约4800户”……“4800人”）或用“上述”指回前文的数（“2870名学生”……“上述2870户学生”）"
      "一处按户、一处按人计，也是其一写错（“名”与“人”同类）；一百以上、两位有效数字的同一个确数（“430户养殖户”……“参保的430人”）也报。"
      "车辆、航班、船只也一样：同一个数一处“辆次”一处“辆”（架次/架、艘次/艘）；三位有效数字的同一个数一处“处”（家、个、所、套）一处“户”也报。“余”写在“万”前（“420余万人次”……“420余万人”）同样比。"
      "同一名目、同一个数一处按人一处按个、家、所计（“新增学位2700个”……“已新增学位2700人”）也报。"
      "三位以上的同一个数，一处人次（人）一处户，而两处说的是同一件事——有同一个双字词（“农民”），或开头的动词同一个词根"
      "（“培训农民1500人次”……“参训的1500户”，隔着“的”也读）——也报；“家”与“个”、岗位与人数这类两个数不报。"
      "同一个两位以上有效数字的数、旁边是同一个名词，一处“个”一处“间”（台、座、处、套……）：“改造提升摊位286个”……“286间摊位”、"
      "“充电桩120个”……“120台充电桩”，也报；“所”只与间、座、栋这类量词比（“托管教室86间”……“上述86所托管教室”），与“个”“家”不比（都是常用说法）；两种东西的“286个”“286间”不报。"
      "只认这几种量词，数字要有三位以上（换量词的要两位有效数字），误报很少。",
      "受影响群众3000余户……实现3000余人用上自来水", "受影响群众3000余户……实现3000余户用上自来水")
def _unit_subject(c):
    by_number: dict[str, tuple] = {}
    by_label: dict[tuple, tuple] = {}  # (what is counted, the number) → (unit, as written)
    by_stem: dict[str, list] = {}  # the number → (unit, the characters of its clause around it, as written)
    for path, text in prose(c.data):
        for match in SUBJECT.finditer(text):
            yield Finding(path, f"“{match.group()}”：计的是人次，量词却是“人”", "改为“人次”，或把主语改为“人数”",
                          match.end() - 1)
        for match in COUNTED.finditer(text) if any(unit in text for unit in "人户名辆架艘个家所座处套间") else ():
            if match.start() and text[match.start() - 1] in "0123456789.":
                continue
            lead, number, more, magnitude, unit = match.groups()
            written = number + (more or "") + (magnitude or "")  # 420余万, 2.6万, 3000余
            about = "refers" if lead in ("上述", "前述") else bool(lead or more or magnitude)
            label = _label(LABEL_RUN.search(text, max(0, match.start(2) - 16), match.start(2)).group())
            named = by_label.get((label, written)) if len(label) >= 3 else None
            if named and {named[0], unit} & PERSONS and {named[0], unit} & OBJECTS:
                yield Finding(path, f"“{label}{written}{unit}”与前文“{named[1]}”名目、数字相同，量词不同",
                              f"核对计的是“{named[0]}”还是“{unit}”，全文一致", match.start(5))
                continue  # 新增学位2700个 … 已新增学位2700人: one count, its unit miswritten
            by_label.setdefault((label, written), (unit, f"{label}{written}{unit}"))
            stem = _stem(text, match.start(2), match.end())
            other = by_number.get(written)
            figure = number + (magnitude or "")[:1]  # 86万: as long as three digits
            doing = next((d for d in by_stem.get(written, ()) if _one_doing(d, unit, stem, number)), None) \
                if not (other and _counted_twice(other[:2] + (figure,), (unit, about, figure))) else None
            if doing:
                yield Finding(path, f"“{written}{unit}”与前文“{doing[2]}”数字相同、说的是同一件事（“{'”“'.join(sorted(w.strip('~') for w in doing[1] & stem))}”），"
                                    "量词不同", f"核对计的是“{doing[0]}”还是“{unit}”，全文一致", match.start(5))
                continue  # 培训农民1500人次 … 参训的1500户: one count read through its verb
            by_stem.setdefault(written, []).append((unit, stem, f"{written}{unit}"))
            if unit in THINGS - {"户"} and _significant(number) < 3:
                continue  # 12个, 3家: too common to be one figure
            if other and _counted_twice(other[:2] + (figure,), (unit, about, figure)):
                yield Finding(path, f"“{written}{unit}”与前文“{other[2]}”数字相同、量词不同",
                              f"核对计的是“{other[0]}”还是“{unit}”，全文一致", match.start(5))
            by_number.setdefault(written, (unit, about, f"{written}{unit}"))
    yield from _another_counter(c)


# counting words for things, one of which a thing takes: 摊位286个 … 286间摊位, 充电桩120个 … 120台充电桩 (not 家 and
# 所: 扶持企业120家 … 服务企业120个 are two counts of bodies, each word usual)
COUNTER = re.compile(rf"(?<![\d.])(\d+)(余|多)?([万千]?)(个|间|处|台|座|套|张|辆|块|根|栋|部|只|条|口|眼|所)(?=([{CJK}]{{0,3}}))")
# 所 counts schools, hospitals and bodies, where 个 and 家 are as usual (医院12所 … 12家医院 is one count said two
# usual ways): 所 is read only against the counting words of rooms and buildings (托管教室86间 … 上述86所托管教室)
USUAL_WITH_SUO = {"个", "家"}
# what says nothing of the thing counted: particles, qualifiers and the verbs that go with any count
NOT_NOUN = set("的了共计约近达为余多有已在对和与及等新增建改造完成提升设置安装投入累其中占是将把被按每以各个家人户名次"
               "一二三四五六七八九十全区县市镇乡村年月日上下左右内外前后至到")


def _nouns(text: str, match) -> tuple[set, str]:
    """The two-character words that name what a count counts, and the count as shown with them: after its
    counting word when a noun follows (286间摊位), else before the number (改造提升摊位286个); the run they come from."""
    after = match.group(5)
    if after and after[0] not in NOT_NOUN:
        run = after
    else:
        before = CLAUSE_BEFORE.search(text, max(0, match.start() - 6), match.start())
        run = before.group()[-3:] if before else ""
    return {run[i:i + 2] for i in range(len(run) - 1) if not NOT_NOUN & set(run[i:i + 2])}, run


def _another_counter(c):
    """One count of one thing said with another counting word: the same number of two significant digits or
    more, the same two-character noun beside it, another counter (286个 … 286间 of 摊位)."""
    seen: dict[str, list] = {}  # number as written → (counter, nouns, as written, the run of the nouns)
    for path, text in prose(c.data):
        for match in COUNTER.finditer(text) if any(map(str.isdigit, text)) else ():
            number, more, magnitude, counter = match.group(1), match.group(2) or "", match.group(3), match.group(4)
            written = number + more + magnitude
            if int(number) < 10 or _significant(number) < 2:
                continue  # 3个, 100间: too common to be one figure
            nouns, run = _nouns(text, match)
            if not nouns:
                continue
            earlier = next((e for e in seen.get(written, ()) if e[0] != counter and e[1] & nouns
                            and not ({e[0], counter} & {"所"} and {e[0], counter} & USUAL_WITH_SUO)), None)
            if earlier:
                noun = max((run[i:j] for i in range(len(run)) for j in range(i + 2, len(run) + 1) if run[i:j] in earlier[3]), key=len)
                # named in full from the words either side (管教 of 管教室 and 托管教 → 托管教室), for the message only
                wide = _wide(text, match)
                noun = max((wide[i:j] for i in range(len(wide)) for j in range(i + len(noun), len(wide) + 1)
                            if noun in wide[i:j] and "|" not in wide[i:j] and wide[i:j] in earlier[4]), key=len, default=noun)
                yield Finding(path, f"“{written}{counter}”与前文“{earlier[2]}”数字相同、计的都是“{noun}”，量词不同",
                              f"核对量词（“{earlier[0]}”还是“{counter}”），全文一致", match.start(4))
                continue
            seen.setdefault(written, []).append((counter, nouns, f"{written}{counter}", run, _wide(text, match)))


def _wide(text: str, match) -> str:
    """The Chinese words up to six characters either side of a count (校内托管教室|，…; |托管教室已于)."""
    before = re.search(rf"[{CJK}]{{0,6}}$", text[:match.start()]).group()
    return before + "|" + re.match(rf"[{CJK}]{{0,6}}", text[match.end():]).group()


# characters that say nothing of what is counted: particles, qualifiers, places, times, counting words
NOT_STEM = set("的了共计约近达为余多有已在对和与及全区县市镇乡村年月日等累超过其中占是将把被按每以各所个家人户名次一二三四五六七八九十")
CLAUSE_BEFORE = re.compile(rf"[{CJK}]{{1,6}}$")
CLAUSE_AFTER = re.compile(rf"[{CJK}]{{1,4}}")


NOUN_ENDS = set("民众员生工童人者家户企业")  # 农民, 居民: a verb's stem is not one of these


def _stem(text: str, start: int, end: int) -> frozenset:
    """The two-character words right before a count and right after it, in its clause, and the stem of the
    verb that opens the words before it: 培训农民1500人次 → 培训, 训农, 农民, ~训; 参训的1500户 → 参训, ~训
    (的 dropped).  Words with a particle, a place or a counting word in them say nothing of what is counted."""
    before = CLAUSE_BEFORE.search(FILLERS.sub("", text[max(0, start - 10):start]))
    after = CLAUSE_AFTER.match(text, end)
    found = set()
    for run in (before.group() if before else "", after.group() if after else ""):
        words = [run[i:i + 2] for i in range(len(run) - 1) if not NOT_STEM & set(run[i:i + 2])]
        found.update(words)
        if words and run is not after and words[0][1] not in NOUN_ENDS:
            found.add("~" + words[0][1])
    return frozenset(found)


# one count said in two counting words that cannot both be right: people, visits, households (bodies — 家,
# 个 — are left to the label comparison above: 新增就业岗位1200个 and 新增就业1200人 are two counts)
ONE_COUNT = ({"人", "名"}, {"人次"}, {"户"})


def _one_doing(before: tuple, unit: str, stem: frozenset, number: str) -> bool:
    """Whether a count of the same number, with a counting word of another kind, is said of the same thing:
    a word or a verb's stem of its clause shared (培训 and 参训, 农民), the number of three digits or more."""
    kind = next((i for i, units in enumerate(ONE_COUNT) if unit in units), None)
    other = next((i for i, units in enumerate(ONE_COUNT) if before[0] in units), None)
    return kind is not None and other is not None and kind != other \
        and len(number.split(".")[0]) >= 3 and _significant(number) >= 2 and bool(before[1] & stem)


PRECISION = re.compile(r"\d+\.(\d+)(万|亿)")


@rule("number-precision", "warning", "quantities", "带“万”“亿”的数不留末尾的 0，小数不超过两位",
      "GB/T 15835 与通行写法：以万、亿为单位时取一两位小数即可；“3.3000万”“3.10866万”是从表格照抄的精度，"
      "读者不知道哪位是有效数字。以“万元”记到元（四位小数）的金额不报。",
      "占地面积1.9390万㎡，建筑面积3.10866万㎡", "占地面积1.94万㎡，建筑面积3.11万㎡")
def _precision(c):
    for path, text in prose(c.data):
        for match in PRECISION.finditer(text):
            decimals = match.group(1)
            money = text.startswith("元", match.end())
            if decimals.endswith("0"):
                yield Finding(path, f"“{match.group()}”末尾有多余的 0", "删去小数末尾的 0", match.start())
            elif len(decimals) > 2 and not (money and len(decimals) == 4):
                yield Finding(path, f"“{match.group()}”有 {len(decimals)} 位小数", "以万、亿为单位时保留一至两位小数",
                              match.start())


CHINESE_NUMERAL = "一二三四五六七八九十百零两"
STYLE_KINDS = {
    "门牌号": re.compile(rf"(?<=[路道街巷])([{CHINESE_NUMERAL}]+|\d+)号"),
    "层数": re.compile(rf"(?<![第每])([{CHINESE_NUMERAL}]+|\d+)层(?![次面级级])"),
    "楼号": re.compile(rf"(?<![路道街巷第\d{CHINESE_NUMERAL}])([{CHINESE_NUMERAL}]+|\d+)号楼"),
}
STYLE_WORDS = {"门牌号": "号", "层数": "层", "楼号": "号楼"}  # what each match holds: a paragraph without it is not searched


@rule("numeral-style", "warning", "quantities", "同一类数字全文用一种写法（阿拉伯数字或汉字）",
      "GB/T 15835：门牌号、楼号、楼层这类计量与编号用阿拉伯数字；同一封信里“槟榔道3号”与“海虹道一号”、“5号楼”与“五号楼”并见，显得不严谨。"
      "只在同一类数字两种写法并见时报。",
      "槟榔道3号……海虹道一号；共4层……十三层", "槟榔道3号……海虹道1号；共4层……13层")
def _numeral_style(c):
    for kind, pattern in STYLE_KINDS.items():
        found = [(path, m) for path, text in prose(c.data) if STYLE_WORDS[kind] in text for m in pattern.finditer(text)]
        arabic = [m for _, m in found if m.group(1).isdigit()]
        if not arabic:
            continue
        for path, match in found:
            if not match.group(1).isdigit():
                yield Finding(path, f"{kind}“{match.group()}”用汉字，别处用阿拉伯数字（如“{arabic[0].group()}”）",
                              "统一用阿拉伯数字", match.start())


@rule("approximation-twice", "warning", "quantities", "“约”“近”与“多”“余”不同用",
      "“约7200多万条”：约数已由“约”表示，再加“多”是重复；两者留一。误报很少。",
      "约7200多万条商标数据", "7200多万条商标数据")
def _approximation(c):
    for path, text in prose(c.data):
        for match in TWICE.finditer(text):
            yield Finding(path, f"“{match.group()}”：“{match.group(1)}”与“{match.group(2)}”重复表示约数",
                          f"删去“{match.group(1)}”或“{match.group(2)}”", match.start())


PER_WORDS = "亩|户|人|家|个|名|年|月|天|日|次|平方米|㎡|吨|公里|座|所|间|台|辆|张|床|头|只|场|期|批|学期|季度|小时"
# 每亩补贴80元, 每人每月发放300元: the 每-words, the words up to the number, the figure
PER = re.compile(rf"((?:每(?:{PER_WORDS}))+)([^，。；！？、\d]{{0,6}}?)(\d+(?:\.\d+)?(?:千|万|亿)?(?:余|多)?(?:元|公斤|千克|斤|吨|人次|人|名|次|小时|天|个|家|户|平方米|㎡|亩|台|套))")
PER_AROUND = 6  # characters read before 每 and after the figure (through 的: 每户80元的补贴)


def _bigrams(run: str) -> frozenset:
    """The two-character words of a run (at most six characters), particles, places and counting words left out."""
    return frozenset(run[i:i + 2] for i in range(len(run) - 1) if re.fullmatch(f"[{CJK}]{{2}}", run[i:i + 2])
                     and not NOT_STEM & set(run[i:i + 2]))


def _per_words(text: str, match) -> frozenset:
    """The two-character words around a 每 figure in its clause — before 每, between 每X and the number,
    after the figure (的 dropped) — without particles, places and counting words: 每亩补贴80元 → 补贴."""
    start = max(text.rfind(mark, 0, match.start()) for mark in "，。；！？、") + 1
    ends = [i for i in (text.find(mark, match.end()) for mark in "，。；！？、") if i >= 0]
    before = text[max(start, match.start() - PER_AROUND):match.start()]
    after = FILLERS.sub("", text[match.end():min(ends + [len(text)])])[:PER_AROUND]
    found = set()
    for run in (before, match.group(2), after):
        found.update(run[i:i + 2] for i in range(len(run) - 1) if re.fullmatch(f"[{CJK}]{{2}}", run[i:i + 2])
                     and not NOT_STEM & set(run[i:i + 2]))
    return frozenset(found)


@rule("per-unit-restated", "warning", "quantities", "同一个标准前后写成了两个“每……”（“每亩补贴80元”……“每户80元的补贴”）",
      "同一个数（连同单位）在信里两处都以“每”计，一处“每亩”一处“每户”（每人与每户、每年与每月同理），而前后说的是同一件事"
      "（“补贴”“补助”“发放”这类词两处都有，读到“的”后面：“每户80元的补贴”），其一多半写错了。"
      "两个不同的补贴标准恰好数字相同时也会报，所以是警告；说的事不同（“每亩补贴80元”……“每户补助80元”）不报；两处“每……”后各有自己的动词而不同（“对千吨万人工程每月检测1次”……“对其他工程每季度至少抽检1次”），说的是两件事，也不报。",
      "每亩补贴80元……按每户80元的补贴标准发放", "每亩补贴80元……按每亩80元的补贴标准发放")
def _per_unit(c):
    seen: dict[str, list] = {}  # the figure → (每-words, words around, as written)
    for path, text in prose(c.data):
        for match in PER.finditer(text) if "每" in text else ():
            figure, per = match.group(3), frozenset(re.findall(PER_WORDS, match.group(1)))
            words = _per_words(text, match)
            doing = _bigrams(match.group(2))
            # each with its own verb between 每X and the figure, the two verbs apart (每月检测1次 … 每季度至少抽检1次):
            # two activities, whatever object they share (工程)
            before = next((b for b in seen.get(figure, ()) if b[0] != per and b[1] & words
                           and not (doing and b[4] and not doing & b[4])), None)
            if before:
                yield Finding(path, f"“{match.group(1)}{match.group(2)}{figure}”与前文“{before[2]}”数字相同、说的是同一件事"
                                    f"（“{'”“'.join(sorted(before[1] & words))}”），却一处“{before[3]}”一处“{match.group(1)}”",
                              f"核对是“{before[3]}”还是“{match.group(1)}”，全文一致", match.start())
                continue
            seen.setdefault(figure, []).append((per, words, match.group(), match.group(1), doing))


# 覆盖率达98% … 覆盖率由9.8%提升至100%: a rate named, then its figure (the words between are a verb or a preposition)
RATE = re.compile(rf"([{CJK}]{{1,4}}率)[达为由从是到至已将了均仍约近]{{0,3}}(\d+(?:\.\d+)?)\s*[%％]")


def _from_rate(match) -> str:
    """覆盖率达98%, not 导室覆盖率达98%: quoted from the rate's last three characters."""
    return match.group()[max(0, len(match.group(1)) - 3):]


def _digits(number: str) -> str:
    return number.replace(".", "").strip("0")


@rule("percent-magnitude", "warning", "quantities", "同一个比率前后写了两次，小数点错了位（“覆盖率达98%”……“覆盖率由9.8%提升至100%”）",
      "信里两处说同一个“……率”，两个百分数数字相同而相差 10 倍或 100 倍，多半是其中一处点错了小数点。"
      "真的从 9.8% 提高到 98% 的也会报，所以是警告；两个数字不同的比率不报。",
      "心理辅导室覆盖率达98%……实现覆盖率由9.8%提升至100%", "心理辅导室覆盖率达98%……实现覆盖率由98%提升至100%")
def _percent(c):
    seen: dict[tuple[str, str], tuple[str, Decimal]] = {}  # (rate, digits) → (as written, value)
    for path, text in prose(c.data):
        for match in RATE.finditer(text) if "率" in text else ():
            rate, number = match.group(1)[-3:], match.group(2)
            value, key = Decimal(number), (rate, _digits(number))
            before = seen.get(key)
            if before and value and before[1] != value and max(value, before[1]) / min(value, before[1]) in (10, 100):
                yield Finding(path, f"“{_from_rate(match)}”与前文“{before[0]}”说的是同一个比率，数字相同却相差 "
                                    f"{max(value, before[1]) / min(value, before[1]):.0f} 倍，可能点错了小数点",
                              "核对小数点", match.start(2))
                continue
            seen.setdefault(key, (_from_rate(match), value))
