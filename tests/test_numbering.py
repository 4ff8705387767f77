import pytest
from hypothesis import given, strategies as st

from letterkit.numbering import Counter, chinese_numeral, heading_number

DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
UNIT = {"十": 10, "百": 100, "千": 1000}


def parse_chinese(text: str) -> int:
    """An independent reader of Chinese numerals, to check the writer against."""
    total, digit = 0, None
    for ch in text:
        if ch in DIGIT:
            digit = DIGIT[ch]
        else:
            total += (1 if digit is None else digit) * UNIT[ch]
            digit = None
    return total + (digit or 0)


@pytest.mark.parametrize("n, expected", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1010, "一千零一十"),
])
def test_chinese_numerals(n, expected):
    assert chinese_numeral(n) == expected


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals_read_back(n):
    written = chinese_numeral(n)
    assert parse_chinese(written) == n
    assert "零零" not in written and not written.endswith("零")


def test_heading_numbers_by_level():
    assert [heading_number(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


def test_a_heading_restarts_the_levels_below_it():
    counter = Counter()
    sequence = [counter.next(level) for level in (1, 2, 2, 3, 1, 2, 3, 3)]
    assert sequence == ["一、", "（一）", "（二）", "1.", "二、", "（一）", "1.", "2."]


@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=60))
def test_numbers_at_each_level_count_up_from_one_without_gaps(levels):
    counter = Counter()
    seen = {}
    for level in levels:
        printed = counter.next(level)
        for deeper in range(level + 1, 5):
            seen.pop(deeper, None)
        seen[level] = seen.get(level, 0) + 1
        assert printed == heading_number(level, seen[level])
