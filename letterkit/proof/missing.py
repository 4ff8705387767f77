"""Family 3: a character lost in editing (`公共技术平华大九天` for 平台、华大九天).

jieba's dictionary (words with frequencies, shipped by the registry package; no list of ours)
says which strings are words.  A lost character leaves its partner standing alone, in no word
(构 of 养老构), or leaves a phrase one character shorter than the letter writes it elsewhere
(日照料中心 beside 日间照料中心).  Either is reported only when the letter itself shows the whole
word: names, abbreviations and the letter's own usage stay quiet.  Measured on planted slips and on
clean letters (tests/fixtures/published/READING.md), not tuned on the slips alone.

The rule (lost-character) and the order its families speak in live here; the families live in
dictionary (jieba's tables), lone, dictionary_losses, shortened and glossary, and the guards that keep a
candidate quiet (the shorter form is itself a word here: 乡镇中心校, 建 beside 建成; a word by where it
stands: 约3.6万) in quiet, one predicate per path."""

from __future__ import annotations

from .dictionary import rarely_alone
from .dictionary_losses import _idiom_heads, idiom_losses, inner_losses, long_losses
from .glossary import _word_heads, glossary, glossary_index, glossary_losses, project_terms, written_words
from . import alone_here
from .lone import _pair_heads, lost_characters
from .quiet import MEMBER, breaks_word_before, common_halves, four_by_ends, glossed_is_word, lone_is_word  # noqa: F401
from .quiet import neighbour_taken, people as _people, quoted_names, shorter_is_word
from .registry import Finding, rule
from .shortened import _losable, letter_compounds, shortened_phrases
from .text import prose


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
      "词末一个名词性的字去掉后剩下的常用词接着下一个词（“智慧停车建设”与“停车场建设”，“老年助餐服务”与“老年人助餐服务”，"
      "“中小学研学实践”与“中小学生研学实践”；“化”“性”“式”另成一词，“标准菜市场”照报）、两个词共用相连的同一个字（“饮用水源”与"
      "“饮用水水源”；后一个词是机构、地方的名称时照报：“县中医院”与“县中医医院”）、四字词常用的两字简称（“市场监管工作”与“市场监督管理局”；接着写“理”的"
      "“市场监管理”照报）、两组计数之间的“加”“减”（“1名护士加若干名专科医生”）、词表里术语去掉“建设”“工作”这类词后的名称"
      "（“医联体”）也不报；"
      "数字后的词（“千吨万人工程”）、副词加动词再接名词（“已建工程”）、四字词的两字简称（“交安设施”）、少了“型”而是两个词的"
      "（“护理床位”）、两个常用词连写（“环境工作”“服务资源”）、年份数字后的“年”（“2021年改造计划”）、括号后与括号前或括号里的字"
      "成词的（“专（兼）职”）、单字动词后接动词（“可提取”“围填海”）、列举里同尾的名称（“对范罗山、赭山”）、“等校”、"
      "猜的词要拆开前面常用词的（“品种园”）都不报；词后面的形容词和名词尾（“配套压力大”“探访量”“覆盖率”）不当作漏字的残余。第七种：letterkit/data/terms.txt 里 jieba 词典没有的政务常用合成词（留守儿童、健身步道、信息平台、日间照料中心、实用性村庄规划、转岗培训、无障碍设施等三千多个，分教育、卫生健康、民政、交通、住建、水利、农业农村、自然资源、文旅、市场监管、公安应急、人社、生态环境、政务服务、商务财政、退役军人等领域）少了中间一个字、少后的写法本身不成词（“留守童”“信息台”“心理辅室”）——“可能”，说出整个词；地名末字（辉发河治理、开干齐乡卫生院）、虚词（医师和乡村）、头一个字跟前一字成词（在建工地）、本信写了两次又从不写全的不报。letterkit/data/phrases.txt 里的固定说法、动宾搭配和带“化/式”的合成词（进一步完善、投入运行、运行维护、改造老旧小区、一体化净水、嵌入式养老等）同样读：“进步完善”“投运行”“运维护”“改老旧小区”“一体净水设备”——“可能”，说出整个说法；“甲 + 乙”一行只看“甲”里漏的字；“投入使用”“交付使用”“全面覆盖”这类整个说法哪个字漏了都看（“投入用”报；"
      "后面接“于”读作“投入|用于”就不报；“全覆盖”本身就通，不报）。前一个字和它头一个字正是词表里一个词的开头（“截污管网”：截污纳管）不报。词表里的词整个写出时（物联网、线上线下、负总责），其中的字不再当作单出的字报。项目自己的词写在 check: {terms: [...]}（草稿、部门配置或项目文件的 defaults）。"
      "“应享尽享”这类一个字隔着“尽”“必”写两次的套语、口号里一个字加一个词的并列短项（“日自查、季检查”）、"
      "短语边上的字跟邻字组成本信别处也写的词（“文旅专项资金”与“旅游专项资金”而别处写“文旅推介”，“网约车上客点”而别处写“专用上客点”）、"
      "两种写法都是词表里的词（“湖长制”与“河湖长制”）、常用词加“量”“率”这类词尾（“服务量”与“服务质量”）不报。"
      "单出的字按所在位置本身成词的不报：副词在动词前（“全区共开通”）、名词后表示“其中”的方位字（“8所学校中位于”"
      "“改造小区中的”）、常用词后的词尾（“交流期”）、两个都能单用的修饰字只写一个（“早高峰”与“早晚高峰”）、"
      "地名省去区县（“鲤城”与“鲤城区”）、列举里同尾的路名（“大里路、光明路等”）、副词后的单字动词带宾语（“乱停车辆”与"
      "“乱停放车辆”）、词表里头一个字写两遍的说法只写一遍（“乱停放”与“乱停乱放”）。"
      "在植入的漏字上（tests/slipgen.py，3 个种子各 6 轮）找到约三分之一"
      "（原来约七分之一）；从常用词里随便丢一个字，多半剩下别的词（进一步→进步），读不出来。在 18 封已发布的信、"
      "种子信和 40 封新信上报的见 tests/fixtures/published/READING.md：误报 1 处（种子信“物联网”；06“等作下年度”第三轮起不报）。",
      "5G公共技术平华大九天模拟电路设计全流程EDA工具系统等平台", "5G公共技术平台、华大九天模拟电路设计全流程EDA工具系统等平台")
def _lost(c):
    paragraphs = prose(c.data)
    texts = [text for _, text in paragraphs]
    letter = "\n".join(texts)
    reported = _people(c.data, texts)  # 符海燕委员: a surname is no word's remnant (符合)
    for index, at, short_phrase, whole, ch in shortened_phrases(texts):
        reported.update((index, k) for k in range(at, at + len(short_phrase)))
        if shorter_is_word(texts[index], at, short_phrase, whole, ch, letter):
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
    # 物联网, 线上线下, 负总责: a glossary term written whole leaves nothing alone; nor does its stem (医联体 of
    # 医联体建设: a term's own name, jieba lacks it)
    covered = written_words(texts, terms)
    covered |= quoted_names(texts)  # “黄牛贷”, “服务基层行”, “强基层、建机制”: a product's or campaign's own words
    for index, at, ch, whole, sure in lost_characters(texts):
        if (index, at) in reported or (index, at) in covered or lone_is_word(texts[index], at, whole, letter):
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
        if any((index, k) in reported for k in range(at, at + len(short_phrase))) \
                or shorter_is_word(texts[index], at, short_phrase, whole, ch, letter):
            continue  # 成员校 beside 成员学校, 建 beside 建立, 2025年市区 beside 年底市区
        reported.update((index, k) for k in range(at, at + len(short_phrase)))
        yield Finding(paragraphs[index][0], f"“{short_phrase}”比本信别处的“{whole}”少了“{ch}”，可能漏了字",
                      f"核对原稿，若是漏了字就补上（写作“{whole}”）", at)
    for index, at, word, written in long_losses(texts):
        if any((index, k) in reported for k in range(at, at + len(written))) or common_halves(written, word):
            continue
        reported.update((index, k) for k in range(at, at + len(written)))
        yield Finding(paragraphs[index][0], f"“{written}”可能漏了字（词典里有“{word}”）",
                      f"核对原稿，若是漏了字就补上（写作“{word}”）；名称写对了就不用改", at)
    # a glossary term names the whole word where the letter says nothing (留守童 → 留守儿童): before the
    # dictionary's guesses at the same place (控辍学 is no 控制)
    glossed = []
    for index, at, written, term, ch in glossary_losses(texts, terms):
        if any((index, k) in reported for k in range(at, at + len(written))):
            continue
        if glossed_is_word(texts[index], at, written, term, ch, letter):
            covered.update((index, k) for k in range(at, at + len(written)))  # 饮用水源: read as the term's usual
            continue  # form, its characters are no remnant for the dictionary's guesses after (源 of 水资源)
        glossed.append((index, at, written, term, ch))
    for index, at, written, term, ch in glossed:
        reported.update((index, k) for k in range(at, at + len(written)))
        yield Finding(paragraphs[index][0], f"“{written}”可能漏了字（词表里有“{term}”，少了“{ch}”）",
                      f"核对原稿，若是漏了字就补上（写作“{term}”）；本地的叫法本来如此就不用改", at)
    inner = inner_losses(texts)
    for index, at, ch, word in inner + [found for found in from_dictionary if not any(
            i == found[0] and abs(k - found[1]) <= 3 for i, k, _, _ in inner)]:
        if any((index, k) in reported for k in range(at - 3, at + 1)) or (index, at) in covered \
                or lone_is_word(texts[index], at, word, letter) or neighbour_taken(texts[index], at) \
                or breaks_word_before(texts[index], at, word):
            continue
        text = texts[index]
        quoted = text[max(0, at - 4):at + 5]
        yield Finding(paragraphs[index][0], f"“{quoted}”中“{ch}”单独成字，可能漏了字（词典里有“{word}”）",
                      f"核对原稿，若是漏了字就补上（如“{word}”）；名称、简称写对了就不用改", at)


def prepare() -> None:
    """Build now what every draft's check reads and works out once (jieba's tables, the words most of a
    character's pairs are, the idioms' heads, the glossary's index): workers forked next share it instead
    of each building it (a few tenths of a second each)."""
    rarely_alone()
    _pair_heads()
    _idiom_heads()
    _losable()
    glossary_index(glossary())
    _word_heads(glossary())
    four_by_ends()
    alone_here._suffixes()
