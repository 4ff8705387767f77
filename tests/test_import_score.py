"""`letterkit import` judged on published letters against values written down by reading them
(tests/fixtures/published/expected/): every field right, every line's text in its right place, and
every misplacement that remains warned with its input line.  Which letters were held out of the
tuning is in tests/fixtures/published/README.md."""

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from letterkit.importing import import_file
from letterkit.importing.score import FIELDS, score

from conftest import PUBLISHED

NEW = PUBLISHED / "new"  # 31–50, written for issue 12 and scored once unseen (see the fixtures' README)
HELD_OUT_2 = PUBLISHED / "heldout"  # 51–70: measured once unseen (16/20), then fixed in general ways (round 3)
DEV_2 = PUBLISHED / "dev2"  # 91–110: measured once unseen (15/20), then developed on (round 3)
HELD_OUT_3 = PUBLISHED / "heldout2"  # 71–90: measured unseen before (16/20) and after round 3 (17/20), then fixed
HELD_OUT_4 = PUBLISHED / "heldout3"  # 111–130: measured unseen before (15/20) and after round 3 (17/20), then fixed
DEV_4, DEV_5 = PUBLISHED / "dev4", PUBLISHED / "dev5"  # 131–150, 151–170: measured once unseen (15/20, 17/20), then fixed
HELD_OUT_5 = PUBLISHED / "heldout4"  # 171–190: measured unseen before (16/20) and after round 5 (18/20), then fixed
DEV_6, DEV_7 = PUBLISHED / "dev6", PUBLISHED / "dev7"  # 211–222, 231–242: measured once unseen (10/12, 9/12), then fixed
HELD_OUT_6, HELD_OUT_7 = PUBLISHED / "heldout5", PUBLISHED / "heldout6"  # 191–210, 291–310: held out in round 6 (19/20 each)
DEV_8, DEV_9, DEV_10, DEV_11, DEV_12 = (PUBLISHED / f"dev{n}" for n in (8, 9, 10, 11, 12))  # 311–586: measured once unseen, then fixed
DEV_14 = PUBLISHED / "dev14"  # 751–826: held out in round 10 (56/64 as keyed then), then fixed; four keys given their second reading
DEV_15 = PUBLISHED / "dev15"  # 881–956: held out in round 11 (58/64 as keyed then), then fixed; three keys given their second reading
DEV_13 = PUBLISHED / "dev13"  # 591–666: held out in round 9 (57/64 as keyed then), then fixed; three keys' closings put to the convention
EXPECTED = sorted((PUBLISHED / "expected").glob("*.yaml")) + sorted((NEW / "expected").glob("*.yaml")) + \
    sorted((HELD_OUT_2 / "expected").glob("*.yaml")) + sorted((DEV_2 / "expected").glob("*.yaml")) + \
    sorted((HELD_OUT_3 / "expected").glob("*.yaml")) + sorted((HELD_OUT_4 / "expected").glob("*.yaml")) + \
    sorted((DEV_4 / "expected").glob("*.yaml")) + sorted((DEV_5 / "expected").glob("*.yaml")) + \
    sorted((HELD_OUT_5 / "expected").glob("*.yaml")) + \
    sorted((DEV_6 / "expected").glob("*.yaml")) + sorted((DEV_7 / "expected").glob("*.yaml")) + \
    sorted((HELD_OUT_6 / "expected").glob("*.yaml")) + sorted((HELD_OUT_7 / "expected").glob("*.yaml")) + \
    sorted((DEV_8 / "expected").glob("*.yaml"), key=lambda p: int(p.stem)) + sorted((DEV_9 / "expected").glob("*.yaml")) + \
    sorted((DEV_10 / "expected").glob("*.yaml")) + sorted((DEV_11 / "expected").glob("*.yaml")) + \
    sorted((DEV_12 / "expected").glob("*.yaml")) + sorted((DEV_13 / "expected").glob("*.yaml")) + \
    sorted((DEV_14 / "expected").glob("*.yaml")) + sorted((DEV_15 / "expected").glob("*.yaml"))
HELD_OUT = ("10", "13", "14", "16")
# what the round-6 held-out letters showed and nobody has fixed yet (their READMEs): held to failing, so a fix is seen
KNOWN_MISSES = {"301": "an opening quoting the proposal in straight quotes keeps them",
                "413": "a 发文字号 without its sequence number (南康自然资函〔2023〕号) is written number: 无, warned"}


def letter(expected: Path) -> Path:
    return next(expected.parent.parent.glob(f"{expected.stem}_*.txt"))


@lru_cache(maxsize=None)  # the criteria test scores every letter again: once is enough
def scored(expected: Path):
    source = letter(expected)
    result = import_file(source)
    warned = {n.line for n in result.notes if n.severity == "warning"}
    return score(yaml.safe_load(expected.read_text(encoding="utf-8")), yaml.safe_load(result.draft),
                 source.read_text(encoding="utf-8").splitlines(), warned,
                 result.kept_out)


# The held-out letters were measured once, after tuning (see the fixtures' README); the fixes their
# measurement prompted were general, and since then they are checked here like the others.
@pytest.mark.parametrize("expected", EXPECTED, ids=[e.stem + ("-held-out" if e.stem in HELD_OUT else "") for e in EXPECTED])
def test_a_published_letter_imports_with_every_field_right_and_nothing_misplaced(expected):
    s = scored(expected)
    wrong = {name: (want, got) for name, (right, want, got) in s.fields.items() if not right}
    if expected.stem in KNOWN_MISSES:
        assert wrong or s.misplaced, f"{expected.stem} imports right now: take it out of KNOWN_MISSES"
        pytest.xfail(KNOWN_MISSES[expected.stem])
    assert wrong == {}
    assert s.misplaced == []


def test_the_criteria_of_issue_12_hold_over_all_letters_with_expectations():
    """At least 90% of letters all right, every field at least 95% right, no misplacement unwarned."""
    scores = [scored(e) for e in EXPECTED]
    assert sum(s.all_right for s in scores) >= 0.9 * len(scores)
    for name in FIELDS:
        assert sum(s.fields[name][0] for s in scores) >= 0.95 * len(scores), name
    assert [line for s in scores for line in s.unwarned] == []


def test_the_scorer_can_fail():
    """A contact line printed as a closing paragraph, a wrong date: both counted."""
    expected = {"date": "2024-01-02", "contact_name": "张三", "closing": "感谢",
                "roles": {"contact": [2], "closing": [1]}}
    fields = {"date": "2024-01-03", "contact": "无", "closing": ["感谢您的支持。", "联系人：张三，电话：1234567"]}
    s = score(expected, fields, ["感谢您的支持。", "联系人：张三，电话：1234567"], warned_lines=set())
    assert {name for name, (right, _, _) in s.fields.items() if not right} == {"date", "contact_name"}
    assert s.misplaced == [(2, "contact", "closing")] and s.unwarned == [2] and not s.all_right


def test_a_title_read_with_its_organ_in_front_is_right_without_it_and_no_other_prefix_is():
    """`X局关于…的答复`: the draft keeps X局 in organ.name (the letterhead prints it) and the title
    without it; a reader who wrote the whole line down agrees.  Anything else cut off is still wrong."""
    expected = {"organ": "甲县水务局", "title": "甲县水务局关于县十八届人大二次会议第19号建议的答复"}
    for got, right in (("关于县十八届人大二次会议第19号建议的答复", True),
                       ("甲县水务局关于县十八届人大二次会议第19号建议的答复", True),
                       ("县十八届人大二次会议第19号建议的答复", False),
                       ("关于县十八届人大二次会议第9号建议的答复", False)):
        s = score(expected, {"organ": {"name": "甲县水务局"}, "title": got}, [], warned_lines=set())
        assert s.fields["title"][0] is right, got


def test_organs_signing_side_by_side_are_right_however_they_are_separated():
    expected = {"signature": "甲市交通运输局 甲市公安局交通警察大队"}
    fields = {"signature": "甲市交通运输局", "co_signers": [{"signature": "甲市公安局交通警察大队"}]}
    assert score(expected, fields, [], warned_lines=set()).fields["signature"][0]
    fields["co_signers"] = [{"signature": "乙市公安局交通警察大队"}]
    assert not score(expected, fields, [], warned_lines=set()).fields["signature"][0]


def test_a_signature_line_in_its_own_field_is_placed_though_the_body_names_the_organ_too():
    lines = ["下一步，区城市管理综合执法局将会同各街道做到违建早发现、早制止。", "云江区城市管理和综合执法局"]
    expected = {"signature": "云江区城市管理和综合执法局", "roles": {"body": [1], "signature": [2]}}
    fields = {"signature": "云江区城市管理和综合执法局", "measures": [lines[0]]}
    assert score(expected, fields, lines, warned_lines=set()).misplaced == []
    fields = {"signature": "无", "measures": [lines[0], lines[1]]}
    assert score(expected, fields, lines, warned_lines=set()).misplaced == [(2, "signature", "measures")]
