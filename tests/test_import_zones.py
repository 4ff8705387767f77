"""The zone reader (letterkit/importing/zones.py) on its own: on every published letter with an
expectation, the best-scoring path puts the salutation, the body and the 落款 where a reader put them;
and the choices the issue names are made by the whole letter's score, not by the first match."""

import pytest
import yaml

from letterkit.importing.clean import punctuation, tidy
from letterkit.importing.recognise import prepare
from letterkit.importing.source import Line, read_lines
from letterkit.importing.zones import BODY, HEAD, SALUTATION, TAIL, read_zones

from conftest import PUBLISHED

EXPECTED = sorted((PUBLISHED / "expected").glob("*.yaml")) + sorted((PUBLISHED / "new" / "expected").glob("*.yaml"))


def _lines(path):
    lines, _ = read_lines(path)
    cleaned = tidy(lines)
    punctuation(cleaned)
    return prepare(cleaned.lines, False)


@pytest.mark.parametrize("expected", EXPECTED, ids=[e.stem for e in EXPECTED])
def test_the_zones_of_a_published_letter_are_where_a_reader_puts_them(expected):
    want = yaml.safe_load(expected.read_text(encoding="utf-8"))
    roles = {no: role for role, numbers in want["roles"].items() for no in numbers}
    lines = _lines(next(expected.parent.parent.glob(f"{expected.stem}_*.txt")))
    zones = read_zones(lines)
    if zones.salutation is not None:
        assert roles.get(lines[zones.salutation].no) in ("salutation", "mixed")
    else:
        assert "salutation" not in want["roles"]
    wrong = []
    for line, zone in zip(lines, zones.path):
        role = roles.get(line.no)
        if role in ("body", "closing") and zone != BODY or role in ("signature", "date") and zone < TAIL \
                or role in ("letterhead", "number", "title") and zone != HEAD:
            wrong.append((line.no, role, zone, line.text[:20]))
    assert wrong == []


def _zones(text: str):
    return read_zones([Line(no, t, None, len(t)) for no, t in enumerate(text.splitlines(), 1)])


def test_a_page_label_ending_in_a_colon_loses_to_the_letters_salutation():
    zones = _zones("关于第12号提案的答复\n答复内容：\n张三委员：\n您提出的《关于加强校园安全的提案》收悉，现答复如下：\n"
                   "我局已完成排查。\n测试县教育局\n2024年3月5日")
    assert zones.salutation == 2 and zones.path[1] == HEAD


def test_contact_and_approval_lines_before_the_signature_open_the_tail_and_the_closing_stays_body():
    zones = _zones("张三委员：\n您提出的提案收悉，现答复如下：\n我局已完成排查，整改隐患十二处。\n感谢您的关心和支持。\n"
                   "审核：李四\n联系人：王五，联系电话：1234567\n测试县教育局\n2024年3月5日\n上一篇：关于第11号提案的答复")
    assert zones.path == [SALUTATION, BODY, BODY, BODY, TAIL, TAIL, TAIL, TAIL, 4]


def test_without_a_salutation_the_body_begins_at_the_opening():
    zones = _zones("测试县教育局\n关于第12号提案的答复\n您提出的《关于加强校园安全的提案》收悉，现答复如下：\n"
                   "我局已完成排查，整改隐患十二处。\n2024年3月5日")
    assert zones.salutation is None and zones.body == 2 and zones.tail == 4


def test_no_lines_no_zones():
    assert read_zones([]).path == []
