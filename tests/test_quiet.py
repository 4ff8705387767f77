"""letterkit/proof/quiet.py: each guard of lost-character says "this is a right word here" where it is one, and
not in a close case where a character really was lost.  Cases are generated from families of variants."""

from __future__ import annotations

import pytest

from letterkit.proof import quiet
from letterkit.proof.dictionary import dictionary

PREFIXES = ["乡镇", "县", "民办", "村"]


# -- the one mechanism: the table of usual short forms -----------------------------------------------------

@pytest.mark.parametrize("long,short", quiet.SHORT_FORMS)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_short_form_of_the_table_is_a_word_and_only_after_the_same_words(long, short, prefix):
    assert quiet.short_form(prefix + short, prefix + long)
    assert not quiet.short_form(prefix + short + "建设", prefix + long + "建设")  # the table reads a phrase's end
    other = "市" if prefix != "市" else "省"
    assert not quiet.short_form(other + short, prefix + long)  # another name's short form: no evidence
    assert not quiet.short_form(prefix + long[:-1], prefix + long)  # its last character lost: no short form


@pytest.mark.parametrize("long,short", [(long, short) for long, short in quiet.SHORT_FORMS if len(short) == 1])
@pytest.mark.parametrize("prefix", ["生态", "乡村", "优质"])
def test_a_lone_character_ending_a_short_form_is_a_word(long, short, prefix):
    text = f"大力发展{prefix}{short}，带动群众增收。"
    at = text.index(short, 4)
    assert quiet.short_form_at(text, at, prefix + long)
    assert not quiet.short_form_at(text, at, prefix + long[:-1] + "业")  # a word the table holds no short form of


@pytest.mark.parametrize("verb,second", [("建", "成"), ("建", "立"), ("提", "升"), ("修", "建"), ("改", "建")])
@pytest.mark.parametrize("rest", ["老年食堂", "助餐服务点"])
def test_a_verb_said_alone_is_a_word(verb, second, rest):
    assert quiet.verb_alone(verb + rest, verb + second + rest, second)
    assert not quiet.verb_alone(verb + rest[1:], verb + rest, rest[0])  # its object lost a character
    assert not quiet.verb_alone("日" + rest, "日间" + rest, "间")  # no verb: 日间照料 less 间


@pytest.mark.parametrize("year", ["2021", "2025"])
@pytest.mark.parametrize("second,rest", [("底", "市区"), ("初", "改造计划"), ("度", "工作要点")])
def test_a_year_alone_after_its_number_is_a_word(year, second, rest):
    text = f"{year}年{rest}已完成。"
    at = len(year)
    assert quiet.year_alone(text, at, "年" + rest, "年" + second + rest)
    assert not quiet.year_alone("今" + text[len(year):], 1, "年" + rest, "年" + second + rest)  # no number before
    assert not quiet.year_alone(text, at, "年" + rest, "年" + second + rest[1:] + "x")  # more than the one lost


@pytest.mark.parametrize("first,second,rest", [("文化", "旅游", "融合发展"), ("文化", "旅游", "工作")])
@pytest.mark.parametrize("joint", ["和", "与", ""])
def test_two_words_said_by_their_first_characters_are_a_word(first, second, rest, joint):
    text = f"{first[0]}{second[0]}{rest}成效明显。"
    whole = second + rest
    letter = f"推进{first}{joint}{second}{rest}。" + text
    assert quiet.contracted(text, 1, whole, letter)
    assert not quiet.contracted(text, 1, whole, f"推进{second}{rest}。" + text)  # the letter never writes 文化 before


@pytest.mark.parametrize("written,whole,lost", [("乡镇中心校", "乡镇中心学校", "学"), ("建老年食堂", "建成老年食堂", "成"),
                                                ("年市区", "年底市区", "底")])
def test_shorter_is_word_reads_each_idea(written, whole, lost):
    text = "2025" + written if written.startswith("年") else written
    at = text.index(written)
    assert quiet.shorter_is_word(text, at, written, whole, lost, text)
    assert not quiet.shorter_is_word("日照料中心", 0, "日照料中心", "日间照料中心", "间", "日间照料中心")


# -- a character that is a word by where it stands ---------------------------------------------------------

@pytest.mark.parametrize("ch", sorted(quiet.BEFORE_NUMBER))
@pytest.mark.parametrize("number", ["3.6万", "2000", "百"])
def test_an_about_before_a_number_stands_alone(ch, number):
    assert quiet.stands_alone(f"村民{ch}{number}人", 2)
    assert not quiet.stands_alone(f"村民{ch}人", 2)  # no number after it


@pytest.mark.parametrize("word,end", [("压力", "大"), ("探访", "量"), ("覆盖", "率"), ("积分", "制")])
def test_an_ending_said_of_a_word_is_a_word(word, end):
    assert quiet.said_of_word(f"配套{word}{end}。", 4)
    assert not quiet.said_of_word(f"配套{word[1]}{end}。", 3)  # after no word: what is left of one


@pytest.mark.parametrize("first,second,kind", [("范罗", "赭", "山"), ("范家", "王", "村"), ("人民", "解放", "路")])
def test_a_listed_name_ending_as_the_next_does_is_a_name(first, second, kind):
    assert quiet.listed_name(f"对{first}{kind}、{second}{kind}等进行改造", 1)
    assert not quiet.listed_name(f"对{first}{kind}、{second}水等进行改造", 1)  # the next item ends otherwise


@pytest.mark.parametrize("word", ["优质", "薄弱", "示范", "新建"])
def test_a_school_by_its_kind_after_a_word_is_quiet_unless_the_letter_writes_it_whole(word):
    text = f"以{word}校带动"
    assert quiet.kind_after_word(text, 3, text)
    assert not quiet.kind_after_word(text, 3, text + f"。{word}学校")


@pytest.mark.parametrize("kind", sorted(quiet.CLOSING_KINDS))
def test_deng_and_the_items_kind_close_a_list(kind):
    assert quiet.kind_after_word(f"南开学校等{kind}引入", 5, "")
    assert not quiet.kind_after_word(f"南开学校和{kind}引入", 5, "")  # 和 opens no kind


# -- jieba's segmentation, not a lost character --------------------------------------------------------------

def test_a_neighbour_taken_by_a_likelier_word_stands_alone_too():
    assert quiet.neighbour_taken("做好转介", 3)
    assert not quiet.neighbour_taken("做好工作", 3)


def test_a_guess_that_breaks_an_ordinary_word_before_is_unlikely():
    assert quiet.breaks_word_before("老劣品种园", 4, "种植园")
    assert not quiet.breaks_word_before("地质园", 2, "地质公园")  # keeps 地质 whole: still read


@pytest.mark.parametrize("own", ["医共体", "教共体", "医养体"])  # no words of jieba: 医|共|体
def test_the_letters_own_short_form_written_twice_is_a_word(own):
    text = f"各{own}管理"
    assert quiet.own_word_before(text, 3, f"{own}、{own}")
    assert not quiet.own_word_before(text, 3, own)  # written once: no usage of the letter's own


# -- two words of their own ----------------------------------------------------------------------------------

@pytest.mark.parametrize("left,lost,right", [("环境", "中", "工作"), ("服务", "器", "资源")])
def test_two_common_words_side_by_side_are_words(left, lost, right):
    words = dictionary()[1]
    assert words[left] >= quiet.COMMON_HALF and words[right] >= quiet.COMMON_HALF
    assert quiet.common_halves(left + right, left + lost + right)
    assert not quiet.two_words(left + right, left + lost + right, lost, 10 ** 9)  # not that common


@pytest.mark.parametrize("noun", ["护理", "医疗"])
def test_a_kind_without_its_xing_is_two_words(noun):
    assert quiet.glossary_quiet(f"设置{noun}床位", 2, f"{noun}床位", f"{noun}型床位", "型")
    assert not quiet.glossary_quiet(f"设置{noun}床位", 2, f"{noun}床位", f"{noun}中床位", "中")


@pytest.mark.parametrize("rest", ["设施", "设施改造"])
def test_a_four_character_words_two_character_short_form_is_a_word(rest):
    assert quiet.glossary_quiet(f"同步完善交安{rest}", 5, "安" + rest, "安全" + rest, "全")
    assert not quiet.glossary_quiet(f"同步完善和安{rest}", 5, "安" + rest, "安全" + rest, "全")


# -- names, coinages, people ---------------------------------------------------------------------------------

@pytest.mark.parametrize("open_,close", [("“", "”"), ("‘", "’"), ("「", "」")])
def test_the_characters_in_a_short_quote_are_a_name(open_, close):
    text = f"推出{open_}黄牛贷{close}产品"
    covered = quiet.quoted_names([text])
    assert {(0, k) for k in range(3, 6)} == covered
    assert not quiet.quoted_names([f"推出{open_}{'很长的名称' * 4}{close}产品"])  # no short quote


def test_the_people_the_draft_names_are_no_words():
    text = "王小明同志：符海燕委员提出的建议收悉。"
    spans = quiet.people({"addressee": {"name": "王小明"}}, [text])
    assert {(0, k) for k in range(0, 3)} | {(0, k) for k in range(6, 9)} == spans
    assert not quiet.people({"addressee": {"name": "李四"}}, ["办理情况如下。"])


# -- where a lone character's loss cannot be told (asked by lone and dictionary_losses) ----------------------

@pytest.mark.parametrize("place", sorted(quiet.GONE_TO))
def test_a_campaign_going_to_a_place_is_a_verb(place):
    assert not quiet.may_have_lost(f"送法进{place}活动", 2)
    assert quiet.may_have_lost(f"送法进{place[::-1]}活动", 2)  # no place it goes to: 进 may be 推进 less 推


@pytest.mark.parametrize("ch", sorted(quiet.OPENERS))
def test_an_opener_is_no_remnant(ch):
    assert not quiet.may_have_lost(f"文件{ch}研究", 2)
    assert quiet.may_have_lost("文件构研究", 2)  # 构 (机构 less 机) opens nothing


@pytest.mark.parametrize("direction", "东西南北")
@pytest.mark.parametrize("part", sorted(quiet.PLACE_PARTS))
def test_a_direction_inside_a_places_name_is_no_remnant(direction, part):
    assert not quiet.may_have_lost(f"劲松{direction}{part}", 2)
    assert quiet.may_have_lost(f"劲松{direction}方面", 2)


@pytest.mark.parametrize("tail", sorted(quiet.PLACE_TAILS))
@pytest.mark.parametrize("mark", sorted(quiet.LIST_MARKS - {"在"}))
def test_a_places_name_first_in_a_list_is_a_name(tail, mark):
    assert quiet.listed_place(f"对弋江路{mark}范罗{tail}等", 5)
    assert not quiet.listed_place(f"对弋江路{mark}范罗丰等", 5)  # 丰 ends no place's name


@pytest.mark.parametrize("some", sorted(quiet.SOME))
def test_a_verb_before_how_much_is_a_word(some):
    assert not quiet.may_have_lost(f"政府投一{some}", 2)
    assert quiet.may_have_lost("政府投一次", 2)
