"""Family 3: a character lost in editing (`公共技术平华大九天` for 平台、华大九天).

jieba's dictionary (words with frequencies, shipped by the registry package; no list of ours)
says which strings are words.  A lost character leaves its partner standing alone, in no word
(构 of 养老构), or leaves a phrase one character shorter than the letter writes it elsewhere
(日照料中心 beside 日间照料中心).  Either is reported only when the letter itself shows the whole
word: names, abbreviations and the letter's own usage stay quiet.  Measured on planted slips and on
clean letters (tests/fixtures/published/READING.md), not tuned on the slips alone.

The rule (lost-character) and the order its families speak in live here; the families live in
dictionary (jieba's tables), lone, dictionary_losses, shortened and glossary."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

from .dictionary import _segment, adjectives, dictionary, rarely_alone, word_tags
from .dictionary_losses import _idiom_heads, idiom_losses, inner_losses, long_losses
from .glossary import glossary, glossary_index, glossary_losses, project_terms, written_terms
from .lone import _pair_heads, lost_characters
from .registry import Finding, rule
from .shortened import _losable, letter_compounds, shortened_phrases
from .text import per_text, prose

_SHORT_QUOTE = re.compile(r"[“\"‘「]([^“”\"‘’「」，。；！？]{1,16})[”\"’」]")


def _quoted_names(texts: list[str]) -> set[tuple[int, int]]:
    """(paragraph, position) of each character inside short quotes: a name or slogan coins its words (“黄牛贷”
    产品, “服务基层行”活动), where a character standing alone is no lost one's remnant."""
    return {(index, k) for index, text in enumerate(texts) if "“" in text or '"' in text or "‘" in text or "「" in text
            for m in _SHORT_QUOTE.finditer(text) for k in range(m.start(1), m.end(1))}


# usual short forms of a facility's name (乡镇中心学校 → 乡镇中心校): the short form is no lost character
USUAL_SHORT = (("中心学校", "中心校"), ("完全小学", "完小"), ("职业高中", "职高"), ("技工学校", "技校"),
               ("卫生学校", "卫校"), ("职业学校", "职校"),
               ("旅游", "游"))  # 乡村游, 自驾游, 红色游: a kind of tourism said with 游 alone


def _school_short(written: str, whole: str, lost: str) -> bool:
    """民办校, 优质校, 寄宿制校: a term's 学校 written 校 is how schools are called, not a lost character —
    the glossary alone says nothing here (the letter writing 民办学校 elsewhere is other evidence)."""
    return lost == "学" and whole.endswith("学校") and written.endswith("校")


def usual_short(written: str, whole: str) -> bool:
    """Whether `written` is `whole` in a usual short form (乡镇中心校 for 乡镇中心学校, 乡村游 for 乡村旅游)."""
    return any(whole.endswith(long) and written.endswith(short) and whole[:-len(long)].endswith(written[:-len(short)])
               for long, short in USUAL_SHORT)


def _verb_alone(written: str, whole: str, lost: str) -> bool:
    """建老年食堂 beside 建成老年食堂, 建助餐服务点 beside 建立助餐服务点: a one-character verb (jieba tags it a verb
    only) said alone where elsewhere it takes a complement or a second character — the verb alone is a word too."""
    from .repetition import _verb_tags

    return len(whole) > 2 and whole[1] == lost and written[0] == whole[0] and whole[0] in _verb_tags()[0] \
        and whole[:2] in dictionary()[1]


def _contracted(text: str, at: int, whole: str, letter: str) -> bool:
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


def _year_alone(text: str, at: int, written: str, whole: str) -> bool:
    """2025年市区 beside 年底市区: a year said alone after its number is a time as whole as its end or start (年底,
    年初) — the lost character would be the second, right after 年."""
    return written[0] == "年" and whole[0] == "年" and at > 0 and text[at - 1].isdigit() and written[1:] == whole[2:]


def _own_word_before(text: str, at: int, letter: str) -> bool:
    """各医共体管理 (体质管理 less 质?): the phrase's first character ends a word jieba does not know — its segmentation
    leaves the two before it single (医|共|体) — that the letter writes twice or more: the letter's own short form."""
    if at < 2:
        return False
    lo = max(0, at - 4)
    singles = {start + lo for start, end in _segment(text[lo:at + 3]) if end - start == 1}
    return {at - 2, at - 1, at} <= singles and letter.count(text[at - 2:at + 1]) >= 2


# a character after a word that makes a noun of it (探访量, 覆盖率) or says something of it (压力大): no remnant
# 制 and 点 make a system and a place of a word (积分制, 寄宿制; 上车点, 服务点): the same kind of ending
NOUN_ENDS = set("量率额值数制点")

# a word of its own before a number: about, nearly, over (村民约3.6万, 近2000人, 逾百家) — no lost word's remnant
BEFORE_NUMBER = set("约近逾超达共")


OBJECT_COUNT = 100  # jieba's count of a two-character word common enough to be read as the verb's object (公交 286)
ENDS_OBJECT = set("。，；、")  # the object ends the clause: a verb and its object, not a word broken in the middle


def _verbs() -> frozenset:
    from .repetition import _verb_tags

    return _verb_tags()[0]


def _stands_alone(text: str, at: int) -> bool:
    """Whether text[at] is a word of its own by where it stands: an about before a number (约3.6万); a character
    before a bracketed alternative that makes a word with what follows the bracket (专（兼）职: 专职 and 兼职);
    a word's ending (积分制); a verb by itself before its object at the clause's end (通公交。); the first character
    of a name listed beside one that differs only there (上河村、下河村; 东关社区和西关社区)."""
    ch, after = text[at], text[at + 1:at + 2]
    words = dictionary()[1]
    if ch in NOUN_ENDS and text[at - 2:at] in words:
        return True  # 积分|制: a word and its ending (积分控制 less 控 is the likelier slip only by jieba's counts)
    if ch in _verbs() and words.get(text[at + 1:at + 3], 0) >= OBJECT_COUNT and text[at + 3:at + 4] in ENDS_OBJECT \
            and text[at - 2:at] not in words:
        return True  # 行政村通公交。: a verb by itself (jieba tags it nothing else) and its object, ending the clause;
        # not after a word of two (巩固提工程: 提 is what is left of 提升, the verb 巩固 needs no second verb)
    if ch in BEFORE_NUMBER and re.match(r"[0-9０-９百千万]", after):
        return True
    if after in ("（", "("):
        close = re.match(r"[（(]([^（）()]{1,3})[）)]", text[at + 1:])
        if close and text[at] + text[at + 1 + close.end():at + 2 + close.end()] in words:
            return True
    if ch in _verbs() and _tags().get(text[at + 1:at + 3]) == "v":
        return True  # 职工可提取, 争取围填海: a verb by itself before a verb of two (a modal, or two acts in one: 围海
        # and 填海); what a lost character leaves stands before a noun (巩固提工程), not before another verb
    if at >= 3 and text[at - 1] in "）)":
        opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
        if 0 < opened >= at - 5 and (text[opened - 1] + ch in words or text[at - 2] + ch in words):
            return True  # 专（兼）职: 职 makes 专职 with the one before the bracket and 兼职 with the one inside
    if _listed_name(text, at):
        return True
    if at >= 3 and text[at - 1] in "、和与及":
        return any(text[at + 1:at + 1 + n] == text[at - 1 - n:at - 1] for n in (2, 3, 4))
    return False


def _listed_name(text: str, at: int) -> bool:
    """对范罗山、赭山: text[at] begins a short item of a list (after a word or a preposition, before 、) that ends with
    the same character as the next item — places or things of one kind (山, 村, 路) named in a row, no broken word."""
    m = re.match(r"[\u4e00-\u9fff]{2,4}(?=、)", text[at:])
    if not m:
        return False
    after = re.match(r"、([\u4e00-\u9fff]{2,4}?)(?=[、，。；和及等与]|$)", text[at + m.end():])
    return bool(after) and after.group(1)[-1] == m.group()[-1] and m.group()[-1] != text[at]


def _tags() -> dict:
    """jieba's tag of each of its words of one or two characters (可 v, 已 d, 提取 v, 工程 n)."""
    return word_tags()


def _neighbour_taken(text: str, at: int) -> bool:
    """做好转介 (做|好转|介): the word jieba ends right before text[at] (好转) overlaps a likelier one before it (做好),
    so the character before text[at] stands alone too — two single characters side by side are a word jieba does not
    know (转介), as 助餐 and 专班 are, no lost character's remnant."""
    words = dictionary()[1]
    return at >= 3 and words.get(text[at - 3:at - 1], 0) > words.get(text[at - 2:at], 0) > 0 \
        and text[at - 1:at + 1] not in words


def _usual_short_at(text: str, at: int, word: str) -> bool:
    """生态游 (游 alone; 生态旅游): the lone character ends the usual short form of the word guessed for it."""
    return len(word) >= 3 and at >= len(word) - 2 and usual_short(text[at - len(word) + 2:at + 1], word)


BROKEN_WORD = 1000  # a word of jieba's this frequent is ordinary: a guess that breaks it (品种 of 种植园) is unlikely


def _breaks_word_before(text: str, at: int, word: str) -> bool:
    """老劣品种园 (种植园?): the dictionary's word would begin with the last character of an ordinary word before the
    lone one (品种), taking it from that word — 地质园 (地质公园) keeps the word before whole and is still read."""
    return at >= 2 and word.startswith(text[at - 1]) and not word.startswith(text[at - 2:at]) \
        and dictionary()[1].get(text[at - 2:at], 0) >= BROKEN_WORD


# 校 after 等 closes a list of schools with their kind (南开学校等校), as 村 does villages (三河村等村): no lost character
CLOSING_KINDS = set("校园院所站村镇乡县区")
NUMERALS = set("0123456789０１２３４５６７８９〇一二两三四五六七八九十百千万亿")

# two words of the dictionary this frequent side by side are read as such (环境|工作, 服务|资源), not as a rarer
# word of five or six less one character (环境中工作, 服务器资源); 可行 (611) of 可行性研究 stays below it
COMMON_HALF = 5000

# 型 makes a kind of a noun (护理型床位); the noun before a noun says the same kind (护理床位): both are in use
KIND_SUFFIX = "型"


def _two_words(written: str, whole: str, lost: str, least: int) -> bool:
    """Whether `written` is two words of the dictionary (each at least `least` times in jieba's counts) split where
    `whole` has its lost character."""
    words = dictionary()[1]
    gap = next((k for k in range(1, len(written)) if whole[:k] == written[:k] and whole[k] == lost
                and whole[k + 1:] == written[k:]), None)
    return gap is not None and words.get(written[:gap], 0) >= max(least, 1) and words.get(written[gap:], 0) >= max(least, 1)


@lru_cache(maxsize=1)
def _four_by_ends() -> dict:
    """jieba's words of four characters by their first character and last two (交通安全 under 交, 安全)."""
    return {(word[0], word[2:]): word for word in dictionary()[1] if len(word) == 4}


def _glossary_quiet(text: str, at: int, written: str, term: str, lost: str) -> bool:
    """A glossary term less a character that is something else by where it stands: a count's noun after a number
    (千吨万人工程: 万人|工程), a verb after an adverb before a noun of the dictionary (已建工程: 已建|工程 — not
    将进步加大 nor 将认落实, where 步加大 is no word and 落实 no noun), the second half of a four-character word's short form (交安设施: 交通安全's
    交 and 安), or two words of their own where 型 is lost (护理床位)."""
    before, rest = text[at - 1:at], written[1:]
    words = dictionary()[1]
    if before in NUMERALS and rest in words \
            or _tags().get(before) == "d" and written[0] in _verbs() and _tags().get(rest, "").startswith("n"):
        return True
    if before and (before, term[:2]) in _four_by_ends():
        return True
    return lost in KIND_SUFFIX and _two_words(written, term, lost, 1)


# a school by its one character after a word that describes it (优质校, 薄弱校, 示范校): the usual short form of the word
# with 学校, unless the letter writes that form in full too (then the short one may be a slip).  Not 园: 地质园 is more
# often 地质公园 less 公 than a kindergarten (公办园)
KIND_SHORT = {"校": "学校"}


def _kind_short(text: str, at: int, letter: str) -> bool:
    """Whether text[at] is a school's one-character kind after a two-character word (以优质校带动新建校), the letter
    writing no word + 学校 in full."""
    if at >= 2 and text[at - 1] == "等" and text[at] in CLOSING_KINDS:
        return True
    whole = KIND_SHORT.get(text[at])
    return bool(whole) and at >= 2 and text[at - 2:at] in dictionary()[1] and text[at - 2:at] + whole not in letter


def _said_of_word(text: str, at: int) -> bool:
    """Whether text[at] is an adjective or a noun's last character after a word of the dictionary (压力|大。,
    探访|量在): it ends the phrase, it is not what is left of another word (力量, 较大)."""
    return (text[at] in NOUN_ENDS or text[at] in adjectives()) and text[at - 2:at] in dictionary()[1]


@rule("lost-character", "warning", "missing", "词语中间漏了字（单字夹在词中间不成词，本信别处写全了）",
      "按 jieba 自带词典（带词频）：一个字跟左右邻字都不成词，又很少单独成词（“养老构3家”的“构”、“意见和建。”的“建”），"
      "而补回一个字就成常用词、本信别处也写了这个词（“机构”“建议”），多半是改稿时漏了字——“可能”（别处在同样的邻字之间"
      "写全了，或这个字在 jieba 的词频里单独成词不到五分之一）。"
      "“优质校”“特色校”这样一个词加“校”的常用简称（本信没有写“优质学校”时）、列举里地名的头一个字"
      "（“弋江路、范罗山等”）、地名里的方位字（“劲松北社区”“人民东路”）不报。"
      "人名地名、简称（卫健委、医联体、快检）、数字后的量词（3家）、顿号隔开的单字（政、产、学、研）、“建得成”、"
      "文号（江津府办发〔）、引号里名称的头一个字、集…于一体不报；这个字在本信别处也单独出现就不报。"
      "另一种：五字以上的短语比本信别处的写法只少中间一个字（“日照料中心”与“日间照料中心”，“公共技术服务台”与"
      "“公共技术服务平台”）——“很可能”。第三种，本信别处没有证据时只凭词典：jieba 分词后单出一个字，在它所在的"
      "位置补回中间一个字就成词典里的三四字词（“打通消防道”→“消防通道”，“游客集中心”→“集散中心”），补后的读法"
      "按 jieba 词频不比原来的差——“可能”，并说出这个词；词典标为人名地名机构名的词、两个单字挨着（助餐、专班、农房）、"
      "本信写了两次的简写都不报。第四种（也只凭词典）：单出的字很少单独成字（不到十分之一），词典里它的两字词大半是同一个"
      "（续→继续、况→情况、术→技术），补上后读法的词频高出 e² 倍以上——“可能”，说出这个词；字后面紧跟县、区、市的（丰山县）不报。"
      "第五种：四五个字恰是词典里五六字词少了中间一个字、自己又不成词，且前后都在词的边界上（可行研究报告→可行性研究）——“可能”。"
      "成语和固定说法（jieba 词典里标为成语、习用语的四字词，外加“实事求是”等几个）少了中间一个字、少后的三个字不成词、"
      "跟前后的字也不成词，补回后读法的词频高出 e⁴ 倍以上（“因地宜”“循渐进”“齐抓管”“千方计”）——“可能”，说出成语；"
      "“积极争取”里的“极争取”、“问题在”、“先后出”不报。"
      "第六种：三到八个字比本信别处的一个合成词只少中间一个字（“健步道”与“健身步道”，“县中医院”与“县中医医院”），两处都在分词的词边界上、接缝处有字落单、旁边没有挨着的单字（“助农增收”与“农民增收”不报），三个字的只写一次、不是形容词打头（“新学校”不报）——“可能”；别处写全的合成词有五个字以上时，漏的字不跟邻字成词也报（“污水直排区”与“污水零直排区”，“老年餐点”与“老年助餐点”）。常用简称（“乡镇中心校”“村完小”“职高”“技校”“乡村游”）不报；"
      "数字后的词（“千吨万人工程”）、副词加动词再接名词（“已建工程”）、四字词的两字简称（“交安设施”）、少了“型”而是两个词的"
      "（“护理床位”）、两个常用词连写（“环境工作”“服务资源”）、年份数字后的“年”（“2021年改造计划”）、括号后与括号前或括号里的字"
      "成词的（“专（兼）职”）、单字动词后接动词（“可提取”“围填海”）、列举里同尾的名称（“对范罗山、赭山”）、“等校”、"
      "猜的词要拆开前面常用词的（“品种园”）都不报；词后面的形容词和名词尾（“配套压力大”“探访量”“覆盖率”）不当作漏字的残余。第七种：letterkit/data/terms.txt 里 jieba 词典没有的政务常用合成词（留守儿童、健身步道、信息平台、日间照料中心、实用性村庄规划、转岗培训、无障碍设施等三千多个，分教育、卫生健康、民政、交通、住建、水利、农业农村、自然资源、文旅、市场监管、公安应急、人社、生态环境、政务服务、商务财政、退役军人等领域）少了中间一个字、少后的写法本身不成词（“留守童”“信息台”“心理辅室”）——“可能”，说出整个词；地名末字（辉发河治理、开干齐乡卫生院）、虚词（医师和乡村）、头一个字跟前一字成词（在建工地）、本信写了两次又从不写全的不报。letterkit/data/phrases.txt 里的固定说法、动宾搭配和带“化/式”的合成词（进一步完善、投入运行、运行维护、改造老旧小区、一体化净水、嵌入式养老等）同样读：“进步完善”“投运行”“运维护”“改老旧小区”“一体净水设备”——“可能”，说出整个说法；“甲 + 乙”一行只看“甲”里漏的字；“投入使用”“交付使用”“全面覆盖”这类整个说法哪个字漏了都看（“投入用”报；"
      "后面接“于”读作“投入|用于”就不报；“全覆盖”本身就通，不报）。前一个字和它头一个字正是词表里一个词的开头（“截污管网”：截污纳管）不报。词表里的词整个写出时（物联网、线上线下、负总责），其中的字不再当作单出的字报。项目自己的词写在 check: {terms: [...]}（草稿、部门配置或项目文件的 defaults）。在植入的漏字上（tests/slipgen.py，3 个种子各 6 轮）找到约三分之一"
      "（原来约七分之一）；从常用词里随便丢一个字，多半剩下别的词（进一步→进步），读不出来。在 18 封已发布的信、"
      "种子信和 40 封新信上报的见 tests/fixtures/published/READING.md：误报 1 处（种子信“物联网”；06“等作下年度”第三轮起不报）。",
      "5G公共技术平华大九天模拟电路设计全流程EDA工具系统等平台", "5G公共技术平台、华大九天模拟电路设计全流程EDA工具系统等平台")
def _lost(c):
    paragraphs = prose(c.data)
    texts = [text for _, text in paragraphs]
    reported = _people(c.data, texts)  # 符海燕委员: a surname is no word's remnant (符合)
    for index, at, short_phrase, whole, ch in shortened_phrases(texts):
        reported.update((index, k) for k in range(at, at + len(short_phrase)))
        if usual_short(short_phrase, whole) or _verb_alone(short_phrase, whole, ch) \
                or _contracted(texts[index], at, whole, "\n".join(texts)) \
                or _year_alone(texts[index], at, short_phrase, whole):
            continue  # 乡镇中心校 beside 乡镇中心学校: both in use; 建 beside 建成
        yield Finding(paragraphs[index][0], f"“{short_phrase}”比本信别处的“{whole}”少了“{ch}”，很可能漏了字",
                      f"核对原稿，补上漏掉的字（写作“{whole}”）", at)
    for index, at, short_phrase, idiom, ch in idiom_losses(texts):
        if any((index, k) in reported for k in range(at, at + 3)):
            continue
        reported.update((index, k) for k in range(at, at + 3))
        yield Finding(paragraphs[index][0], f"“{short_phrase}”可能漏了字（成语“{idiom}”少了“{ch}”）",
                      f"核对原稿，补上漏掉的字（写作“{idiom}”）", at)
    from_dictionary = []  # a two-character word from the dictionary alone: after inner_losses, which says more
    terms = project_terms(c.data)
    covered = written_terms(texts, terms)  # 物联网, 线上线下, 负总责: a glossary term written whole leaves nothing alone
    covered |= _quoted_names(texts)  # “黄牛贷”, “服务基层行”, “强基层、建机制”: a product's or campaign's own words
    letter = "\n".join(texts)
    for index, at, ch, whole, sure in lost_characters(texts):
        if (index, at) in reported or (index, at) in covered or _said_of_word(texts[index], at) \
                or _kind_short(texts[index], at, letter) or _stands_alone(texts[index], at) \
                or _usual_short_at(texts[index], at, whole):
            continue
        if sure is None:
            from_dictionary.append((index, at, ch, whole))
            continue
        text = texts[index]
        quoted = text[max(0, at - 4):at + 5]
        # "可能" with the same neighbours too: 河道水环境 and 助农增收 are right, though 水质 and 农民增收 are elsewhere
        yield Finding(paragraphs[index][0], f"“{quoted}”中“{ch}”单独成字，可能漏了字（本信别处写作“{whole}”）",
                      f"核对原稿，补上漏掉的字（如“{whole}”）", at)
        reported.add((index, at))
    for index, at, short_phrase, whole, ch in letter_compounds(texts):
        if any((index, k) in reported for k in range(at, at + len(short_phrase))) or usual_short(short_phrase, whole) \
                or _school_short(short_phrase, whole, ch) or _verb_alone(short_phrase, whole, ch) \
                or _year_alone(texts[index], at, short_phrase, whole):
            continue  # 成员校 beside 成员学校, 建 beside 建立, 2025年市区 beside 年底市区
        reported.update((index, k) for k in range(at, at + len(short_phrase)))
        yield Finding(paragraphs[index][0], f"“{short_phrase}”比本信别处的“{whole}”少了“{ch}”，可能漏了字",
                      f"核对原稿，若是漏了字就补上（写作“{whole}”）", at)
    for index, at, word, written in long_losses(texts):
        if any((index, k) in reported for k in range(at, at + len(written))) \
                or any(_two_words(written, word, lost, COMMON_HALF) for lost in set(word) - set(written) or set(word)):
            continue
        reported.update((index, k) for k in range(at, at + len(written)))
        yield Finding(paragraphs[index][0], f"“{written}”可能漏了字（词典里有“{word}”）",
                      f"核对原稿，若是漏了字就补上（写作“{word}”）；名称写对了就不用改", at)
    # a glossary term names the whole word where the letter says nothing (留守童 → 留守儿童): before the
    # dictionary's guesses at the same place (控辍学 is no 控制)
    glossed = [found for found in glossary_losses(texts, terms) if not usual_short(found[2], found[3])
               and not _school_short(found[2], found[3], found[4])
               and not _own_word_before(texts[found[0]], found[1], letter)
               and not _glossary_quiet(texts[found[0]], found[1], found[2], found[3], found[4])
               and not any((found[0], k) in reported for k in range(found[1], found[1] + len(found[2])))]
    for index, at, written, term, ch in glossed:
        reported.update((index, k) for k in range(at, at + len(written)))
        yield Finding(paragraphs[index][0], f"“{written}”可能漏了字（词表里有“{term}”，少了“{ch}”）",
                      f"核对原稿，若是漏了字就补上（写作“{term}”）；本地的叫法本来如此就不用改", at)
    inner = inner_losses(texts)
    for index, at, ch, word in inner + [found for found in from_dictionary if not any(
            i == found[0] and abs(k - found[1]) <= 3 for i, k, _, _ in inner)]:
        if any((index, k) in reported for k in range(at - 3, at + 1)) or (index, at) in covered \
                or _kind_short(texts[index], at, letter) or _stands_alone(texts[index], at) \
                or _neighbour_taken(texts[index], at) or _breaks_word_before(texts[index], at, word) \
                or _usual_short_at(texts[index], at, word):
            continue
        text = texts[index]
        quoted = text[max(0, at - 4):at + 5]
        yield Finding(paragraphs[index][0], f"“{quoted}”中“{ch}”单独成字，可能漏了字（词典里有“{word}”）",
                      f"核对原稿，若是漏了字就补上（如“{word}”）；名称、简称写对了就不用改", at)


def _people(data: dict, texts: list[str]) -> set[tuple[int, int]]:
    """(paragraph, offset) of every character of the people the draft names (addressee, contact, signer)
    where the prose writes them: their names are no words of the dictionary."""
    addressee = data.get("addressee") if isinstance(data, dict) else None
    names = [addressee.get("name")] if isinstance(addressee, dict) else [addressee]
    contact = data.get("contact") if isinstance(data, dict) else None
    names += [contact.get("name") if isinstance(contact, dict) else None, data.get("signer") if isinstance(data, dict) else None]
    people = {part for name in names if isinstance(name, str) for part in re.split(r"[、，,\s]+|等", name) if len(part) >= 2}
    spans = set()
    for index, text in enumerate(texts):
        for name in people:
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


def prepare() -> None:
    """Build now what every draft's check reads and works out once (jieba's tables, the words most of a
    character's pairs are, the idioms' heads, the glossary's index): workers forked next share it instead
    of each building it (a few tenths of a second each)."""
    rarely_alone()
    _pair_heads()
    _idiom_heads()
    _losable()
    glossary_index(glossary())
    _four_by_ends()
