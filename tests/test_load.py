import datetime as dt

import pytest
from hypothesis import given, strategies as st

from letterkit.errors import LetterkitError
from letterkit.load import load_text, merge


def test_every_value_keeps_its_line_and_column():
    loaded = load_text("organ:\n  name: 某局\nmeasures:\n  - heading: 一\n    text: 二\n", "d.yaml")
    where = loaded.sources.locate(("measures", 0, "text"))
    assert (where.path, where.line, where.column) == ("d.yaml", 5, 11)
    assert str(loaded.sources.locate(("organ", "name"))) == "d.yaml:2:9"


def test_locate_falls_back_to_the_nearest_parent():
    loaded = load_text("organ:\n  name: 某局\n", "d.yaml")
    assert str(loaded.sources.locate(("organ", "code"))) == "d.yaml:1:1"


def test_raw_text_is_kept_for_numbers_typed_without_quotes():
    loaded = load_text("phone: 075582918600\nid: 0012\n", "d.yaml")
    assert loaded.sources.raw(("phone",)) == "075582918600"
    assert loaded.sources.raw(("id",)) == "0012"


def test_dates_are_dates():
    assert load_text("date: 2020-08-10\n", "d.yaml").data["date"] == dt.date(2020, 8, 10)


def test_impossible_date_is_kept_as_typed_for_validation_to_report():
    assert load_text("title: x\ndate: 2020-02-30\n", "d.yaml").data["date"] == "2020-02-30"


def test_syntax_error_points_at_the_line_and_says_how_to_fix_it():
    with pytest.raises(LetterkitError) as caught:
        load_text("organ:\n  name: 某局\n\tcode: x\n", "d.yaml")
    [problem] = caught.value.problems
    assert problem.code == "yaml-syntax"
    assert problem.location.line == 3
    assert "Tab" in problem.hint


def test_duplicate_keys_are_errors_not_silently_overwritten():
    with pytest.raises(LetterkitError) as caught:
        load_text("date: 2020-01-01\ndate: 2020-01-02\n", "d.yaml")
    assert caught.value.problems[0].code == "duplicate-key"
    assert caught.value.problems[0].location.line == 2


def test_unsafe_tags_are_refused():
    with pytest.raises(LetterkitError):
        load_text("x: !!python/object/apply:os.system ['true']\n", "d.yaml")


def test_a_wrapped_chinese_line_joins_without_a_space():
    text = "t: 累计受理加装申请\n  312宗，已完成\n  施工 and more\n  words\n"
    assert load_text(text, "d.yaml").data["t"] == "累计受理加装申请312宗，已完成施工 and more words"


def test_folded_block_scalars_join_the_same_way():
    text = "t: >-\n  第一行\n  2020 年\n  第三行\n"
    assert load_text(text, "d.yaml").data["t"] == "第一行2020 年第三行"


def test_merge_later_layer_wins_and_keeps_its_source():
    base = load_text("organ:\n  name: 甲\n  code: 甲函\nlayout: letter\n", "project.yaml")
    draft = load_text("organ:\n  name: 乙\n", "draft.yaml")
    merged = merge(base, draft)
    assert merged.data["organ"] == {"name": "乙", "code": "甲函"}
    assert merged.sources.locate(("organ", "name")).path == "draft.yaml"
    assert merged.sources.locate(("organ", "code")).path == "project.yaml"


def test_merge_replaces_lists_whole():
    base = load_text("cc:\n  - 甲\n  - 乙\n", "p.yaml")
    merged = merge(base, load_text("cc:\n  - 丙\n", "d.yaml"))
    assert merged.data["cc"] == ["丙"]
    assert ("cc", 1) not in merged.sources


@given(st.text(alphabet="甲乙丙丁，。 abc123", min_size=1, max_size=40))
def test_any_quoted_text_survives_loading(value):
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    assert load_text(f"t: {quoted}\n", "d.yaml").data["t"] == value
