"""Family 4, names: a place named several times one way and once with one character replaced by a
character that sounds the same (黎坪景区 four times, 犁坪景区 once) — what a clerk's pinyin input
method leaves when the wrong candidate is picked.

A place is found by its last word (景区, 公园, 村, 路 …); its name is the two or three characters
before it.  Two names of the same length before the same last word that differ in one character,
read the same in pinyin (tones aside, each character's usual reading), the one
written at least twice in the letter and the other once, are reported at the one.  pypinyin
gives the readings: a table of our own would cover far fewer characters.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .registry import Finding, rule
from .text import CJK, get, per_text, prose
from . import written_so  # guards of text written so on purpose (fa24: the clean dense letters)

PLACE_END = ("中心小学|中心学校|中心校|中心幼儿园|卫生院|小学|中学|幼儿园|风景区|景区|度假区|保护区|开发区|公园|水库|湿地|古镇|古村|小区|社区|街道|大道|广场|片区|园区|新区|林场|"
             "码头|村|镇|乡|路|街|巷|河|湖|山|岛|湾|江|溪|港|桥")
# a school or a clinic: two in one letter whose names sound alike are one place written two ways
UNIQUE = {"中心小学", "中心学校", "中心校", "中心幼儿园", "卫生院", "小学", "中学", "幼儿园"}
PLACE = re.compile(rf"(?=({PLACE_END}))")
NAME = re.compile(f"[{CJK}]+")
NUMERALS = set("一二三四五六七八九十百千〇零两第")  # 一村 and 乙村, 三江 and 山江: numbers, not names


@per_text
def _places(text: str):
    """(offset of the name, name, last word) for each name of two or three characters before a place's
    last word: 黎坪 and 今黎坪 before 景区 in 今黎坪景区."""
    for match in PLACE.finditer(text):
        end = match.start()
        for size in (2, 3):
            name = text[end - size:end] if end >= size else ""
            # a numeral may stand in a name (七宝镇, 三江村); only a changed numeral is no slip (place-homophone)
            if NAME.fullmatch(name):
                yield end - size, name, match.group(1)


# particles and measure words that sound alike and stand before a name (于深港 and 与深港, 个乡镇 and
# 各乡镇): two words, not a name written two ways
FUNCTION = set("的地得之与于为在再个各以已而和及或也又有是将把被对向从到给让使由")


# particles that open no place's name (在七宝镇, 将七堡镇): a three-character run opening with one is the particle and a
# two-character name; 和 (和平), 向 (向阳), 于 (于家) and 以 open many, they are not here
OPENS_NO_NAME = set("的地得之在对从到给让使将把被与及或也又是")


@lru_cache(maxsize=4096)
def _reading(character: str) -> str:
    """The character's usual reading in pinyin without tones (黎 → li, 重 → zhong): its rarer ones
    (于 as wei) would pair too many characters."""
    from pypinyin import Style, pinyin

    return pinyin(character, style=Style.NORMAL)[0][0]


@lru_cache(maxsize=4096)
def _readings(character: str) -> frozenset:
    """Every reading pypinyin knows of the character, tones aside (莘 → shen, xin)."""
    from pypinyin import Style, pinyin

    return frozenset(pinyin(character, style=Style.NORMAL, heteronym=True)[0])


def _one_sound_apart(a: str, b: str, polyphonic: bool = False) -> tuple[str, str] | None:
    """The differing characters of two names of one length that differ in one character read alike: by each
    character's usual reading, or — `polyphonic`, for the name written twice or more — by any reading of the
    character of that name (莘庄镇 three times, read Xinzhuang, and 辛庄镇 once: 莘 is shen and xin)."""
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differ) != 1:
        return None
    x, y = differ[0]
    if not NAME.fullmatch(x + y) or FUNCTION & {x, y}:
        return None
    alike = _reading(x) == _reading(y) or (polyphonic and _reading(y) in _readings(x))
    return (x, y) if alike else None


# a name written once each way is told by jieba's dictionary when one spelling is a word of it this common (芙蓉 755,
# 黎明 1433) and the other none: rarer entries (锦秀 3) are too often the slip itself
NAMED_WORD = 50
# …unless the entry is a place's name itself: jieba holds many towns and villages at small counts (街亭 45, 七宝 33,
# 旧州 6, 丛台 3); below 3 its entries are mostly fragments it cut once.  A place written once each way, one spelling
# a name of jieba's this rare and the other no entry at all, is still told by the dictionary
PLACE_WORD = 3
COMMON = 1000  # jieba's count of a common word (农村 11478, 城乡 2316); a place's (台山 86, 龙湾 39) is less


def _two_words(place: str, k: int, size: int, words, usual: str = "") -> bool:
    """Whether the character at k is no slip in a name but a word of its own: the rest before the last
    word makes a word with it (实施|农村, 表现|城乡: 施农, 现城 are no names), or the character makes a
    word where it stands (全线景区 beside 全县景区: both words; a rare entry, 锦秀 3, may be the slip).
    A name whose `usual` spelling closes a word at k inside the name (胜利|南路: 胜利) owns the character: the
    direction and the road after it (南路) are the name's last words, not a word the character belongs to; the
    character still makes a word where it stands or not (全线 beside 全县)."""
    owned = usual and any(words.get(usual[i:k + 1], 0) >= COMMON / 10 for i in range(k))
    return (not owned and any(words.get(place[j:], 0) >= COMMON for j in range(k + 1, size))) \
        or any(words.get(place[i:j], 0) >= COMMON / 10
               for i in range(0, k + 1) for j in range(k + 1, min(len(place), i + 4) + 1) if j - i >= 2)


# Look-alike places that are real (东关 and 西关, 上河村 and 下河村, 马街镇 and 狗街镇) differ in a character of another
# sound: _one_sound_apart compares sounds, so they never pair.  Two towns of one sound in two counties (七宝镇, 七堡乡)
# end in different last words, and _places groups names by their last word.  Two homophone places each written once
# pair only when jieba or a word inside the name tells the usual spelling (_worded), and a clan's surname first
# (刘湾村 beside 柳湾村) is no proof: such villages are many and both may be real.
@rule("place-homophone", "warning", "names", "同一地名全信写法一致，不要有一处换成同音字",
      "“黎坪景区”写了四次，有一处写成“犁坪景区”：拼音输入时选错了同音字，读者会以为是另一处地方。"
      "只看景区、公园、村、镇、路、河、山这类地名末尾的词前两三个字，一种写法在信里出现两次以上、另一种只出现一次，"
      "而且差的那个字读音相同（按 pypinyin，不计声调；写了两次以上的那种写法里的多音字，任一读音相同也算：“莘庄镇”三次、“辛庄镇”一次，莘读 xin）时才报；两种写法各写一次时，一种是 jieba 词典里的词（“芙蓉街道”，词频 50 以上；“街亭村”“旧州镇”这样词典里收了的地名，词频 3 以上也算，"
      "但换的是打头的姓氏字时不算：“柳湾村”与“刘湾村”可能是两个村）、另一种不成词（“芙容街道”“街停村”），报不成词的那处；"
      "或者换的字在一种写法里与前面的字成常用词、在另一种里不成词（“胜利南路”与“胜力南路”），报不成词的那处。"
      "地名里可以有数字（“七宝镇”四次、“七堡镇”一次），换的是数字（“一村”“乙村”）不报；前面的字与地名头几个字连成常用词"
      "（“处置背街小巷”与“整治背街小巷”：处置、整治是动词，“背街”不是地名）不报。"
      "读音不同的相近地名（东关、西关，上河村、下河村，马街镇、狗街镇）本就不比；同音的不同地方（不同县的“七宝镇”“七堡乡”）"
      "只在末尾的词相同、一种写法写得多或词典认得时才报。把握一般：两处确实不同而同音的地名也会报，所以是警告。",
      "黎坪景区完成游客中心改造……举办首届黎坪冰雪节……完善犁坪景区标识系统",
      "黎坪景区完成游客中心改造……举办首届黎坪冰雪节……完善黎坪景区标识系统")
def _place_homophone(c):
    texts = prose(c.data)
    whole = "\n".join(text for _, text in texts)
    by_end: dict[tuple, list] = {}  # (last word, length) → names before it, first mention of each
    for path, text in texts:
        for offset, name, end in _places(text):
            by_end.setdefault((end, len(name)), {}).setdefault(name, (path, offset))
    reported = set()
    words = None
    counts: dict[str, int] = {}

    def times(name: str) -> int:  # whole.count, once per name: each name is compared with every other
        if name not in counts:
            counts[name] = whole.count(name)
        return counts[name]
    # the longest run of name and last word first: in 和平东路 … 和苹东路 the three-character names are the place's, the
    # two after the word 和平 (平东, a rare entry of jieba's, and 苹东) its tail; 黎明中心小学 is read before 明中心 … 小学.
    # A three-character run opening with a particle (在七宝 of 在七宝镇) is the particle and a name: its two are read
    for (end, size), names in sorted(by_end.items(), key=lambda item: -len(item[0][0]) - item[0][1]):
        if len(names) < 2:
            continue
        for once, (path, offset) in names.items():
            if size == 3 and once[0] in OPENS_NO_NAME:
                continue
            if times(once) != 1:
                continue
            for often in names:
                # a school or a clinic named once each way is one place too (蓝田中心小学 … 兰田中心小学): the later
                # spelling is reported
                ahead = times(often) >= 2 or (end in UNIQUE and times(often) == 1 and whole.index(often + end) < whole.index(once + end))
                if not ahead and times(often) == 1 and often != once:
                    # 芙蓉街道 … 芙容街道, each once: the spelling that is a word of jieba's (芙蓉) is the place's, the
                    # other, no word at all, the input method's wrong candidate — the dictionary breaks the tie
                    if words is None:
                        from .dictionary import dictionary

                        words = dictionary()[1]
                    ahead = once not in words and _worded(often, once, words)
                # the name written twice or more may be read by any of its character's readings (the one written
                # once by its usual one): a place's own reading of a polyphonic character is often the rarer one
                sounds = _one_sound_apart(often, once, times(often) >= 2) if ahead else None
                if sounds and NUMERALS & set(sounds):
                    sounds = None  # 一村 and 乙村, 八里 and 巴里: a number changed, not a name mistyped
                if sounds:
                    k = next(k for k in range(len(once)) if once[k] != often[k])
                    if words is None:
                        from .dictionary import dictionary

                        words = dictionary()[1]
                    at = offset + k
                    if (path, at) in reported or _two_words(once + end, k, len(once), words, often) \
                            or _word_before(dict(texts)[path], offset, k, words):
                        break
                    reported.add((path, at))
                    told = f"写了 {whole.count(often)} 次" if whole.count(often) >= 2 or end in UNIQUE \
                        else "成词" if often in words else "另一处"
                    yield Finding(path, f"“{once}{end}”的“{once}”与信里{told}的“{often}”差一个同音字"
                                        f"（“{sounds[1]}”与“{sounds[0]}”），可能写错了字", "核对地名，全文统一", offset)
                    break


def _worded(often: str, once: str, words) -> bool:
    """Whether, of two spellings of a place each written once, `often` is the one jieba knows: the name is an
    entry of its own (街亭 45, 旧州 6 — PLACE_WORD), or its character where the two differ closes a common word
    inside the name that the other spelling's does not (胜利南路 … 胜力南路: 胜利 8904, 胜力 none)."""
    k = next((k for k in range(len(once)) if once[k] != often[k]), None)
    if words.get(often, 0) >= NAMED_WORD:
        return True
    if words.get(often, 0) >= PLACE_WORD:
        # a rare entry is no proof against a village of a clan's name: 刘湾 beside 柳湾 (10), 汪庄 beside 王庄 — a
        # surname first is how villages are named, both may be real
        from .kind import SURNAMES

        return k != 0 or not {once[0], often[0]} & set(SURNAMES)
    return k is not None and any(words.get(often[i:k + 1], 0) >= NAMED_WORD and once[i:k + 1] not in words
                                 for i in range(k))


def _word_before(text: str, offset: int, k: int, words) -> bool:
    """Whether the characters before the name at `offset` and the name's first ones up to the changed character at
    k make a common word (处置|背街小巷 beside 整治|背街小巷: 处置, a verb, ends at 置): the run is no name but the end
    of a word before a place's last word (COMMON / 10, as _two_words reads a word where the character stands)."""
    return any(offset >= m and words.get(text[offset - m:offset + k + 1], 0) >= COMMON / 10 for m in (1, 2))


# -- a place named with one character changed, not a homophone (磨山镇 … 磨石镇卫生院): name-variant reports it --

TOWN_END = ("镇", "乡", "村", "街道", "路")
# siblings told apart by one character (东山镇, 西山镇; 新村, 老村; 一村, 二村): neighbours, not one place
SIBLINGS = set("东西南北中上下前后左右新老大小内外高低里" "一二三四五六七八九十") | NUMERALS
# what a letter names after a place: the same facility after two spellings is one place
# (a town has one of each; a village's 卫生室 is one of many villages')
FACILITY = re.compile("卫生院|中心卫生院|中心校|中心小学|中心学校|派出所|敬老院|便民服务中心|综合文化站|文化站|人民政府")


def _listed(text: str, offset: int, size: int, end: str) -> bool:
    """Whether a place stands in a list of places of its kind (王庄村、李庄村; 东山镇和西山镇): a 、 or 和 right
    before its name with a place of the same last word before it, or right after its last word with one after
    it.  区市场监督管理局、柳湾镇人民政府 is a list of bodies: 柳湾镇 is no neighbour of another 镇 there."""
    before = offset and text[offset - 1] in "、和与及" and text[max(0, offset - 1 - len(end)):offset - 1] == end
    after = text[offset + size:offset + size + 1] in ("、", "和", "与", "及") \
        and re.match(rf"[{CJK}]{{1,4}}?{end}", text[offset + size + 1:offset + size + 6])
    return bool(before or after)


def place_variants(data):
    """(path, offset, name written once, its last word, the other spelling, how often, why) for each place
    whose name, before 镇/乡/村/街道/路, differs from another's in one character that is no homophone
    (place-homophone's) and no sibling's: the one spelling written once and the other two times or more,
    or both before the same facility (磨山镇卫生院, 磨石镇卫生院).  A place standing in a list is left alone."""
    texts = prose(data)
    whole = "\n".join(text for _, text in texts)
    by_end: dict[tuple, dict] = {}
    for path, text in texts:
        for offset, name, end in _places(text):
            if end in TOWN_END:
                facility = FACILITY.match(text, offset + len(name) + len(end)) if end in ("镇", "乡", "街道") else None
                entry = by_end.setdefault((end, len(name)), {}).setdefault(name, [path, offset, set(), False])
                if facility:
                    entry[2].add(facility.group())
                entry[3] = entry[3] or _listed(text, offset, len(name) + len(end), end)
    words, reported = None, set()
    for (end, size), names in by_end.items():
        for once, (path, offset, facilities, listed) in names.items() if len(names) > 1 else ():
            for other, (_, _, other_facilities, other_listed) in names.items():
                differ = [k for k in range(size) if once[k] != other[k]]
                if len(differ) != 1 or listed or other_listed:
                    continue
                k = differ[0]
                x, y = once[k], other[k]
                if not NAME.fullmatch(x + y) or {x, y} & (SIBLINGS | FUNCTION) or _reading(x) == _reading(y) \
                        or (size == 3 and k == 0):
                    continue  # a sibling, a word before the name, or a homophone (place-homophone's)
                same_facility = facilities & other_facilities
                if whole.count(once + end) != 1:
                    continue
                counted = whole.count(other + end) >= 2 and k == size - 1
                if not (same_facility or counted) or (other + end, once + end) in reported:
                    continue  # each pair once: two spellings before one facility are one finding
                if words is None:
                    from .dictionary import dictionary

                    words = dictionary()[1]
                if any(words.get(place[j:], 0) >= COMMON for place in (once + end, other + end) for j in range(k, size)):
                    continue  # 村公路 beside 村道路, 建农村 beside 建设村: words ending the run (公路, 农村), no place's name
                if (path, offset + size) in reported:
                    break  # 陈老港村: its two-character name (老港) reported, not its three-character one again
                reported.update(((once + end, other + end), (path, offset + size)))
                yield path, offset, once, end, other, whole.count(other + end), "".join(sorted(same_facility))[:6]
                break


# -- a person's name with one character replaced by a homophone (高志强代表 … 感谢高智强代表) --

ROLE_AFTER = re.compile("代表|委员|同志")
CONTACT_IN = re.compile(rf"联系人[：:\s]*([{CJK}]{{2,3}})(?![{CJK}])")
LIST_MARK = "、，,和与及"


def _people(data):
    """(name, path, offset, from a field) for each person the draft names: the addressee, the contact and
    the signer from their fields, and in the salutation and the body each run of two or three characters
    opening with a common surname before 代表/委员/同志 (both lengths: 感谢王芳代表 gives 王芳 and 谢王芳,
    only a one-character homophone of another name is reported) or after 联系人."""
    from .kind import SURNAMES

    addressee, contact = get(data, ("addressee", "name")), get(data, ("contact", "name"))
    fields = [(("addressee", "name"), addressee), (("contact", "name"), contact), (("signer",), data.get("signer"))]
    for path, value in fields:
        if isinstance(value, str):
            for part in re.split(f"[{LIST_MARK}等\\s]+", value.replace(" ", "").replace("\u3000", "")):
                if 2 <= len(part) <= 3 and NAME.fullmatch(part):
                    yield part, path, value.find(part), True
    salutation = [(("salutation",), data["salutation"])] if isinstance(data.get("salutation"), str) else []
    for path, text in salutation + prose(data):
        for match in ROLE_AFTER.finditer(text) if any(word in text for word in ("代表", "委员", "同志")) else ():
            for size in (2, 3):
                start = match.start() - size
                name = text[start:match.start()] if start >= 0 else ""
                if NAME.fullmatch(name) and name[0] in SURNAMES:
                    yield name, path, start, False
                elif NAME.fullmatch(name):
                    # a surname not among the common ones (符海燕代表): only compared with a name from a field (None),
                    # what the clerk typed deliberately — two such runs of the body may be any two words before 代表
                    yield name, path, start, None
        for match in CONTACT_IN.finditer(text) if "联系人" in text else ():
            yield match.group(1), path, match.start(1), False


def _listed_together(a: str, b: str, texts) -> bool:
    """Whether two names stand in one list (王芳、王方代表; addressee 王芳、王方): two people, not one."""
    mark = f"[{LIST_MARK}]"
    return any(re.search(f"{a}{mark}|{mark}{a}", text) and re.search(f"{b}{mark}|{mark}{b}", text)
               for text in texts)


@rule("person-variant", "warning", "names", "同一个人的姓名全信写法一致，不要有一处换成同音字",
      "正文里两处“高志强代表”，另一处却“高智强代表”：拼音输入时选错了同音字。"
      "姓名取自收信人、联系人、签发人字段，以及称呼和正文里“某某代表”“某某委员”“某某同志”“联系人某某”（以常见姓氏打头的两三个字；"
      "姓氏不常见的，如“符海燕代表”，只与字段里的姓名比）；"
      "两个同样长的姓名只差一个字、而这个字读音相同（按 pypinyin，不计声调）时报字段以外、次数较少（一样多时靠后）的那一处。"
      "正文里写错的是收信人字段里的姓名时是 addressee-homophone（错误）。"
      "两人并列（“王芳、王方代表”，或收信人字段里列了两人）不报；读音不同的两个名字（王芳、王刚）是两个人，也不报。"
      "把握一般：两个字段（收信人与联系人）里的两个人也可能同音，所以是警告。",
      "高志强代表提出的建议收悉……邀请高志强代表实地察看……向高智强代表通报了进展",
      "高志强代表提出的建议收悉……邀请高志强代表实地察看……向高志强代表通报了进展")
def _person_homophone(c):
    for finding, addressee in _person_slips(c.data):
        if not addressee:
            yield finding


@rule("addressee-homophone", "error", "names", "收信人的姓名在正文里不要换成同音字",
      "称呼里是“符海燕代表”（收信人字段），结尾却“感谢符海艳代表”：拼音输入时选错了同音字，写错了收信人的名字很失礼。"
      "收信人字段的姓名是办信人照着建议、提案抄的；正文或称呼里“某某代表”“某某委员”“某某同志”前同样长、只差一个同音字"
      "（按 pypinyin，不计声调）的姓名就是收信人写错了，不论姓氏常见与否。两人并列（“王芳、王方代表”，或收信人字段里列了两人）"
      "不报；读音不同的（王芳、王刚）是另一个人，也不报。把握大：所以是错误。",
      "（收信人符海燕）感谢符海艳代表对农业农村工作的关心", "（收信人符海燕）感谢符海燕代表对农业农村工作的关心")
def _addressee_homophone(c):
    for finding, addressee in _person_slips(c.data):
        if addressee:
            yield finding


def _person_slips(data):
    """(finding, whether the name kept is the addressee's field and the one reported stands in the prose or the
    salutation) for each person named two ways: addressee-homophone reports the second kind, person-variant the
    rest (a field against another field — the addressee and the contact may be two people of one sound)."""
    people = list(_people(data))
    if len(people) < 2:
        return
    texts = [value for _, value in prose(data)] + [str(get(data, ("addressee", "name")) or ""),
                                                   str(data.get("salutation") or "")]
    whole = "\n".join(texts)
    reported = set()
    for (i, (a, path_a, at_a, field_a)), (j, (b, path_b, at_b, field_b)) in itertools.combinations(enumerate(people), 2):
        # a run before 代表 whose first character is no common surname (field None) is compared with a field's name only
        if len(a) != len(b) or a == b or (field_a is None and not field_b) or (field_b is None and not field_a) \
                or not _one_sound_apart(a, b) or _listed_together(a, b, texts):
            continue
        # the one kept: the addressee's field, then another field (what the clerk typed deliberately), then the
        # name said more often, then the earlier; the other is reported
        keep, slip = sorted([(0 if path_a == ("addressee", "name") else 1 if field_a else 2, -whole.count(a), i, a, path_a, at_a),
                             (0 if path_b == ("addressee", "name") else 1 if field_b else 2, -whole.count(b), j, b, path_b, at_b)])
        name, path, at = slip[3], slip[4], slip[5]
        k = next(k for k in range(len(name)) if name[k] != keep[3][k])
        if (path, at + k) in reported:
            continue
        reported.add((path, at + k))
        addressee = keep[0] == 0 and slip[0] == 2
        told = "收信人" if addressee else "信里的"
        yield Finding(path, f"“{name}”与{told}“{keep[3]}”只差一个同音字（“{name[k]}”与“{keep[3][k]}”），"
                            "像是同一个人的名字写错了", "核对姓名，全文统一为正确的写法", at), addressee


# -- a repeated proper name written once with one character changed, no homophone (陈老巷历史文化街区 twice …
# 陈老港街区): name-variant reports it --

# the last words a proper name stands before: places (PLACE_END), a historic quarter, an association, a centre
NAME_TAIL = re.compile(f"(?=(街区|协会|商会|学会|合作社|中心|{PLACE_END}))")  # the longer first: 街区, not 街
# levels and a place's kind are levels.py's (黄花镇, 黄花乡); siblings, numerals and particles tell two names apart
LEVEL_CHARS = set("省市县区州镇乡村街")
DESCRIPTOR = re.compile(f"[{CJK}]{{0,4}}?(?:街区|协会|商会|学会|合作社|中心|{PLACE_END})")


def repeated_name_variants(data):
    """(path, offset, name written once, its last word, the name written twice or more, how often) for each
    name of three characters right before a name's last word (陈老港 of 陈老港街区), written once, that differs in
    one character from a name written two times or more (陈老巷, in 陈老巷历史文化街区), the other standing before a
    name's last word too, at most four characters after it (历史文化).  Not the first character (在王庄村 … 到王庄村:
    a word before the name), no sibling's, numeral's, level's or particle's character, no homophone
    (place-homophone's), neither spelling with the changed character in a common word (农村 … 建设村: no names),
    and the two not in one clause (陈老巷村、陈老港村: a list of two places)."""
    texts = prose(data)
    whole = "\n".join(text for _, text in texts)
    words, reported = None, set()
    for path, text in texts:
        for end, tail in _tails(text):
            once = text[end - 3:end]
            if once in reported or whole.count(once) != 1:
                continue
            for k in (1, 2):
                for other in _one_changed(whole, once, k):
                    x, y = once[k], other[k]
                    if {x, y} & (SIBLINGS | FUNCTION) or set(other) & LEVEL_CHARS or whole.count(other) < 2 \
                            or _reading(x) == _reading(y) or not _names_something(whole, other):
                        continue
                    if words is None:
                        from .dictionary import dictionary

                        words = dictionary()[1]
                    if words.get(once[:k], 0) >= COMMON or _two_words(once + tail, k, 3, words) \
                            or _two_words(other + "□", k, 3, words) or _word_on(whole, other, k, words) \
                            or written_so.head_of_its_own(whole, once, other, k) \
                            or any(once in clause and other in clause for clause in re.split("[，。；：！？]", text)):
                        continue  # 文化进景区 … 文化旅游: a common word (文化) and another after it, no name; 延伸线路
                    reported.add(once)
                    yield path, end - 3, once, tail, other, whole.count(other)
                    break
                if once in reported:
                    break


@per_text
def _tails(text: str):
    """(offset, last word) of each name's last word in the paragraph with three Chinese characters before it, no
    level's character among them (六郎镇官巷: 郎镇官 runs across a town), the last word not inside a longer one
    that starts before it (丹霞古村: 村 inside 古村, whose name is 丹霞)."""
    found = [(m.start(), m.group(1)) for m in NAME_TAIL.finditer(text)]
    inside = {k for start, longer in found for k in range(start + 1, start + len(longer))}
    for end, tail in found:
        if end >= 3 and end not in inside and NAME.fullmatch(text[end - 3:end]) and not set(text[end - 3:end]) & LEVEL_CHARS:
            yield end, tail


def _one_changed(whole: str, name: str, k: int) -> set[str]:
    """The strings of the letter that are the name with its character at k changed to another Chinese one."""
    found, head, rest = set(), name[:k], name[k + 1:]
    at = whole.find(head)
    while at >= 0:
        other = whole[at:at + len(name)]
        if len(other) == len(name) and other[k + 1:] == rest and other[k] != name[k] and NAME.fullmatch(other[k]):
            found.add(other)
        at = whole.find(head, at + 1)
    return found


def _word_on(whole: str, other: str, k: int, words) -> bool:
    """Whether, wherever `other` stands in the letter, its character at k and what follows up to the next
    character after it make a common word (整治成效, 整治成果: 成效, 成果 — 整治成 is a verb and a word, no name).
    COMMON / 10, as _two_words reads a word where the character stands."""
    spots = [m.start() for m in re.finditer(re.escape(other), whole)]
    return bool(spots) and all(words.get(whole[at + k:at + len(other) + 1], 0) >= COMMON / 10 for at in spots)


def _names_something(whole: str, name: str) -> bool:
    """Whether the name stands, somewhere in the letter, before a name's last word, with at most four characters
    between (陈老巷历史文化街区, 陈老巷街区): a proper name, not a run of common words."""
    return any(DESCRIPTOR.match(whole, m.end()) for m in re.finditer(re.escape(name), whole))


# -- the organ's own place written once with a character of the same sound (包头市昆都仑区市场监督管理局 … 昆都伦区) --

# the places an organ's name opens with, one after another: 包头市|昆都仑区 of 包头市昆都仑区市场监督管理局
OWN_PLACE = re.compile(f"([{CJK}]{{2,5}}?)(自治区|自治州|自治县|自治旗|省|市|区|县|旗|州|盟)")


def _own_places(name: str) -> list[str]:
    """The places an organ's name opens with, each of two characters or more before its level (包头市, 昆都仑区):
    a one-character name (城区) is too short to tell a slip from another word."""
    found, at = [], 0
    while True:
        match = OWN_PLACE.match(name, at)
        if not match:
            return found
        found.append(match.group())
        at = match.end()


def _own_sound_apart(name: str, other: str, level: str, words) -> bool:
    """Whether `other`, standing where the organ's place `name` would, is that name with one character replaced by
    one of the same sound (pypinyin's usual reading, as place-homophone reads).  The first character too (丛台区 …
    从台区), unless the rest with the level is a common word a character before it may precede (金山区 … 进山区:
    进 + 山区): then the text reads as a word, not the place.  A particle (从, 于) is no slip elsewhere in a name
    (_one_sound_apart's FUNCTION: 于深港, 与深港) because what follows it is a word of its own; here what follows
    is the organ's own name, so only that common word decides (and _word_before, where it is read: 推进|山区).
    A numeral changed is a number (一村, 乙村)."""
    differ = [k for k in range(len(name)) if other[k] != name[k]]
    if len(differ) != 1:
        return False
    k = differ[0]
    x, y = name[k], other[k]
    if not NAME.fullmatch(x + y) or NUMERALS & {x, y} or _reading(x) != _reading(y):
        return False
    return not (k == 0 or FUNCTION & {x, y}) or words.get(name[k + 1:] + level, 0) < COMMON / 10


# the bodies a district or a county names after itself (邗江中学, 丛台医院, 克拉玛依职业技术学院)
OWN_BODY = re.compile("中学|小学|实验学校|学校|学院|医院|公园|图书馆|文化馆|体育馆")


def _differ(a: str, b: str) -> int:
    """Where two names of one length first differ."""
    return next(k for k in range(len(a)) if a[k] != b[k])


def own_place_variants(data):
    """(path, offset, the mention, the organ's place) for each place in the prose that is the organ's own place (from
    its name or its signature) with one character of its name replaced by one of the same sound (_own_sound_apart):
    昆都伦区 in the letter of 包头市昆都仑区市场监督管理局, 从台区 in that of 邯郸市丛台区城市管理综合行政执法局.  The
    organ's name is what the clerk copies from the letterhead; a place of that sound and length, one character apart,
    is its own place mistyped far more often than a neighbour of the same sound.  A name of three characters or more
    is read without its level too, inside another body's name (克拉马依职业技术学院 in the letter of 克拉玛依市…局),
    not at its first character: three characters of one sound with the organ's place are no chance run of words,
    two (丛台 → 从台) would be."""
    names = [n for n in (get(data, ("organ", "name")), data.get("signature") if isinstance(data, dict) else None)
             if isinstance(n, str)]
    places = {p for n in names for p in _own_places(n)}
    if not places:
        return
    from .dictionary import dictionary

    words = dictionary()[1]
    for path, text in prose(data):
        if path == ("signature",):
            continue
        said = set()
        for place in places:
            name, level = OWN_PLACE.fullmatch(place).groups()
            at = text.find(level)
            while at >= 0:
                start = at - len(name)
                other = text[start:at] if start >= 0 else ""
                if len(other) == len(name) and other != name and NAME.fullmatch(other) \
                        and _own_sound_apart(name, other, level, words) and start not in said \
                        and not _word_before(text, start, _differ(name, other), words):
                    said.add(start)
                    yield path, start, other + level, place
                at = text.find(level, at + 1)
            if len(name) < 3:
                # a name of two characters without its level only before a body the place names after itself (邗江区 …
                # 邯江中学): a chance run of two characters of one sound is too common elsewhere, and a village or a
                # road may bear a homophone of its district's name (西湖区, 溪湖村), a school or a hospital hardly
                for match in OWN_BODY.finditer(text) if len(name) == 2 else ():
                    start = match.start() - 2
                    other = text[start:match.start()] if start >= 0 else ""
                    if len(other) == 2 and other != name and start not in said and NAME.fullmatch(other) \
                            and _own_sound_apart(name, other, match.group(), words) \
                            and not _word_before(text, start, _differ(name, other), words):
                        said.add(start)
                        yield path, start, other + match.group(), place
                continue
            start = text.find(name[0])
            while start >= 0:
                other = text[start:start + len(name)]
                if len(other) == len(name) and other != name and start not in said and NAME.fullmatch(other) \
                        and _own_sound_apart(name, other, level, words) \
                        and not _word_before(text, start, _differ(name, other), words):
                    said.add(start)
                    yield path, start, other, place
                start = text.find(name[0], start + 1)
