"""A first `letterkit check` is fast because what one paragraph holds is worked out once per
distinct paragraph (letterkit/proof/text.per_text, the lost-character rule's paragraphs).  The
findings must not depend on what was checked before: a paragraph shared by two letters is
judged in each letter's own light (the lost-character rule reads the whole letter for the word a
character was cut from).  Here letters made of the published letters' paragraphs, with
characters cut out, are proofread one after another (memos warm) and each again alone (memos
emptied): every rule's findings are the same.  tests/test_check_speed.py compares the whole
command's output with the check as it was.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from letterkit import proof
from letterkit.importing import import_file
from letterkit.proof import lone, text as proof_text
from letterkit.proof.text import prose

from conftest import LETTERS, SEED_TEXT

RULES = [r for r in proof.RULES if r.stage == "check"]  # unremembered: the rules' own answers


def _paragraphs() -> list[str]:
    """The prose paragraphs of the published letters and the seed, as import reads them."""
    import yaml

    found = []
    for source in [SEED_TEXT, *LETTERS]:
        data = yaml.safe_load(import_file(source).draft)
        found += [text for _, text in prose(data) if len(text) >= 8]
    return found


PARAGRAPHS = _paragraphs()


def _cut(text: str, rng: random.Random) -> str:
    """The paragraph with one Chinese character taken out, as an editor's slip would."""
    places = [i for i, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff"]
    if not places:
        return text
    at = rng.choice(places)
    return text[:at] + text[at + 1:]


def _letter(picks: list[int], cuts: list[bool], seed: int) -> dict:
    rng = random.Random(seed)
    texts = [_cut(PARAGRAPHS[i % len(PARAGRAPHS)], rng) if cut else PARAGRAPHS[i % len(PARAGRAPHS)]
             for i, cut in zip(picks, cuts)]
    return {"title": "关于答复的函", "opening": texts[0], "measures": texts[1:], "signature": "某某区教育局",
            "date": dt.date(2024, 6, 18)}


def _findings(data: dict) -> dict:
    context = proof.Context(data, None, dt.date(2026, 6, 1), {})
    return {r.code: [(f.path, f.message, f.hint, f.offset, f.fixes) for f in r.check(context)] for r in RULES}


letters = st.lists(st.tuples(st.lists(st.integers(0, 10_000), min_size=2, max_size=12),
                             st.lists(st.booleans(), min_size=12, max_size=12), st.integers(0, 99)),
                   min_size=2, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters)
def test_findings_do_not_depend_on_the_letters_checked_before(made):
    """Letters sharing paragraphs (some with a character cut), checked in a row and each alone."""
    drafts = [_letter(picks, cuts, seed) for picks, cuts, seed in made]
    drafts += [dict(d, measures=list(reversed(d["measures"]))) for d in drafts]  # the same paragraphs, another letter
    in_a_row = [_findings(d) for d in drafts]
    for data, warm in zip(drafts, in_a_row):
        proof_text.forget()
        assert _findings(data) == warm


def test_a_paragraph_is_judged_by_the_letter_it_stands_in():
    """平 alone in a paragraph is a lost character only where the letter writes 平台 elsewhere:
    the paragraph remembered from one letter does not carry its finding into the other."""
    slip = "搭建公共技术服务平，为企业提供检测认证服务。"
    with_word = {"opening": slip, "measures": ["建成公共技术服务平台一个。", "公共技术服务平台已投入使用。"]}
    without = {"opening": slip, "measures": ["建成检测中心一个。", "检测中心已投入使用。"]}
    lost = next(r for r in RULES if r.code == "lost-character")
    context = lambda data: proof.Context(data, None, dt.date(2026, 6, 1), {})
    for order in ((without, with_word), (with_word, without)):  # whichever letter came first
        proof_text.forget()
        found = {id(data): list(lost.check(context(data))) for data in order}
        first = found[id(with_word)]
        assert [f.offset for f in first] == [slip.index("平")] and "平台" in first[0].message
        # without 平台 elsewhere only jieba's dictionary speaks (服务平 → 服务水平, "可能"), never the other letter
        assert all("本信别处" not in f.message and "平台" not in f.message for f in found[id(without)])


def test_the_memos_stay_bounded(monkeypatch):
    """A project of many thousand distinct paragraphs: each memo starts again past its bound."""
    monkeypatch.setattr(proof_text, "MOST_TEXTS", 50)
    proof_text.forget()
    for i in range(300):
        data = {"opening": f"第{i}段：搭建公共技术服务平，为企业提供服务{i}次。"}
        _findings(data)
    assert all(len(known) <= 50 for known in proof_text.MEMOS)
    assert lone._paragraphs in proof_text.MEMOS and len(proof_text.MEMOS) >= 5


@pytest.mark.parametrize("code", ["repeated-sentence", "repeated-enumeration", "doubled-character", "quantity-magnitude",
                                  "figure-magnitude"])
def test_a_remembered_paragraph_still_reports_at_its_own_place(code):
    """The same paragraph in two places of one letter: each finding points into its own value."""
    texts = {
        "repeated-sentence": "项目占地面积约3万平方米。该园区占地面积约3万平方米。",
        "repeated-enumeration": "联合甲公司、乙公司、丙公司等，甲公司、乙公司、丙公司等十余家企业参加。",
        "doubled-character": "进一步一步加强管理的的要求。",
        "quantity-magnitude": "总建筑面积约23万平方米，总建筑面积约23平方米。",
        "figure-magnitude": "累计投入资金3.2亿元，在前期投入3.2万元。",
    }
    data = {"measures": [texts[code], "另起一段。", texts[code]]}
    rule = next(r for r in RULES if r.code == code)
    found = list(rule.check(proof.Context(data, None, dt.date(2026, 6, 1), {})))
    assert {f.path for f in found} == {("measures", 0), ("measures", 2)}
    first = [f.offset for f in found if f.path == ("measures", 0)]
    assert first and all(0 <= offset < len(texts[code]) for offset in first)
