import pytest
from hypothesis import given, strategies as st

from letterkit.blocks import escape, parse, to_text
from letterkit.errors import LetterkitError


def test_each_line_is_one_block_and_headings_are_numbered_in_order():
    blocks = parse("title 关于某事的答复\nto 尊敬的张三委员：\np 开头。\nh1 甲\nh2 乙。\n+ 正文。\nh2 丙\nh1 丁\n", "t")
    assert [b.kind for b in blocks] == ["title", "to", "p", "heading", "heading", "heading", "heading"]
    assert [b.number for b in blocks if b.kind == "heading"] == ["一、", "（一）", "（二）", "二、"]
    assert blocks[4].runin == "正文。"


def test_plain_paragraphs_between_items_do_not_restart_numbering():
    blocks = parse("h1 甲\nh2 乙\np 段落\nh2 丙\n", "t")
    assert [b.number for b in blocks if b.kind == "heading"] == ["一、", "（一）", "（二）"]


@pytest.mark.parametrize("source, code", [
    ("bogus 文字\n", "block-syntax"),
    ("p\n", "empty-block"),
    ("p    \n", "empty-block"),
    ("h1 甲\nh3 丙\n", "skipped-level"),
    ("p 段落\n+ 续\n", "block-syntax"),
    ("h1 甲\n+ 一\n+ 二\n", "block-syntax"),
])
def test_bad_block_text_is_reported_with_its_line(source, code):
    with pytest.raises(LetterkitError) as caught:
        parse(source, "reply.j2")
    problem = caught.value.problems[0]
    assert problem.code == code
    assert problem.location.path == "reply.j2" and problem.location.line >= 1


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_escaped_text_never_becomes_structure(value):
    """Whatever a clerk types, it comes back as the text of exactly one block."""
    blocks = parse(f"p {escape(value)}\n", "t")
    assert len(blocks) == 1 and blocks[0].kind == "p"
    assert blocks[0].text == value.strip()


def test_injected_structure_stays_text():
    value = "正常文字\nh1 伪造的标题\nsignature 假署名"
    [block] = parse(f"p {escape(value)}\n", "t")
    assert block.text == value


def test_to_text_reads_like_the_letter():
    blocks = parse("h1 甲\nh2 乙。\n+ 正文。\n", "t")
    assert to_text(blocks) == "一、甲\n（一）乙。正文。"
