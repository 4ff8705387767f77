"""Two import misses of round 9's held-out letters, by their general causes: a 类别 mark and a 公开 word on one
line whose spaces the copy lost (类别：A主动公开, 619), and a phone with digits lost (0710-35218, 622), which the
draft left blank and called missing."""

from __future__ import annotations

import itertools

import pytest

from letterkit.checkrun import check_paths
from letterkit.project import open_project

from imported import import_text, sample

HEAD = ["延吉市卫生健康局", "延卫健函〔2022〕34号"]
BODY = ["关于市政协十五届一次会议第9号提案的答复", "金美善委员：",
        "您提出的《关于加强基层医疗卫生服务能力建设的提案》（第9号）收悉，现答复如下：",
        "一、全市现有社区卫生服务中心12家，2021年诊疗量达到42.6万人次。", "二、下一步，我局将继续加强基层人才队伍建设。",
        "感谢您对卫生健康工作的关心和支持！", "延吉市卫生健康局", "2022年8月5日"]
CONTACT = "联系人：刘畅，联系电话：{phone}"

LABELS = ["类别", "分类", "类型", "答复类别"]
DISCLOSURES = ["主动公开", "依申请公开", "不予公开"]
GAPS = ["", " ", "  ", "　"]
WHERE = ["own line", "after the number"]
MARK_CASES = sample(list(itertools.product(LABELS, "ABCD", DISCLOSURES, GAPS, WHERE)), 7)


@pytest.mark.parametrize("label,mark,disclosure,gap,where", MARK_CASES)
def test_a_category_and_disclosure_on_one_line_are_both_read_however_spaced(tmp_path, label, mark, disclosure, gap, where):
    marks = f"{label}：{mark}{gap}{disclosure}"
    head = HEAD + [marks] if where == "own line" else [HEAD[0], f"{HEAD[1]}  {marks}"]
    result, draft = import_text(tmp_path, "\n".join(head + BODY + [CONTACT.format(phone="0433-2512345")]) + "\n")
    assert draft["category"] == mark and draft["disclosure"] == disclosure, result.draft
    assert draft["number"] == {"year": 2022, "seq": 34}
    assert not [n for n in result.notes if n.code == "import-unplaced"], result.problems()


def test_a_mark_that_is_no_category_is_not_read_as_one(tmp_path):
    result, draft = import_text(tmp_path, "\n".join(HEAD + ["类别：E主动公开"] + BODY + [CONTACT.format(phone="0433-2512345")]) + "\n")
    assert draft.get("category", "无") == "无", result.draft


ODD = ["0710-35218", "0710-352", "0710-3521806789", "35218", "0710—352180", "1391234567", "139123456789"]
RIGHT = ["0710-3521806", "0710-35218067", "3521806", "13912345678", "0710—3521806"]


@pytest.mark.parametrize("phone", ODD)
def test_a_phone_with_digits_lost_or_added_is_kept_as_printed_and_warned(tmp_path, phone):
    """Never a blank where the letter printed something: the number is kept (the dash made a hyphen), the import
    warns, and check's phone rule names what is wrong, so the draft does not build until someone looks."""
    result, draft = import_text(tmp_path, "\n".join(HEAD + BODY + [CONTACT.format(phone=phone)]) + "\n")
    kept = phone.replace("—", "-")
    assert draft["contact"] == {"name": "刘畅", "phone": kept}, result.draft
    assert [n for n in result.notes if n.code in ("import-phone-odd",) and kept in n.message], result.problems()
    assert not [n for n in result.notes if n.code == "import-contact-partial"]
    path = tmp_path / "draft.yaml"
    path.write_text(result.draft, encoding="utf-8")
    assert [p for p in check_paths([path], open_project(path))[path] if p.code == "phone"]


@pytest.mark.parametrize("phone", RIGHT)
def test_a_right_phone_is_read_without_the_odd_phone_warning(tmp_path, phone):
    result, draft = import_text(tmp_path, "\n".join(HEAD + BODY + [CONTACT.format(phone=phone)]) + "\n")
    assert draft["contact"]["phone"] == phone.replace("—", "-")
    assert not [n for n in result.notes if n.code == "import-phone-odd"]
