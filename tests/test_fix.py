"""`letterkit check --fix`: the proofreading rules whose fix is certain mend the draft in place
(run through the CLI as a clerk runs it), keeping comments, layout, CRLF line endings and a
BOM; uncertain findings are left alone; a read-only draft is never replaced."""

from __future__ import annotations

import stat
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from letterkit import proof
from letterkit.fix import fix_file
from letterkit.load import load_file

from conftest import MINIMAL_DRAFT, make_project


def run(root, *args):
    return subprocess.run([sys.executable, "-m", "letterkit", "check", *args], cwd=root, capture_output=True, text=True)


def with_text(text: str) -> str:
    return MINIMAL_DRAFT.replace("每日巡查校园周边。", text + "  # 依据台账")


# code, the draft's text with the slip, the same text as --fix leaves it
FIXED = [
    ("doubled-character", with_text("加强管理的的要求。"), with_text("加强管理的要求。")),
    ("doubled-character", with_text("进一步一步加强巡查。"), with_text("进一步加强巡查。")),
    ("title-guanyu-dui", MINIMAL_DRAFT + "title: 关于对第0012号提案的答复  # 按模板\n",
     MINIMAL_DRAFT + "title: 关于第0012号提案的答复  # 按模板\n"),
    ("title-guanyu-dui", MINIMAL_DRAFT + "title: 关于对区政协五届六次会议第0012号提案的答复\n",
     MINIMAL_DRAFT + "title: 关于区政协五届六次会议第0012号提案的答复\n"),
    ("space-around-sign", with_text("按照“知识产权+ 金融+产业”的定位，增长8.8 %。"), with_text("按照“知识产权+金融+产业”的定位，增长8.8%。")),
    ("number-brackets", with_text("依据福住建函【2024】35号文办理。"), with_text("依据福住建函〔2024〕35号文办理。")),
    ("number-brackets", with_text("依据福住建函﹝2024﹞35号和深府办[2023]7号文。"), with_text("依据福住建函〔2024〕35号和深府办〔2023〕7号文。")),
    ("dash-in-phone", MINIMAL_DRAFT.replace('phone: "82345678"', "phone: 0755—82976207"),
     MINIMAL_DRAFT.replace('phone: "82345678"', "phone: 0755-82976207")),
    ("dash-in-phone", with_text("咨询电话0755—82976207。"), with_text("咨询电话0755-82976207。")),
]


@pytest.mark.parametrize("code, bad, good", FIXED, ids=[f"{c[0]}-{i}" for i, c in enumerate(FIXED)])
def test_fix_mends_the_slip_and_only_its_line(tmp_path, code, bad, good):
    root = make_project(tmp_path, {"drafts/d.yaml": bad})
    assert f" {code} " in run(root).stdout  # reported before
    done = run(root, "--fix")
    assert f"修正 {code} " in done.stdout and "Traceback" not in done.stderr, done.stdout + done.stderr
    assert (root / "drafts" / "d.yaml").read_text(encoding="utf-8") == good  # comments, quoting and layout kept
    assert f" {code} " not in run(root).stdout  # and gone after


# findings whose fix is not certain: reported (or not) but never edited
LEFT = [
    ("title-guanyu-dui", MINIMAL_DRAFT + "title: 关于对外开放工作提案的答复\n"),  # 对外 is a word
    ("doubled-character", with_text("的的确确加强了巡查。")),  # AABB: a word, not a slip
    ("nested-quotes", with_text("引进“卡脖子“技术项目。")),  # no closing quote to pair with
    ("space-around-sign", "opening: >-\n  按照知识产权+ 金融的定位，\n  经认真研究\n" + MINIMAL_DRAFT),  # a folded value
]


@pytest.mark.parametrize("code, text", LEFT, ids=[c[0] for c in LEFT])
def test_fix_leaves_what_it_is_not_sure_of(tmp_path, code, text):
    root = make_project(tmp_path, {"drafts/d.yaml": text})
    done = run(root, "--fix")
    assert (root / "drafts" / "d.yaml").read_text(encoding="utf-8") == text
    assert f"修正 {code}" not in done.stdout and "Traceback" not in done.stderr


def test_fix_keeps_crlf_line_endings_and_a_bom(tmp_path):
    text = with_text("每日巡查(校园)周边。")
    root = make_project(tmp_path, {"drafts/d.yaml": "x"})
    path = root / "drafts" / "d.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    done = run(root, "--fix")
    data = path.read_bytes()
    assert done.stdout.count("修正 ") == 2, done.stdout
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == text.count("\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert "每日巡查（校园）周边。  # 依据台账\r\n".encode("utf-8") in data


def test_fix_refuses_a_read_only_draft_and_says_so_in_chinese(tmp_path):
    text = with_text("每日巡查(校园)周边。")
    root = make_project(tmp_path, {"drafts/d.yaml": text})
    path = root / "drafts" / "d.yaml"
    path.chmod(0o444)
    done = run(root, "--fix")
    assert "只读" in done.stdout + done.stderr and "修正 " not in done.stdout and "Traceback" not in done.stderr
    assert path.read_text(encoding="utf-8") == text and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert done.returncode == 0 and " half-width-punctuation " in done.stdout  # the finding is still reported


def test_fix_keeps_the_drafts_permissions(tmp_path):
    root = make_project(tmp_path, {"drafts/d.yaml": with_text("每日巡查(校园)周边。")})
    path = root / "drafts" / "d.yaml"
    path.chmod(0o600)
    assert "修正 " in run(root, "--fix").stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and "（校园）" in path.read_text(encoding="utf-8")


def test_fix_writes_nothing_when_the_result_would_not_read_back_as_intended(tmp_path, monkeypatch):
    """A fix that would change the YAML's meaning (here: a rule handing out a `: #` edit) is refused whole."""
    from letterkit.proof.registry import Finding, Rule

    def breaking(c):
        yield Finding(("closing", 0), "test", offset=0, fixes=((0, 0, "x: #"),))

    monkeypatch.setattr(proof, "FIXING", [Rule("test-rule", "warning", "small", "", "", "", "", breaking)])
    root = make_project(tmp_path, {"drafts/d.yaml": MINIMAL_DRAFT})
    path = root / "drafts" / "d.yaml"
    changed, left = fix_file(path, load_file(path), set())
    assert changed == [] and "没有修改" in left[-1] and path.read_text(encoding="utf-8") == MINIMAL_DRAFT


def test_the_fixable_rules_fix_their_own_example_and_no_other_rule_hands_out_fixes():
    """proof.FIXABLE is the truth about --fix: each listed rule's bad example (docs/rules.md) carries
    a fix, and no other rule gives one that --fix would silently skip."""
    for item in proof.RULES:
        if item.stage != "check":
            continue
        bad = item.bad
        data = {"title": bad, "measures": [{"heading": bad, "text": bad}], "closing": [bad], "contact": {"phone": bad}}
        fixes = [f.fixes for f in item.check(proof.Context(data, None, None, {})) if f.fixes]
        assert bool(fixes) == (item.code in proof.FIXABLE), item.code


SLIPS = ["的的", "(", ")", ",", "+ ", " %", "福住建函【2024】3号", "深府办﹝2020﹞12号", "电话0755—82976207。", " ", "“", "”", "进一步一步"]
PIECES = st.lists(st.sampled_from(SLIPS + ["巡查", "校园", "工作", "8", "年", "号", "，", "。", "a"]), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=PIECES, quoted=st.booleans(), crlf=st.booleans())
def test_fixed_drafts_load_keep_everything_else_and_need_no_second_fix(tmp_path, pieces, quoted, crlf):
    value = "每日巡查" + "".join(pieces) + "周边。"
    line = f'"{value}"' if quoted else value
    text = MINIMAL_DRAFT.replace("每日巡查校园周边。", line + "  # 注")
    if crlf:
        text = text.replace("\n", "\r\n")
    path = tmp_path / "d.yaml"
    path.write_bytes(text.encode("utf-8"))
    try:
        before = load_file(path)
    except Exception:
        return  # not a draft YAML reads (a plain value ending in a space and #): nothing to fix
    fix_file(path, before, set())
    after = load_file(path)
    fixed = after.data["measures"][0]["items"][0]["text"]
    for key in before.data:  # only the text with the slips changed
        if key != "measures":
            assert after.data[key] == before.data[key]
    raw = path.read_bytes()
    assert (b"\r\n" in raw) == crlf and raw.count(b"# \xe6\xb3\xa8") == 1  # the comment kept
    for _ in range(3):  # a slip inside a slip (的的的的) takes a second run; then nothing is left to fix
        if not fix_file(path, load_file(path), set())[0]:
            break
    else:
        raise AssertionError(path.read_text(encoding="utf-8"))
    fixed = load_file(path).data["measures"][0]["items"][0]["text"]
    assert "【2024】" not in fixed and "﹝2020﹞" not in fixed and "0755—" not in fixed and "的的" not in fixed


def test_a_run_of_half_width_marks_is_fixed_in_one_run(tmp_path):
    """每日巡查((((8周边。: every mark of a run touching Chinese is reported and fixed at once (hypothesis found a
    run that took one `check --fix` per mark)."""
    path = tmp_path / "d.yaml"
    path.write_text(MINIMAL_DRAFT.replace("每日巡查校园周边。", "每日巡查((((8周边。"), encoding="utf-8")
    assert len(fix_file(path, load_file(path), set())[0]) == 4
    assert load_file(path).data["measures"][0]["items"][0]["text"] == "每日巡查（（（（8周边。"
    assert not fix_file(path, load_file(path), set())[0]
