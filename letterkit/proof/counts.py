"""Family 1 (quantities), counts against each other and against their subject: a count said again with
another number (易涝点37处 … 上述73处易涝点), parts that do not make their total (共培训2360人次，其中农民工
2850人次; 42所 = 27所 + 16所), and a unit a subject cannot take (受益人口3.2万户, 校舍面积3.8万平方公里,
道路改造长度3.1米).

A count is read as number + counting word, with what it counts named before the number (排查出易涝点37处)
or after the counting word (上述73处易涝点).  The rules here compare counts of one counting word only, and
stay quiet where real letters give two counts on purpose: a part (其中), a new or later count (新增, 再建,
累计, another year), a count that is the sum or the difference of two counts said before.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .registry import Finding, rule
from .text import CJK, prose

# counting words of things, places, bodies and people; 人 and 名 count one thing (people)
COUNTERS = ("人次", "处", "家", "座", "个", "所", "条", "项", "名", "户", "台", "辆", "套", "间", "张", "口", "栋",
            "支", "艘", "架", "块", "盏", "眼", "场", "期", "批", "次", "宗", "人")
SAME_COUNTER = {"名": "人"}
COUNT = re.compile(r"(?<![\d.第])(\d+)(余|多)?(" + "|".join(COUNTERS) + r")(?![\d次])")
# compiled once (speed22): read for every count and every piece of a head, a module-level re.search(f"…") built
# the pattern's text and looked it up in re's cache each time (count-restated ~1 ms a draft)
PREFIX_RUN = re.compile(rf"[{CJK}（）()]{{0,14}}$")
NOUN_AFTER = re.compile(rf"的?([{CJK}]{{0,6}})")
CJK_RUN = re.compile(f"[{CJK}]+")
# what points back to a count said before: 上述73处, 对这184家, 已修缮的17座
# (以上 only when nothing stands before it but a preposition: 80周岁以上218人 is a bound of age)
POINTER = re.compile(rf"(?:上述|前述|所述|上面|前面|这些|这|该)$|(?:^|[对将把在与和为])以上$|已[{CJK}]{{1,4}}的$")
# the words a count said again without a pointer may stand after in its clause (截至9月底，73处易涝点均已完成):
# none that name another doing (改造21个公园 is a count of its own)
# (全区, 我区 before it name the letter's own place, no subject of their own: 全区68所中小学均开设 after 全区现有中小学86所)
# (a preposition may open it: 在全区64所学校 after 在全区46所义务教育学校)
BARE = re.compile("[对将把在]?(?:全区|全市|全县|全镇|全乡|全省|我区|我市|我县|我镇)?(?:对|将|把|在|目前|现|全部|所有|共|这)*$")
# what points back to a count only for digits swapped (count-restated), too loose for count-referred: a count of
# what was done in a year (将2021年建成的81座口袋公园), read with a count of that year said before (2021年，全区新建口袋
# 公园18座), and a count on whose basis more is done (在已新增2070个学位的基础上), which is the count said before
YEAR_DONE = re.compile(rf"((?:19|20)\d{{2}})年(?:以来|底|末)?[{CJK}]{{1,4}}的$")
BASIS_BEFORE = re.compile(rf"在[{CJK}]{{0,6}}$")
BASIS_AFTER = re.compile(rf"的?[{CJK}]{{0,6}}?的?基础上")
# a noun beginning with a character NOT_HEAD holds (共享泊位: 共 is 共计's elsewhere): a word of jieba's of these
# tags, not a qualifier (共有, 共计); the characters that head no noun in a count's words (的, 已, 全, 均 …) aside
NOUN_TAGS = {"n", "vn", "nz", "v", "b"}
NEVER_HEAD = set("的了已将全均都在于")
# a count of what is planned, not done: 计划建设养老服务站20个 … 已建成的12个养老服务站 are two counts
PLANNED = re.compile("计划|拟|将|力争|预计|目标|争取")
QUALIFIER = re.compile("(?:共计|总计|合计|累计|共有|现有|已有|约|近|达|为|共|计|逾|超过|有|了|的)+$")
# a clause that gives a new count, not the old one again: a part, what is added, planned, left, another year
ANOTHER = re.compile(r"其中|新增|再|又|另|增加|计划|拟|剩余|尚|未|还有|其余|分别|各|每|平均|(?:19|20)\d{2}年|今年|明年|当年|全年|上半年|下半年|季度")
# words that name no thing of their own: a noun shared only by these is no sign of one count
GENERIC = {"全区", "全市", "全县", "全镇", "其中", "建成", "完成", "新建", "改造", "累计", "排查", "检查", "共有", "现有",
           "我局", "我区", "开展", "实施", "街道", "社区", "乡镇"}
NOT_HEAD = set("的了已将全均都在于并和与及等共约近达为是也正仍还再又")


def _clause_start(text: str, offset: int) -> int:
    return max(text.rfind(mark, 0, offset) for mark in "，,。；;！？：:、") + 1


def _sentence_start(text: str, offset: int) -> int:
    return max(text.rfind(mark, 0, offset) for mark in "。；;！？") + 1


class Count:
    """One count: where, the number as written, its counting word, the words before it in its clause and
    after its counting word, whether it points back (上述), and the clause before it."""

    def __init__(self, order, path, text, match):
        self.order, self.path, self.offset = order, path, match.start()
        self.number, self.about, self.counter = match.group(1), bool(match.group(2)), match.group(3)
        self.kind = SAME_COUNTER.get(self.counter, self.counter)
        start = _clause_start(text, match.start())
        self.prefix = text[start:match.start()]
        run = PREFIX_RUN.search(self.prefix).group()
        self.pointer = POINTER.search(run) is not None
        self.before = QUALIFIER.sub("", POINTER.sub("", run))
        after = NOUN_AFTER.match(text[match.end():]).group(1)
        self.after = after
        self.sentence = text[_sentence_start(text, match.start()):match.start()]
        self.written = match.group()
        # the clause back to the last comma, across a list's 、 (中小学校、幼儿园食堂86所): the wider words a
        # restated count may share with it
        self.wide = text[max(text.rfind(mark, 0, match.start()) for mark in "，,。；;！？：:") + 1:match.start()]
        # what follows in the clause: 由21所城区学校逐步扩大到… is a count as it stands now, the start of a change
        end = [i for i in (text.find(mark, match.end()) for mark in "，,。；;") if i >= 0]
        self.rest = text[match.end():min(end) if end else len(text)]
        ends = [i for i in (text.find(mark, match.end()) for mark in "。；;！？") if i >= 0]
        self.full = text[_sentence_start(text, match.start()):min(ends) if ends else len(text)]
        self.elided = not after or (after[0] in NOT_HEAD and not _noun_at(after)) or after.startswith("基础")  # 在现有68个的基础上
        year = YEAR_DONE.search(self.prefix)
        self.year = year.group(1) if year else None
        self.basis = BASIS_BEFORE.search(self.prefix) is not None and BASIS_AFTER.match(text, match.end()) is not None

    def head(self) -> str:
        """What the count names, read where it stands: after the counting word when a noun follows
        (上述73处易涝点 → 易涝点), else the words before the number (易涝点37处 → 易涝点)."""
        if self.after and (self.after[0] not in NOT_HEAD or _noun_at(self.after)):
            return self.after[:5]
        return self.before[-5:]

    def window(self) -> tuple[str, str]:
        # the whole run before the number (社区卫生服务站及村卫生室86个: 社区卫生 is at its start) and the six
        # characters after (46所义务教育学校: 学校 is its fifth and sixth)
        return self.before[-14:], self.after[:6]


def _noun_at(after: str) -> bool:
    """Whether the words after a counting word begin with a noun although their first character is one NOT_HEAD
    holds (1640个共享泊位: 共享, a word, not 共 of 共计)."""
    if len(after) < 2 or after[0] in NEVER_HEAD or after[1] in NOT_HEAD or QUALIFIER.fullmatch(after[:2]):
        return False
    from .dictionary import word_tags

    return word_tags().get(after[:2]) in NOUN_TAGS


def counts(data) -> list[Count]:
    found, order = [], 0
    for path, text in prose(data):
        if path[:1] == ("title",) or not any(ch.isdigit() for ch in text):
            continue
        for match in COUNT.finditer(text):
            found.append(Count(order, path, text, match))
            order += 1
    return found


def _shared(head: str, window: tuple[str, str], at_start: bool) -> str:
    """The longest word of two characters or more the head shares with the earlier count's words, taken
    from where the head's noun begins (after the counting word) or ends (before the number): 古桥 of 古桥开展
    in 修复古桥梁; 食堂 of 食堂全部安装 in 检查校园食堂."""
    before, after = window
    for length in range(len(head), 1, -1):
        piece = head[:length] if at_start else head[-length:]
        if piece not in GENERIC and (piece in before or piece in after) and CJK_RUN.fullmatch(piece):
            return piece
    return ""


def _any_shared(head: str, window: str) -> str:
    """The longest piece of two characters or more of the head found in the earlier count's wider words,
    wherever it stands in the head: 食堂 of 学校食堂 in 中小学校、幼儿园食堂86所.  Only read for digits
    swapped, where the counting word and the swapped digits already say much."""
    for length in range(len(head), 1, -1):
        for i in reversed(range(len(head) - length + 1)):
            piece = head[i:i + length]
            if piece not in GENERIC and CJK_RUN.fullmatch(piece) and piece in window:
                return piece
    return ""


# a count of what there is now, said again: 目前68所学校食堂, 在现有68个的基础上 (现有/目前 name the count as it
# stands, whatever the clause says before them), 由21所城区学校逐步扩大到 (the start of a change is the count now)
NOW = re.compile("(?:目前|现有|现已有|目前已有|目前共有)$")
FROM = re.compile("[由从]$")
TO = re.compile("到|至")
# the words that may stand before 目前/现有/由 in a restating clause without naming a subject of their own
# (一是将, 力争在, 全区): any other words there name what the count is of (乡镇现有21处 beside 城区现有12处 are
# two places' counts), and must then be words of the earlier count's sentence (护学岗由21所 after 设立“护学岗”)
FILLER = re.compile("(?:[一二三四五六七八九十]是)?(?:我局|我委|我办|本局|我们)?(?:全区|全市|全县|全镇|全省|我区|我市|我县|我镇)?"
                    "(?:力争|争取|并|同时|截至|将|要|逐步)*(?:将|把|对)?在?")  # 我局将对现有173处隐患点


def _lead_in(lead: str, full: str) -> bool:
    """The words before 目前/现有/由 are the earlier count's: written there as they stand, or word by word
    (学校食堂由68所 after 中小学校、幼儿园食堂86所: 学校 and 食堂 are both there; 城北片区口袋公园 is not)."""
    return lead in full or (len(lead) >= 4 and len(lead) % 2 == 0
                            and all(lead[i:i + 2] in full for i in range(0, len(lead), 2)))


def _same_digits(a: str, b: str) -> bool:
    """148 and 184, 37 and 73: two numbers of the same digits in another order (two digits at least, two of
    them different) — a slip of the keys, seldom two counts."""
    return a != b and len(a) >= 2 and sorted(a) == sorted(b) and len(set(a)) >= 2


def _made_of(number: int, known: list[int]) -> bool:
    """A count said before, or the sum or difference of two: 上述26处 after 17处 and 9处."""
    if number in known:
        return True
    return any(number in (a + b, abs(a - b)) for i, a in enumerate(known) for b in known[i + 1:])


def _restated(data):
    """(later count, earlier count, the noun they share, whether its digits are swapped) for each count said
    again with another number."""
    seen: list[Count] = []
    for count in counts(data):
        earlier = [c for c in seen if c.kind == count.kind]
        seen.append(count)
        if count.about or not earlier or count.number in {c.number for c in earlier}:
            continue
        now = _now_swapped(count, earlier)
        if now:
            yield now + (True,)
            continue
        head = count.head()
        at_start = head == count.after[:5] and bool(count.after)
        if len(head) < 2:
            continue
        matches = [(c, _shared(head, c.window(), at_start)) for c in earlier if not c.about]
        matches = [(c, noun) for c, noun in matches if noun]
        if not matches and count.pointer:
            # 上述231宗已登记农房 after 办理不动产登记213宗: what a pointed-back count names may stand anywhere in
            # its words (已登记农房 opens with 已); read only for digits swapped
            matches = [(c, _any_shared(count.after[:6] + "|" + count.before[-6:], c.wide + "|" + c.after[:6]))
                       for c in earlier if not c.about and _same_digits(count.number, c.number)]
            matches = [(c, noun) for c, noun in matches if noun]
        if not matches:
            continue
        swapped = next(((c, noun) for c, noun in matches if _same_digits(count.number, c.number)), None)
        # without a pointer, only a count said again as number + counting word + noun with nothing of its own
        # before it (截至9月底，73处易涝点均已完成整治), in no sentence of a part, a new count or another year
        bare = at_start and BARE.fullmatch(count.before) is not None and not ANOTHER.search(count.sentence + count.after)
        if swapped and not (count.pointer or bare) and swapped[0].full != count.full and not PLANNED.search(swapped[0].sentence) \
                and not _new_count(count, swapped[0]):
            # digits swapped, the same counting word and noun: a count said again in its own clause with nothing
            # new (全区68个社区卫生服务站 after 社区卫生服务站及村卫生室86个, in a sentence that opened with 2018年投入),
            # or with the earlier count's own words (北门小学新增的1800个学位 after 改扩建北门小学…新增…学位1080个)
            bare = (at_start and BARE.fullmatch(count.before) is not None) or _same_words(count, swapped[0], swapped[1])
        # a count of a year's doing points back to a count said in a sentence of that year only
        # (and the basis or the year's doing read back only to a count done: 计划建设86个 … 在现有68个的基础上 is a plan's)
        year = count.year is not None and swapped is not None and f"{count.year}年" in swapped[0].sentence
        weak = (count.basis or year) and swapped is not None and not PLANNED.search(swapped[0].sentence)
        # (a count said bare after a plan's count is the count done: 计划建设86个 … 全区68个均已建成)
        bare = bare and not (swapped and PLANNED.search(swapped[0].sentence))
        if swapped and (count.pointer or bare or weak):
            yield count, swapped[0], swapped[1], True
            continue
        matches = [(c, noun) for c, noun in matches if not PLANNED.search(c.sentence)]
        if not matches:
            continue
        # 上述24处口袋公园: a count pointed back to that no count of its counting word said before makes
        # (two digits at least: 上述3个镇 most often points at three names listed, not at a count)
        if count.pointer and len(count.number) >= 2 and not _made_of(int(count.number), [int(c.number) for c in earlier]):
            c, noun = max(matches, key=lambda m: (len(m[1]), m[0].order))
            yield count, c, noun, False


YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
# words too common in a letter to tie two counts to one thing (全区现有, 下一步, 我局将)
COMMON = set("全我本现目将的了已在对要并上下一步年月日")


def _new_count(count: Count, before: Count) -> bool:
    """Whether the later count's sentence says it is a count of its own: a part (其中, 分别, 各 …), or a new or
    planned count (新增, 计划 … — ANOTHER) that the earlier count's sentence does not say too (新增的1800个学位 after
    新增…学位1080个 is the same 新增); or it names a year the earlier count's sentence does not, unless the count
    says it is the whole (全区68个…全部达到) and the year is that of other figures between (2018年投入资金3260万元，
    完成…3家…，全区68个).  So 2022年建成12个 … 2023年，全区建成21个 and 2020年以来投入资金180万元，为12所少年宫
    (12 of the 21 said before) stay quiet."""
    sentence = YEAR.sub("", count.sentence + count.after)
    if PART.search(sentence) or any(m.group() not in before.full for m in ANOTHER.finditer(sentence)):
        return True
    years = set(YEAR.findall(before.full))
    whole = WHOLE.search(count.prefix + count.after) is not None
    for m in YEAR.finditer(count.sentence):
        if m.group(1) not in years and not (whole and re.search(r"\d", count.sentence[m.end():])):
            return True
    return False


PART = re.compile("其中|分别|各|每|平均|其余|剩余|尚|未|还有")
WHOLE = re.compile("全区|全市|全县|全镇|全乡|全省|全部|所有")


def _same_words(count: Count, before: Count, noun: str) -> bool:
    """The later count's clause names, before its number, a word of four characters the earlier count's sentence
    holds (北门小学 of 结合北门小学新增的1800个学位 in 投资…改扩建北门小学教学楼…学位1080个): one thing's count,
    not a common phrase of any letter (下一步, 全区现有), nor the counted noun itself (乡镇现有口袋公园21处 after
    城区现有口袋公园12处 share only 口袋公园: two places' counts)."""
    words = count.prefix
    # the words that name the counted thing right before the number (乡镇现有社区卫生服务站及村卫生室21个) are the
    # noun's, not words of the earlier sentence's own; when the noun follows the number, all words before it count
    named = 0 if noun in count.after else len(PREFIX_RUN.search(words).group())
    taken = set(range(len(words) - named, len(words)))
    return any(words[i:i + 4] in before.full and CJK_RUN.fullmatch(words[i:i + 4]) and not COMMON & set(words[i:i + 4])
               and not taken & set(range(i, i + 4)) for i in range(len(words) - 3))


def _now_swapped(count: Count, earlier: list[Count]):
    """(count, earlier count, noun) when a count of what there is now (目前, 现有, 由…到) says an earlier count
    of the same counting word again with its digits swapped: 食堂86所 … 目前68所学校食堂; 在12所城区学校门前 …
    护学岗由21所城区学校逐步扩大到; 照料中心86个 … 新建照料中心10个，力争在现有68个的基础上.  The noun is read
    anywhere in the later count's words and the earlier count's clause; a count that names none (现有68个的基础上)
    takes the noun of the count before it in its sentence.  Not in a sentence of a part, a new count or another
    year (ANOTHER), nor of an earlier count of a plan."""
    now = NOW.search(count.prefix) is not None
    start = FROM.search(count.prefix) is not None and TO.search(count.rest) is not None
    if not (now or start) or ANOTHER.search((count.prefix if now else count.sentence) + count.after):
        return None
    lead = count.prefix[:(NOW.search(count.prefix) or FROM.search(count.prefix)).start()]
    lead = lead[FILLER.match(lead).end():]
    lead = lead[:-1] if lead.endswith("在") else lead
    if count.elided:
        before = [c for c in earlier if c.order == count.order - 1 and c.path == count.path
                  and 0 < count.offset - c.offset <= len(count.sentence) and c.number != count.number]
        head = (before[0].before[-6:] if before[0].elided else before[0].after[:6]) if before else ""
        others = [c for c in earlier if c not in before]
    else:
        head, others = count.after[:6] + "|" + count.before[-6:], earlier
    for c in others:
        if c.about or not _same_digits(count.number, c.number) or PLANNED.search(c.sentence) or not _lead_in(lead, c.full):
            continue
        noun = max((_any_shared(h, c.wide + "|" + c.after[:6]) for h in head.split("|")), key=len)
        if noun:
            return count, c, noun
    return None


_last: list = [None, None]


def _restated_once(data) -> list:
    if _last[0] is not data:
        _last[:] = [data, list(_restated(data))]
    return _last[1]


def _widened(noun: str, count: Count, before: Count) -> str:
    """The shared noun read on while the later count's words and the earlier's go on alike (社区卫生服 → 社区卫生服务站):
    for the message only."""
    words, theirs = count.after or "", before.wide + "|" + before.after
    at = words.find(noun)
    while at >= 0 and at + len(noun) < len(words) and words[at:at + len(noun) + 1] in theirs:
        noun = words[at:at + len(noun) + 1]
    return noun


def _quote(count: Count, noun: str) -> str:
    """The count as written with what it counts: 上述73处易涝点, 排查出易涝点37处 (the eight characters before the
    number, or from the shared noun when it starts further back)."""
    if noun in count.after:  # 上述73处易涝点, 共检查了148家校园食堂
        # a short clause whole (我局将结合北门小学新增的1800个学位), else its last six characters
        start = 0 if len(count.prefix) <= 12 else len(count.prefix) - 6
        while 0 < start and count.prefix[start - 1].isdigit():  # 将2021年建成的81座, not 21年建成的81座
            start -= 1
        return count.prefix[start:] + count.written + count.after[:count.after.index(noun) + len(noun)]
    at = count.prefix.rfind(noun)
    start = max(0, len(count.prefix) - 8)
    return count.prefix[min(start, at) if at >= 0 and len(count.prefix) - at <= 14 else start:] + count.written


@rule("count-restated", "error", "quantities", "同一个数前后说了两次，数字的顺序颠倒了（“易涝点37处”……“上述73处易涝点”）",
      "信里先说了一个数（“排查出易涝点37处”“检查校园食堂148家”），后面又用“上述”“这”“已……的”或直接说同一样东西"
      "（名词相同，或共用两字以上：“古桥梁”与“古桥”、“校园食堂”与“食堂”），量词相同，数字却是同样几位数字换了顺序"
      "（37/73、148/184、42/24），多半是打字时颠倒了。后一处有“其中”“新增”“再”“计划”、另一个年份这类说新数的词、"
      "又不用“上述”指回的不报；前文说过这个数的不报。"
      "“全区68所中小学”（前文“全区现有中小学86所”）这样以全区、我区开头直接说的，“在已新增2070个学位的基础上”这样作为基础说回的，"
      "“2021年建成的81座口袋公园”这样说某年做成、而前文那个数就在写着同一年份的句子里（“2021年，全区新建口袋公园18座”）的，"
      "只在数字颠倒时报。数字颠倒时，后一句不在前一句里、自己的分句没有说新数的词（与前一句相同的“新增”不算），"
      "或以全区开头（“在全区64所学校”“全区68个社区卫生服务站及村卫生室全部达到”），或带着前一句的四字词（“结合北门小学新增的1800个学位”），"
      "或以“我局将对现有”说回（“对现有173处隐患点”），也报；“上述231宗已登记农房”这样指回的，名词可在前后任何位置（“登记”）。"
      "后一句写着前一句没有的年份而年份就管着这个数的（“2023年，全区建成21个”对“2022年建成12个”），"
      "“为12所少年宫更新器材”这样说其中一部分的，不报。把握很大，误报很少。",
      "共排查出易涝点37处……下一步，上述73处易涝点整治将纳入城建计划", "共排查出易涝点37处……下一步，上述37处易涝点整治将纳入城建计划")
def _count_restated(c):
    for count, before, noun, swapped in _restated_once(c.data):
        if swapped:
            noun = _widened(noun, count, before)
            yield Finding(count.path, f"“{_quote(count, noun)}”与前文“{_quote(before, noun)}”说的是同一批“{noun}”，数字颠倒了",
                          f"核对是{before.number}{before.counter}还是{count.number}{count.counter}，全文一致", count.offset)


@rule("count-referred", "warning", "quantities", "“上述”“已……的”指回的数与前文对不上（“修复古桥梁11座”……“已修缮的17座古桥”）",
      "用“上述”“前述”“这”“已……的”指回前文的数（“上述24处口袋公园”），前文同一量词、同一样东西（名词相同或共用两字以上）"
      "说的却是另一个数（“建成口袋公园和小微绿地42处”），前文也没有哪个数、哪两个数的和或差等于它，多半是其一写错。"
      "只看两位以上的数（“上述3个镇”多指前面列出的三个地名）。前文的数可能写在表格或附件里，所以是警告。",
      "修复古桥梁11座……对已修缮的17座古桥开展常态化巡查", "修复古桥梁11座……对已修缮的11座古桥开展常态化巡查")
def _count_referred(c):
    for count, before, noun, swapped in _restated_once(c.data):
        if not swapped:
            yield Finding(count.path, f"“{_quote(count, noun)}”指回前文，但前文说的是“{_quote(before, noun)}”（同是“{noun}”）",
                          f"核对是{before.number}{before.counter}还是{count.number}{count.counter}，全文一致", count.offset)


# -- parts and their total ------------------------------------------------------------------------------------

MAGNITUDE = {"": 1, "千": 1000, "万": 10_000, "亿": 100_000_000}
# a figure with its unit: counting words, and the measures a total and its parts are given in
AMOUNT = re.compile(r"(?<![\d.第])(\d+(?:\.\d+)?)(余|多)?(千(?![米克瓦])|万|亿)?(余|多)?(" + "|".join(
    ("万元", "亿元", "元", "平方米", "平方公里", "公顷", "亩", "吨", "公里", "米") + COUNTERS) + r")(?![\d次率])")
# what a figure is not a count of: a rate, a change, an average, a part of each (每户), a bound
NOT_SUM = re.compile("每|平均|人均|户均|均|增长|增加|减少|下降|提高|提升|较|比|同比|超过|不足|以上|以下|最高|最低")
# splits that cover the whole, each part naming one side and every side named (城区学校27所、乡镇学校16所;
# 县道、乡道、村道 of 农村公路): their parts add up to the total.  Not 国家级/省级/市级 (a letter often lists
# only the upper levels), not 小学/初中 (高中, 九年一贯制 may be left out): those are not said to be the whole
SPLITS = [({"城区", "城市", "城镇", "市区", "县城"}, {"乡镇", "农村", "乡村", "村级", "镇区"}),
          ({"男"}, {"女"}), ({"公办", "公立"}, {"民办", "私立"}), ({"线上"}, {"线下"}), ({"室内"}, {"室外", "露天"}),
          ({"新建"}, {"改扩建", "改建", "扩建"}), ({"境内", "国内", "省内", "市内", "区内", "县内"},
                                               {"境外", "国外", "省外", "市外", "区外", "县外"}),
          ({"已完成", "已建成", "已开工", "已整改", "已"}, {"未", "尚未", "剩余", "正在", "在建"}),
          ({"县道"}, {"乡道"}, {"村道"})]
# three levels of place, none of which holds another, though a letter may leave one out (城区学校12个、乡镇中心学校
# 9个、村级完小5个): parts that cannot overlap, not a whole (read by _disjoint only)
LEVELS = [({"城区", "市区", "县城", "主城"}, {"乡镇", "镇"}, {"村级", "村"})]


class Amount:
    def __init__(self, text: str, match):
        self.offset, self.written = match.start(), match.group()
        number, magnitude, unit = match.group(1), match.group(3) or "", match.group(5)
        if unit in ("万元", "亿元"):
            magnitude, unit = magnitude + unit[0], "元"
        scale = MAGNITUDE["万" if "万" in magnitude else "亿" if "亿" in magnitude else magnitude]
        if magnitude == "万亿":
            scale = 10 ** 12
        self.value = Decimal(number) * scale
        self.unit = SAME_COUNTER.get(unit, unit)
        # 约数 (余, 多) and bounds (10万元以上): not a figure to add or compare
        self.about = bool(match.group(2) or match.group(4)) or re.match("及?(?:以上|以下|以内|左右)", text[match.end():]) is not None
        start = _clause_start(text, match.start())
        # what the figure is of, from its clause, the last 、 or 其中: 乡镇（街道）学校
        self.item = text[max(start, text.rfind("、", 0, match.start()) + 1, text.rfind("其中", 0, match.start()) + 2
                             if "其中" in text[start:match.start()] else 0):match.start()]
        self.clause = text[start:match.start()]


def _amounts(text: str, start: int, end: int) -> list[Amount]:
    return [Amount(text, m) for m in AMOUNT.finditer(text, start, end)]


def _side(item: str) -> tuple[int, int] | None:
    """Which side of which split an item names: (split, side); None when none, or more than one."""
    found = {(i, j) for i, split in enumerate(SPLITS) for j, words in enumerate(split) if any(w in item for w in words)}
    return next(iter(found)) if len(found) == 1 else None


def _disjoint(pieces: list) -> bool:
    """Parts that cannot overlap, though they may not make the whole: each names one side of one split, no two the
    same side (城区学校、乡镇中心学校、村级完小), or they are one kind of thing told apart by the words before it
    (学校食堂12个、机关食堂9个: the same ending of two characters or more, the words before it all different).
    Parts that may overlap (女性12人、党员9人) share no such ending and name no split."""
    if len(pieces) < 2 or any(p.about for p in pieces):
        return False
    for split in SPLITS + LEVELS:
        sides = [{j for j, words in enumerate(split) if any(w in p.item for w in words)} for p in pieces]
        if all(len(side) == 1 for side in sides) and len({min(side) for side in sides}) == len(pieces):
            return True
    items = [p.item for p in pieces]
    tail = 0
    while all(len(i) > tail + 1 for i in items) and len({i[-tail - 1] for i in items}) == 1:
        tail += 1
    return tail >= 2 and len({i[:-tail] for i in items}) == len(items) and all(CJK_RUN.fullmatch(i) for i in items)


def _exhaustive(pieces: list) -> bool:
    sides = [_side(p.item) for p in pieces]
    return len(pieces) >= 2 and None not in sides and len({s[0] for s in sides}) == 1 \
        and len({s[1] for s in sides}) == len(pieces) == len(SPLITS[sides[0][0]]) and not any(p.about for p in pieces)


def _parts(data):
    """(path, total, parts, exhaustive) for each 其中 after a total: the figure of the part's unit before
    其中 in its sentence (or the sentence before, when 其中 opens one), the figures of that unit in 其中's clause."""
    for path, text in prose(data):
        if "其中" not in text or path[:1] == ("title",):
            continue
        yield from _parts_in(path, text)


def _parts_in(path, text):
    """_parts of one paragraph."""
    for where in re.finditer("其中", text):
        at = where.start()
        start = _sentence_start(text, at)
        if not text[start:at].strip("　 ，,"):  # 。其中……: the total is in the sentence before
            start = _sentence_start(text, max(0, start - 1))
        totals = [a for a in _amounts(text, start, at) if not a.about and not NOT_SUM.search(a.clause)]
        begin = where.end() + len(re.match("[，,：:　 ]*", text[where.end():]).group())  # 其中，城区学校27所
        end = min([i for i in (text.find(mark, begin) for mark in "，,。；;：:") if i >= 0] + [len(text)])
        if at and text[at - 1] in "（(":  # 45个（其中位于老城区的19个）、无障碍厕位96个: the parts end with the brackets
            end = min([i for i in (text.find(mark, begin) for mark in "）)") if i >= 0] + [end])
        parts = [a for a in _amounts(text, begin, end) if not NOT_SUM.search(a.item) and not a.about]
        for unit in {p.unit for p in parts}:
            mine = [t for t in totals if t.unit == unit]
            pieces = [p for p in parts if p.unit == unit]
            if len(mine) != 1:
                continue  # 新建学校5所、改扩建学校8所，其中……: no one total
            yield path, mine[0], pieces, _exhaustive(pieces)


def _quote_total(total: Amount) -> str:
    return total.clause[-10:] + total.written


@rule("part-exceeds-total", "error", "quantities", "“其中”的一部分比总数还大（“共培训2360人次，其中农民工2850人次”）",
      "“其中”后面的数是前面总数的一部分，同一单位下不能比总数大；大了，总数或部分必有一处写错（常是数字颠倒或多写一位）。"
      "总数取“其中”所在句里“其中”之前同一单位的那一个数（有两个以上同单位的数时不报），部分取“其中”后同一分句里的数；"
      "增长、平均、每、以上这类数不算。误报很少。",
      "共开展职业技能培训2360人次，其中农民工2850人次", "共开展职业技能培训2860人次，其中农民工2350人次")
def _part_exceeds(c):
    for path, total, parts, _ in _parts(c.data):
        for part in parts:
            if part.value > total.value and not total.about:
                yield Finding(path, f"“其中{part.item}{part.written}”比总数“{_quote_total(total)}”还大",
                              "核对总数和这一部分的数字", part.offset)


@rule("parts-sum", "warning", "quantities", "“其中”分成互补的几部分，加起来不等于总数（“中小学42所，其中城区学校27所、乡镇学校16所”）",
      "“其中”后面列出的几部分恰好互补、合起来就是全体（城区与乡镇、男与女、公办与民办、线上与线下、新建与改扩建、"
      "已完成与未完成……），它们的和就应等于总数；不等，总数或某一部分写错了。只认这些成对的说法；"
      "分不出是否合起来就是全体的（“其中2022年建成17处”）不加。约数（余、多）不加。两类之外还可能有第三类（如九年一贯制学校），所以是警告。"
      "不必合起来是全体、但彼此不会重叠的几部分（城区、乡镇、村级；或同一类东西前面的字各不相同：“学校食堂12个、机关食堂9个”）加起来比总数还多，也报。"
      "先列几项、紧接着“共计”“合计”“总计”给出总数（“国家级……企业12家、省级……企业9家，共计23家”），各项之和不等于它，也报（列表带“等”的不报）。"
      "总数和“其中”已完成的一部分之后，又说“剩余”“其余”多少（“全区共有居民小区826个，其中已实施……的小区712个”……“剩余124个小区”），"
      "量词相同、名词见于总数的分句，而不等于总数减去这一部分（826−712=114），也报；等于前文某个数或两数之和、差的不报。",
      "全区共有中小学42所，其中城区学校27所、乡镇（街道）学校16所", "全区共有中小学43所，其中城区学校27所、乡镇（街道）学校16所")
def _parts_sum(c):
    for path, total, parts, exhaustive in _parts(c.data):
        whole = sum(p.value for p in parts)
        if exhaustive and not total.about and whole != total.value and all(p.value <= total.value for p in parts):
            listed = "、".join(p.item + p.written for p in parts)
            yield Finding(path, f"“{listed}”合计{_plain(whole)}{parts[0].unit}，与总数“{_quote_total(total)}”不符",
                          "核对总数和各部分的数字", parts[0].offset)
        elif not exhaustive and not total.about and whole > total.value and all(p.value <= total.value for p in parts) \
                and _disjoint(parts):
            # parts that cannot overlap add up to more than their whole, whatever else the whole holds
            listed = "、".join(p.item + p.written for p in parts)
            yield Finding(path, f"“{listed}”合计{_plain(whole)}{parts[0].unit}，比总数“{_quote_total(total)}”还多",
                          "核对总数和各部分的数字", parts[0].offset)
    for path, total, parts in _listed_totals(c.data):
        whole = sum(p.value for p in parts)
        listed = "、".join(p.item + p.written for p in parts)
        yield Finding(path, f"“{listed}”合计{_plain(whole)}{parts[0].unit}，后面却说“{total.clause[-4:]}{total.written}”",
                      "核对合计和各项的数字", total.offset)
    yield from _remainders(c.data)


# a total said right after the parts it adds up, in the next clause: 国家级…企业12家、省级…企业9家，共计23家
LISTED_TOTAL = re.compile("[，,](?:共计|合计|总计|累计共|一共|共)(?:认定|建成|完成|达到|达|为|有)?$")


def _listed_totals(data):
    """(path, total, parts) for each 共计/合计 figure whose clause opens right after a clause listing two figures or
    more of its unit with 、 and nothing else of that unit, that they do not add up to.  A list said to be
    incomplete (等) or holding a part of another figure (其中, 每, 增长 …) is not read."""
    for path, text in prose(data):
        if not any(word in text for word in ("共", "合计", "总计")):
            continue
        for total in _amounts(text, 0, len(text)):
            clause_start = _clause_start(text, total.offset)
            if total.about or not LISTED_TOTAL.search(text, 0, total.offset) or LISTED_TOTAL.search(text, 0, total.offset).start() != clause_start - 1:
                continue
            before = _clause_start(text, clause_start - 1)
            while before > 0 and text[before - 1] == "、":  # the list runs back across 、
                before = _clause_start(text, before - 1)
            span = text[before:clause_start - 1]
            parts = [a for a in _amounts(text, before, clause_start - 1)]
            mine = [a for a in parts if a.unit == total.unit]
            if len(mine) < 2 or len(mine) != len(parts) or "、" not in span or "等" in span[span.rfind("、"):] \
                    or any(a.about or NOT_SUM.search(a.item) for a in mine) or re.search("其中|分别", span):
                continue
            if sum(a.value for a in mine) != total.value:
                yield path, total, mine


# the rest of a whole after a part done: 剩余124个小区, 其余114个
REST = re.compile("(?:剩余|其余|尚余|余下|剩下)的?$")


def _remainders(data):
    """A count said to be the rest (剩余124个小区) of a whole and its one part said before in one sentence
    (全区共有居民小区826个，其中已实施…的小区712个), of the same unit and a noun of two characters of the whole's
    clause, that is not the whole less the part (826 − 712 = 114).  Quiet when the rest is any figure or the sum or
    difference of two figures said before it (the rest after a later count, 剩余 of another whole)."""
    read = [(index, path, text) for index, (path, text) in enumerate(prose(data))]
    splits = []  # (paragraph, offset of the part, total, part, how many figures were read before the part)
    for index, path, text in read:
        if "其中" not in text:
            continue
        for _, total, parts, _ in _parts_in(path, text):
            if len(parts) == 1 and parts[0].value < total.value:
                splits.append((index, parts[0].offset, total, parts[0], None))
    if not splits:
        return
    known: list = []
    for index, path, text in read:
        for amount in _amounts(text, 0, len(text)):
            # where in the figures read the part of each split stands: what is said after it is since
            splits = [s[:4] + (len(known) + 1,) if s[4] is None and (s[0], s[1]) == (index, amount.offset) else s for s in splits]
            rest = REST.search(text, 0, amount.offset)
            whole = next((s for s in reversed(splits) if (s[0], s[1]) < (index, amount.offset) and s[2].unit == amount.unit), None)
            if rest and rest.end() == amount.offset and whole and not amount.about:
                total, part = whole[2], whole[3]
                after = text[amount.offset + len(amount.written):][:6]
                noun = next((after[:n] for n in range(min(4, len(after)), 1, -1) if CJK_RUN.fullmatch(after[:n]) and after[:n] in total.clause), "")
                said = [a.value for a in known if a.unit == amount.unit]
                # what is left after counts said since the part (今年又完成80个 … 剩余34个: 826 − 712 − 80)
                since = [a.value for a in known[whole[4]:] if a.unit == amount.unit]
                left = {total.value - part.value - x for x in since} | {total.value - part.value - sum(since)}
                if noun and amount.value != total.value - part.value and amount.value < total.value \
                        and amount.value not in left and not _made_of(amount.value, said):
                    yield Finding(path, f"“{text[rest.start():amount.offset]}{amount.written}{noun}”与前文对不上：“{_quote_total(total)}”"
                                        f"减去其中“{part.item}{part.written}”剩{_plain(total.value - part.value)}{amount.unit}",
                                  "核对总数、已完成的数和剩余的数", amount.offset)
            known.append(amount)


def _plain(value: Decimal) -> str:
    """1200 as 1200, 12000 as 1.2万: the sum said as the letter would."""
    if value >= 10_000 and value % 1000 == 0:
        return f"{(value / 10_000).normalize():f}万"
    return f"{value.normalize():f}"


# -- a unit the subject cannot take --------------------------------------------------------------------------

FIGURE = r"(\d+(?:\.\d+)?)(余|多)?([万千亿])?(余|多)?"
LEADING = "(?:约为|约|近|达到|达|为|共计|共|计|逾|超过|已达|累计|总计|合计|有|是|在){0,3}"
# 人口, 人数 counted in households (受益人口约3.2万户), 户数 counted in people: not 群众, 居民 (受益群众3000余户
# is how letters count them), and not when a count in people follows (受益人口1.2万户4.5万人)
# 人员 too (落实管护人员126户), unless the people are of a kind of household letters count in 户 (困难人员, 低保人员);
# and what is trained is people, not households: 职业技能培训1260户 (培训 right before the number, not 培训农户1260户)
PEOPLE_IN_HOUSEHOLDS = re.compile(rf"(人口|人数|(?<!困难|低保|贫困|特困|监测|残疾|优抚|脱贫|五保|帮扶)人员|培训|参训)({LEADING}){FIGURE}(户)(?![籍口])"
                                  rf"(?![、，,和及]?(?:共|计|约)?\d+(?:\.\d+)?[万千]?(?:余|多)?[人名])")
HOUSEHOLDS_IN_PEOPLE = re.compile(rf"(户数)({LEADING}){FIGURE}(人次|人|名)(?![、，,和及]?\d+(?:\.\d+)?[万千]?(?:余|多)?户)")
# a building's floor area in square kilometres: 校舍面积3.8万平方公里 (the largest buildings are a few km²
# of floor, and no letter counts them so); 占地面积 of a park or a district may be in km², it is not read
BUILDING_AREA = re.compile(rf"((?:建筑|校舍|厂房|楼房|房屋|住房|用房|场馆|宿舍|车间|仓库|教学楼|综合楼)(?:总)?面积|校舍|厂房|教学楼|综合楼)"
                           rf"({LEADING}){FIGURE}(平方公里|km²|km2)")
# a road, pipe or embankment built over a few metres: 道路改造长度3.1米.  Under 10 m, a road or a pipe network
# is not rebuilt (the shortest alley work is tens of metres): a 公里 written 米.  A width (宽) is not a length.
# The road is named in the clause of 长度 (道路改造长度), or the clause says only what is done (改造长度) and its
# sentence names the road before it (该路段提质改造纳入计划，改造长度3.1米); 桥梁全长8米 is a bridge's.
LENGTH = re.compile(rf"(长度|全长|总长|里程|总里程)({LEADING})(\d+(?:\.\d+)?)(米)(?![宽高深])")
ROAD = re.compile("道路|公路|路段|路面|管网|管道|管线|河道|堤防|堤坝|绿道|步道|巷道|航道|渠道|干渠|支渠")
DOING = re.compile("新建|改建|扩建|改造|提质|提升|铺设|修建|建设|硬化|拓宽|整治|实施|完成|计划|工程|项目|总|共|约|累计|已|将")
LENGTH_AT_LEAST = 10


@rule("unit-misfit", "error", "quantities", "数量的单位与所计的事物不合（“受益人口约3.2万户”“校舍面积约3.8万平方公里”）",
      "人口、人数按人计，不按户计（“受益人口约3.2万户”应为“万人”；后面接着按人计的“1.2万户4.5万人”不报，“受益群众3000余户”是通行说法，不报）；"
      "“人员”也按人计（“落实管护人员126户”；困难人员、低保人员这类按户计惯了的不报）；培训的是人，“培训”后紧接着的数不按户计（“职业技能培训1260户”；“培训农户1260户”不报）；"
      "户数按户计，不按人计；建筑面积、校舍、厂房这类房屋的面积按平方米计，不会以平方公里计（多半是“平方米”之误）。"
      "这几种说法本身不成立，把握很大。",
      "实施农村供水保障工程47处，受益人口约3.2万户", "实施农村供水保障工程47处，受益人口约3.2万人")
def _unit_misfit(c):
    def said(text, match):  # 受益人口约3.2万户: two characters more before the subject, in its clause
        return text[max(_clause_start(text, match.start()), match.start() - 2):match.end()]
    for path, text in prose(c.data):
        if not any(ch.isdigit() for ch in text):
            continue
        for match in PEOPLE_IN_HOUSEHOLDS.finditer(text) if "户" in text else ():
            trained = "培训" in match.group(1) or "参训" in match.group(1)
            yield Finding(path, f"“{said(text, match)}”：{'培训的是人' if trained else match.group(1) + '按人计'}，量词却是“户”",
                          "改为“人”或“人次”" if trained else f"改为“人”，或把“{match.group(1)}”改为“户数”", match.start(7))
        for match in HOUSEHOLDS_IN_PEOPLE.finditer(text) if "户数" in text else ():
            yield Finding(path, f"“{said(text, match)}”：户数按户计，量词却是“{match.group(7)}”",
                          "改为“户”，或把“户数”改为“人数”", match.start(7))
        for match in BUILDING_AREA.finditer(text) if "平方公里" in text or "km" in text else ():
            yield Finding(path, f"“{said(text, match)}”：{match.group(1)}是房屋的面积，不会以平方公里计",
                          "多半是“平方米”，核对单位", match.start(7))


@rule("length-too-short", "warning", "quantities", "道路、管网的长度只有几米（“道路改造长度3.1米”），多半是“公里”",
      f"道路、公路、管网、河道、堤防这类的长度（长度、全长、里程）写成不到 {LENGTH_AT_LEAST} 米，不合常理"
      "——改造、新建一条路或一段管网至少几十米，多半是把“公里”写成了“米”；宽度（“路面宽4.5米”）不算。"
      "极短的真实工程（一段涵管）也会报，所以是警告。",
      "我局已将该路段提质改造纳入计划，改造长度3.1米，路面拓宽至6.5米", "我局已将该路段提质改造纳入计划，改造长度3.1公里，路面拓宽至6.5米")
def _length(c):
    for path, text in prose(c.data):
        if "米" not in text:
            continue
        for match in LENGTH.finditer(text) if "长" in text or "里程" in text else ():
            if Decimal(match.group(3)) >= LENGTH_AT_LEAST:
                continue
            clause = text[_clause_start(text, match.start()):match.start()]
            if not ROAD.search(clause) and (DOING.sub("", clause) or not ROAD.search(text, _sentence_start(text, match.start()), match.start())):
                continue
            quoted = clause[-8:] + match.group()
            yield Finding(path, f"“{quoted}”：道路、管网的长度只有 {match.group(3)} 米，不合常理",
                          "核对单位，多半是“公里”", match.start(4))


# -- a count against the places 分别 names ------------------------------------------------------------------------

CHINESE_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# 建成区域性农事服务中心3个，分别位于威家镇和新港镇: a count, then 分别 + where, then the places one each
RESPECTIVELY = re.compile(r"(?<![\d.第])(\d+|[两二三四五六七八九十])(个|所|座|处|家|条|间)[，,]?分别(?:位于|设在|建在|落户|分布在|坐落在|在)"
                          rf"([{CJK}、和及与（）()]+?)(?=[，,。；;]|$)")
# a place's last word: every item of the list must end in one, so that it is a list of places one count each
PLACE_ITEM = re.compile(rf"[{CJK}]{{1,8}}(?:街道|社区|镇|乡|村|区|县|市|园区|开发区|片区)")


@rule("respectively-count", "warning", "quantities", "“分别位于”列出的地方个数与前面的数对不上（“中心3个，分别位于威家镇和新港镇”）",
      "“N个，分别位于A和B”：“分别”是一个对一个，列出的地方数就应等于N；3个中心只列了两个镇，或列了四个，"
      "多半是数或地名漏写、多写了。只读数紧挨着“分别位于（设在、建在……）”、后面每一项都是镇、乡、村、街道、社区这类地名的说法；"
      "列表里带括号或数字（“A镇（2个）”）的不报。一地两处而信里没说时也会报，所以是警告。",
      "建成区域性农事服务中心3个，分别位于威家镇和新港镇", "建成区域性农事服务中心2个，分别位于威家镇和新港镇")
def _respectively_count(c):
    for path, text in prose(c.data):
        if "分别" not in text:
            continue
        for match in RESPECTIVELY.finditer(text):
            listed = match.group(3)
            if re.search(r"[（）()\d]", listed):
                continue
            items = [item for item in re.split("、|和|及|与", listed) if item]
            if len(items) < 2 or not all(PLACE_ITEM.fullmatch(item) for item in items):
                continue
            said = match.group(1)
            number = int(said) if said.isdigit() else CHINESE_COUNT[said]
            if number != len(items):
                yield Finding(path, f"“{match.group()}”：说是{said}{match.group(2)}，“分别”后却列了{len(items)}个地方",
                              "核对数量和所列地名，使两者一致", match.start(1))
