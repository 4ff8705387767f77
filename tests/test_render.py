import pytest

from letterkit import build
from letterkit.errors import LetterkitError
from letterkit.project import open_project

from conftest import MINIMAL_DRAFT


def blocks_of(root, name="drafts/d.yaml"):
    project = open_project(root)
    draft = build.read_draft(root / name, project)
    return build.letter_blocks(draft, project)


def test_builtin_reply_template_writes_the_boilerplate(project):
    root = project({"drafts/d.yaml": MINIMAL_DRAFT})
    blocks = blocks_of(root)
    texts = {b.kind: b.text for b in blocks}
    assert texts["organ"] == "测试市测试区教育局"
    assert texts["number"] == "测教函〔2024〕7号"
    assert texts["title"] == "关于第0012号提案的答复"
    assert texts["to"] == "尊敬的张三委员："
    assert blocks[4].text.startswith("您提出的《关于加强校园安全的提案》（第0012号）已收悉。")
    assert blocks[4].text.endswith("现答复如下：")
    assert texts["note"] == "（联系人：李四，联系电话：82345678）"
    assert texts["date"] == "2024年5月6日"


def test_plain_layout_has_no_letterhead(project):
    root = project({"drafts/d.yaml": MINIMAL_DRAFT + "layout: plain\n"})
    assert "organ" not in {b.kind for b in blocks_of(root)}


def test_project_template_overrides_a_block_of_the_builtin_one(project):
    root = project({
        "drafts/d.yaml": MINIMAL_DRAFT + "template: mine.j2\n",
        "templates/mine.j2": '{% extends "reply.j2" %}{% block title %}关于{{ proposal.title }}的复函{% endblock %}\n',
    })
    titles = [b.text for b in blocks_of(root) if b.kind == "title"]
    assert titles == ["关于关于加强校园安全的提案的复函"]


def test_a_project_may_replace_a_builtin_and_still_extend_it(project):
    root = project({
        "drafts/d.yaml": MINIMAL_DRAFT,
        "templates/reply.j2": '{% extends "builtin/reply.j2" %}{% block note %}（联系人：{{ contact.name }}）{% endblock %}\n',
    })
    assert [b.text for b in blocks_of(root) if b.kind == "note"] == ["（联系人：李四）"]


def template_problems(project, template: str):
    """The problems of rendering MINIMAL_DRAFT through `template` (as templates/bad.j2)."""
    root = project({"drafts/d.yaml": MINIMAL_DRAFT + "template: bad.j2\n", "templates/bad.j2": template})
    with pytest.raises(LetterkitError) as caught:
        blocks_of(root)
    return caught.value.problems


def test_undefined_variable_names_template_file_and_line(project):
    [problem] = template_problems(project, "title 甲\n\np {{ contact.fax }}\n")
    assert problem.code == "undefined-variable"
    assert problem.location.path.endswith("templates/bad.j2") and problem.location.line == 3


def test_template_syntax_error_names_its_line(project):
    [problem] = template_problems(project, "title 甲\n{% if %}\n")
    assert problem.code == "template-syntax"
    assert problem.location.line == 2


def test_printing_an_empty_value_is_an_error_not_a_blank(project):
    assert template_problems(project, "title 甲\np {{ opening }}\n")[0].code == "empty-value"


def test_templates_are_sandboxed(project):
    problems = template_problems(project, "p {{ organ.__class__.__init__.__globals__ }}\n")
    assert problems[0].code in {"template-unsafe", "undefined-variable"}


def test_draft_values_are_text_never_template_code(project):
    root = project({"drafts/d.yaml": MINIMAL_DRAFT.replace("name: 张三", 'name: "{{ 7*7 }}"')})
    assert [b.text for b in blocks_of(root) if b.kind == "to"] == ["尊敬的{{ 7*7 }}委员："]


def test_missing_template_is_reported_at_the_draft_line(project):
    root = project({"drafts/d.yaml": MINIMAL_DRAFT + "template: nope.j2\n"})
    with pytest.raises(LetterkitError) as caught:
        blocks_of(root)
    problem = caught.value.problems[0]
    assert problem.code == "template-not-found"
    assert problem.location.line == len(MINIMAL_DRAFT.splitlines()) + 1


def test_disclosure_is_printed_as_a_note_when_asked(project):
    root = project({"drafts/d.yaml": MINIMAL_DRAFT + "disclosure: 主动公开\n", "drafts/e.yaml": MINIMAL_DRAFT + "disclosure: 不予公开\n"})
    assert [b.text for b in blocks_of(root) if b.kind == "note"][-1] == "（此件公开发布）"
    assert [b.text for b in blocks_of(root, "drafts/e.yaml") if b.kind == "note"][-1] == "（此件不予公开）"
    assert "（此件" not in "".join(b.text for b in blocks_of(project({"drafts/f.yaml": MINIMAL_DRAFT}), "drafts/f.yaml"))


def test_elements_written_none_are_left_out_and_blanks_stay_errors(project):
    """无 says the letter has no such element (an imported original lacked it); a blank is still an error."""
    draft = (MINIMAL_DRAFT.replace("number:\n  year: 2024\n  seq: 7\n", "number: 无\n")
             .replace("closing:\n  - 下一步，我局将继续做好相关工作。\n", "closing: 无\n")
             .replace("contact:\n  name: 李四\n  phone: \"82345678\"\n", "contact: 无\n")
             .replace("date: 2024-05-06", "date: 无") + "signature: 无\nsalutation: 张三委员：\n")
    root = project({"drafts/d.yaml": draft})
    kinds = [b.kind for b in blocks_of(root)]
    assert "number" not in kinds and "signature" not in kinds and "date" not in kinds and "note" not in kinds
    assert [b.text for b in blocks_of(root) if b.kind == "to"] == ["张三委员："]
    assert kinds[-1] == "heading"  # the letter ends with its last measure: no thanks added
    assert build.build_draft(root / "drafts/d.yaml").output.is_file()

    blank = project({"drafts/d.yaml": MINIMAL_DRAFT.replace("number:\n  year: 2024\n  seq: 7\n", "number:\n")})
    with pytest.raises(LetterkitError) as caught:
        blocks_of(blank)
    assert [p.code for p in caught.value.problems] == ["missing-value"]


def test_an_organ_written_none_needs_the_plain_layout(project):
    draft = MINIMAL_DRAFT.replace("organ:\n  name: 测试市测试区教育局\n  code: 测教函\n", "organ: 无\n").replace(
        "number:\n  year: 2024\n  seq: 7\n", "number: 无\n") + "opening: 您的提案已收悉。现答复如下：\n"
    root = project({"drafts/d.yaml": draft + "signature: 测试区教育局\n"})
    with pytest.raises(LetterkitError) as caught:
        blocks_of(root)
    assert [p.code for p in caught.value.problems] == ["organ-needed"]
    root = project({"drafts/d.yaml": draft + "signature: 测试区教育局\nlayout: plain\n"})
    assert [b.text for b in blocks_of(root) if b.kind == "signature"] == ["测试区教育局"]


def test_a_draft_without_proposal_title_or_number_is_told_which_field_the_title_needs(project):
    """`proposal: {id: 无, title: 无}` is allowed (the original had none); the built-in title then has nothing
    to say: the error points at the draft's proposal.title, not only at a line of the built-in snippets."""
    draft = MINIMAL_DRAFT.replace('id: "0012"', "id: 无").replace("title: 关于加强校园安全的提案", "title: 无")
    root = project({"drafts/d.yaml": draft})
    with pytest.raises(LetterkitError) as caught:
        blocks_of(root)
    first = caught.value.problems[0]
    assert first.code == "empty-value" and first.location.path.endswith("d.yaml")
    assert draft.splitlines()[first.location.line - 1].strip() == "title: 无"
    assert "title: …" in first.hint


@pytest.mark.parametrize("title, printed", [("关于加强校园安全的提案", "关于《关于加强校园安全的提案》的答复"),
                                            ("关于加强校园安全", "关于《关于加强校园安全》提案的答复")])
def test_a_title_made_from_the_proposal_title_says_its_kind_once(project, title, printed):
    draft = MINIMAL_DRAFT.replace('id: "0012"', "id: 无").replace("title: 关于加强校园安全的提案", f"title: {title}")
    assert [b.text for b in blocks_of(project({"drafts/d.yaml": draft})) if b.kind == "title"] == [printed]
