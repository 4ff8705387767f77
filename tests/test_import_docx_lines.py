"""A Word file read as its lines (issue 12): lines ended by line breaks (Shift+Enter) inside one
paragraph import as the same lines in a .txt do; a paragraph broken in the middle of a sentence
(Enter pressed where a line ended: `…现答` / `复如下：`) is joined back, as a text file's is.
Every published letter and the seed, each cut several ways."""

import copy
import random
import re

import docx
import pytest

from docx.oxml.ns import qn

from letterkit.build import build_draft
from letterkit.importing import import_file
from letterkit.project import open_project

from conftest import LETTERS, PUBLISHED, REPO, SEED_TEXT

SOURCES = [SEED_TEXT] + sorted(PUBLISHED.glob("[01]*.txt"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def lines_of(source) -> list[str]:
    return source.read_text(encoding="utf-8").splitlines()


def as_docx(path, paragraphs: list[list[str]]):
    """A Word file: each paragraph's lines separated by line breaks (w:br), as the tester made it."""
    document = docx.Document()
    for lines in paragraphs:
        paragraph = document.add_paragraph()
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    document.save(str(path))
    return path


def same(a, b) -> None:
    """Two imports give the same draft (the header's first line names the file) and the same report."""
    assert a.draft.split("\n", 1)[1] == b.draft.split("\n", 1)[1]
    report = lambda r: sorted((n.line or 0, n.code, n.message) for n in r.notes if n.code != "import-line-breaks")  # noqa: E731
    assert report(a) == report(b)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem[:12])
@pytest.mark.parametrize("per_paragraph", [0, 2, 3, 7])
def test_lines_with_line_breaks_import_as_the_text_file_does(tmp_path, source, per_paragraph):
    """0: the whole letter in one paragraph (the tester's BR.docx); n: n lines to a paragraph."""
    lines = lines_of(source)
    size = per_paragraph or len(lines)
    paragraphs = [lines[i:i + size] for i in range(0, len(lines), size)]
    text = import_file(source)
    word = import_file(as_docx(tmp_path / "BR.docx", paragraphs))
    same(word, text)
    assert any(n.code == "import-line-breaks" for n in word.notes)  # said how it was read


def test_the_testers_br_docx_finds_the_salutation(tmp_path):
    source = PUBLISHED / "12_junshan_jianyi.txt"
    word = import_file(as_docx(tmp_path / "BR.docx", [lines_of(source)]))
    assert "import-no-salutation" not in {n.code for n in word.notes}
    assert word.fields["addressee"] == import_file(source).fields["addressee"]  # 尊敬的王亚春区人大代表:
    assert not [n for n in word.notes if n.code == "import-unbuildable"]


def test_a_hand_broken_title_in_a_word_letter_stays_one_line(tmp_path):
    """A line break or two inside an ordinary Word letter (a long title set on two lines) is not a text file."""
    lines = lines_of(PUBLISHED / "12_junshan_jianyi.txt")
    at = next(i for i, line in enumerate(lines) if line.startswith("对君山区"))
    paragraphs = [[line] for line in lines]
    paragraphs[at] = [lines[at][:20], lines[at][20:]]
    whole = import_file(as_docx(tmp_path / "whole.docx", [[line] for line in lines]))
    broken = import_file(as_docx(tmp_path / "broken.docx", paragraphs))
    same(broken, whole)
    assert not any(n.code == "import-line-breaks" for n in broken.notes)


def broken_in_word(built, into, seed: str) -> int:
    """The letter with up to three of its body paragraphs cut in two mid-sentence, as Enter pressed
    where a line ended would cut them; how many were cut."""
    document = docx.Document(str(built))
    chance = random.Random(seed)  # the same cuts every run
    cut = 0
    for paragraph in list(document.paragraphs):
        texts = paragraph._p.findall(".//" + qn("w:t"))
        if cut >= 3 or paragraph.style.style_id != "lkBody" or len(texts) != 1:
            continue
        text = texts[0].text or ""
        spots = [k for k in range(22, len(text) - 1) if CJK.match(text[k - 1]) and CJK.match(text[k])]
        if not spots:
            continue
        k = chance.choice(spots)
        second = copy.deepcopy(paragraph._p)
        second.findall(".//" + qn("w:t"))[0].text = text[k:]
        texts[0].text = text[:k]
        paragraph._p.addnext(second)
        cut += 1
    document.save(str(into))
    return cut


DRAFTS = sorted(open_project(REPO).drafts())


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_a_word_paragraph_broken_mid_sentence_is_joined_back(tmp_path, draft):
    built = build_draft(draft, open_project(REPO), tmp_path / "built").output
    (tmp_path / "broken").mkdir()
    broken = tmp_path / "broken" / built.name  # the same name: seal images are named after it
    assert broken_in_word(built, broken, draft.name) >= 2
    whole, broken = import_file(built), import_file(broken)
    assert broken.fields == whole.fields
    joined = [n for n in broken.notes if n.code == "import-joined"]
    assert joined and joined[0].severity == "note"


def test_the_testers_opening_broken_at_xianda(tmp_path):
    lines = lines_of(PUBLISHED / "12_junshan_jianyi.txt")
    at = next(i for i, line in enumerate(lines) if "现答复如下" in line)
    cut = lines[at].index("复如下")
    broken = lines[:at] + [lines[at][:cut], lines[at][cut:]] + lines[at + 1:]
    result = import_file(as_docx(tmp_path / "MID.docx", [[line] for line in broken]))
    assert result.fields["opening"].endswith("现答复如下：")
    assert "复如下：" not in [m for m in result.fields["measures"] if isinstance(m, str)]
    assert LETTERS  # the published letters are there
