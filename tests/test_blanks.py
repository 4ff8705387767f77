"""Blanks and hidden characters never reach a letter (issue 15, items 6 and 22).

The cases are generated from validate.py's field tables: every field of the draft model,
nested ones included, written as a blank (`key:` with nothing after it), and every list
given a blank item (`- ` with nothing after it).  Each must be an error at file:line:column,
and the word None must never appear, neither in a message nor in a built letter.
"""

from __future__ import annotations

import copy
import re

import docx
import pytest
import yaml

from conftest import MINIMAL_DRAFT, make_project
from letterkit import validate as v
from letterkit.build import build_draft
from letterkit.errors import LetterkitError

# The minimal draft with every optional list and group in use, so each has a place to go blank.
BASE = yaml.safe_load(MINIMAL_DRAFT)
BASE.update({
    "cc": ["测试市测试区人民政府办公室"],
    "attachments": ["附件甲", {"title": "附件乙", "content": ["附件乙的正文。"]}],
    "co_signers": [{"signature": "测试市测试区财政局"}],
    "categories": {"A": "已经解决"},
    "category": "A",
    "check": {"disable": ["half-width-punctuation"]},
    "style": {"fonts": {"heiti": "黑体"}, "spacing": {"before_signature": 2}},
})
BASE["proposal"]["session"] = "测试区政协一届一次会议"
BASE["addressee"]["role"] = "委员"

NESTED = {"organ": v.ORGAN_FIELDS, "number": v.NUMBER_FIELDS, "proposal": v.PROPOSAL_FIELDS,
          "addressee": v.ADDRESSEE_FIELDS, "contact": v.CONTACT_FIELDS,
          "measures.0": v.MEASURE_FIELDS, "measures.0.items.0": v.MEASURE_FIELDS,
          "attachments.1": v.ATTACHMENT_FIELDS, "co_signers.0": v.CO_SIGNER_FIELDS}
LISTS = ["closing", "cc", "attachments", "co_signers", "measures", "measures.0.items", "attachments.1.content",
         "check.disable"]


def _at(data, dotted):
    for part in dotted.split(".") if dotted else []:
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def _cases():
    cases = [("", spec.name) for spec in v.DRAFT_FIELDS]
    cases += [(parent, spec.name) for parent, fields in NESTED.items() for spec in fields]
    cases += [("style.fonts", "heiti"), ("style.spacing", "before_signature"), ("categories", "A")]
    return [pytest.param("blank", parent, key, id=f"{parent + '.' if parent else ''}{key}=blank")
            for parent, key in cases] + \
           [pytest.param("item", parent, None, id=f"{parent}[-]") for parent in LISTS]


def _blank_yaml(data) -> str:
    """YAML as a clerk leaves a blank: `key:` and `-` with nothing after them."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return re.sub(r"(:|-) null$", r"\1", text, flags=re.M)


@pytest.mark.parametrize("how, parent, key", _cases())
def test_a_blank_is_an_error_at_its_line_and_column(how, parent, key, tmp_path):
    data = copy.deepcopy(BASE)
    if how == "blank":
        _at(data, parent)[key] = None
    else:
        _at(data, parent).append(None)
    text = _blank_yaml(data)
    assert re.search(r"(:|-)$", text, re.M)  # the blank is really typed as a blank
    root = make_project(tmp_path, {"drafts/draft.yaml": text})
    try:
        built = build_draft(root / "drafts" / "draft.yaml")
    except LetterkitError as error:
        messages = "\n".join(str(p) for p in error.problems)
        assert "None" not in messages, messages
        located = [p for p in error.problems if p.location.line and p.location.column]
        assert located and all(p.location.path.endswith("draft.yaml") for p in located), messages
        return
    letter = "\n".join(p.text for p in docx.Document(str(built.output)).paragraphs)
    pytest.fail(f"a blank built a letter (None in it: {'None' in letter})")


def test_the_blank_names_the_line_of_the_dash(tmp_path):
    text = MINIMAL_DRAFT.replace("closing:\n  - 下一步，我局将继续做好相关工作。\n",
                                 "closing:\n  - 下一步，我局将继续做好相关工作。\n  -\n")
    root = make_project(tmp_path, {"drafts/draft.yaml": text})
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / "drafts" / "draft.yaml")
    line = text.splitlines().index("  -") + 1
    assert [(p.code, p.location.line) for p in caught.value.problems] == [("blank-value", line)]
    assert "closing[2]" in caught.value.problems[0].message


# -- hidden characters ---------------------------------------------------------------------------

HIDDEN = ["\x7f", "\x80", "\x9b", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\u202a", "\u202b", "\u202c",
          "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
FIELDS = [("proposal", "title"), ("addressee", "name"), ("closing", 0), ("measures", 0, "heading"),
          ("contact", "phone"), ("organ", "name")]


@pytest.mark.parametrize("character", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
@pytest.mark.parametrize("field", FIELDS, ids=[".".join(map(str, f)) for f in FIELDS])
def test_hidden_characters_are_errors_with_their_place(character, field, tmp_path):
    data = copy.deepcopy(BASE)
    holder = _at(data, ".".join(map(str, field[:-1])))
    holder[field[-1]] = "甲乙" + character + "丙丁"
    # escaped, as YAML must write most of them: the value reaches validation as typed
    text = yaml.safe_dump(data, allow_unicode=False, sort_keys=False)
    root = make_project(tmp_path, {"drafts/draft.yaml": text})
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / "drafts" / "draft.yaml")
    problems = [p for p in caught.value.problems if p.code == "bad-character"]
    assert problems and problems[0].location.line and problems[0].location.column, caught.value.problems
    assert f"U+{ord(character):04X}" in problems[0].message and "第 3 个字符" in problems[0].message


def test_a_control_character_in_a_style_value_is_a_clear_error(tmp_path):
    data = copy.deepcopy(BASE)
    data["style"]["fonts"]["heiti"] = "黑\x01体"
    root = make_project(tmp_path, {"drafts/draft.yaml": yaml.safe_dump(data, allow_unicode=True)})
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / "drafts" / "draft.yaml")
    assert [p.code for p in caught.value.problems] == ["bad-character"]
    assert "style.fonts.heiti" in caught.value.problems[0].message


def test_a_decimal_proposal_number_is_refused(tmp_path):
    root = make_project(tmp_path, {"drafts/draft.yaml": MINIMAL_DRAFT.replace('id: "0012"', "id: 20240056.0")})
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / "drafts" / "draft.yaml")
    (problem,) = caught.value.problems
    assert problem.code == "wrong-type" and "20240056.0" in problem.message and 'id: "20240056"' in problem.hint
    root = make_project(tmp_path / "whole", {"drafts/draft.yaml": MINIMAL_DRAFT.replace('id: "0012"', "id: 20240056")})
    built = build_draft(root / "drafts" / "draft.yaml")
    assert any("20240056" in p.text and "20240056.0" not in p.text for p in docx.Document(str(built.output)).paragraphs)


def test_an_invisible_character_in_a_key_is_named(tmp_path):
    root = make_project(tmp_path, {"drafts/draft.yaml": MINIMAL_DRAFT.replace("closing:", "clo\u200bsing:")})
    with pytest.raises(LetterkitError) as caught:
        build_draft(root / "drafts" / "draft.yaml")
    (problem,) = caught.value.problems
    assert problem.code == "invisible-character" and "U+200B" in problem.message and "'closing'" in problem.message
    assert "是否想写" not in str(problem)


@pytest.mark.parametrize("how, parent, key", _cases())
def test_check_reports_every_blank_as_an_error_too(how, parent, key, tmp_path):
    from letterkit.checkrun import check_paths
    from letterkit.project import open_project

    data = copy.deepcopy(BASE)
    if how == "blank":
        _at(data, parent)[key] = None
    else:
        _at(data, parent).append(None)
    root = make_project(tmp_path, {"drafts/draft.yaml": _blank_yaml(data)})
    problems = [p for found in check_paths([root / "drafts" / "draft.yaml"], open_project(root)).values()
                for p in found]
    assert any(p.severity == "error" and p.location.line for p in problems)
    assert "None" not in "\n".join(map(str, problems))
