"""Family 7: words that contradict the letter's kind (提案 to 政协委员, 建议 to 人大代表) or its addressee."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .registry import Finding, rule
from .text import get, prose

ROLE = {"提案": "委员", "建议": "代表"}
BODY = {"提案": "政协", "建议": "人大"}
OTHER_BODY = {"提案": re.compile("人大|人民代表大会"), "建议": re.compile("政协|政治协商")}


def _kind(c) -> str | None:
    kind = get(c.data, ("proposal", "kind"))
    return kind if kind in ROLE else None


NUMBERED = re.compile(r"(?:第\s*)?[A-Za-z]*\s*\d+号(提案|建议|议案)")
SESSION = re.compile(r"[^，。、；：“”《》\s]{0,12}?(?:人大|人民代表大会|政协|政治协商会议)[^，。；：“”《》\s]{0,12}?会议")
# how a letter names what it answers: 该建议, 这一提案, 这件提案, 第16号议案, 您的建议已收悉; not a quoted title
# ending in 的建议 — a 政协 proposal may well be titled 关于……的建议
MENTION = re.compile(r"(?:这一|这件|这份|该|此|此件|本件|(?<![基根日资成版])本)(提案|建议|议案)"
                     r"|(?<![》”])(?:您的|号[）)]?)(提案|建议|议案)(?=(?:已)?收悉|的(?:答复|复函|函))")
# the formula that hands over the reply (现将建议办理情况答复如下, 现将该提案的办理结果函复如下): what it names is
# the document the letter answers, whatever the letter's kind.  Only the bare word or 该/此/本/这件 before it
# (有关建议 may be the filer's suggestions):
# 现将您提出的建议答复如下 and 现将提案中的建议答复如下 in a reply to a 提案 speak of the filer's suggestions
# (建议 is a common noun too), and 第58号建议 is NUMBERED's
FORMULA = re.compile(r"(?:现将|现就|兹将|特将)(?:该|此|本|这一?件?)?(提案|建议|议案)(?:的)?"
                     r"(?:办理|答复|办复|落实)?(?:情况|结果|意见)?(?:答复|函复|回复|报告|反馈)(?:如下|于您|给您|你们)")
# a 人大代表's own words for what they filed: no 提案 in a reply to a 建议, however it is said (您的提案中提到;
# the reverse is no contradiction: a 提案 is full of 建议, 您的建议 among them)
YOUR_PROPOSAL = re.compile(r"您(?:的|所提的?|提出的|这一|这件|的这件)提案")


# the document named in other forms (代表们在提案中反映的, 提案中提到, 提案所提, 所提提案): in a reply to a 建议 any of
# them; in a reply to a 提案 only the document read by its filer (委员在建议中提到) — 建议 there is a common noun
# too (提出的建议很有价值, 所提建议)
IN_DOCUMENT = {
    "提案": re.compile(r"(?<!政协)(?<!委员)(?<!委员们)在(?:本|该|此|这一?|其)?提案(?:中|里)"
                     r"|(?<![》”在])提案(?:中|里)(?:提到|提出|反映|所提|指出|谈到|关注|涉及|建议|所述|的建议)"
                     r"|(?<![》”])提案所(?:提|述|反映|涉及|关注|列)|所提(?:的|出的)?提案"
                     # 你们提案中的意见, 提案里提到的: the document read, by whoever (not 政协提案中, 建议和提案中)
                     r"|(?<![》”在和、与及])(?<!政协)(?<!委员)(?<!委员们)提案(?:中|里)(?![心期])"
                     r"|(?:你们|您们)(?:的|所提的?|提出的)?提案"),
    "建议": re.compile(r"(?:(?<=您)|(?<=委员)|(?<=委员们))在(?:本|该|此|这一?|其)?建议(?:中|里)"
                     r"(?:提到|提出|反映|所提|指出|谈到|关注|涉及)"
                     # 你们建议中的意见: members' document (你们建议…… alone is the verb, 您的建议 a proposal's suggestion)
                     r"|(?:你们|您们)的?建议(?:中|里)(?![心期])"),
}


@rule("kind-word", "warning", "kind", "答复提案就称“提案”，答复建议就称“建议”",
      "政协委员提的是提案，人大代表提的是建议（议案另是一种）；答复提案时说“该建议”“您的建议已收悉”，是文种混用。"
      "只看指称来件的说法（“该建议”“本提案”“这一提案”“第16号议案”“您的建议已收悉”；答复建议时“您的提案”“您提出的提案”不论后文；答复建议时“代表们在提案中反映的”“提案中提到”“你们提案中的意见”“提案里提到的”“提案所提”“所提提案”“你们的提案”，“政协委员在提案中”“政协提案中”“建议和提案中”不报；交出答复的套语“现将建议办理情况答复如下”“现将该提案办理结果函复如下”说的是来件，文种不合就报（“现将您提出的建议答复如下”“提案中的建议”不报）；答复提案时只报“委员在建议中提到”“您在建议中反映”“你们建议中的意见”这样读来件的说法——“提出的建议很有价值”“所提建议”里“建议”是普通名词）和答复建议时来件标题以“提案”结尾（代表不提提案）；引号、书名号里的题目以“的建议”结尾不报"
      "（政协提案也常题为“关于……的建议”），误报很少。",
      "（答复提案）您的建议已收悉；该建议……", "您的提案已收悉；该提案……")
def _kind_word(c):
    kind = _kind(c)
    if not kind:
        return
    title = get(c.data, ("proposal", "title"))
    if kind == "建议" and isinstance(title, str) and re.search("提案[”》]?$", title):
        # a 人大代表 files 建议 and 议案, never 提案 (the reverse is no contradiction: a 提案 may be titled 的建议)
        yield Finding(("proposal", "title"), f"答复的是建议，来件的标题却是“{title[-12:]}”",
                      "核对文种：来件是提案就改 proposal.kind 和称呼（委员），是建议就核对标题")
    for path, text in prose(c.data):
        if "提案" not in text and "建议" not in text and "议案" not in text:
            continue  # every match names one of them
        for match in MENTION.finditer(text):
            word = match.group(1) or match.group(2)
            if word != kind:
                yield Finding(path, f"答复的是{kind}，这里却称“{match.group()}”",
                              f"改为“{kind}”（若答复的确是{word}，改 proposal.kind 和称呼）", match.start())
        for match in FORMULA.finditer(text) if "将" in text or "就" in text else ():
            if match.group(1) != kind and not any(other.start() < match.end() and match.start() < other.end()
                                                  for other in MENTION.finditer(text)):  # 现将该建议…: MENTION's
                yield Finding(path, f"答复的是{kind}，这里却称“{match.group()}”",
                              f"改为“{kind}”（若答复的确是{match.group(1)}，改 proposal.kind 和称呼）", match.start(1))
        for match in YOUR_PROPOSAL.finditer(text) if kind == "建议" and "您" in text else ():
            if not any(other.start() < match.end() and match.start() < other.end() for other in MENTION.finditer(text)):
                yield Finding(path, f"答复的是建议，这里却称“{match.group()}”", "改为“建议”（若答复的确是提案，改 proposal.kind 和称呼）",
                              match.start())
        wrong = "提案" if kind == "建议" else "建议"
        for match in IN_DOCUMENT[wrong].finditer(text) if wrong in text else ():
            if not any(other.start() < match.end() and match.start() < other.end()
                       for pattern in (MENTION, YOUR_PROPOSAL) for other in pattern.finditer(text)):
                yield Finding(path, f"答复的是{kind}，这里却称“{match.group()}”",
                              f"改为“{kind}”（若答复的确是{wrong}，改 proposal.kind 和称呼）", match.start() + match.group().index(wrong))
        for match in NUMBERED.finditer(text) if "号" in text else ():
            if match.group(1) != kind:
                yield Finding(path, f"答复的是{kind}，这里却称“{match.group()}”", f"改为“{kind}”", match.start())


CROSSED = re.compile(r"(人大)(委员)(?!会)|(?<!代表)(政协)(代表)(?!团|队)|(人民)(委员)(?=大会)|(界别)(代表)(?!性|人士)")
# whose members each body has: a 界别 (sector) is the 政协's, the 人民代表大会 the 人大's
CROSSED_RIGHT = {"人大": "代表", "人民": "代表", "政协": "委员", "界别": "委员"}


@rule("addressee-role", "warning", "kind", "称呼与文种一致：提案称“委员”，建议称“代表”",
      "给人大代表的答复称“委员”（或反过来）是常见的套改错误。只看称呼的用法（各位代表、尊敬的……委员、代表的建议、"
      "正文里以收信人姓名相称的“胡建军委员，”、以常见姓氏打头的提出人“由王婉清代表提出”），"
      "不看“代表我区”这样的动词。“人大委员”“政协代表”“人民委员大会”“界别代表”不论文种都报（人大常委会委员写全称）。",
      "（答复建议）按照委员的建议……", "按照代表的建议……")
def _role(c):
    salutation = [(("salutation",), c.data["salutation"])] if isinstance(c.data.get("salutation"), str) else []
    for path, text in salutation + prose(c.data):  # 人大 has 代表, 政协 has 委员, whatever the letter answers
        for match in CROSSED.finditer(text) if any(word in text for word in CROSSED_RIGHT) else ():
            body = next(group for group in match.groups()[::2] if group)
            right = CROSSED_RIGHT[body]
            yield Finding(path, f"“{match.group()}”：{body}的是{right}", f"改为“{body}{right}”", match.start())
    kind = _kind(c)
    if not kind:
        return
    wrong = ROLE["建议" if kind == "提案" else "提案"]
    role = get(c.data, ("addressee", "role"))
    if role == wrong:
        yield Finding(("addressee", "role"), f"答复的是{kind}，称呼却是“{role}”", f"改为“{ROLE[kind]}”")
    before, by_surname, after = _role_patterns(wrong)
    names, surnames = _addressed(c)
    patterns = (before,) + ((re.compile(rf"(?:{names}){wrong}(?!会|长|团)"),) if names else ()) \
        + ((_Surnamed(by_surname, surnames),) if surnames else ()) + (after,)  # the ways in order
    for path, text in prose(c.data):
        for match in _alternation(text, patterns) if wrong in text else ():  # every way of the pattern writes the role
            yield Finding(path, f"答复的是{kind}，这里却称“{match.group()}”", f"改为“{ROLE[kind]}”",
                          match.end() - len(wrong))


@lru_cache(maxsize=2)
def _role_patterns(wrong: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The ways a letter calls its addressee by the role `wrong`, compiled once (the whole pattern with the
    addressee's names in it took 1-7 ms to compile, each draft, its classes of every Chinese character the most):
    those tried before the addressee's names (_addressed), the addressee by surname alone after no other character
    of a word (any character: _Surnamed keeps the addressee's), and those after."""
    before = re.compile(rf"(?:各位|尊敬的[^，。：:；、]{{0,8}}|按照|感谢|您作为)(?:[^，。：:；、]{{0,3}}?|{NAMED_FEW}){wrong}(?!会)"
                        rf"|{wrong}们?(?=的(?:建议|提案|意见|关心))"
                        rf"|(?<!政协)(?<!人大){wrong}们?(?=在(?:提案|建议)中|所提|提出的|提到的|反映的)")
    # 与陈委员进行了电话沟通 (to 陈海燕代表)
    by_surname = re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?<=[与和向对同及请谢由给跟让]))(.){wrong}(?!会|长|团)", re.S)
    # a paragraph opening with two to four characters and the role (胡建军委员，); 由王婉清代表提出
    after = re.compile(rf"^(?:(?!政协|人大|代表|委员|常委)[\u4e00-\u9fff]){{2,4}}(?={ROLE['提案']}[，,！!]|{ROLE['建议']}[，,！!])"
                       rf"{wrong}(?!会|长|团)"
                       rf"|(?:(?<=由)|(?<=[，。；：、（(])|^)[{SURNAMES}][\u4e00-\u9fff]{{1,2}}?{wrong}(?=提出|所提|提交|领衔|联名|在(?:提案|建议))")
    return before, by_surname, after


class _Surnamed:
    """_role_patterns's way by surname, matching only where its character is one of the addressee's surnames."""

    def __init__(self, pattern: re.Pattern, surnames: frozenset):
        self.pattern, self.surnames = pattern, surnames

    def search(self, text: str, pos: int) -> re.Match | None:
        while (match := self.pattern.search(text, pos)) and match.group(1) not in self.surnames:
            pos = match.start() + 1
        return match

    def match(self, text: str, pos: int) -> re.Match | None:
        match = self.pattern.match(text, pos)
        return match if match and match.group(1) in self.surnames else None


def _alternation(text: str, patterns) -> Iterator[re.Match]:
    """The matches re.finditer would give for the patterns joined as one alternation (first|second|…): the
    leftmost place any of them matches, there the first that does, then on from its end.  None matches empty."""
    pos, ahead = 0, [None] * len(patterns)  # each pattern's next match at or after pos (searched when needed)
    while True:
        for k, pattern in enumerate(patterns):
            if ahead[k] is not False and (ahead[k] is None or ahead[k].start() < pos):
                ahead[k] = pattern.search(text, pos) or False
        starts = [m.start() for m in ahead if m]
        if not starts:
            return
        at = min(starts)
        match = next(m for pattern in patterns if (m := pattern.match(text, at)))
        yield match
        pos = match.end()


# the commonest single-character surnames (百家姓 as used today): 王婉清代表提出 names the proposer
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
# 马国峰等, 马国峰、李华等3名, 王敏等三位: the members named before their role, as a letter thanks them
NAMED_FEW = r"(?:[\u4e00-\u9fff]{2,4}、){0,4}[\u4e00-\u9fff]{2,4}等[\d一二三四五六七八九十]*[名位]?"


def _addressed(c) -> tuple[str, frozenset]:
    """How the body calls its addressee by name (胡建军委员，感谢您……; 与胡委员沟通): the addressee's names, as a
    regular expression of alternatives (empty when the draft names nobody), and the surnames of those of two or
    three characters, which _role_patterns's by_surname reads (the third way, any two to four characters opening
    a paragraph and followed by a comma, is _role_patterns's too)."""
    name = get(c.data, ("addressee", "name"))
    names = [n for n in re.split("[、，,和及与等]", name) if len(n) >= 2] if isinstance(name, str) else []
    return "|".join(re.escape(n) for n in names), frozenset(n[0] for n in names if 2 <= len(n) <= 3)


@rule("you-plural", "error", "kind", "不写“您们”",
      "“您”没有复数，“您们”不规范；对多人用“各位”或“你们”。", "感谢您们的关心", "感谢各位的关心")
def _you_plural(c):
    for path, text in prose(c.data):
        for match in re.finditer("您们", text) if "您们" in text else ():
            yield Finding(path, "“您们”不规范", "改为“各位”或“你们”", match.start())


@rule("plural-to-one", "warning", "kind", "写给一位委员或代表的信不称“各位”",
      "收信人只有一位时，“各位代表”“各位委员”是套用了集体答复的模板。", "（收信人张三）感谢各位代表的关心", "感谢您的关心")
def _plural(c):
    name = get(c.data, ("addressee", "name"))
    if not isinstance(name, str) or re.search("[、，,等]", name):
        return
    for path, text in prose(c.data):
        for match in re.finditer("各位(代表|委员)", text) if "各位" in text else ():
            yield Finding(path, f"收信人只有{name}一位，这里却称“{match.group()}”", "改为“您”", match.start())


@rule("session-body", "error", "kind", "会议届次与文种一致：提案出自政协会议，建议出自人大会议",
      "提案写成“人大……会议”、建议写成“政协……会议”，是套改时漏改。", "（提案）session: 区人大五届六次会议",
      "session: 区政协五届六次会议")
def _session(c):
    kind = _kind(c)
    if not kind:
        return
    places = [(("proposal", "session"), get(c.data, ("proposal", "session")))]
    places += [(path, text) for path, text in prose(c.data) if path in {("opening",), ("title",)}]
    reported = set()  # one finding for one session, wherever the letter names it again
    for path, text in places:
        if not isinstance(text, str):
            continue
        for match in SESSION.finditer(text) if "会议" in text else ():
            lead = re.match("(?:关于)?对?", match.group()).end()  # 关于县政协……会议: the session starts after 关于
            name = match.group()[lead:]
            if OTHER_BODY[kind].search(name) and name not in reported:
                reported.add(name)
                yield Finding(path, f"答复的是{kind}（{BODY[kind]}），会议却是“{name}”",
                              f"核对文种和会议名称（{kind}出自{BODY[kind]}会议）", match.start() + lead)
