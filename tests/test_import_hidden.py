"""Import of text carrying characters a draft may not hold (CI found it: a control character U+001B in a
line kept out as a comment made the imported draft unreadable, bad-character at load).  Every such
character, on any line, is dropped with a note naming line and column; line breaks of other kinds
(Word's manual break copied as U+000B, NEL, U+2028/U+2029) break the line."""

from __future__ import annotations

import pytest

from letterkit.errors import LetterkitError
from letterkit.importing import import_file
from letterkit.load import load_file
from letterkit.validate import hidden_character

LETTER = """测试县教育局
测教函〔2024〕7号
关于县政协十届三次会议第16号提案的答复
张三委员：
您提出的《关于改善乡村学校条件的提案》已收悉，现答复如下：
一、我局已安排资金改造校舍。
二、下一步将继续推进。
特此函复。
测试县教育局
2024年3月5日
类别：B
联系人：李四，电话：0871-1234567
"""

HIDDEN = ["\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00ad", "\U000e0041",
          "\ufffe", "\U0001ffff"]
BREAKS = ["\x0b", "\x85", "\u2028", "\u2029"]


def _imported(tmp_path, text):
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return import_file(path)


def _loads(tmp_path, draft: str) -> None:
    path = tmp_path / "letter.yaml"
    path.write_text(draft, encoding="utf-8")
    try:
        load_file(path)
    except LetterkitError as error:
        assert all(p.code != "bad-character" for p in error.problems), error.problems


@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("line", range(12))
def test_a_hidden_character_on_any_line_is_dropped_and_named(tmp_path, char, line):
    lines = LETTER.splitlines()
    at = len(lines[line]) // 2
    lines[line] = lines[line][:at] + char + lines[line][at:]
    result = _imported(tmp_path, "\n".join(lines) + "\n")
    clean = _imported(tmp_path, LETTER)
    assert hidden_character(result.draft) is None
    _loads(tmp_path, result.draft)
    assert result.fields == clean.fields
    if char not in "\u200b\ufeff":  # zero-width spaces go without a word, as before (a web page's padding)
        note = next(n for n in result.notes if n.code == "import-hidden-character")
        assert (note.line, note.column) == (line + 1, at + 1) and f"U+{ord(char):04X}" in note.message


@pytest.mark.parametrize("char", BREAKS, ids=lambda c: f"U+{ord(c):04X}")
def test_other_line_breaks_break_the_line(tmp_path, char):
    result = _imported(tmp_path, LETTER.replace("\n", char))
    assert result.fields == _imported(tmp_path, LETTER).fields
    _loads(tmp_path, result.draft)
