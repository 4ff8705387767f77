"""`letterkit import`: old letters (text copied from PDFs and web pages, Word files) into drafts
that build, with nothing dropped silently and the originals' slips reported by line."""

import difflib
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given, settings, strategies as st

from letterkit.build import build_draft
from letterkit.errors import LetterkitError
from letterkit.importing import comparable, import_file, survival
from letterkit.importing.clean import join, line_width, tidy
from letterkit.importing.notes import Note
from letterkit.importing.body import measures_from
from letterkit.importing.clean import Para
from letterkit.importing.source import Line
from letterkit.project import open_project
from letterkit.textconv import to_text

from conftest import LETTERS, REPO, SEED_TEXT

HANDMADE = REPO / "tests" / "fixtures" / "handmade.docx"
SEAL = (REPO / "drafts" / "seals" / "sample-seal.png").read_bytes()
LABELS = re.compile(r"分类标识|是否同意公开|办理结果|签发人|领导署名|联系单位|联系人及电话|联\s*系\s*人|联系电话|抄\s*[报送]|印发|类别|[【】:：]")


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "letterkit", *map(str, args)], cwd=cwd, capture_output=True, text=True)


def imported_and_built(tmp_path, source: Path):
    """Import through the CLI into tmp_path, build the draft; (Imported, draft path, built .docx)."""
    draft = tmp_path / (source.stem + ".yaml")
    done = run("import", source, "-o", draft, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    built = build_draft(draft, open_project(draft), tmp_path / "out")
    docx.Document(str(built.output))  # python-docx reopens it
    return import_file(source), draft, built.output, done


# -- the seed letter -----------------------------------------------------------------------

def test_the_seed_imports_in_one_command_and_builds_into_the_same_letter(tmp_path):
    result, draft, built, done = imported_and_built(tmp_path, SEED_TEXT)
    original = comparable(SEED_TEXT.read_text(encoding="utf-8"), widths=False)
    rebuilt = comparable(to_text(built), widths=False)
    changes = [(op, original[i1:i2], rebuilt[j1:j2]) for op, i1, i2, j1, j2 in
               difflib.SequenceMatcher(None, original, rebuilt, autojunk=False).get_opcodes() if op != "equal"]
    # the one difference: letterkit writes the contact line's brackets full-width (the original mixes them)
    assert changes == [("replace", "(", "（")]
    assert "文字归位 100.0%" in done.stdout


def test_the_seeds_slips_are_reported_with_their_lines(tmp_path):
    result = import_file(SEED_TEXT)
    lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    found = {(n.code, n.line) for n in result.notes}
    second_first = next(i for i, l in enumerate(lines, 1) if l.strip().startswith("（二）打造港澳青年"))
    first_after = next(i for i, l in enumerate(lines, 1) if l.strip().startswith("（一）开展“一带一路”"))
    numbering = sorted(line for code, line in found if code == "import-numbering")
    assert numbering == [second_first, first_after]  # （二） before （一） under 四; （三） after them is in order
    signature = next(i for i, l in enumerate(lines, 1) if "福田区科创创新局" in l)
    assert ("import-signature", signature) in found              # 署名 ≠ 版头
    contact = next(i for i, l in enumerate(lines, 1) if "联系人" in l)
    assert ("import-mixed-brackets", contact) in found           # (联系人：…）
    assert any(code == "import-half-width" and "(深圳)" in lines[line - 1] for code, line in found)
    # the text and its order are kept as found: （二）'s heading comes first, its broken tail after （一）
    measures = yaml.safe_load(result.draft)["measures"]
    four = measures[3]["items"]
    assert four[0]["heading"].startswith("打造港澳青年") and four[1]["heading"].startswith("开展“一带一路”")
    assert four[1]["items"] == ["国际视野高素质人才，提升企业科研实力和整体竞争力。"]


def test_the_seed_import_recognises_the_parts(tmp_path):
    fields = yaml.safe_load(import_file(SEED_TEXT).draft)
    assert fields["organ"] == {"name": "深圳市福田区科技创新局"}
    assert fields["number"] == "无"  # the published copy has none: said, not left blank
    assert fields["proposal"] == {"kind": "提案", "id": "TA 20200005", "session": "福田区政协五届六次会议",
                                  "title": "关于引进俄罗斯“卡脖子”尖端技术，加速科技成果转化，打造大湾区科技创新新高地"}
    assert fields["addressee"] == {"name": "徐飙", "role": "委员"}
    assert fields["signature"] == "福田区科创创新局"
    assert str(fields["date"]) == "2020-08-10"  # 2020 年 8月 10 日
    assert fields["contact"] == {"name": "陈杰", "phone": "82976207"}
    assert [m["heading"] for m in fields["measures"]][:2] == ["落实产业资金政策，为科技创新提供全方位支持",
                                                             "打造专业特色园区，为科技创新释放产业发展空间"]
    first = fields["measures"][0]["items"][0]
    assert first["heading"] == "调整产业发展专项资金政策。" and first["text"].startswith("2019年10月至2020年5月，")


# -- eight published replies --------------------------------------------------------------

@pytest.mark.parametrize("source", LETTERS, ids=[p.stem[:2] for p in LETTERS])
def test_published_letters_import_build_and_lose_no_line(tmp_path, source):
    result, draft, built, done = imported_and_built(tmp_path, source)
    share = survival(result.text, to_text(built))
    print(f"{source.name}: {share:.1%} of the characters survive")
    assert share >= 0.85
    # every line is in the letter, in the draft (a field or a comment), or reported
    kept = comparable(to_text(built) + draft.read_text(encoding="utf-8"))
    reported = {n.line for n in result.notes}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        text = comparable(LABELS.sub("", line))  # labels are printed by letterkit in its own words
        if not text or number in reported:
            continue
        matched = sum(b.size for b in difflib.SequenceMatcher(None, text, kept, autojunk=False).get_matching_blocks())
        assert matched >= 0.6 * len(text), f"{source.name}:{number} lost: {line}"


def test_what_the_published_letters_teach(tmp_path):
    by_name = {p.name[:2]: yaml.safe_load(import_file(p).draft) for p in LETTERS}
    notes = {p.name[:2]: import_file(p).notes for p in LETTERS}
    assert by_name["01"]["category"] == "D" and by_name["01"]["disclosure"] == "主动公开"
    assert by_name["01"]["signer"] == "赵洪利" and by_name["01"]["number"] == {"year": 2025, "seq": 11}
    assert by_name["01"]["recipient"] == "民建长春市委员会"
    assert by_name["02"]["layout"] == "general" and by_name["02"]["file_mark"] is True
    assert any(n.code == "import-number-brackets" for n in notes["02"])  # 【2024】
    assert by_name["03"]["category"] == "B" and by_name["03"]["cc"] == ["区人大办", "区府督查室"]
    assert by_name["03"]["printer"] == "莆田市涵江区住房和城乡建设局"
    assert by_name["03"]["contact"] == {"name": "林敏捷", "phone": "3296253"}
    assert str(by_name["04"]["date"]) == "2023-08-21" and by_name["04"]["number"] == {"year": 2023, "seq": 23}
    assert {n.code for n in notes["04"]} >= {"import-date", "import-number-damaged", "import-salutation-colon"}
    assert [m["heading"] for m in by_name["05"]["measures"] if isinstance(m, dict)] == ["基本情况", "意见建议办理情况", "下步工作方向"]
    assert by_name["05"]["contact"] == {"name": "张春明", "phone": "0871-67785176"}
    assert by_name["06"]["signature"] == "无" and by_name["06"]["proposal"]["id"] == "无"
    assert by_name["06"]["cc"] == ["市督查局", "市政协提案委"]
    assert any(n.code == "import-skipped-level" for n in notes["07"])  # 一、 → 1.
    assert by_name["07"]["date"] == "无" and by_name["08"]["date"] == "无"  # cut off


# -- Word files ----------------------------------------------------------------------------

def test_a_letter_set_by_hand_in_word_imports(tmp_path):
    result, draft, built, done = imported_and_built(tmp_path, HANDMADE)
    fields = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert fields["organ"]["name"] == "深圳市福田区水务局" and fields["number"] == {"year": 2023, "seq": 45}
    assert fields["title"] == "关于福田区政协六届二次会议第20230031号提案的答复"
    assert str(fields["date"]) == "2023-05-08" and fields["cc"] == ["福田区政协提案委员会"]
    kept = fields["measures"][1]["items"][1]["items"]  # Word's own numbering, under （二）
    assert [m["heading"] for m in kept] == ["养护单位每周巡查一次，汛期每日巡查。", "汛前全面清疏一次。"]
    assert survival(result.text, to_text(built)) >= 0.97


def test_build_import_build_gives_the_same_letter(tmp_path):
    """Every draft in the repository, built, imported from its .docx and built again: the same text."""
    project = open_project(REPO)
    for path in project.drafts():
        first = build_draft(path, project, tmp_path / "first").output
        again = tmp_path / "again" / (path.stem + ".yaml")
        assert run("import", first, "-o", again, cwd=tmp_path).returncode == 0
        second = build_draft(again, open_project(again), tmp_path / "second").output
        assert to_text(second) == to_text(first), path.name  # seals included: 【图片】 where each stands
        seals = sorted(again.parent.glob(f"{first.stem}-seal*.png"))
        assert len(seals) == to_text(first).count("【图片】")
        assert all(seal.read_bytes() == SEAL for seal in seals)  # the very image the draft named


# -- the parts -------------------------------------------------------------------------------

def lines_of(*texts):
    return [Line(i, t) for i, t in enumerate(texts, start=1)]


def test_cleanup_lists_what_it_changed():
    cleaned = tidy(lines_of("深 圳 市 福 田 区", "— 2 —", "截至 2020 年 5 月底，已受理 31 家。", "|", "第 3 页 共 11 页"))
    assert [l.text for l in cleaned.lines] == ["深圳市福田区", "截至2020年5月底，已受理31家。"]
    assert [why for _, why in cleaned.dropped] == ["页码或分页痕迹", "网页表格的边线", "页码或分页痕迹"]
    assert {n.code for n in cleaned.notes} == {"import-letter-spacing", "import-spaces"}


def test_lines_broken_at_a_fixed_width_are_joined():
    wrapped = ["您提出的建议已收悉。感谢您对我们工作的关心和支持。经认真研", "究，现答复如下：",
               "一、加强管理", "（一）完善制度。我局制定了管理办法，明确各方责任，建立巡查", "制度和考核机制。"] + \
              ["这是一段用来凑够行数的正文，每一行都排满二十八个字符的宽度啊。"] * 6
    paras = join([Line(i, t, width=len(t)) for i, t in enumerate(wrapped, 1)], line_width(
        [Line(i, t, width=len(t)) for i, t in enumerate(wrapped, 1)]), [])
    assert paras[0].text == "您提出的建议已收悉。感谢您对我们工作的关心和支持。经认真研究，现答复如下："
    assert paras[1].text == "一、加强管理"
    assert paras[2].text.endswith("建立巡查制度和考核机制。")


def test_web_text_widens_punctuation_only_when_the_copy_lost_it(tmp_path):
    web = tmp_path / "web.txt"
    web.write_text("李明代表:\n您提出的建议(第8号)已收悉,现答复如下:\n我局已完成整改,效果良好。\n感谢您的支持!\n某某局\n2024年1月2日\n", encoding="utf-8")
    fields = yaml.safe_load(import_file(web).draft)
    assert fields["opening"] == "您提出的建议（第8号）已收悉，现答复如下："
    assert fields["salutation"] == "李明代表："


CN = "一二三四五六七八九十"
MARKS = {1: lambda n: f"{CN[n - 1]}、", 2: lambda n: f"（{CN[n - 1]}）", 3: lambda n: f"{n}.", 4: lambda n: f"（{n}）"}
trees = st.recursive(st.just([]), lambda children: st.lists(children, min_size=1, max_size=3), max_leaves=12)


def _paragraphs(tree, level=1):
    for index, children in enumerate(tree, start=1):
        yield f"{MARKS[level](index)}第{level}级标题。正文。"
        if level < 4:
            yield from _paragraphs(children, level + 1)


def _shape(nodes):
    return [_shape(n["items"]) for n in nodes]


def _trim(tree, level=1):
    return [_trim(children, level + 1) if level < 4 else [] for children in tree]


@given(trees)
@settings(max_examples=80, deadline=None)
def test_numbered_paragraphs_become_the_tree_they_number(tree):
    tree = _trim(tree)
    paras = [Para(t, [i]) for i, t in enumerate(_paragraphs(tree), start=1)]
    notes: list[Note] = []
    assert _shape(measures_from(paras, notes)) == tree
    assert not notes  # numbers in order: nothing to report


@given(st.lists(st.text(alphabet="福田区科技创新局答复如下工作推进建设", min_size=30, max_size=90), min_size=3, max_size=8))
@settings(max_examples=60, deadline=None)
def test_wrapped_paragraphs_join_back(bodies):
    paragraphs = [b + "。" for b in bodies if len(b + "。") % 28 not in (0, 23, 24, 25, 26, 27)]
    lines = []
    for text in paragraphs:
        lines += [text[i:i + 28] for i in range(0, len(text), 28)]
    numbered = [Line(i, t, width=len(t)) for i, t in enumerate(lines, start=1)]
    if line_width(numbered) != 28:
        return  # too few full lines to tell the width: each line stays a paragraph, tested elsewhere
    assert [p.text for p in join(numbered, 28, [])] == paragraphs


# -- the CLI ----------------------------------------------------------------------------------

def test_import_never_overwrites_a_draft(tmp_path):
    target = tmp_path / "d.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    done = run("import", SEED_TEXT, "-o", target, cwd=tmp_path)
    assert done.returncode == 1 and "draft-exists" in done.stderr and "Traceback" not in done.stderr
    assert target.read_text(encoding="utf-8") == "# mine\n"


def test_import_of_what_is_not_a_letter_fails_cleanly(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    done = run("import", bad, cwd=tmp_path)
    assert done.returncode == 1 and "not-docx" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "bad.yaml").exists()


def test_import_writes_into_the_projects_drafts(tmp_path):
    assert run("init", tmp_path / "p", cwd=tmp_path).returncode == 0
    done = run("import", SEED_TEXT, cwd=tmp_path / "p")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p" / "drafts" / (SEED_TEXT.stem + ".yaml")).is_file()
    assert re.search(r"警告 import-signature", done.stderr)


@given(st.lists(st.text(alphabet="一二、（）()1.：:，。尊敬的委员代表关于答复局 \t年月日2024联系人电话抄送附件", max_size=40), min_size=1, max_size=25))
@settings(max_examples=60, deadline=None)
def test_any_text_imports_into_yaml_or_a_clear_error(tmp_path_factory, lines):
    source = tmp_path_factory.mktemp("any") / "x.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    try:
        result = import_file(source)
    except LetterkitError as error:
        assert [p.code for p in error.problems] == ["empty-input"]
        return
    assert isinstance(yaml.safe_load(result.draft), dict)
