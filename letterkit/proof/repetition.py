"""Family 2: repetition — an enumeration said twice in a sentence, a doubled word or character,
two adjacent sentences that say the same thing."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from operator import add

from .registry import Finding, rule
from .text import CJK, per_text, prose, sentences, short
from . import written_so  # guards of text written so on purpose (fa24: the clean dense letters)

ITEM = r"[^、，。；：！？“”《》（）()\s]"


MIDDLE = re.compile(rf"(?<=、)({ITEM}{{1,12}})(?=、)")
BEFORE_ITEM = re.compile(rf"({ITEM}{{1,12}})、$")
AFTER_ITEM = re.compile(rf"、({ITEM}{{1,12}})")
MARKS = re.compile(r"[\s，。；：！？、“”《》（）]")
CLAUSE = re.compile(r"[^，。；！？]+[，。；！？]")  # a clause with its mark: 带动夜间消费增长。


def _enumeration_items(sentence: str) -> list[tuple[int, str, str, str]]:
    """(offset, tail of the item before, the middle item, head of the item after) for each item
    enclosed by 、 on both sides."""
    found = []
    if sentence.count("、") < 4:
        return found  # an enumeration said twice, three items each, has four 、 at least
    for match in MIDDLE.finditer(sentence):
        before = BEFORE_ITEM.search(sentence[:match.start()])
        after = AFTER_ITEM.match(sentence[match.end():])
        if before and after:
            found.append((before.start(), before.group(1)[-2:], match.group(1), after.group(1)[:2]))
    return found


@rule("repeated-enumeration", "error", "repetition", "同一句里不要把三项以上的列举说两遍",
      "“吸引比亚迪、迈瑞、创维20余名专家，腾讯、比亚迪、迈瑞、创维等数十家企业”：同一串名称在一句里出现两次，"
      "是改稿时留下的重复。只认前后各两字都相同的三项列举，误报很少。",
      "吸引比亚迪、迈瑞、创维20余名专家，腾讯、比亚迪、迈瑞、创维等数十家企业参加",
      "吸引20余名专家，腾讯、比亚迪、迈瑞、创维等数十家企业参加")
def _enumeration(c):
    for path, text in prose(c.data):
        for message, hint, offset in _enumerations(text) if "、" in text else ():
            yield Finding(path, message, hint, offset)


@per_text
def _enumerations(text: str):
    """(message, hint, offset) of each sentence of the paragraph that lists the same names twice."""
    for start, sentence in sentences(text):
        seen = {}
        for offset, tail, middle, head in _enumeration_items(sentence):
            key = (tail, middle, head)
            if key in seen:
                yield f"“…{tail}、{middle}、{head}…”在同一句里列举了两次", "删去其中一处，或合并成一串列举", start + offset
                break
            seen[key] = offset


GENRE = "方案|办法|措施|政策|意见|通知|规划|条例|规定|细则|纲要|计划|决定|报告|指引|标准"


# the genre word, then (a bracket, and) at most four characters, then the genre word again: 实施方案实施方案,
# 实施方案（2023—2025年）实施方案; not 关于落实……方案的实施方案 (的 between them)
GENRE_AGAIN = re.compile(rf"({GENRE})(?:（[^（）]*）|\([^()]*\))?[^的之《〈]{{0,4}}\1$")


@rule("doubled-word-in-document-name", "warning", "repetition", "书名号里的文件名不要把文种词写两遍",
      "“《全球青年创新集训营方案（UNLEASH2019）工作方案》”：文种词“方案”出现两次，多是文件名抄错。"
      "只看文种词（方案、办法、措施、意见……）。",
      "《全球青年创新集训营方案（UNLEASH2019）工作方案》", "《全球青年创新集训营（UNLEASH2019）工作方案》")
def _doubled_genre(c):
    for path, text in prose(c.data):
        for match in re.finditer(r"《([^《》]+)》", text) if "《" in text else ():
            name = match.group(1)
            ending = re.search(rf"({GENRE})$", name)
            if ending and "〈" not in name and name[:ending.start()].count(ending.group(1)) \
                    and (not re.search(rf"(关于|印发|转发|实施|落实).*{ending.group(1)}.*{ending.group(1)}$", name)
                         or GENRE_AGAIN.search(name)):
                yield Finding(path, f"《{short(name)}》里“{ending.group(1)}”写了两次", "核对文件名，删去多余的一处",
                              match.start())


DOUBLED = re.compile(r"(的|了|和|与|及|在|对|把|被|将|并|从|向|于|为了|进一步|一步|加强|推进|工作)\1+")  # 的的的: one finding, one fix


@rule("doubled-character", "warning", "repetition", "字词不要连写两遍（的的、进一步一步）",
      "“的的”“进一步一步”是打字时多打了一遍。只看不会合法叠用的虚词和常用词，误报很少。"
      "一个词连着一个虚词（“目的的手段”“有的的确”“现在在推进”）不报，--fix 也不动。"
      "“已”“正在”后的叠字动词（“已转转我局”）报：叠用的动词（看看、转转）表示尝试，不跟“已”“正在”；叠用的副词、名词（已渐渐、已层层）不报。"
      "两个词在一个字上相接（道路|路面）不报，除非少写一个读起来通顺得多（“进行行规范”）。“蒙医医院”“藏医医院”不报。"
      "名词、量词叠用表示“每一”，后接“有”“通”“享”这类动词（“夜夜有演出”“校校有”“村村通”）不报；"
      "前一个字跟它前面的字成词（“进行行有效监管”“学校校有”）、副词和动词叠用（“就就有”）照报。"
      "列举里整项就是一个字写两遍的名称（“美团、滴滴等平台”“美团、哈啰和滴滴旗下的青桔”）不报。"
      "词表里的词以这个字结尾、后面的词以它开头（“出厂水|水质”“末梢水|水质”）和“所提|提案”不报。"
      "顿号、“和”“由”后的级别字接以它开头的机构名（“、市市场监督管理局”“和区区域协调发展中心”）不报。"
      "地名末字后接以这个字开头的名称——以级别字结尾的地名（“乐山市市中区”）或公司、集团的字号（“天津津西餐饮管理有限公司”）——不报；"
      "地名后同一个字后面不是名称（“天津津的企业”“乐山市市召开”）或连写三遍的照报。"
      "数字、量词后接以这个量词开头的常用名词（“2至3名名师”“3家家庭农场”）、两个常用词之间的叠字名称（“联合滴滴出行在”）、"
      "一个长词的末尾接着以同一个词开头的机构名（“义务教育教育集团”）不报。",
      "进一步一步加强管理的的要求", "进一步加强管理的要求")
def _doubled(c):
    for path, text in prose(c.data):
        for message, hint, offset, fixes in _doubled_in(text):
            yield Finding(path, message, hint, offset, fixes)


@per_text
def _doubled_in(text: str):
    """(message, hint, offset, fixes) of each doubled word or character in the paragraph."""
    for match in DOUBLED.finditer(text):
        word = match.group(1)
        if word == "一步" and not text[:match.start()].endswith("进"):
            continue  # 一步一步 is a word
        after = text[match.end():match.end() + 2]
        if len(word) == 1 and len(after) == 2 and after[0] == after[1] != word and "\u4e00" <= after[0] <= "\u9fff":
            continue  # 的的确确, 从从容容, 和和美美: a word said in the AABB way
        if len(word) == 1 and _reads_as_two(text, match.start()):
            continue  # 目的的手段, 有的的确: a word and a particle, or a particle and a word
        extra = len(match.group()) - len(word)  # 的的的的: all but one go at once, no second --fix
        yield f"“{match.group()}”：“{word}”写了{'两' if extra == len(word) else len(match.group()) // len(word)}遍", \
            f"删去多余的“{word}”" if extra > len(word) else f"删去一个“{word}”", match.start() + len(word), \
            ((match.start() + len(word), extra, ""),)
    reported = {k for m in DOUBLED.finditer(text) for k in range(m.start() + 1, m.end() + 1)}
    reported |= {m.start() + 2 for m in MEDICINE_HOSPITAL.finditer(text)} if "医医院" in text else set()
    for at, word in _word_typed_twice(text):
        if at not in reported:
            reported.add(at)
            yield f"“{word}{word}”：“{word}”写了两遍，可能多打了一遍", f"删去一个“{word}”", at, ()  # --fix leaves it: 可能
    for at in doubled_in_no_word(text):
        if at + 1 not in reported:
            reported.add(at + 1)
            quoted = text[max(0, at - 3):at + 5]
            yield f"“{quoted}”中“{text[at]}”连写两遍，不成词，可能多打了一个", f"删去一个“{text[at]}”", at + 1, \
                ((at + 1, 1, ""),)
    for at in verb_twice_after_done(text):
        if at + 1 not in reported:
            reported.add(at + 1)
            quoted = text[max(0, at - 3):at + 5]
            yield f"“{quoted}”中“{text[at]}”连写两遍（“{text[at - 1] if text[at - 1] in DONE_ONE else text[at - 2:at]}”后不用叠字动词），可能多打了一个", \
                f"删去一个“{text[at]}”", at + 1, ((at + 1, 1, ""),)
    for at, gain in doubled_across_words(text):
        if at + 1 not in reported:
            quoted = text[max(0, at - 3):at + 5]
            yield f"“{quoted}”中“{text[at]}”连写两遍，删去一个读起来通顺得多（把握{_sureness(gain)}）", \
                f"核对原稿，多打的话删去一个“{text[at]}”", at + 1, ()  # --fix leaves it: a reading, not a certainty


# a hospital of a school of medicine: 中医医院, 蒙医医院, 藏医医院 (jieba knows 中医 and 藏医, not 蒙医 or 傣医)
MEDICINE_HOSPITAL = re.compile("[中西蒙藏维傣苗壮彝朝哈瑶侗畲羌土回兽]医(?=医院)")
DONE_ONE = set("已正")  # 已转转, 正查查: a verb said twice (看看, 转转) reads "a little", never after 已 or 正在
DONE = re.compile(f"(?:已|已经|正在|业已)([{CJK}])\\1(?=[{CJK}])")


def verb_twice_after_done(text: str) -> list[int]:
    """Where a one-character verb stands twice after 已, 已经, 正在 or 业已 (已转转我局): a verb said twice
    (看看, 转转) is tentative and takes no 已 or 正在; adverbs and nouns said twice (已渐渐, 已层层, 已处处) do,
    and are left alone — jieba's tags tell them apart."""
    matches = list(DONE.finditer(text)) if "已" in text or "正在" in text else []
    if not matches:
        return []  # jieba's tags read only when a character stands twice after 已 (rare)
    verbs, doubled = _verb_tags()
    return [m.start(1) for m in matches if m.group(1) in verbs and doubled.get(m.group(1) * 2, "v") in ("v", "vn")]


@lru_cache(maxsize=1)
def _dictionary_text() -> str:
    """jieba's dictionary file (word, count, tag a line), read once a process for the three tables below, from
    jieba's package folder as jieba.dt.get_dict_file() reads it (letterkit never gives jieba another dictionary):
    neither importing jieba (0.1-0.2 s: pkg_resources) nor initialising it (about a second: its prepared word
    counts, which no rule here reads) just to open a file.  Falls back to jieba's own way where the package is
    not a plain folder."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    folder = spec.submodule_search_locations if spec else None
    try:
        with open(os.path.join(list(folder)[0], "dict.txt"), "rb") as lines:
            return lines.read().decode("utf-8")
    except (OSError, TypeError, IndexError):
        import jieba

        with jieba.dt.get_dict_file() as lines:
            return lines.read().decode("utf-8")


def prepare() -> None:
    """Read jieba's tags now (checkrun, before forking workers): the workers share them."""
    _verb_tags()
    _character_tags()
    _counted_characters()
    _dictionary_text.cache_clear()  # the tables are made: the file's text need not stay


@lru_cache(maxsize=1)
def _verb_tags() -> tuple[frozenset, dict]:
    """The single characters jieba's dictionary tags as verbs only (转, 看), and the tags of its words that
    are one character twice (渐渐: d, 转转: v)."""
    text = _dictionary_text()
    verbs = frozenset(re.findall(r"^([\u4e00-\u9fff]) \d+ v\r?$", text, re.M))
    doubled = {m.group(1): m.group(3) for m in re.finditer(r"^(([\u4e00-\u9fff])\2) \d+ (\w+)\r?$", text, re.M)}
    return verbs, doubled


WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2})\1")


def _word_typed_twice(text: str) -> list[tuple[int, str]]:
    """培训培训, 发展发展: a common two-character word written twice in a row, which official prose never
    does on purpose; left alone when the doubled form is itself a word (研究研究 in jieba) or a 一-phrase
    said step by step (一个一个, 一年一年)."""
    if not WORD_TWICE.search(text):
        return []
    from .dictionary import dictionary

    pairs, counts, _ = dictionary()
    return [(m.start() + 2, m.group(1)) for m in WORD_TWICE.finditer(text)
            if m.group(1) in pairs and counts.get(m.group(1), 0) >= 1000 and m.group() not in counts
            and not m.group(1).startswith("一") and m.group(1)[0] != m.group(1)[1]
            and not written_so.compound_then_body(text, m.start() + 2, m.group(1))]


PARTICLES = set("的地得了和与及在对把被将并从向于为")


def _reads_as_two(text: str, at: int) -> bool:
    """Whether a particle written twice at `at` reads as a word and the particle, or the particle and a
    word: a word of jieba's dictionary ends with the first (目的的手段, 现在在推进) or starts with the
    second (有的的确, 和和谐社会)."""
    if text[at] not in PARTICLES:
        return False
    from .dictionary import dictionary

    words = dictionary()[1]
    # a word that ends with the first and is not the tail of a crossing reading (决定|将将: 定将 is no word here)
    # words of some use only (在工作中 is one of jieba's, met three times: it does not make 在在工作中 right)
    return any(words.get(text[at - n + 1:at + 1], 0) >= EDGE_COUNT and (at - n < 0 or text[at - n:at - n + 2] not in words)
               for n in (2, 3, 4) if at - n + 1 >= 0) \
        or any(words.get(text[at + 1:at + 1 + n], 0) >= EDGE_COUNT for n in (2, 3, 4))


PLACE_ENDS = set("省市县区镇乡村街")
MEASURE_WORDS = set("批个条件家户人年月天层项步次回片块座所位名种样道门班届期")  # doubled, they mean "every"
TWO_HAN = re.compile(f"([{CJK}])\\1")


ONE = "一"  # 一年年, 一道道: "one after another"; after 每, 各, 这, 那 a measure word twice is a slip (每年年选派)


def _reduplicated(t: str, i: int, words) -> bool:
    """事事有回音, 人人参与, 市某区某某局: the pair at (i, i+1) is a word of jieba's made of a noun or measure
    word said twice (an AA word: "every"), not after a number, and no word claims either copy — none ends
    with the first (进一步步: 一步, 楼层层: 楼层) unless a word claims the character before (做到|处处), the likeliest
    reading of the text around takes the pair as a word, and no word a fifth as common as the pair or more
    starts with the second (单单位: 单位; 定制公公交: 公交; not 人人参与: 人参 is an eighth of 人人).
    Adjectives and verbs said twice (高高发, 整整治) and a place's character (我县县) are left to the rules."""
    pair = words.get(t[i:i + 2], 0)
    return pair >= EDGE_COUNT and not (i and t[i - 1].isdigit()) and t[i] not in PLACE_ENDS \
        and not any(t[a:i + 1] in words for a in (i - 2, i - 3) if a >= 0) \
        and (t[i - 1:i + 1] not in words or t[i - 2:i] in words) and _read_as_pair(t, i) \
        and not any(words.get(t[i + 1:b], 0) > (pair / 5 if b == i + 3 else 0) for b in (i + 3, i + 4, i + 5)) \
        and t[i] in _counted_characters()


# what follows a noun said twice meaning "every" (村村通, 校校有, 夜夜有演出, 户户通, 人人享有, 家家配): a verb of
# having or reaching that a distributive subject takes; a typed-twice character rarely stands before one of these
DISTRIBUTIVE_AFTER = set("有通享达建配见都皆必")


def _distributive(t: str, i: int, words) -> bool:
    """夜夜有演出, 专职心理教师“校校有”, 村村通: a character said twice as a subject meaning "every", then a verb
    of having or reaching (DISTRIBUTIVE_AFTER) — the AA-有 shape whether or not jieba lists the pair (校校 it does
    not).  Not when the first copy ends a word with the character before (进行行有效监管, 学校校有: one copy
    typed twice), and only for characters jieba tags as nouns, measure words or times (校 ng, 村 zg, 夜 t, 户 q):
    adverbs and verbs said twice (就就有, 展展有) stay reported."""
    ch = t[i]
    if t[i + 2:i + 3] not in DISTRIBUTIVE_AFTER or ch in PARTICLES or ch in NUMERALS or (i and t[i - 1].isdigit()) \
            or _character_tags().get(ch) not in ("n", "ng", "q", "t", "zg"):
        return False  # 3家家有: after a number a measure word said twice is a slip
    # 进行|行有效, 学校|校有: the character before claims the first copy — unless a word on its left claims it
    # first (做到|校校有: 到校 is a word, 做到 the reading)
    return not (i and t[i - 1:i + 1] in words and not (i >= 2 and t[i - 2:i] in words))


@lru_cache(maxsize=1)
def _character_tags() -> dict:
    """jieba's part-of-speech tag of each single character of its dictionary (校: ng, 就: d)."""
    text = _dictionary_text()
    return dict(re.findall(r"^([\u4e00-\u9fff]) \d+ (\w+)\r?$", text, re.M))


def _read_as_pair(t: str, i: int) -> bool:
    """Whether the likeliest segmentation by jieba's counts of the few characters around (i, i+1) reads the
    pair as one word."""
    from .dictionary import _segment

    start = max(0, i - 4)
    return (i - start, i - start + 2) in _segment(t[start:i + 6])


@lru_cache(maxsize=1)
def _counted_characters() -> frozenset:
    """The single characters jieba's dictionary tags as nouns, measure words, pronouns or times (事, 人, 天,
    个, 某): said twice they mean "every" or stand for a name (某某).  Read only when such a pair is met."""
    text = _dictionary_text()
    return frozenset(ch for ch, tag in re.findall(r"^([\u4e00-\u9fff]) \d+ (\w+)\r?$", text, re.M)
                     if tag in ("n", "q", "r", "t"))


# what follows a place's character to make a word of its own level or part: 全县县直单位, 全市市属企业, 全镇镇村
PLACE_WORD_AFTER = set("直属级委府政长内外域划位片县乡镇村街组居民")


def _word_then_again(t: str, i: int, words) -> bool:
    """主次干道道两侧, 公交车站站周边: a two-character word ends with the character and it stands again at once —
    not a measure word said twice (一道道, 个个), nor a word then a doubled word (群众人人: 群众|人人),
    nor a place then a word on it (全县县直)."""
    return i >= 1 and t[i - 1:i + 1] in words and (t[i - 1] not in ONE or t[i - 2:i + 1] in words) \
        and not (t[i:i + 2] in words and i >= 2 and _word_before(t, i, words)) \
        and not (t[i] in PLACE_ENDS and t[i + 2:i + 3] in PLACE_WORD_AFTER)


def _word_before(t: str, i: int, words) -> bool:
    """Whether the two characters before i read as a word (群众|人人), commoner than the word they would
    cut across on their left (推进|城区区: 进城 is a word, but 推进 the commoner one)."""
    return words.get(t[i - 2:i], 0) > (words.get(t[i - 3:i - 1], 0) if i >= 3 else 0)


NUMERAL_WORD = 1000  # 进一步 (jieba counts it tens of thousands of times); 到一对 (做到一一对应) is no word


def _numeral_word_broken(t: str, i: int, words: dict) -> bool:
    """进一一步: a numeral doubled inside a common word of three (进一步), which the numeral said twice as
    an adverb (一一对应, 逐一核查) never makes with its neighbours."""
    return 1 <= i and i + 2 < len(t) and words.get(t[i - 1] + t[i] + t[i + 2], 0) >= NUMERAL_WORD


def doubled_in_no_word(text: str) -> list[int]:
    """Where a character stands twice in a row (at, at+1) and jieba's dictionary says one is too many:
    taking one out leaves a word of three characters or more across the join, commoner than the words
    the two stand in (近年年来: 近年来 beside 近年, 年来; not 中小学学生); or the pair is a word far
    rarer than the word the second one starts (加加强: 加加 beside 加强); or the pair is no word
    standing by itself (天天 is; 意见见和 is not), no longer word holds both, and it is not the end of
    one word followed by the start of the next (工作|作风)."""
    if not TWO_HAN.search(text):
        return []
    from .dictionary import dictionary

    words = dictionary()[1]
    found = []
    for match in TWO_HAN.finditer(text):
        i, t = match.start(), text
        if _reads_as_two(t, i) or (t[i] in NUMERALS and not _numeral_word_broken(t, i, words)) \
                or _reduplicated(t, i, words) or _distributive(t, i, words) or _after_suo(t, i, words) \
                or _listed_name(t, i, words) or _named_item(t, i, words) or _head_meets_word(t, i, words) \
                or _item_of_list(t, i, words) \
                or _place_then_name(t, i, words):
            continue  # 二〇二二年: a year in numerals; 事事有回音: an AA word; 所提|提案; 美团、陌陌等
        joined = t[:i + 1] + t[i + 2:]  # one of the two taken out
        across = max((words.get(joined[a:b], 0) for a in range(max(0, i - 3), i + 1)
                      for b in range(max(a + 3, i + 2), min(len(joined), i + 4) + 1)), default=0)
        apart = max([words.get(t[a:i + 1], 0) for a in range(max(0, i - 3), i)] +
                    [words.get(t[i + 1:b], 0) for b in range(i + 3, i + 6)])
        if across and across >= apart:
            found.append(i)  # 近年年来: 近年来 is a commoner word than 近年 or 年来
            continue
        if i >= 2 and words.get(t[i - 2:i + 1], 0) > 10 * words.get(t[i - 1:i + 2], 0) \
                and not any(t[i + 1:b] in words for b in (i + 3, i + 4)):
            found.append(i)  # 进一步步加强: 进一步 ends with 步, a far commoner word than 一步步
            continue
        if (t[i] in PLACE_ENDS or t[i] in MEASURE_WORDS) and not _word_then_again(t, i, words):
            continue  # 钱粮湖镇镇区, 福田区区长: a place's last character and a word on it; 批批抽检: each batch
        ends = any(t[a:i + 1] in words or t[a:i + 1] in _glossary_words() for a in (i - 1, i - 2, i - 3) if a >= 0) \
            or _inside_word(t[i - 1:i + 1], "end")  # 出厂水|水质: a term of letterkit's glossary ends there
        after = max(words.get(t[i + 1:b], 0) for b in (i + 3, i + 4, i + 5))
        if not ends and after > 10 * words.get(t[i:i + 2], 0) and t[i:i + 2] in words:
            found.append(i)  # 加加强: 加强 is far commoner than 加加, and nothing before claims the first 加
            continue
        if (t[i:i + 2] in words and not ends) or any(t[a:b] in words for a, b in
                                      ((i - 1, i + 2), (i, i + 3), (i - 2, i + 2), (i - 1, i + 3), (i, i + 4))):
            continue
        starts = any(t[i + 1:b] in words for b in (i + 3, i + 4, i + 5))
        if not (ends and starts):
            found.append(i)
    return found


def _after_suo(t: str, i: int, words: dict) -> bool:
    """所提提案, 所提提议: 所 and a verb, then a word that verb starts — the object named after what was done to it."""
    return i > 0 and t[i - 1] == "所" and any(words.get(t[i + 1:b], 0) >= EDGE_COUNT for b in (i + 3, i + 4))


@lru_cache(maxsize=1)
def _glossary_words() -> frozenset:
    """letterkit's glossary (terms.txt, phrases.txt) as a set: words jieba lacks (出厂水, 末梢水)."""
    from .glossary import glossary

    return frozenset(glossary())


NUMERALS = set("一二三四五六七八九十〇零两")
ACROSS_GAIN = 5.0  # how much likelier (natural log) the text reads with one of the two taken out
PARTICLE_GAIN = 4.0  # a particle twice (在在工作中, 开展了了), a measure word twice after a number (3家家)
BOTH_WORDS_GAIN = 7.5  # 进行行规范整治 +7.9; of 4,575 pairs of common words sharing a character (我们进行行业工作) 9 more, most slips (大多多数, 西北北部)
EDGE_COUNT = 20  # a word of two characters ending at the first or starting at the second must be this common to claim it


TIME_PART = set("底初末中内度")
TIME_WHICH = set("本当每上下今去明前后该同次")


def doubled_across_words(text: str) -> list[tuple[int, float]]:
    """(at, gain) where a character stands twice at (at, at+1) across a word's edge and the text reads far
    likelier with one taken out — by jieba's word counts, the likeliest segmentation of the four characters
    either side (小镇镇运营, 形成成福田, 进一步步加强, 活动为为期一个月).  Left alone: the end of one word
    followed by the start of the next (道路|路面, 其中|中电, 市政|政府 too, the price of the rule); a place
    and a word on it (钱粮湖镇|镇区); a measure word said twice, not after a number (批批抽检, 家家户户);
    numerals; 为为期……的 (为 with its object)."""
    if not TWO_HAN.search(text):
        return []
    from .dictionary import dictionary

    words = dictionary()[1]
    found = []
    for match in TWO_HAN.finditer(text):
        i, t, ch = match.start(), text, match.group(1)
        before = t[i - 1] if i else ""
        # words commoner than EDGE_COUNT (成福, 议办 are words of jieba's too, seldom met)
        ends = any(_claims(words, t[a:i + 1]) for a in (i - 1, i - 2, i - 3) if a >= 0) \
            or _inside_word(t[i - 1:i + 1], "end")  # 卒中|中心: 卒中 is in the dictionary as 脑卒中
        starts = any(_claims(words, t[i + 1:b]) for b in (i + 3, i + 4, i + 5) if b <= len(t))
        after_number = before.isdigit()
        if ch in NUMERALS or _reduplicated(t, i, words) or _distributive(t, i, words) or _after_suo(t, i, words) \
                or _listed_name(t, i, words) or _named_item(t, i, words) or _head_meets_word(t, i, words) \
                or _item_of_list(t, i, words) \
                or _place_then_name(t, i, words) or (ch in MEASURE_WORDS and not (after_number or ends)) \
                or (ch in MEASURE_WORDS and before in ONE) or written_so.counted_noun(t, i) or written_so.name_between_words(t, i):
            continue  # 批批抽检, 一道道, 一件件: a measure word said twice means "every"; 5条条, 街道道内 are slips
        if ch in PLACE_ENDS and t[i + 2:i + 3] in PLACE_WORD_AFTER and _claims(words, t[i - 1:i + 1]):
            continue  # 全县县直单位, 全镇镇村干部: a place, then a word of its own level
        if ch in PLACE_ENDS and starts and re.match(f"[{CJK}]", before or " ") and before not in PARTICLES:
            continue
        if ch in LEVELS and starts and (not before or before in BEFORE_BODY) and BODY_AHEAD.match(t, i + 1):
            continue  # 、市市场监督管理局: a level, then a body whose name begins with the same character
        if ch in "年月周季" and t[i + 2:i + 3] in TIME_PART and before in TIME_WHICH:
            continue  # 本月月底, 今年年初, 当季季末: a time, then a part of it (本月底 reads as well, 本月月底 is no slip)
        if starts and any(t[a:i + 1] in _glossary_words() for a in (i - 2, i - 3) if a >= 0):
            continue  # 出厂水|水质: a term of letterkit's glossary (jieba lacks it, so no gain says so), then a word
        if ends and starts and reading_gain(t, i) < BOTH_WORDS_GAIN:
            continue  # the end of one word, the start of the next (道路|路面), unless far likelier one less (进行|行规范)
        if ch == "为" and t[i + 1:i + 3] == "为期" and "的" in re.split("[，。；：！？]", t[i:])[0]:
            continue  # 为为期三天的培训提供场地: 为 and its object
        gain = reading_gain(t, i)
        if gain >= (PARTICLE_GAIN if ch in PARTICLES or after_number else ACROSS_GAIN):
            found.append((i, gain))
    return found


# a list of names (美团、滴滴等平台; 滴滴、美团): an item that is one character said twice is a name of its own
# (滴滴, 陌陌, 当当), no character typed twice — a slip doubles a character inside a longer item (培训、就就业等)
ITEM_BEFORE = set("、，：（“和与及同")
ITEM_AFTER = set("、，。；）”和与及等")


def _listed_name(t: str, i: int, words) -> bool:
    """Whether the pair at (i, i+1) is a whole item of a list, another item beside it across a 、: the item begins
    after a mark or after a character it makes no word with (联合滴滴、美团; 加强强、 is 加强 typed long)."""
    before, after = t[i - 1:i] if i else "", t[i + 2:i + 3]
    return (before in ITEM_BEFORE or t[i - 1:i + 1] not in words) and after in ITEM_AFTER and "、" in (before, after)


# a list's item that is a name beginning with one character said twice (滴滴出行、美团; 哈啰、滴滴青桔; 协调滴滴出行等):
# the item runs from the pair to a list mark, 等 or a number; two to four more characters after the pair (a brand's
# name is short), no common word starting at the second copy (培训、就就业等 stays: 就业 is a word)
NAME_TAIL = re.compile(f"[{CJK}]{{2,4}}?(?=[、，等]|\\d)")


def _named_item(t: str, i: int, words) -> bool:
    """Whether the pair at (i, i+1) begins a name standing as an item of a list (、 before the item, or 、 or 等
    after it): the pair is a word of jieba's, the character before makes no word with the first copy, and no word
    as common as EDGE_COUNT starts at the second copy."""
    tail = NAME_TAIL.match(t, i + 2)
    if not tail or t[i:i + 2] not in words or (i and t[i - 1:i + 1] in words):
        return False
    if any(words.get(t[i + 1:b], 0) >= EDGE_COUNT for b in (i + 3, i + 4, i + 5)):
        return False
    return (t[i - 1:i] == "、") or t[tail.end():tail.end() + 1] in ("、", "等")


LIST_JOINS = set("、和与及")


def _item_of_list(t: str, i: int, words) -> bool:
    """美团、哈啰和滴滴旗下的青桔: the pair is a word of jieba's said twice (滴滴, 陌陌) standing as an item of a list —
    after 、 or after 和, 与, 及 closing a list whose 、 stands earlier in the clause — and no common word starts at the
    second copy (滴旗 is none): a name of its own, whatever follows it (旗下, 出行, 平台).  A character typed twice
    inside an item makes no such word (培训、就就业: 就就 is none) or follows no list mark (加强强化)."""
    if not i or t[i - 1] not in LIST_JOINS or t[i:i + 2] not in words:
        return False
    clause = re.split("[，。；：！？]", t[:i - 1])[-1]
    if t[i - 1] != "、" and "、" not in clause:
        return False  # 和 alone joins two words (共享和滴滴): no list says the pair is an item
    return not any(words.get(t[i + 1:b], 0) >= EDGE_COUNT for b in (i + 3, i + 4, i + 5) if b <= len(t))


def _head_meets_word(t: str, i: int, words) -> bool:
    """研学|学生: the pair ends a word of letterkit's glossary (the first two characters of a term: 研学 of 研学旅行,
    a word jieba lacks) and starts a common word of jieba's — two words meeting, no character typed twice; unless one copy less makes a word (进一一步:
进一 heads 进一步完善, and 进一步 is the word meant)."""
    from .glossary import _heads, glossary

    return i >= 1 and t[i - 1:i + 1] not in words and t[i - 1:i + 1] in _heads(glossary()) \
        and words.get(t[i + 1:i + 3], 0) >= EDGE_COUNT and t[i - 1:i + 1] + t[i + 2:i + 3] not in words


# what ends the name of a firm or a body of its own (津西餐饮管理有限公司): a trade name often takes the character of
# its place (津 of 天津, 渝 of 重庆), so it may begin with the character the place's name ends with
FIRM_AHEAD = re.compile(f"[{CJK}]{{1,10}}?(?:有限公司|有限责任公司|股份公司|公司|集团|合作社|专业合作社|商会|协会|酒店|宾馆|医院|学校)")


def _place_then_name(t: str, i: int, words) -> bool:
    """乐山市|市中区, 天津|津西餐饮管理有限公司: the first copy ends a place's name — a place jieba tags (天津), or one and
    its level (乐山 + 市) — and the second begins a name of its own: a word of three or four characters ending with a
    place's level (市中区: a district of 乐山), or a firm's name (a trade name takes its place's character).  A
    character typed twice after a place and before a common word or nothing of a name (天津津的企业, 乐山市市召开)
    is still read by the rules."""
    from .dictionary import word_tags

    tags = word_tags()
    place = i >= 1 and tags.get(t[i - 1:i + 1]) == "ns" \
        or i >= 2 and t[i] in PLACE_ENDS and tags.get(t[i - 2:i]) == "ns"
    if not place or t[i + 2:i + 3] == t[i]:
        return False  # 天津津津西: three in a row, one at least typed too many
    if any(t[i + 1:b] in words and t[b - 1] in PLACE_ENDS for b in (i + 4, i + 5) if b <= len(t)):
        return True  # 市中区 (43 in jieba's counts), 津南区
    return bool(FIRM_AHEAD.match(t, i + 2))  # 津西餐饮管理有限公司, 津港运输集团


LEVELS = set("省市县区")
BEFORE_BODY = set("、，；：（“和与及同由对向经") | {"\n"}  # where a body's name begins
BODY_AHEAD = re.compile(f"[{CJK}]{{2,10}}?(?:局|委员会|委|办公室|中心|厅|院|所|站|公司|集团)")


def _claims(words: dict, part: str) -> bool:
    """Whether `part` is a word that may claim a character: of three or four characters (新能源, met three
    times in jieba's counts, is one), or of two and not rare (成福 and 议办 are jieba's too)."""
    count = words.get(part, 0)
    return count >= EDGE_COUNT or (count > 0 and len(part) >= 3)


def _sureness(gain: float) -> str:
    return "较大" if gain >= 7 else "一般"


@lru_cache(maxsize=1)
def _word_edges() -> tuple[frozenset, frozenset]:
    """The first two and last two characters of jieba's words of three or four characters (卒中 of 脑卒中):
    words in their own right that the dictionary lists only inside longer ones."""
    from .dictionary import dictionary

    longer = [w for w in dictionary()[1] if len(w) >= 3]
    return frozenset(w[:2] for w in longer), frozenset(w[-2:] for w in longer)


def _inside_word(part: str, side: str) -> bool:
    if len(part) != 2:
        return False
    starts, ends = _word_edges()
    return part in (ends if side == "end" else starts)


CJK_RUN = re.compile(f"[{CJK}]")


def reading_gain(text: str, at: int, side: int = 4) -> float:
    """How much likelier (natural log) the characters around a doubled one at (at, at+1) read with the
    second taken out: the likeliest segmentation by jieba's counts, up to `side` characters either side,
    within a run of Chinese characters."""
    start = at
    while start > 0 and at - start < side and CJK_RUN.match(text[start - 1]):
        start -= 1
    end = at + 2
    while end < len(text) and end - at - 2 < side and CJK_RUN.match(text[end]):
        end += 1
    window = text[start:end]
    cut = at - start
    return _likeliest(window[:cut + 1] + window[cut + 2:]) - _likeliest(window)


def _likeliest(run: str) -> float:
    """The log probability of the likeliest segmentation of `run` into jieba's words (a character it does
    not know counts once)."""
    import math

    from .dictionary import dictionary, shortened_words

    words, (singles, log_total, _) = dictionary()[1], shortened_words()
    best = [0.0] + [-1e18] * len(run)
    for end in range(1, len(run) + 1):
        for size in range(1, min(4, end) + 1):
            part = run[end - size:end]
            count = max(singles.get(part, 0), 1) if size == 1 else words.get(part, 0)
            if count:
                best[end] = max(best[end], best[end - size] + math.log(count) - log_total)
    return best[-1]


NUMBERING = re.compile(r"\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?\s*")


def _bigrams(text: str) -> set[str]:
    text = MARKS.sub("", text)
    return set(map(add, text, text[1:]))  # every pair of characters side by side, looped over in C


@rule("repeated-sentence", "warning", "repetition", "相邻两句不要说同一件事",
      "两句相邻的话八成以上的字相同，多是改稿时留下了旧句；按两句共有的二字组计，只看 12 字以上的句子。"
      "一段的首句（去掉编号）与上一段（或小标题）的末句一字不差，也报；一段里 16 字以上的一句隔着别的句子又一字不差地出现，也报。",
      "项目占地面积约3万平方米。该园区占地面积约3万平方米。", "项目占地面积约3万平方米。")
def _repeated_sentence(c):
    before = ""
    for path, text in prose(c.data):
        for message, hint, offset in _repeated_in(text):
            yield Finding(path, message, hint, offset)
        said = sentences(text)
        if said and before:
            numbered = NUMBERING.match(said[0][1])
            first = said[0][1][numbered.end():]
            if first == before and len(MARKS.sub("", first)) >= 6:  # 增加学校专线公交数量。 heading, then its text
                yield Finding(path, f"“{short(first, 16)}”与上一段的末句相同，连着写了两遍", "删去重复的一遍",
                              said[0][0] + numbered.end())
        before = said[-1][1] if said else ""


@per_text
def _repeated_in(text: str):
    """(message, hint, offset) of each sentence or run of sentences said twice in the paragraph."""
    said = sentences(text)
    reported = False
    for size in (2, 3):  # a run of two or three sentences said twice in a row (A B A B)
        for i in range(len(said) - 2 * size + 1):
            run = [s for _, s in said[i:i + size]]
            if run == [s for _, s in said[i + size:i + 2 * size]] and len("".join(run)) >= 12:
                start = said[i + size][0]
                reported = True
                yield f"“{short(''.join(run), 16)}”连着写了两遍", "删去重复的一遍", start
    parts = [(start, s) for start, s in said if len(s) >= 12]
    for (_, first), (start, second) in zip(parts, parts[1:]):
        if max(len(first), len(second)) > 3 * min(len(first), len(second)):
            continue  # four in five pairs of characters shared: lengths cannot differ that much
        a, b = _bigrams(first), _bigrams(second)
        if a and b and len(a & b) / min(len(a), len(b)) >= 0.8:
            reported = True
            yield f"“{short(second, 16)}”与上一句几乎相同", "删去重复的一句，或把两句合成一句", start
    if not reported:  # a long sentence said word for word twice in one paragraph, another between: an edit's leftover
        first_at = {}
        for start, sentence in said:
            if len(MARKS.sub("", sentence)) >= 16 and sentence in first_at:
                reported = True
                yield f"“{short(sentence, 16)}”在本段前面已写过一遍", "删去重复的一遍", start
                break
            first_at.setdefault(sentence, start)
    if not reported:  # a short sentence or clause typed twice in a row: identical, so no false alarm to fear
        clauses = [(m.start(), m.group()) for m in CLAUSE.finditer(text)]
        for (_, first), (start, second) in zip(clauses, clauses[1:]):
            if first == second and len(MARKS.sub("", first)) >= 6:
                yield f"“{short(second, 16)}”连着写了两遍", "删去重复的一遍", start
                break


ORDINALS = "一二三四五六七八九十"
ORDINAL_IS = re.compile(f"(?:^|(?<=[，。；：、！？\\s]))([{ORDINALS}])是")


@rule("repeated-ordinal", "warning", "repetition", "“一是、二是、三是”依次排列，不重号、不跳号",
      "同一段里“一是……二是……二是……”，或一段一条、各段依次以“一是”“二是”……开头而重了跳了：序数重了或跳了，"
      "多是改稿时增删了一条而没有改号。只看句首（标点之后）的“一是”“二是”……，从“一是”起依次排列时才查，误报很少。",
      "一是完善线路；二是发展民宿；二是开展节会活动。", "一是完善线路；二是发展民宿；三是开展节会活动。")
def _ordinals(c):
    run = []  # consecutive paragraphs each led by one 一是/二是…: the items of one list, a paragraph each
    for path, text in prose(c.data) + [((), "")]:
        for message, hint, offset in _ordinals_in(text) if "是" in text else ():
            yield Finding(path, message, hint, offset)
        lead = ORDINAL_IS.match(text.lstrip())
        if lead and len(ORDINAL_IS.findall(text)) == 1:
            run.append((path, lead, len(text) - len(text.lstrip())))
            continue
        yield from _run_out_of_order(run)
        run = [(path, lead, len(text) - len(text.lstrip()))] if lead else []


def _run_out_of_order(run):
    """The first paragraph of a run led by 一是, 二是 … whose ordinal is not the next (一是…二是…三是…三是:
    an item added or taken out in editing, its number not changed)."""
    if len(run) < 2 or run[0][1].group(1) != "一":
        return
    for (_, before, _), (path, match, indent) in zip(run, run[1:]):
        want = ORDINALS.index(before.group(1)) + 1
        if want >= len(ORDINALS):
            return
        if match.group(1) != ORDINALS[want]:
            what = "重了" if match.group(1) == before.group(1) else "跳了号"
            yield Finding(path, f"上一段的“{before.group()}”之后，这一段又是“{match.group()}”，序数{what}",
                          f"改为“{ORDINALS[want]}是”", indent + match.start())
            return


@per_text
def _ordinals_in(text: str):
    """(message, hint, offset) of the first 一是/二是 of a paragraph out of its order."""
    found = list(ORDINAL_IS.finditer(text))
    if len(found) < 2 or found[0].group(1) != "一":
        return
    for before, match in zip(found, found[1:]):
        want = ORDINALS.index(before.group(1)) + 1
        if want >= len(ORDINALS):
            return
        if match.group(1) != ORDINALS[want]:
            what = "重了" if match.group(1) == before.group(1) else "跳了号"
            yield f"“{before.group()}”之后是“{match.group()}”，序数{what}", f"改为“{ORDINALS[want]}是”", match.start()
            return
