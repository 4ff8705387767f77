"""Why a lost-character candidate is no slip: the guards of the family, each a small named predicate.

The families (shortened, lone, dictionary_losses, glossary) find a place where a character may have
been lost; missing.py asks the guard of that path here before it speaks.  One idea stands under most of
them — the shorter form is itself a right word here — and is read in one place:

- a table of the usual short forms that are words (SHORT_FORMS: 中心学校 → 中心校, 学校 → 校, 旅游 → 游),
  read by short_form (a phrase against its whole form) and short_form_at (a lone character that ends one);
- shorter_is_word: that table, a verb alone (建 beside 建成), a year alone after its number (2025年 beside
  年底) and two words each said by its first character (文旅 for 文化和旅游) — a phrase one character short of
  the letter's own whole form is quiet when any of them holds.

The rest say a character alone is a word by where it stands (约 before a number, 制 after a word, a verb
before its object), or is a name, a quoted coinage or a person, or that jieba's own segmentation left it
alone (做|好转|介); and, asked before any evidence is weighed (lone, dictionary_losses), may_have_lost says
where a lone character's loss cannot be told at all (a numeral, an opener such as 经 or 现, 进 before 校园,
a place's name in a list, a document number).

The guards that are part of finding a candidate stay with it: shortened's join and boundary tests
(_dangles, _bounded, PREPOSITIONS, an adjective before a word of three), glossary's (_inside_term,
_word_ends_before, a term's head before it), dictionary_losses' gains (INNER_GAIN, IDIOM_GAIN)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

from .dictionary import NAME_ENDS, NO_LOSS, _segment, adjectives, dictionary, word_tags
from .text import CJK, per_text
from . import written_so  # guards of text written so on purpose (fa24: the clean dense letters)
from . import alone_here  # guards of words by where they stand (fa25: round 11's unseen letters)

# ---------------------------------------------------------------------------------------------------------
# One mechanism: the shorter form is itself a right word


# the usual short forms (whole ending → short ending): a facility's name (乡镇中心学校 → 乡镇中心校), a school by
# its kind (民办学校 → 民办校, 成员学校 → 成员校), a kind of tourism said with 游 alone (乡村游, 自驾游, 红色游)
SHORT_FORMS = (("中心学校", "中心校"), ("完全小学", "完小"), ("职业高中", "职高"), ("技工学校", "技校"),
               ("卫生学校", "卫校"), ("职业学校", "职校"), ("旅游", "游"), ("学校", "校"))
# the entries a lone character is read against after a word of the dictionary (优质校, 薄弱校, 示范校): the
# schools only — a word + 游 is read by short_form_at against the word guessed.  Not 园: 地质园 is more often
# 地质公园 less 公 than a kindergarten (公办园)
KIND_SHORT = {"校": "学校"}


def short_form(written: str, whole: str) -> bool:
    """`written` is `whole` in a usual short form of the table (乡镇中心校 for 乡镇中心学校, 乡村游 for 乡村旅游)."""
    return any(whole.endswith(long) and written.endswith(short) and whole[:-len(long)].endswith(written[:-len(short)])
               for long, short in SHORT_FORMS)


def short_form_at(text: str, at: int, word: str) -> bool:
    """The lone text[at] ends the usual short form of the word guessed for it (生态游: 游 alone, 生态旅游)."""
    return len(word) >= 3 and at >= len(word) - 2 and short_form(text[at - len(word) + 2:at + 1], word)


def verb_alone(written: str, whole: str, lost: str) -> bool:
    """建老年食堂 beside 建成老年食堂: a one-character verb (jieba tags it a verb only) said alone where elsewhere it
    takes a complement or a second character — the verb alone is a word too."""
    return len(whole) > 2 and whole[1] == lost and written[0] == whole[0] and whole[0] in verbs() \
        and whole[:2] in dictionary()[1]


def year_alone(text: str, at: int, written: str, whole: str) -> bool:
    """2025年市区 beside 年底市区: a year said alone after its number is a time as whole as its end or start (年底,
    年初) — the lost character would be the second, right after 年."""
    return written[0] == "年" and whole[0] == "年" and at > 0 and text[at - 1].isdigit() and written[1:] == whole[2:]


def contracted(text: str, at: int, whole: str, letter: str) -> bool:
    """文旅工作 beside 文化和旅游工作: the character before the phrase is the first of the word the letter writes before
    the whole phrase elsewhere (文化 + 和 + 旅游) — two words each said by its first character, a usual short form.
    Not when that character ends a word with the one before it (社区日照料中心 beside 社区日间照料中心)."""
    if at < 1 or text[at - 2:at] in dictionary()[1] or len(whole) < 3 or whole[:2] not in dictionary()[1]:
        return False
    words, first = dictionary()[1], text[at - 1]
    for found in re.finditer(re.escape(whole), letter):
        before = letter[max(0, found.start() - 3):found.start()]
        before = before[:-1] if before[-1:] in ("和", "与", "及") else before
        if len(before) >= 2 and before[-2] == first and before[-2:] in words and before[-2:] != text[at - 1:at + 1]:
            return True
    return False


def shorter_is_word(text: str, at: int, written: str, whole: str, lost: str, letter: str) -> bool:
    """`written` (at text[at]) one character short of the letter's own `whole` is a right word here: a usual short
    form, a verb alone, a year alone, two words each said by its first character, a word's stem before the next
    word, one character shared by two words, or a four-character word's usual two-character short form."""
    return short_form(written, whole) or verb_alone(written, whole, lost) or year_alone(text, at, written, whole) \
        or contracted(text, at, whole, letter) or stem_before_word(written, whole, lost) \
        or shared_character(written, whole, lost) or usual_contraction(text, at, written, whole, lost, letter) \
        or written_so.letter_word_at_edge(text, at, written, whole, letter) \
        or written_so.parallel_item(text, at, written) or written_so.two_terms(written, whole) \
        or written_so.word_and_measure(written, whole, lost) \
        or alone_here.shorter_reads(text, at, written, whole, lost)


def _gaps(written: str, whole: str, lost: str) -> list[int]:
    """Where in `whole` the lost character stands (inner places only) when `written` is `whole` less it."""
    return [k for k in range(1, len(whole) - 1) if whole[k] == lost and whole[:k] + whole[k + 1:] == written]


# a stem this common in jieba's counts is read as a word by itself (停车 258, 老年 404, 中小学 1032); rarer ones are
# as often part of a name or a coinage, where the lost character may well be a slip
STEM_COUNT = 200
# what makes another kind of word of its stem (标准化, 实用性, 社会化, 嵌入式): the term means the made word (标准化菜市场 is
# a market built to standard, 实用性村庄规划 a kind of plan), and the stem alone says something else — a slip (dev8 353,
# dev10 480, dev11 523, 546); a noun's last character (场 of 停车场, 人 of 老年人, 生 of 中小学生) leaves the stem
# saying the same
STEM_SUFFIXES = set("化性式")


def _begins_word(rest: str) -> bool:
    """`rest` begins with a word of jieba's or of letterkit's glossary (建设; 助餐 of 助餐服务, 研学 of 研学实践)."""
    from .glossary import _heads, glossary

    return rest[:2] in dictionary()[1] or rest[:2] in _heads(glossary()) or rest[:3] in dictionary()[1]


def stem_before_word(written: str, whole: str, lost: str) -> bool:
    """智慧停车建设 beside 停车场建设, 老年助餐服务 beside 老年人助餐服务, 中小学研学 beside 中小学生研学: the lost character
    is the last of a word of the whole (停车场, 老年人, 中小学生) built on a common word of its own (停车, 老年, 中小学),
    and a word begins right after it — the stem says the same as a modifier, both forms in use.  A character lost
    inside a word (进步完善 of 进一步完善: 进一 is no word; 居家养服务中心: 养 is no stem word) or a suffix that makes
    another kind of word (标准菜市场 of 标准化菜市场: STEM_SUFFIXES) is still read."""
    if lost in STEM_SUFFIXES:
        return False
    words = dictionary()[1]
    return any(whole[a:k + 1] in words and words.get(whole[a:k], 0) >= STEM_COUNT and _begins_word(whole[k + 1:])
               for k in _gaps(written, whole, lost) for a in range(max(0, k - 3), k - 1))


def shared_character(written: str, whole: str, lost: str) -> bool:
    """饮用水源 beside 饮用水水源: the lost character stands twice in a row in the whole, ending one word (饮用水) and
    beginning the next (水源) — written once, it serves both, a usual contraction (both forms are standard).  The
    two words must be jieba's, the second no body's or place's kind: a body's name is written one way in a letter
    (县中医院 beside 县中医医院 is still read: 医院 ends with 院, NAME_ENDS)."""
    words = dictionary()[1]
    for k in _gaps(written, whole, lost):
        for first, second in ((k - 1, k), (k, k + 1)):  # the doubled pair, either copy lost
            if first < 0 or second >= len(whole) or whole[first] != whole[second]:
                continue
            ends = any(whole[a:first + 1] in words for a in range(max(0, first - 3), first))
            starts = any(whole[second:b] in words and whole[b - 1] not in NAME_ENDS
                         for b in range(second + 2, min(len(whole), second + 4) + 1))
            if ends and starts:
                return True
    return False


# a two-character short form of a four-character word this common is the usual way to say it (监管 1144 for
# 监督管理, 环保, 科技): a reader takes it as the word, no lost character
CONTRACTION_COUNT = 500


def usual_contraction(text: str, at: int, written: str, whole: str, lost: str, letter: str) -> bool:
    """区市场监管工作 beside 区市场监督管理局: the lost character is the second of a four-character word the letter writes
    (监督管理), its first and third make that word's common short form (监管), and the text does not go on with the
    fourth (监管理 would be 监督管理 less 督, still reported)."""
    words = dictionary()[1]
    for k in _gaps(written, whole, lost):
        if k < 1:
            continue
        three = whole[k - 1:k + 2]
        fourths = {letter[m.end()] for m in re.finditer(re.escape(whole), letter) if m.end() < len(letter)} \
            if len(three) == 3 and k + 2 == len(whole) else {whole[k + 2]} if k + 2 < len(whole) else set()
        for fourth in fourths:
            if words.get(three + fourth, 0) and words.get(three[0] + three[2], 0) >= CONTRACTION_COUNT \
                    and text[at + k + 1:at + k + 2] != fourth:  # written[k] is the third: what follows it
                return True
    return False


# ---------------------------------------------------------------------------------------------------------
# A character alone that is a word by where it stands

# a character after a word that makes a noun of it (探访量, 覆盖率) or says something of it (压力大): no remnant
# 制 and 点 make a system and a place of a word (积分制, 寄宿制; 上车点, 服务点): the same kind of ending
NOUN_ENDS = set("量率额值数制点")

# a word of its own before a number: about, nearly, over (村民约3.6万, 近2000人, 逾百家) — no lost word's remnant
BEFORE_NUMBER = set("约近逾超达共")

OBJECT_COUNT = 100  # jieba's count of a two-character word common enough to be read as the verb's object (公交 286)
ENDS_OBJECT = set("。，；、")  # the object ends the clause: a verb and its object, not a word broken in the middle

# 校 after 等 closes a list of schools with their kind (南开学校等校), as 村 does villages (三河村等村): no lost character
CLOSING_KINDS = set("校园院所站村镇乡县区")


def verbs() -> frozenset:
    """The single characters jieba's dictionary tags as verbs only (建, 提, 通)."""
    from .repetition import _verb_tags

    return _verb_tags()[0]


def tags() -> dict:
    """jieba's tag of each of its words of one or two characters (可 v, 已 d, 提取 v, 工程 n)."""
    return word_tags()


def said_of_word(text: str, at: int) -> bool:
    """text[at] is an adjective or a noun's last character after a word of the dictionary (压力|大。, 探访|量在):
    it ends the phrase, it is not what is left of another word (力量, 较大)."""
    return (text[at] in NOUN_ENDS or text[at] in adjectives()) and text[at - 2:at] in dictionary()[1]


def kind_after_word(text: str, at: int, letter: str) -> bool:
    """text[at] closes a list with its kind (南开学校等校), or is a school's one-character kind after a two-character
    word (以优质校带动新建校), the letter writing no word + 学校 in full (then the short one may be a slip)."""
    if at >= 2 and text[at - 1] == "等" and text[at] in CLOSING_KINDS:
        return True
    whole = KIND_SHORT.get(text[at])
    return bool(whole) and at >= 2 and text[at - 2:at] in dictionary()[1] and text[at - 2:at] + whole not in letter


def stands_alone(text: str, at: int) -> bool:
    """text[at] is a word of its own by where it stands: an about before a number (约3.6万); a character before a
    bracketed alternative that makes a word with what follows the bracket (专（兼）职: 专职 and 兼职); a word's
    ending (积分制); a verb by itself before its object at the clause's end (通公交。); the first character of a
    name listed beside one that differs only there (上河村、下河村; 东关社区和西关社区)."""
    ch, after = text[at], text[at + 1:at + 2]
    words = dictionary()[1]
    if ch in NOUN_ENDS and text[at - 2:at] in words:
        return True  # 积分|制: a word and its ending (积分控制 less 控 is the likelier slip only by jieba's counts)
    if ch in verbs() and words.get(text[at + 1:at + 3], 0) >= OBJECT_COUNT and text[at + 3:at + 4] in ENDS_OBJECT \
            and text[at - 2:at] not in words:
        return True  # 行政村通公交。: a verb by itself (jieba tags it nothing else) and its object, ending the clause;
        # not after a word of two (巩固提工程: 提 is what is left of 提升, the verb 巩固 needs no second verb)
    if ch in BEFORE_NUMBER and re.match(r"[0-9０-９百千万]", after):
        return True
    if after in ("（", "("):
        close = re.match(r"[（(]([^（）()]{1,3})[）)]", text[at + 1:])
        if close and text[at] + text[at + 1 + close.end():at + 2 + close.end()] in words:
            return True
    if ch in verbs() and tags().get(text[at + 1:at + 3]) == "v":
        return True  # 职工可提取, 争取围填海: a verb by itself before a verb of two (a modal, or two acts in one: 围海
        # and 填海); what a lost character leaves stands before a noun (巩固提工程), not before another verb
    if at >= 3 and text[at - 1] in "）)":
        opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
        if 0 < opened >= at - 5 and (text[opened - 1] + ch in words or text[at - 2] + ch in words):
            return True  # 专（兼）职: 职 makes 专职 with the one before the bracket and 兼职 with the one inside
    if listed_name(text, at):
        return True
    if at >= 3 and text[at - 1] in "、和与及":
        return any(text[at + 1:at + 1 + n] == text[at - 1 - n:at - 1] for n in (2, 3, 4))
    return False


def listed_name(text: str, at: int) -> bool:
    """对范罗山、赭山: text[at] begins a short item of a list (after a word or a preposition, before 、) that ends with
    the same character as the next item — places or things of one kind (山, 村, 路) named in a row, no broken word."""
    m = re.match(r"[\u4e00-\u9fff]{2,4}(?=、)", text[at:])
    if not m:
        return False
    after = re.match(r"、([\u4e00-\u9fff]{2,4}?)(?=[、，。；和及等与]|$)", text[at + m.end():])
    return bool(after) and after.group(1)[-1] == m.group()[-1] and m.group()[-1] != text[at]


def lone_is_word(text: str, at: int, word: str, letter: str) -> bool:
    """The lone text[at] (the dictionary guessing `word` for it) is a word here: said of the word before it, a
    school's or a list's kind, a word by where it stands, or the end of a usual short form."""
    return said_of_word(text, at) or kind_after_word(text, at, letter) or stands_alone(text, at) \
        or short_form_at(text, at, word) or written_so.set_formula(text, at) \
        or alone_here.word_here(text, at, word, letter)


# ---------------------------------------------------------------------------------------------------------
# jieba's segmentation, not a lost character, left the character alone

BROKEN_WORD = 1000  # a word of jieba's this frequent is ordinary: a guess that breaks it (品种 of 种植园) is unlikely


def neighbour_taken(text: str, at: int) -> bool:
    """做好转介 (做|好转|介): the word jieba ends right before text[at] (好转) overlaps a likelier one before it (做好),
    so the character before text[at] stands alone too — two single characters side by side are a word jieba does not
    know (转介), as 助餐 and 专班 are, no lost character's remnant."""
    words = dictionary()[1]
    return at >= 3 and words.get(text[at - 3:at - 1], 0) > words.get(text[at - 2:at], 0) > 0 \
        and text[at - 1:at + 1] not in words


def breaks_word_before(text: str, at: int, word: str) -> bool:
    """老劣品种园 (种植园?): the dictionary's word would begin with the last character of an ordinary word before the
    lone one (品种), taking it from that word — 地质园 (地质公园) keeps the word before whole and is still read."""
    return at >= 2 and word.startswith(text[at - 1]) and not word.startswith(text[at - 2:at]) \
        and dictionary()[1].get(text[at - 2:at], 0) >= BROKEN_WORD


def own_word_before(text: str, at: int, letter: str) -> bool:
    """各医共体管理 (体质管理 less 质?): the phrase's first character ends a word jieba does not know — its segmentation
    leaves the two before it single (医|共|体) — that the letter writes twice or more: the letter's own short form."""
    if at < 2:
        return False
    lo = max(0, at - 4)
    singles = {start + lo for start, end in _segment(text[lo:at + 3]) if end - start == 1}
    return {at - 2, at - 1, at} <= singles and letter.count(text[at - 2:at + 1]) >= 2


# ---------------------------------------------------------------------------------------------------------
# The words less a character are two words of their own

NUMERALS = set("0123456789０１２３４５６７８９〇一二两三四五六七八九十百千万亿")

# two words of the dictionary this frequent side by side are read as such (环境|工作, 服务|资源), not as a rarer
# word of five or six less one character (环境中工作, 服务器资源); 可行 (611) of 可行性研究 stays below it
COMMON_HALF = 5000

# 型 makes a kind of a noun (护理型床位); the noun before a noun says the same kind (护理床位): both are in use
KIND_SUFFIX = "型"


def two_words(written: str, whole: str, lost: str, least: int) -> bool:
    """`written` is two words of the dictionary (each at least `least` times in jieba's counts) split where `whole`
    has its lost character."""
    words = dictionary()[1]
    gap = next((k for k in range(1, len(written)) if whole[:k] == written[:k] and whole[k] == lost
                and whole[k + 1:] == written[k:]), None)
    return gap is not None and words.get(written[:gap], 0) >= max(least, 1) and words.get(written[gap:], 0) >= max(least, 1)


def common_halves(written: str, word: str) -> bool:
    """A long word of the dictionary less a character is two common words side by side (环境|工作 of 环境中工作)."""
    return any(two_words(written, word, lost, COMMON_HALF) for lost in set(word) - set(written) or set(word))


@lru_cache(maxsize=1)
def four_by_ends() -> dict:
    """jieba's words of four characters by their first character and last two (交通安全 under 交, 安全)."""
    return {(word[0], word[2:]): word for word in dictionary()[1] if len(word) == 4}


def glossary_quiet(text: str, at: int, written: str, term: str, lost: str) -> bool:
    """A glossary term less a character that is something else by where it stands: a count's noun after a number
    (千吨万人工程: 万人|工程), a verb after an adverb before a noun of the dictionary (已建工程: 已建|工程 — not
    将进步加大 nor 将认落实, where 步加大 is no word and 落实 no noun), the second half of a four-character word's short
    form (交安设施: 交通安全's 交 and 安), or two words of their own where 型 is lost (护理床位)."""
    before, rest = text[at - 1:at], written[1:]
    words = dictionary()[1]
    if before in NUMERALS and rest in words \
            or tags().get(before) == "d" and written[0] in verbs() and tags().get(rest, "").startswith("n"):
        return True
    if before and (before, term[:2]) in four_by_ends():
        return True
    return lost in KIND_SUFFIX and two_words(written, term, lost, 1)


def glossed_is_word(text: str, at: int, written: str, term: str, lost: str, letter: str) -> bool:
    """A glossary term written one character short is right here: a usual short form, the letter's own short
    form before it, something else by where it stands (glossary_quiet), a word's stem before the next word
    (停车建设) or one character shared by two words (饮用水源)."""
    return short_form(written, term) or own_word_before(text, at, letter) or glossary_quiet(text, at, written, term, lost) \
        or stem_before_word(written, term, lost) or shared_character(written, term, lost) \
        or written_so.letter_word_at_edge(text, at, written, term, letter) \
        or alone_here.short_head(written, term, lost)


# ---------------------------------------------------------------------------------------------------------
# Names, coinages and people: no dictionary's words

_SHORT_QUOTE = re.compile(r"[“\"‘「]([^“”\"‘’「」，。；！？]{1,16})[”\"’」]")


def quoted_names(texts: list[str]) -> set[tuple[int, int]]:
    """(paragraph, position) of each character inside short quotes: a name or slogan coins its words (“黄牛贷”
    产品, “服务基层行”活动), where a character standing alone is no lost one's remnant."""
    return {(index, k) for index, text in enumerate(texts) if "“" in text or '"' in text or "‘" in text or "「" in text
            for m in _SHORT_QUOTE.finditer(text) for k in range(m.start(1), m.end(1))}


def people(data: dict, texts: list[str]) -> set[tuple[int, int]]:
    """(paragraph, offset) of every character of the people the draft names (addressee, contact, signer)
    where the prose writes them: their names are no words of the dictionary."""
    addressee = data.get("addressee") if isinstance(data, dict) else None
    names = [addressee.get("name")] if isinstance(addressee, dict) else [addressee]
    contact = data.get("contact") if isinstance(data, dict) else None
    names += [contact.get("name") if isinstance(contact, dict) else None, data.get("signer") if isinstance(data, dict) else None]
    named = {part for name in names if isinstance(name, str) for part in re.split(r"[、，,\s]+|等", name) if len(part) >= 2}
    spans = set()
    for index, text in enumerate(texts):
        for name in named:
            at = text.find(name)
            while at >= 0:  # each place the name is written, one after another (as re.finditer reads them)
                spans.update(zip(repeat(index), range(at, at + len(name))))
                at = text.find(name, at + len(name))
        # a member named in the prose (符海燕委员提出的…, 王敏、李强代表): a co-handling opinion has no addressee
        spans.update(zip(repeat(index), _members(text)))
    return spans


@per_text
def _members(text: str):
    """The offsets of the characters of the members one paragraph names (MEMBER)."""
    for m in MEMBER.finditer(text):
        yield from range(m.start(), m.end())


MEMBER = re.compile(r"(?:^|(?<=[，。；：、“（\s])|(?<=尊敬的))[\u4e00-\u9fff]{2,3}(?=(?:等\d*[名位])?(?:委员|代表)|、[\u4e00-\u9fff]{2,3}(?:委员|代表))")


# ---------------------------------------------------------------------------------------------------------
# Where a lone character's loss cannot be told from the letter's usage (lone.py asks before it weighs evidence)

# constructions where one character standing alone is right: 集…（于）一体
ALLOWED = (re.compile("^集.*一体"),)
PUNCT = set("，。；：、！？（）《》“”‘’〔〕【】[]()<>,.;:!?—-·/ \n")
NUMERAL = set("0123456789０１２３４５６７８９") | set("一二三四五六七八九十百千万亿两几")
# characters that open a clause or a phrase by themselves in letters (现答复如下, 经研究, 分年度, 逐校排查, 全覆盖)
OPENERS = set("现经并另均即特兹分逐按每各全非原致自拟防副总亦兼促")  # 促: 以评促建, 整治促提升
# places a campaign goes to (进小区, 进校园, 入户): 进/入/到 before them is the verb, not a word's remnant
GONE_TO = {"社区", "小区", "校园", "学校", "农村", "乡村", "村组", "企业", "家庭", "机关", "园区", "景区", "医院",
           "工地", "市场", "课堂", "基层", "单位", "网格", "楼栋", "商场", "车间", "工厂", "军营", "寺庙", "田间"}
ROAD_PARTS = {"片区", "社区", "街道", "沿线", "一带", "两侧", "以东", "以西", "以南", "以北", "路口", "路段", "周边", "附近", "沿街"}
PLACE_PARTS = {"社区", "小区", "街道", "片区", "大街", "大道", "新村"}  # what a place's direction stands before
SOME = set("点些批部块份笔")
# 加 and 减 between two counted groups (1名护士加若干名专科医生, 3名医生加2名护士): the group after begins with a number
# or a word of how many, the one before is a number, its measure word and a short noun (1名护士) — 加强 less 强
# leaves 加 before anything else (进一步加管理)
ARITHMETIC = set("加减")
SOME_COUNT = {"若干", "数名", "多名", "几名"}
COUNTED_BEFORE = re.compile(f"(?:[0-9０-９]+|若干|[一二两三四五六七八九十几数])[名个台辆户家人位套件座所张支][{CJK}]{{1,6}}$")  # 一点, 一批, 一部分: how much a verb before them does
SUFFIXES = set("员感度")  # what makes a noun of the word before it, beside NAME_ENDS: 护路员, 获得感, 匹配度
DOCUMENT_NUMBER = re.compile(f"[{CJK}]{{0,4}}[〔［\\[﹝【]")


# the last character of a place's name other than an administrative one (范罗山, 弋江路, 团结湖): a hill, a water, a road
PLACE_TAILS = set("山河湖江岭峰岛湾港桥路街巷道园")
LIST_MARKS = set("、，：和与及在")


def listed_place(text: str, at: int) -> bool:
    """Whether text[at] begins an item of a list that names a place (弋江路、范罗山等5个街道): two to four characters
    after a list mark, ending with a place's last character, followed by 、 or 等 — a name, no word's remnant."""
    if at and text[at - 1] not in LIST_MARKS:
        return False
    return any(text[at + k - 1] in PLACE_TAILS and text[at + k:at + k + 1] in ("、", "等")
               for k in (2, 3, 4) if at + k < len(text))


def may_have_lost(t: str, i: int) -> bool:
    """Whether the lone t[i] stands where a lost character can be told from the letter's usage: not a
    numeral, particle or a name's last character, not a measure word after a number, not beside
    Latin letters (IP核), not one of single characters listed between marks (政、产、学、研), not
    a verb before 得 (建得成), not a suffix after a word before a closing mark (意见表”), not in a
    document number (江津府办发〔), not 集…于一体."""
    ch = t[i]
    prev, nxt = t[i - 1:i] or "\n", t[i + 1:i + 2] or "\n"
    if ch in NO_LOSS or ch in OPENERS or ch in SUFFIXES or not "\u4e00" <= ch <= "\u9fff":
        return False
    if prev in NUMERAL or (prev.isascii() and prev.isalnum()) or (nxt.isascii() and nxt.isalpha()):
        return False
    if prev in PUNCT and nxt in PUNCT or nxt == "得" or prev in "“《":  # a quoted name starts: “游拉萨”
        return False
    if prev == "、" and (i < 3 or t[i - 3] in PUNCT) or nxt == "、" and t[i + 3:i + 4] in PUNCT | {""}:
        return False
    if nxt in "”》）" and t[i - 2:i] in dictionary()[1]:
        return False
    if ch in "东西南北" and (t[i + 1:i + 3] in PLACE_PARTS or t[i + 1:i + 2] in PLACE_TAILS):
        return False  # 劲松北社区, 人民东路, 团结湖北里: a direction inside a place's name, no 湖北's remnant
    if listed_place(t, i):
        return False  # 弋江路、范罗山等: the first character of a place's name in a list, no 范围's remnant
    if ch in "路街巷" and t[i + 1:i + 3] in ROAD_PARTS:  # 西城路片区, 人民路沿线: a road's name and a part of town
        return False
    if ch in "进入到" and t[i + 1:i + 3] in GONE_TO:  # 排水管理进小区, 送法进校园: where a campaign goes
        return False
    if ch in ARITHMETIC and (t[i + 1:i + 2] in NUMERAL or t[i + 1:i + 3] in SOME_COUNT) and COUNTED_BEFORE.search(t, max(0, i - 10), i):
        return False  # 1名护士加若干名专科医生: 加 joins two counted groups ("plus"), no 加强's remnant
    if nxt == "一" and t[i + 2:i + 3] in SOME:  # 政府投一点、企业筹一点: a verb before how much (dev6 218)
        return False
    return not DOCUMENT_NUMBER.match(t[i + 1:i + 7]) and not any(p.match(t[i:i + 40].split("。")[0]) for p in ALLOWED)
