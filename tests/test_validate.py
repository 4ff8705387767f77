import datetime as dt
from pathlib import Path

import pytest
import yaml

from letterkit.errors import LetterkitError
from letterkit.load import load_file, load_text, merge
from letterkit.project import DEFAULTS
from letterkit.validate import clean_text, validate

from conftest import MINIMAL_DRAFT


def check(text: str):
    loaded = merge(load_file(DEFAULTS, "<defaults>"), load_text(text, "d.yaml"))
    return validate(loaded, "d.yaml")


def problems_of(text: str):
    with pytest.raises(LetterkitError) as caught:
        check(text)
    return caught.value.problems


def edit(**changes) -> str:
    data = yaml.safe_load(MINIMAL_DRAFT)
    for dotted, value in changes.items():
        target = data
        *parents, last = dotted.split("__")
        for part in parents:
            target = target[part]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_the_minimal_draft_is_valid_and_fills_defaults():
    draft = check(MINIMAL_DRAFT)
    assert str(draft.number) == "测教函〔2024〕7号"
    assert draft.addressee.role == "委员"  # a 提案 comes from a CPPCC member
    assert draft.signature == "测试市测试区教育局"  # defaults to the organ's full name
    assert draft.date_text == "2024年5月6日"
    assert draft.proposal.id == "0012"
    assert draft.layout == "letter" and draft.template == "reply.j2"


def test_a_suggestion_is_answered_to_a_deputy():
    assert check(edit(proposal__kind="建议")).addressee.role == "代表"


def test_unknown_key_suggests_the_right_one_at_its_line():
    text = MINIMAL_DRAFT.replace("contact:", "contcat:")
    found = {p.code: p for p in problems_of(text)}
    unknown = found["unknown-key"]
    assert "'contcat'" in unknown.message and "contact" in unknown.hint
    assert unknown.location.line == MINIMAL_DRAFT.splitlines().index("contact:") + 1
    assert "missing-value" in found  # and the real field is reported missing, in the same run


def test_all_problems_are_reported_together():
    text = MINIMAL_DRAFT.replace("seq: 7", "seq: 07").replace("2024-05-06", "五月").replace("kind: 提案", "kind: 议案")
    codes = sorted(p.code for p in problems_of(text))
    assert codes == ["bad-choice", "bad-date", "leading-zero"]


def test_missing_required_values_are_errors_never_blanks():
    problems = problems_of(edit(contact__phone=None, date=None))
    messages = " ".join(p.message for p in problems)
    assert "contact.phone" in messages and "date" in messages


def test_empty_text_is_an_error():
    problems = problems_of(MINIMAL_DRAFT.replace("name: 张三", 'name: "  "'))
    assert problems[0].code == "missing-value" and "addressee.name" in problems[0].message


def test_wrong_types_say_what_was_found():
    problems = problems_of(MINIMAL_DRAFT.replace("  seq: 7", "  seq: 七"))
    assert problems[0].code == "wrong-type" and "七" in problems[0].message


def test_document_number_is_built_from_parts_not_typed():
    problems = problems_of(MINIMAL_DRAFT + "document_number: 测教函〔2024〕7号\n")
    assert problems[0].code == "unknown-key"


def test_measures_tree_up_to_four_levels():
    deep = {"heading": "一级", "items": [{"heading": "二级", "items": [
        {"heading": "三级", "items": [{"heading": "四级", "items": [{"heading": "五级"}]}]}]}]}
    problems = problems_of(edit(measures=[deep]))
    assert problems[0].code == "too-deep"


def test_measure_nodes_are_headings_or_plain_paragraphs():
    draft = check(edit(measures=[{"heading": "甲", "items": ["段落一", {"heading": "乙。", "text": "正文"}, "段落二"]}]))
    [top] = draft.measures
    assert [n.is_paragraph for n in top.items] == [True, False, True]
    assert top.items[1].text == "正文"


def test_phone_typed_as_a_number_keeps_its_digits():
    assert check(MINIMAL_DRAFT.replace('phone: "82345678"', "phone: 075582918600")).contact.phone == "075582918600"


def test_impossible_date_is_reported_with_the_other_problems():
    text = MINIMAL_DRAFT.replace("date: 2024-05-06", "date: 2024-02-30").replace("closing:", "closng:")
    problems = {p.code: p for p in problems_of(text)}
    assert {"bad-date", "unknown-key"} <= set(problems)
    assert problems["bad-date"].location.line == MINIMAL_DRAFT.splitlines().index("date: 2024-05-06") + 1


def test_sealed_is_a_yes_or_no_choice_defaulting_to_sealed():
    assert check(MINIMAL_DRAFT).sealed is True
    assert check(MINIMAL_DRAFT + "sealed: false\n").sealed is False
    assert problems_of(MINIMAL_DRAFT + "sealed: 盖章\n")[0].code == "wrong-type"


def test_date_may_be_written_in_chinese():
    assert check(MINIMAL_DRAFT.replace("date: 2024-05-06", "date: 2024年5月6日")).date == dt.date(2024, 5, 6)


@pytest.mark.parametrize("raw, clean", [
    ("中 国", "中国"),
    ("  首尾  ", "首尾"),
    ("SI  WORLD 中意", "SI WORLD 中意"),  # runs of spaces fold to one
    ("第一行\n第二行", "第一行第二行"),
    ("2019 年", "2019 年"),  # digits beside Chinese keep a typed space: `check` reports it instead
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_seal_is_an_image_found_beside_the_draft(tmp_path):
    (tmp_path / "seal.png").write_bytes((Path(__file__).parent.parent / "drafts" / "seals" / "sample-seal.png").read_bytes())
    (tmp_path / "fake.png").write_text("not a picture")
    loaded = lambda extra: merge(load_file(DEFAULTS, "<defaults>"), load_text(MINIMAL_DRAFT + extra, "d.yaml"))
    draft = validate(loaded("seal: seal.png\n"), "d.yaml", base_dirs=[tmp_path])
    assert draft.seal == str((tmp_path / "seal.png").resolve())
    for extra, code in (("seal: nope.png\n", "no-such-file"), ("seal: fake.png\n", "bad-image"),
                        ("seal: seal.png\nsealed: false\n", "seal-unsealed")):
        with pytest.raises(LetterkitError) as caught:
            validate(loaded(extra), "d.yaml", base_dirs=[tmp_path])
        assert caught.value.problems[0].code == code
        assert caught.value.problems[0].location.line == len(MINIMAL_DRAFT.splitlines()) + 1


def test_joint_issuance_takes_at_most_three_organs():
    extra = "co_signers:\n" + "".join(f"  - signature: 机关{i}\n" for i in range(3))
    problems = problems_of(MINIMAL_DRAFT + extra)
    assert problems[0].code == "too-many-signers"
    draft = check(MINIMAL_DRAFT + "co_signers:\n  - signature: 某某局\n")
    assert [c.signature for c in draft.co_signers] == ["某某局"]


def test_copy_number_and_secrecy_forms():
    assert check(MINIMAL_DRAFT + 'copy_number: "000123"\nsecrecy: 机密★1年\nurgency: 特急\n').copy_number == "000123"
    codes = {p.code for p in problems_of(MINIMAL_DRAFT + "copy_number: 123\nsecrecy: 内部\nurgency: 很急\n")}
    assert codes == {"bad-copy-number", "bad-secrecy", "bad-choice"}


def test_category_must_be_in_the_scheme():
    scheme = "categories:\n  A: 已经解决或基本解决\n  B: 正在解决\n"
    assert check(MINIMAL_DRAFT + scheme + "category: B\n").category == "B"
    [problem] = problems_of(MINIMAL_DRAFT + scheme + "category: E\n")
    assert problem.code == "unknown-category" and "A：已经解决或基本解决" in problem.hint
    assert problems_of(MINIMAL_DRAFT + "category: A\n")[0].code == "unknown-category"
