"""lost-character (issue 13, family 3): a character lost in editing is reported, how sure the rule
is said, and correct texts that look close (names, abbreviations, numbers with units, 集…于一体)
are left alone — on made-up paragraphs, on every clean letter we have, and on generated losses."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
import yaml

from letterkit.checkrun import check_paths
from letterkit.importing import import_file
from letterkit.project import open_project
from letterkit.proof import RULES, Context
from letterkit.proof import text as proof_text
from letterkit.proof.dictionary import dictionary, shortened_words
from letterkit.proof.text import prose

from conftest import MINIMAL_DRAFT, PUBLISHED, SEED_TEXT, make_project


def findings(paragraphs: list[str]) -> list[tuple[int, str, str]]:
    """(paragraph, the text from the finding's place, the message) of the rule on a draft whose
    opening and measures are the paragraphs, as check runs it."""
    proof_text.forget()
    data = {"opening": paragraphs[0], "measures": list(paragraphs[1:])}
    paths = [path for path, _ in prose(data)]
    return [(paths.index(f.path), paragraphs[paths.index(f.path)][f.offset:], f.message)
            for f in RULE.check(Context(data, None, dt.date(2026, 6, 1), {}))]


RULE = next(r for r in RULES if r.code == "lost-character")


# (a sentence that writes the word whole, the sentence with the slip, where the finding points, the word)
LOST = [
    ("已建成日间照料中心46家。", "2024年计划新建日照料中心30家。", "日照料中心", "日间照料中心"),
    ("我局搭建了公共技术服务平台，服务企业。", "入驻公共技术服务台的企业有320家。", "公共技术服务台", "公共技术服务平台"),
    ("图书馆开放时间为每日9时至21时。", "暑期延长放时间，方便学生阅读。", "放时间", "开放"),
    ("全县现有养老机构12家。", "今年新建养老构3家。", "构3家", "机构"),
    ("对您提出的意见和建议表示感谢。", "再次感谢您的意见和建。", "建。", "建议"),
    ("进一步完善相关工作机制。", "我们将继续做好相关作。", "作。", "工作"),
    ("各部门大力支持社区建设。", "感谢您对教育事业的关心和持。", "持。", "支持"),
    ("建设八卦岭片区产业园。", "推动上步与八卦岭片低成本产业空间建设。", "片低", "片区"),
]


@pytest.mark.parametrize("whole_text, slip, at, whole", LOST, ids=[case[2] for case in LOST])
def test_a_lost_character_is_reported_where_it_is_with_the_whole_word(whole_text, slip, at, whole):
    found = findings([whole_text, slip])
    assert [(i, place[:len(at)]) for i, place, _ in found] == [(1, at)] and f"“{whole}”" in found[0][2], found
    assert findings([whole_text, whole_text]) == []  # the same letter without the slip


def test_without_the_whole_word_in_the_letter_the_dictionary_alone_says_which_word():
    """Without the letter's evidence, 构 is still found when 机构 is most of what 构 writes: the message
    says the word comes from the dictionary, not from the letter."""
    found = findings(["今年新建养老构3家。", "全县养老服务能力稳步提升。"])
    assert [(i, place[:3]) for i, place, _ in found] == [(0, "构3家")] and "词典里有“机构”" in found[0][2], found
    found = findings(["全县现有养老机构12家。", "今年新建养老构3家。"])
    assert "本信别处写作“机构”" in found[0][2], found


# -- no evidence in the letter: jieba's dictionary alone (inner_losses) ------------------------

# (the sentence with the slip, where the finding points, the dictionary word it would be, the sentence right)
LOST_NO_EVIDENCE = [
    # (消防通道 and 游客集散中心 are in the glossary too, which names the whole term from where it starts: round 4)
    ("2024年将打通消防道，确保群众安全。", "消防道", "消防通道", "2024年将打通消防通道，确保群众安全。"),
    ("在景区入口建设游客集中心一处。", "游客集中心", "游客集散中心", "在景区入口建设游客集散中心一处。"),
    ("我们将认落实，持续推进。", "认落实", "认真落实", "我们将认真落实，持续推进。"),
    ("完善农公路养护机制。", "农公路", "农村公路", "完善农村公路养护机制。"),
    ("加快建设服务系，方便群众。", "系，", "服务体系", "加快建设服务体系，方便群众。"),
    ("建设地质园一处。", "园一处", "地质公园", "建设地质公园一处。"),
]


@pytest.mark.parametrize("slip, at, word, right", LOST_NO_EVIDENCE, ids=[case[2] for case in LOST_NO_EVIDENCE])
def test_a_dictionary_word_that_lost_an_inner_character_is_reported_without_evidence(slip, at, word, right):
    found = findings([slip, "全县工作有序推进。"])
    assert [(i, place[:len(at)]) for i, place, _ in found] == [(0, at)], found
    assert f"“{word}”" in found[0][2] and "可能漏了字" in found[0][2] and "很可能" not in found[0][2]
    assert findings([right, "全县工作有序推进。"]) == []


# correct texts where a dictionary word one character longer is near: names, abbreviations, measure words
RIGHT_NO_EVIDENCE = [
    "推动助餐服务覆盖全区，提供助餐、休闲服务。",      # an abbreviation: 助|餐 (自助餐)
    "我局高度重视，组织专班深入实地调研。",          # an abbreviation: 专|班 (专修班)
    "结合宅基地和闲置农房盘活利用。",                # an abbreviation: 农|房 (农民房)
    "一是在凌凤、龙山两镇建设。",                    # a place: 凌|凤 (凌云凤, a name in jieba)
    "由于设施损坏后无人维修，群众意见较大。",        # 后|无人 (后继无人): the word would begin at the lone character
    "优化未来科技城公交线网。",                      # 城|公交 (城市公交)
    "新建排水沟3道，护栏2处。",                      # a measure word after a number
    "建成集展示、交易于一体的中心。",                # 集…于一体
    "对专利授权数为356件的企业给予奖励。",          # 授权数 (函数 would leave 授权 and more alone)
    "扩大养老服务覆盖，提升家庭医生签约服务包。",    # 服务包 (包括 is no inner repair)
]


@pytest.mark.parametrize("text", RIGHT_NO_EVIDENCE, ids=[t[:8] for t in RIGHT_NO_EVIDENCE])
def test_correct_texts_near_a_longer_dictionary_word_are_left_alone(text):
    assert findings([text, "全县工作有序推进。"]) == []


def test_a_word_the_letter_shortens_twice_is_its_own_usage():
    """The same short form written twice in the letter (专班, 桂城) is how it names the thing."""
    assert findings(["在景区入口建设游客集中心一处。", "游客集中心配备导游。"]) == []


# correct texts that look close: each with the words a lost character would put back written elsewhere
RIGHT = [
    ["王红兰委员提出的建议收悉。", "尊敬的王红兰委员：", "感谢您的建议和兰花展。"],                # a person's name
    ["资江县文化和旅游局。", "全县文旅工作有序推进。", "县城文化广场。"],                       # a place's name
    ["天水市麦积区文化和旅游局。", "推动麦积区乡村旅游，举办麦积花椒节。", "积极推进。"],       # a place's name, twice
    ["吐尔逊代表：", "您提出的建议收悉，代表的意见很重要。"],                                   # a transcribed name
    ["区卫健委、区发改局、区财政局共同研究。", "区卫健委将会同区发改局推进，卫生健康工作。"],   # abbreviations
    ["深化医联体建设，推行紧密型医联体。", "医院联合医生。"],                                     # an abbreviation, twice
    ["推动快检室建设，农残快检室2间。", "检查室和检验室。"],                                     # an abbreviation, twice
    ["共建成3家，服务120人次，新增5处，举办5场。", "国家级3家，市场主体5场。"],                # numbers with units
    ["建成集展示、交易、物流于一体的园区。", "集团公司。"],                                     # 集…于一体
    ["打造一流的政、产、学、研生物医药产业。", "研究生产。"],                                   # single characters listed
    ["确保建得成、用得好。", "建设项目。"],                                                     # a verb before 得
    ["经认真研究，现答复如下：", "下一步，我局将继续做好相关工作。", "实现目标，现有资源。"],  # 现 / 下 opening a clause
    ["按照《实施方案》（江津府办发〔2019〕12号）执行。", "政府办公室。"],                      # a document number
    ["5G网络和IP核设计。", "核心技术。"],                                                       # beside Latin letters
    # round 3 (dev4/dev5 and the clean letters): the word put back reads no better, or leaves another
    # character alone
    ["课程数量少、质量不高。", "关心青少年成长。"],                                             # 少 → 少年
    ["学生需乘车上下学。", "满足群众需求。"],                                                   # 需 → 需求
    ["学校间流动教师12名。", "延长开放时间。"],                                                 # 间 → 时间
    ["发展庭院经济助农增收。", "带动农民增收。"],                                               # 农民 leaves 助 alone
    ["点任务等作下年度建设计划。", "做好相关工作。"],                                           # 工作 leaves 下 alone
    ["协调难度大。", "全县工作有序推进。"],                                                     # 大 an adjective (难度很大)
    ["疏解整治促提升和背街小巷整治。", "全县工作有序推进。"],                                   # 促 of a slogan (促进)
    ["推行小区排水管理进小区，对错接乱排问题建立台账。", "工作进展顺利。"],                       # 进 of a campaign (t15)
    ["供需匹配度有待提高。", "高度重视。"],                                                     # 度 makes a noun (heldout4 188)
    ["群众满意度、知晓度明显提升。", "高度重视，年度计划。"],                                   # 度 makes a noun
    # round 4 (dev6 218): a verb before how much it does
    ["按照政府投一点、企业出一点、群众筹一点的办法筹资。", "总投资120万元。"],                 # 投 → 投资
]


@pytest.mark.parametrize("verb,place", [(v, p) for v in "进入到" for p in ("社区", "校园", "农村", "企业", "家庭", "工地")])
def test_a_campaign_going_to_a_place_is_no_lost_character(verb, place):
    """Generated (tester t15's 排水管理进小区 beside 进展): 进/入/到 before the place a campaign goes to is the verb."""
    assert findings([f"开展法律服务{verb}{place}活动，宣传政策。", "工作进展顺利，入选名单，到位资金。"]) == []


@pytest.mark.parametrize("paragraphs", RIGHT, ids=[p[0][:8] for p in RIGHT])
def test_correct_texts_that_look_close_are_left_alone(paragraphs):
    assert findings(paragraphs) == []


def test_the_finding_says_how_sure_and_points_at_the_draft(tmp_path):
    """As a clerk runs check: file:line:column at the slip; 很可能 for a phrase one character shorter
    than the letter writes it elsewhere, 可能 for a character left alone (a warning either way)."""
    text = "已建成日间照料中心46家，计划新建日照料中心30家。全县现有养老机构12家，今年新建养老构3家。"
    draft = MINIMAL_DRAFT.replace("每日巡查校园周边。", text)
    root = make_project(tmp_path, {"drafts/d.yaml": draft})
    path = root / "drafts" / "d.yaml"
    found = [p for p in check_paths([path], open_project(root))[path] if p.code == "lost-character"]
    assert len(found) == 2, [str(p) for p in found]
    sure, maybe = sorted(found, key=lambda p: p.location.column)
    line = draft.splitlines()[sure.location.line - 1]
    assert line[sure.location.column - 1:].startswith("日照料中心") and "很可能" in sure.message
    assert "“日间照料中心”" in sure.message and "少了“间”" in sure.message
    assert line[maybe.location.column - 1:].startswith("构3家") and "可能漏了字" in maybe.message
    assert "很可能" not in maybe.message and "“机构”" in maybe.message
    assert {p.severity for p in found} == {"warning"} and str(path) in str(sure.location.path)


# -- every clean letter we have ----------------------------------------------------------------

# what the rule reports on the 18 published letters, the seed and the 40 synthetic letters 31–70, and
# the verdict of tests/fixtures/published/READING.md on each (a finding not listed here fails)
CLEAN_FINDINGS = {
    ("08", "关《关于"): "real: 您提出的关《关于……》",
    ("08", "健"): "real: the copy breaks off inside 健康",
    ("se", "片低成本"): "real: 八卦岭片区",
    ("se", "平华大九"): "real: 平台、华大九天",
    # ("se", "物联网"): a false alarm until round 7 (物联网 is in terms.txt, and a term written whole leaves nothing alone)
    ("32", "日照料中"): "real (planted): 日间照料中心",
    ("39", "公共服务"): "real (planted): 公共服务平台",
    ("46", "可行研究"): "real (planted): 可行性研究报告",
    ("53", "镇（街道"): "real (planted): 居家养老服务中心",
}


def clean_letters():
    return sorted(PUBLISHED.glob("[0-9][0-9]_*.txt")) + [SEED_TEXT] + sorted(PUBLISHED.glob("new/*.txt")) \
        + sorted(PUBLISHED.glob("heldout/*.txt"))


@pytest.fixture(scope="module")
def clean_paragraphs():
    return {source.stem[:2]: [t for _, t in prose(yaml.safe_load(import_file(source).draft))]
            for source in clean_letters()}


def test_on_the_clean_letters_only_the_findings_read_one_by_one(clean_paragraphs):
    assert len(clean_paragraphs) == 59
    seen = set()
    for letter, paragraphs in clean_paragraphs.items():
        for _, place, _ in findings(paragraphs):
            key = next((k for k in CLEAN_FINDINGS if k[0] == letter and place.startswith(k[1])), None)
            assert key, f"{letter}: {place[:20]} is not in READING.md"
            seen.add(key)
    assert seen == set(CLEAN_FINDINGS)  # each verdict is still about a finding the rule makes
    false_alarms = [k for k, verdict in CLEAN_FINDINGS.items() if verdict.startswith("false")]
    assert len(false_alarms) <= 1  # 06's 等作下年度 went in round 3 (工作 put back leaves 下 alone)


# -- generated: a common word of the letter loses one character ----------------------------------

def test_a_common_word_that_loses_a_character_where_the_letter_writes_it_elsewhere_is_mostly_found(clean_paragraphs):
    """In each clean letter, a two-character word it writes at least twice loses one character at one
    of its places (a seeded random choice): the rule finds about a third of these and nothing else
    (about half before round 3, which wants the word put back to read better where the character is
    often a word alone: READING.md)."""
    words = dictionary()[1]
    rng = random.Random(13)
    planted = found = elsewhere = 0
    for letter, paragraphs in sorted(clean_paragraphs.items()):
        text = "\n".join(paragraphs)
        before = {(i, place) for i, place, _ in findings(paragraphs)}
        common = sorted({w for w in re.findall("(?=([\u4e00-\u9fff]{2}))", text)
                         if words.get(w, 0) >= 1000 and text.count(w) >= 2})
        for word in rng.sample(common, min(4, len(common))):
            places = [(i, m.start()) for i, p in enumerate(paragraphs) for m in re.finditer(word, p)]
            i, at = rng.choice(places)
            cut = rng.randrange(2)
            slipped = list(paragraphs)
            slipped[i] = paragraphs[i][:at + cut] + paragraphs[i][at + cut + 1:]
            new = [(j, place) for j, place, _ in findings(slipped) if (j, place) not in before]
            planted += 1
            found += any(j == i and slipped[i].endswith(place) and len(slipped[i]) - len(place) in range(at - 4, at + 2)
                         for j, place in new)
            elsewhere += any(j != i for j, _ in new)
    print(f"found {found} of {planted}; {elsewhere} findings elsewhere")
    assert planted >= 150 and found / planted >= 0.3 and elsewhere <= planted * 0.02


# -- generated: a dictionary word of three or four characters written once loses an inner character --

def test_a_dictionary_word_written_once_that_loses_an_inner_character_is_found_without_evidence(clean_paragraphs):
    """In each clean letter, up to four words of three or four characters of jieba's dictionary (no
    name) written once lose one inner character (a seeded random choice): the letter has no evidence,
    the dictionary alone finds about a quarter of them (most losses leave other words: 服务体系 →
    服务系 reads 服务|系), and nothing anywhere else in the letter."""
    short = shortened_words()[2]
    known = {word for words in short.values() for word in words.split()}
    rng = random.Random(13)
    planted = found = elsewhere = 0
    for letter, paragraphs in sorted(clean_paragraphs.items()):
        text = "\n".join(paragraphs)
        before = {(i, place) for i, place, _ in findings(paragraphs)}
        words = sorted({w for n in (3, 4) for w in re.findall(f"(?=([\u4e00-\u9fff]{{{n}}}))", text)
                        if w in known and text.count(w) == 1})
        for word in rng.sample(words, min(4, len(words))):
            i = next(j for j, p in enumerate(paragraphs) if word in p)
            at = paragraphs[i].index(word)
            cut = rng.randrange(1, len(word) - 1)
            slipped = list(paragraphs)
            slipped[i] = paragraphs[i][:at + cut] + paragraphs[i][at + cut + 1:]
            new = [(j, len(slipped[j]) - len(place)) for j, place, _ in findings(slipped) if (j, place) not in before]
            planted += 1
            found += any(j == i and at <= where < at + len(word) for j, where in new)
            elsewhere += any(j != i or not at - 4 <= where <= at + len(word) for j, where in new)
    print(f"found {found} of {planted}; {elsewhere} findings elsewhere")
    assert planted >= 200 and found / planted >= 0.2 and elsewhere <= planted * 0.02


# -- no evidence, a two-character word: one word is most of what the lone character writes -------

# (the sentence with the slip, where the finding points, the word, the sentence right)
LOST_PAIR = [
    ("希望续对我们的工作提出宝贵意见。", "续对", "继续", "希望继续对我们的工作提出宝贵意见。"),
    ("按照《划定术细则（试行）》执行。", "术细则", "技术", "按照《划定技术细则（试行）》执行。"),
    ("全面摸清村卫生室况。", "况。", "情况", "全面摸清村卫生室情况。"),
    ("为了障居民安全，我局开展排查。", "障居民", "保障", "为了保障居民安全，我局开展排查。"),
    ("感谢你对育工作的关心。", "育工作", "教育", "感谢你对教育工作的关心。"),
    ("今年新建养老构3家。", "构3家", "机构", "今年新建养老机构3家。"),
]


@pytest.mark.parametrize("slip, at, word, right", LOST_PAIR, ids=[case[2] for case in LOST_PAIR])
def test_a_lost_character_of_a_two_character_word_is_reported_from_the_dictionary(slip, at, word, right):
    found = findings([slip, "全县工作有序推进。"])
    assert [(i, place[:len(at)]) for i, place, _ in found] == [(0, at)], found
    assert f"词典里有“{word}”" in found[0][2] and "很可能" not in found[0][2]
    assert findings([right, "全县工作有序推进。"]) == []


# correct texts with a lone character one two-character word would complete: the repair is not
# probable enough (组 → 组织, 助 → 帮助, 荟 → 荟萃), the character begins a place's name (丰 → 丰富), it is
# often a word alone (支, 台, 道), or jieba's most common word for it is not the one (安 of 安排).
# (增设临时停泊位 left: heldout2 90's planted slip for 停车泊位, now found by the glossary)
RIGHT_PAIR = [
    "丰山县水利局：",
    "界别活动组提出的建议收悉。",
    "建成老年助餐点36个。",
    "福田英才荟政策宣传活动。",
    "深化医联体建设，推行紧密型医联体。",
    "衷心感谢您的关心和支。",
    "请各单位抓紧安。",
]


@pytest.mark.parametrize("text", RIGHT_PAIR, ids=[t[:6] for t in RIGHT_PAIR])
def test_texts_a_two_character_word_would_complete_are_left_alone_when_the_dictionary_is_not_sure(text):
    assert findings([text, "全县工作有序推进。"]) == []


def test_a_two_character_word_of_the_dictionary_written_in_each_clean_letter_loses_a_character(clean_paragraphs):
    """Generated: in each clean letter, up to four two-character words that are most of what one of
    their characters writes (继续, 情况, 技术 …: lone._pair_heads) lose their other character at one
    place (a seeded choice); the dictionary alone finds a share of them, and nothing elsewhere."""
    from letterkit.proof.lone import _pair_heads
    from letterkit.proof.dictionary import rarely_alone

    heads = {word for words in _pair_heads().values() for word in words}
    alone = dictionary()[2]
    rng = random.Random(13)
    planted = found = elsewhere = 0
    for letter, paragraphs in sorted(clean_paragraphs.items()):
        text = "\n".join(paragraphs)
        before = {(i, place) for i, place, _ in findings(paragraphs)}
        # the character left must be one seldom a word alone, the one the word is most of
        words = sorted({w for w in re.findall("(?=([\u4e00-\u9fff]{2}))", text) if w in heads
                        and any(w in _pair_heads().get(ch, ()) and alone.get(ch, 1) < 0.1 for ch in w)})
        for word in rng.sample(words, min(4, len(words))):
            places = [(i, m.start()) for i, p in enumerate(paragraphs) for m in re.finditer(word, p)]
            i, at = rng.choice(places)
            keep = next(k for k in (0, 1) if word in _pair_heads().get(word[k], ()) and alone.get(word[k], 1) < 0.1)
            cut = 1 - keep
            slipped = list(paragraphs)
            slipped[i] = paragraphs[i][:at + cut] + paragraphs[i][at + cut + 1:]
            new = [(j, len(slipped[j]) - len(place)) for j, place, _ in findings(slipped) if (j, place) not in before]
            planted += 1
            found += any(j == i and at - 1 <= where <= at + 1 for j, where in new)
            elsewhere += any(j != i or not at - 4 <= where <= at + 4 for j, where in new)
    print(f"found {found} of {planted}; {elsewhere} findings elsewhere")
    assert planted >= 150 and found / planted >= 0.3 and elsewhere <= planted * 0.02


# -- no lone character: a word of five or six characters less an inner one (long_losses) ----------

def test_a_long_dictionary_word_less_an_inner_character_is_reported():
    found = findings(["抓紧完成可行研究报告和初步设计。", "全县工作有序推进。"])
    assert [(i, place[:4]) for i, place, _ in found] == [(0, "可行研究")] and "词典里有“可行性研究”" in found[0][2]
    assert findings(["抓紧完成可行性研究报告和初步设计。", "全县工作有序推进。"]) == []
    # written twice so, the letter's own usage
    assert findings(["抓紧完成可行研究报告。", "可行研究报告已报审。"]) == []


def test_every_long_word_of_the_dictionary_less_an_inner_character_is_found_and_whole_it_is_quiet():
    """Generated: 300 of jieba's words of five or six characters (a seeded sample of those whose
    shortened form is no word), each written in a plain sentence whole and with one inner character
    taken out: found when shortened, whole never reported."""
    from letterkit.proof.dictionary import longer_words

    pairs = sorted((key, word) for key, words in longer_words().items() for word in words.split())
    rng = random.Random(13)
    missed, alarms = [], []
    for key, word in rng.sample(pairs, 300):
        if any("单独成字" not in message for _, _, message in findings([f"我局将抓紧推进{word}相关工作。", "全县工作有序推进。"])):
            alarms.append(word)  # (a lone character of an uncommon word is inner_losses', measured above)
        found = findings([f"我局将抓紧推进{key}相关工作。", "全县工作有序推进。"])
        if not any(f"“{word}”" in message or "可能漏了字" in message for _, _, message in found):
            missed.append(key)
    print(f"missed {len(missed)} of 300, whole words reported {len(alarms)}: {missed[:5]} {alarms[:5]}")
    assert len(missed) <= 6 and len(alarms) <= 3


@pytest.mark.parametrize("surname,word", [("符", "符合"), ("程", "程序"), ("况", "情况"), ("续", "继续"), ("术", "技术")])
@pytest.mark.parametrize("shape", ["{name}委员提出的建议收悉。", "尊敬的{name}代表：", "{name}、王敏委员提出的提案收悉。",
                                   "{name}等3名代表提出的建议收悉。"])
def test_a_member_named_in_the_prose_is_no_lost_character(surname, word, shape):
    """符海燕委员提出的… in a co-handling opinion (heldout4 173, measured at the end): a surname rarely a word alone
    (符 of 符合) is a name before 委员/代表, also without an addressee field."""
    name = surname + "海燕"
    assert findings([shape.format(name=name), f"此项工作{word}要求，有序推进。"]) == []


# -- round 4: the glossary of government-work compounds (letterkit/data/terms.txt) -----------------

from letterkit.proof.glossary import glossary, glossary_index, glossary_losses  # noqa: E402
from letterkit.proof.shortened import letter_compounds  # noqa: E402

FRAMES = ["今年，{}工作取得实效。", "我局将继续抓好{}，确保落实。", "全区已有{}12处。"]


def glossary_cases():
    """(term, what is left when one inner character is taken out) for every term of the glossary whose
    shortened form the index holds (no word of jieba's, no term itself)."""
    return sorted((term, short) for entries in glossary_index(glossary()).values() for short, term, *_ in entries)


def test_the_glossary_holds_several_hundred_terms_each_once_and_says_where_it_comes_from():
    terms = glossary()
    assert len(terms) >= 500 and len(set(terms)) == len(terms)
    header = [line for line in open("letterkit/data/terms.txt", encoding="utf-8").read().splitlines()[:6]]
    assert all(line.startswith("#") for line in header) and any("出处" in line for line in header)
    assert {"留守儿童", "健身步道", "日间照料中心", "信息平台", "政务服务平台", "消防通道", "心理辅导室", "停车泊位",
            "嵌入式养老", "技工学校", "家庭医生签约", "老旧小区改造", "高标准农田"} <= set(terms)


def test_every_glossary_term_less_an_inner_character_is_found_and_whole_it_is_quiet():
    """Each term of the glossary loses each inner character in turn, in three plain sentences: found with
    the whole term named nearly always (95% measured: a frame's character making a word with the first
    one, 抓好|困儿童, hides a few); written whole, never."""
    cases = glossary_cases()
    planted = found = 0
    for term, short in cases:
        for frame in FRAMES:
            planted += 1
            found += any(written == short and whole == term for _, _, written, whole, _ in glossary_losses([frame.format(short)]))
    quiet = [term for term in glossary() for frame in FRAMES if glossary_losses([frame.format(term)])]
    print(f"found {found} of {planted}")
    assert planted >= 4000 and found / planted >= 0.9 and quiet == []


# (a sentence with the slip, what the finding quotes, the whole term)
LOST_FROM_THE_GLOSSARY = [
    ("加强对留守童的关爱保护。", "留守童", "留守儿童"),
    ("将督促街道加强对健步道、座椅等设施的维护。", "健步道", "健身步道"),
    ("依托养老服务信息台开展线上服务。", "养老服务信息台", "养老服务信息平台"),
    ("全县已建成嵌入养老机构5家。", "嵌入养老机构", "嵌入式养老机构"),
    ("每所学校设立心理辅室。", "心理辅室", "心理辅导室"),
    ("增设临时停泊位120个。", "停泊位", "停车泊位"),
    ("社区新建日照料中心2处。", "日照料中心", "日间照料中心"),
    ("在现有政务服务台基础上开发预约模块。", "政务服务台", "政务服务平台"),
    ("做好控辍学工作。", "控辍学", "控辍保学"),
    ("今年新建高标农田3万亩。", "高标农田", "高标准农田"),
]


@pytest.mark.parametrize("slip, written, term", LOST_FROM_THE_GLOSSARY, ids=[c[1] for c in LOST_FROM_THE_GLOSSARY])
def test_a_glossary_term_that_lost_a_character_is_reported_with_the_whole_term(slip, written, term):
    found = findings([slip, "全县工作有序推进。"])
    assert [(i, place[:len(written)]) for i, place, _ in found] == [(0, written)], found
    assert f"“{term}”" in found[0][2] and "可能漏了字" in found[0][2] and "很可能" not in found[0][2]
    assert findings([slip.replace(written, term), "全县工作有序推进。"]) == []


# correct texts close to a glossary term less a character
RIGHT_GLOSSARY = [
    "我局实施辉发河治理工程2项。",              # 河 ends a river's name: no 河道治理 less 道
    "推进开干齐乡卫生院业务用房改扩建。",        # 乡 ends a township's name; 乡卫生院 is a term itself
    "团队由全科医生、公卫医师和乡村医生组成。",  # 和 a particle: no 和美乡村 less 美
    "加强在建工地扬尘治理。",                    # 在建|工地: no 建筑工地 less 筑
    "对38个小区实施雨污管网更新。",              # 雨污管网 is a term: no 污水管网 less 水
    "全面落实河长制，推行湖长制。",              # a term of three characters is read whole only
    "关爱留守儿童、困境儿童和残疾儿童。",        # the terms written whole, in a list
    "配建健身步道、儿童游乐设施，方便群众健身。",
    "滞留儿童由民政部门临时照料。",              # 留儿童 only inside 滞留
    "在景区入口建设游客集中心一处。游客集中心配备导游。",  # written twice, never whole: the letter's usage
]


@pytest.mark.parametrize("text", RIGHT_GLOSSARY, ids=[t[:8] for t in RIGHT_GLOSSARY])
def test_correct_texts_close_to_a_glossary_term_are_left_alone(text):
    assert glossary_losses([text, "全县工作有序推进。"]) == []


@pytest.mark.parametrize("project_file", ["defaults:\n  check:\n    terms: [青少年家园]\n", "check:\n  terms: [青少年家园]\n",
                                          "check:\n  disable: [nested-quotes]\n  terms: [青少年家园]\n"])
def test_a_project_adds_its_own_terms_and_check_reads_them(tmp_path, project_file):
    """`check: {terms: […]}` in the project file (or its defaults, a profile, a draft): the rule reads the
    project's own compounds besides letterkit's, at the draft's line and column."""
    text = "全区建成青少家园3处。"
    draft = MINIMAL_DRAFT.replace("每日巡查校园周边。", text)
    root = make_project(tmp_path, {"drafts/d.yaml": draft})
    path = root / "drafts" / "d.yaml"
    assert [p for p in check_paths([path], open_project(root))[path] if p.code == "lost-character"] == []
    (root / "letterkit.yaml").write_text(project_file, encoding="utf-8")
    found = [p for p in check_paths([path], open_project(root))[path] if p.code == "lost-character"]
    assert len(found) == 1 and "“青少年家园”" in found[0].message, [str(p) for p in found]
    line = draft.splitlines()[found[0].location.line - 1]
    assert line[found[0].location.column - 1:].startswith("青少家园")


@pytest.mark.parametrize("terms", ["[留守 儿童]", "留守儿童", "[“留守儿童”]", "[12]"])
@pytest.mark.parametrize("shape", ["defaults:\n  check:\n    terms: {}\n", "output: build\ncheck:\n  terms: {}\n"])
def test_a_bad_project_term_is_reported_in_chinese_with_its_place(tmp_path, terms, shape):
    """A term that is no word (a space, quotes, digits only) or terms that are no list: a message in
    Chinese at letterkit.yaml's line, a non-zero exit, no traceback."""
    where = "terms"
    draft = MINIMAL_DRAFT.replace("每日巡查校园周边。", "全区建成青少家园3处。")
    root = make_project(tmp_path, {"drafts/d.yaml": draft, "letterkit.yaml": shape.format(terms)})
    import subprocess
    import sys
    run = subprocess.run([sys.executable, "-m", "letterkit", "check", "drafts/d.yaml"], cwd=root, capture_output=True, text=True)
    out = run.stdout + run.stderr
    assert run.returncode != 0 and "Traceback" not in out and "letterkit.yaml:3:" in out and where in out, out
    assert re.search("[\u4e00-\u9fff]", out)


# -- round 4: the letter's own compounds, three to eight characters -----------------------------------

def compound_cases():
    """Compounds no dictionary holds (the glossary's terms that are no word of jieba's), each less each
    inner character when that is no word either."""
    words = dictionary()[1]
    return [(term, term[:k] + term[k + 1:], term[k]) for term in glossary() if term not in words and 4 <= len(term) <= 9
            for k in range(1, len(term) - 1) if term[:k] + term[k + 1:] not in words]


def test_a_compound_the_letter_writes_whole_elsewhere_is_found_when_it_loses_a_character():
    """Each compound whole in one place and less one inner character in another, in either order, in
    two paragraphs with another between or in one sentence: letter_compounds (without the glossary)
    finds about two thirds (66% measured; where both parts of the join start or end words, 嵌入|养老, it
    cannot tell a loss from a phrase of its own) and reports nothing else."""
    rng = random.Random(4)
    cases = rng.sample(compound_cases(), 400)
    planted = found = elsewhere = 0
    for term, short, ch in cases:
        whole, cut = f"我们建成{term}3处。", f"今年将继续完善{short}，方便群众。"
        between = "全县各项工作有序推进，群众满意度稳步提升。"
        for paragraphs in ([whole, between, cut], [cut, between, whole], [whole[:-1] + "，" + cut], [cut[:-1] + "，" + whole]):
            result = letter_compounds(paragraphs)
            planted += 1
            found += any(written == short and full == term and lost == ch for _, _, written, full, lost in result)
            elsewhere += sum(written != short for _, _, written, _, _ in result)
    print(f"found {found} of {planted}; {elsewhere} elsewhere")
    assert found / planted >= 0.6 and elsewhere == 0


LOST_IN_THE_LETTER = [
    (["沿溪新建健身步道12公里。", "我们将推进健步道建设。"], "健步道", "健身步道"),
    (["同时由县中医院牵头。", "县中医医院派出专家12名。"], "县中医院", "县中医医院"),
    (["打造乡村振兴示范带3条。", "全县工作有序推进。", "我们将加快乡村振示范带建设。"], "乡村振示范带", "乡村振兴示范带"),
    (["新建社区食堂12处。", "社区堂由街道运营。"], "社区堂", "社区食堂"),
]


@pytest.mark.parametrize("paragraphs, written, whole", LOST_IN_THE_LETTER, ids=[c[1] for c in LOST_IN_THE_LETTER])
def test_a_compound_shortened_by_one_character_is_reported_with_the_letters_own_whole(paragraphs, written, whole):
    found = findings(paragraphs)
    assert [place[:len(written)] for _, place, _ in found] == [written], found
    assert f"“{whole}”" in found[0][2] and "本信别处" in found[0][2]


# correct letters with a compound and a shorter run beside it
RIGHT_IN_THE_LETTER = [
    ["福田区人才服务中心负责受理。", "区人才服务中心将于月底前答复。"],   # a short form drops a leading part
    ["鼓励群众健身，建设健身步道。", "开展全民健身活动。"],                # 健身 and 健身步道 side by side
    ["建设新建学校3所。", "新学校9月开学。"],                             # 新 an adjective: 新学校
    ["区级财政安排资金。", "区财政局负责拨付。"],                         # 区 ends an organ's name
    ["实施河流治理工程。", "辉发河治理完成。"],                           # 河 ends a river's name
    ["停车难问题突出。", "缓解停车难题。"],                               # the join 难题 is a word
    ["发展庭院经济助农增收的建议收悉。", "这是促进农民增收的重要抓手。"],   # 助|农增收: a character alone beside it
    ["原卫生室建盖年代久。", "推进卫生室重建、修缮项目。"],               # 卫生室建|盖: a character alone beside it
    ["近视眼防控工作。", "近视防控。"],                                   # the lost character 眼 makes no two-character word here
    ["推进供排水管网建设。", "供水管网、供水管网改造、供水管网维修。"],     # the shorter written more often
]


@pytest.mark.parametrize("paragraphs", RIGHT_IN_THE_LETTER, ids=[p[0][:8] for p in RIGHT_IN_THE_LETTER])
def test_correct_letters_with_a_compound_and_a_shorter_run_are_left_alone(paragraphs):
    assert letter_compounds(paragraphs) == []


def test_findings_remembered_between_runs_are_forgotten_when_the_glossary_changes(tmp_path, monkeypatch):
    """A new terms.txt (a letterkit upgrade) must not answer from findings remembered under the old one."""
    from letterkit.proof import glossary, remember

    versions = []
    for text in ("留守儿童\n", "留守儿童\n健身步道\n"):
        terms = tmp_path / f"terms{len(versions)}.txt"
        terms.write_text(text, encoding="utf-8")
        monkeypatch.setattr(glossary, "TERMS_FILE", str(terms))
        remember._version.cache_clear()
        versions.append(remember._version())
    remember._version.cache_clear()
    assert versions[0] != versions[1]
