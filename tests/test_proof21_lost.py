"""lost-character on dev13's ordinary words and short forms (round 21): each quiet shape by its general cause, in
families of variants, and the close real slips each cause must leave found.  Every quiet case carries the letter's
evidence that made the rule speak before (年度 beside 年, 专职 beside 专（兼）职, 许可 beside 可…)."""

from __future__ import annotations

import pytest

from test_lost_character import findings

FILLER = "全县工作有序推进。"


def quiet(*paragraphs: str) -> bool:
    return findings(list(paragraphs) + [FILLER]) == []


def found(*paragraphs: str) -> list[str]:
    return [message for _, _, message in findings(list(paragraphs) + [FILLER])]


# -- a year said alone after its number, beside 年度/年底 + the same phrase (636) --------------------------

@pytest.mark.parametrize("year", ["2021", "2024", "2025"])
@pytest.mark.parametrize("second,phrase", [("度", "改造计划"), ("度", "建设任务"), ("底", "完工项目")])
def test_a_year_after_its_number_is_whole_beside_its_ndu_form(year, second, phrase):
    assert quiet(f"将上述小区列入{year}年{phrase}。", f"并列入2020年{second}{phrase}。")


@pytest.mark.parametrize("phrase", ["改造计划", "建设任务"])
def test_a_year_without_its_number_is_still_read_as_a_lost_character(phrase):
    assert any("少了“度”" in m for m in found(f"将小区列入年{phrase}。", f"并列入2020年度{phrase}。"))


# -- the character after a bracketed alternative (653) -----------------------------------------------

@pytest.mark.parametrize("written,evidence", [("专（兼）职", "专职"), ("兼（专）职", "兼职"), ("专(兼)职", "专职")])
@pytest.mark.parametrize("noun", ["心理健康教师", "安全管理员"])
def test_the_character_after_a_bracketed_alternative_is_no_remnant(written, evidence, noun):
    assert quiet(f"已有39所配备{written}{noun}，共计71人。", f"力争年底前实现{evidence}{noun}全覆盖。")


# -- a one-character verb before a verb of two (614 可提取, 661 围填海) -----------------------------------

@pytest.mark.parametrize("verb", ["提取", "申请", "支取"])
def test_a_modal_before_a_verb_is_no_remnant(verb):
    assert quiet(f"符合条件的职工可{verb}本人及配偶住房公积金。", "其余4个正在办理施工许可手续。")


def test_two_acts_in_one_are_no_remnant():
    assert quiet("将积极向省厅争取围填海历史遗留问题处理。", "严格落实用海范围管理。")


# -- the first item of a list, ending as the next does (616) ------------------------------------------

@pytest.mark.parametrize("items", ["范罗山、赭山、荆山", "范罗山、赭山", "范家村、王村"])
def test_a_listed_name_after_a_preposition_is_no_remnant(items):
    assert quiet(f"投入资金860万元，对{items}等进行改造。", "加强规范管理。")


# -- 等 + the items' kind (632) ------------------------------------------------------------------------

@pytest.mark.parametrize("listed,kind", [("天津市第一中学、第二南开学校", "校"), ("南开区中心小学、第二南开学校", "校"),
                                         ("实验中学、南开学校", "校")])
def test_a_list_closed_by_deng_and_its_kind_is_no_remnant(listed, kind):
    assert quiet(f"{listed}等{kind}引入优质资源。", "全区学校、村庄、乡镇同步推进。")


# -- two single characters side by side where jieba's segmentation took the first (653 转介) ---------------

@pytest.mark.parametrize("sentence", ["负责做好转介、跟踪及回访。", "负责做好转介工作。"])
def test_a_pair_jieba_does_not_know_after_a_likelier_word_is_no_remnant(sentence):
    assert quiet(sentence)


# -- a word of five or six less one, where the four are two common words (595, 632) ------------------------

@pytest.mark.parametrize("sentence", ["感谢你们对市容环境工作的关心。", "扩大优质课后服务资源供给。",
                                      "做好环境工作和服务资源统筹。"])
def test_two_common_words_are_no_long_word_less_a_character(sentence):
    assert quiet(sentence)


def test_every_long_word_less_a_character_that_reads_as_two_common_words_is_quiet_and_the_rest_found():
    """Generated over jieba's long words: those whose shortened form splits at the gap into two words of 5000 or
    more each are quiet; 可行研究报告 (可行: 611) is still found."""
    from letterkit.proof.dictionary import dictionary, longer_words

    words = dictionary()[1]
    split = [key for key, word in sorted(longer_words().items()) for k in range(2, len(key) - 1)
             if word.split()[0][:k] == key[:k] and word.split()[0][k + 1:] == key[k:]
             and words.get(key[:k], 0) >= 5000 and words.get(key[k:], 0) >= 5000]
    assert len(split) >= 5
    assert all(quiet(f"我局将抓紧推进{key}相关事项。") for key in split[:40]), split[:40]
    assert any("可行性研究" in m for m in found("抓紧完成可行研究报告和初步设计。"))


# -- glossary terms less a character that stands otherwise (621, 625, 620, 660, 663) ----------------------

@pytest.mark.parametrize("sentence", ["对千吨万人工程每月检测1次。", "对全县千吨万人工程开展抽检。"])
def test_a_count_before_a_term_less_a_character_is_no_remnant(sentence):
    assert quiet(sentence)


@pytest.mark.parametrize("adverb", ["已", "未"])
def test_an_adverb_and_its_verb_before_a_noun_are_no_remnant(adverb):
    assert quiet(f"一是部分{adverb}建工程管护主体不明确。")


@pytest.mark.parametrize("phrase", ["进步加大投入", "认落实各项要求", "进步规范管理"])
def test_an_adverb_before_a_term_less_a_character_that_is_no_noun_is_still_found(phrase):
    assert any("可能漏了字" in m for m in found(f"我局将{phrase}。"))


@pytest.mark.parametrize("noun", ["设施", "设施改造"])
def test_a_four_character_words_short_form_is_no_remnant(noun):
    assert quiet(f"同步完善排水边沟和交安{noun}。")
    assert any("安全设施" in m for m in found(f"同步完善排水边沟和安{noun}。"))  # no 交: still found


def test_tourism_said_with_you_alone_is_a_usual_short_form():
    """Every glossary term of tourism (乡村旅游, …) said with 游 alone, in a quoted name and in the prose."""
    from letterkit.proof.glossary import glossary

    kinds = sorted(term[:-2] for term in glossary() if term.endswith("旅游") and len(term) >= 4)
    assert "乡村" in kinds
    for kind in kinds:
        assert quiet(f"依托“吉阳{kind}游”微信公众号推广。"), kind
        assert quiet(f"大力发展{kind}游，带动群众增收。"), kind


@pytest.mark.parametrize("count", ["286", "1200"])
def test_a_kind_without_its_xing_is_no_remnant(count):
    assert quiet(f"建成医养结合服务中心，设置护理床位{count}张。")


def test_a_quoted_title_less_a_character_is_still_found():
    assert any("四好农村路示范县" in m for m in found("在巩固省级“四好农村示范县”创建成果基础上推进。"))


# -- a lone character whose guess would break the ordinary word before it (612) -----------------------------

@pytest.mark.parametrize("before", ["老劣品种园", "优良品种园"])
def test_a_guess_that_takes_the_last_character_of_an_ordinary_word_is_quiet(before):
    assert quiet(f"高接换种改造{before}2.1万亩。")


def test_a_guess_that_keeps_the_word_before_whole_is_still_found():
    assert any("地质公园" in m for m in found("新建地质园一处。"))
