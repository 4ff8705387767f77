"""`letterkit check`: every rule fires on text that breaks it and stays quiet on text that
keeps it; the repository's drafts check clean; the seed, as published, is flagged."""

import re
import subprocess
import sys

import pytest

from letterkit.checkrun import check_paths
from letterkit.lint import RULES
from letterkit.project import open_project

from conftest import MINIMAL_DRAFT, REPO, SEED_DRAFT, make_project

BODY = "      - heading: 加强巡查。\n        text: 每日巡查校园周边。\n"


def findings(tmp_path, draft_text, name="d.yaml", extra=None):
    files = {f"drafts/{name}": draft_text, **(extra or {})}
    root = make_project(tmp_path, files)
    project = open_project(root)
    results = check_paths(sorted((root / "drafts").glob("*.yaml")), project)
    return results[root / "drafts" / name]


def codes(tmp_path, draft_text, **kw):
    return {p.code for p in findings(tmp_path, draft_text, **kw)}


def with_text(text: str) -> str:
    return MINIMAL_DRAFT.replace("每日巡查校园周边。", text)


CASES = [
    # code, failing draft, passing draft
    ("signature-organ", MINIMAL_DRAFT + "signature: 测试区教育局\n", MINIMAL_DRAFT + "signature: 测试市测试区教育局\n"),
    ("number-year", MINIMAL_DRAFT.replace("year: 2024", "year: 2023"), MINIMAL_DRAFT),
    ("date-future", MINIMAL_DRAFT.replace("date: 2024-05-06", "date: 2099-05-06"), MINIMAL_DRAFT),
    ("date-before-session", MINIMAL_DRAFT.replace("  title: 关于加强校园安全的提案", "  title: 关于加强校园安全的提案\n  session: 2025年区政协会议"),
     MINIMAL_DRAFT.replace("  title: 关于加强校园安全的提案", "  title: 关于加强校园安全的提案\n  session: 2024年区政协会议")),
    ("half-width-punctuation", with_text("保信亚太生物科技(深圳)有限公司,位于福田区。"), with_text("保信亚太生物科技（深圳）有限公司，位于福田区。Version 2.0, beta (test)")),
    ("bracket-pairs", with_text("联系人（陈杰)。"), with_text("联系人（陈杰）。")),
    ("nested-quotes", with_text("引进俄罗斯“卡脖子“技术”项目”。"), with_text("引进俄罗斯“卡脖子‘技术’项目”。")),
    ("book-title-comma", with_text("修订《甲措施》、《乙措施》。"), with_text("修订《甲措施》《乙措施》和《丙办法》（试行）、《丁规定》。")),
    ("lone-dash", with_text("智能时代与知识产权—2019论坛。"), with_text("智能时代与知识产权——2019论坛，5—8月。")),
    ("space-in-chinese", with_text("2019 年 10 月完成。"), with_text("2019年10月完成，SI WORLD 论坛。")),
    ("number-brackets", with_text("依据福住建函【2024】35号文办理。"),
     with_text("依据福住建函〔2024〕35号文办理，见【附件】，[2024]3号楼，【2024】3号线。")),
    ("hand-typed-number", MINIMAL_DRAFT.replace("heading: 加强巡查。", "heading: （一）加强巡查。"),
     MINIMAL_DRAFT.replace("heading: 加强巡查。", "heading: 加强2024年巡查。")),
    ("quoted-title-mismatch", MINIMAL_DRAFT + "opening: 您提出的《关于加强校园安全的提案的建议》已收悉。现答复如下：\n",
     MINIMAL_DRAFT + "opening: 您提出的《关于加强校园安全的提案》已收悉。现答复如下：\n"),
    ("title-form", MINIMAL_DRAFT + "title: 关于第0012号提案的回复\n", MINIMAL_DRAFT + "title: 关于第0012号提案的答复\n"),
    ("phone", MINIMAL_DRAFT.replace('phone: "82345678"', 'phone: "123"'), MINIMAL_DRAFT.replace('phone: "82345678"', "phone: 0755-82976207")),
    ("phone-digits", MINIMAL_DRAFT.replace('phone: "82345678"', "phone: 0871-6361245"),
     MINIMAL_DRAFT.replace('phone: "82345678"', "phone: 0871-63612456")),
    ("absent-element", MINIMAL_DRAFT.replace("number:\n  year: 2024\n  seq: 7\n", "number: 无\n"), MINIMAL_DRAFT),
    ("unprinted-field", MINIMAL_DRAFT + "signer: 张建国\n", MINIMAL_DRAFT + "layout: general\nsigner: 张建国\n"),
    ("unprinted-field", MINIMAL_DRAFT + "printer: 测试区教育局办公室\n", MINIMAL_DRAFT + "layout: general\nprinter: 测试区教育局办公室\n"),
    ("joint-signatures-too-wide",
     MINIMAL_DRAFT + "co_signers:\n  - signature: 测试市测试区城市管理和综合执法局\n  - signature: 测试市测试区住房和建设局\n",
     MINIMAL_DRAFT + "co_signers:\n  - signature: 测试区住房建设局\n"),
    ("unit-names", with_text("约1.5万平米，3万㎡，40万平方米。"), with_text("约1.5万平方米，3万平方米。")),
    # assigned 2024-01-10 → due 2024-04-10, dated 2024-05-06; assigned 2024-03-10 → due 2024-06-10
    ("after-deadline", MINIMAL_DRAFT + "assigned: 2024-01-10\n", MINIMAL_DRAFT + "assigned: 2024-03-10\n"),
    ("date-order", MINIMAL_DRAFT + "assigned: 2024-05-10\n", MINIMAL_DRAFT + "assigned: 2024-05-06\n"),  # dated 2024-05-06
    ("done-year-restated", with_text("计划于2023年底前完成规划衔接审查，待2024年底规划衔接审查完成后同步落实。"),
     with_text("计划于2023年底前完成规划衔接审查，待2023年底规划衔接审查完成后同步落实。")),
    ("date-not-exist", with_text("相关工程已于2024年11月31日前全部完工。"), with_text("相关工程已于2024年11月30日前全部完工。")),
    ("date-weekday", with_text("定于2024年3月15日（星期四）召开座谈会。"), with_text("定于2024年3月15日（星期五）召开座谈会。")),
    ("done-after-date", with_text("平台二期已于2024年6月建成上线。"),  # dated 2024-05-06
     with_text("平台二期已于2024年5月建成上线，三期将于2024年9月建成。")),
]


def test_every_rule_has_a_case():
    assert {code for code, _, _ in CASES} == {r.code for r in RULES}


@pytest.mark.parametrize("code, bad, good", CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_bad_text_and_not_on_good(tmp_path, code, bad, good):
    assert code in codes(tmp_path / "bad", bad)
    assert code not in codes(tmp_path / "good", good)


def test_findings_point_at_the_character(tmp_path):
    [found] = [p for p in findings(tmp_path, with_text("保信亚太生物科技（深圳)有限公司。")) if p.code == "bracket-pairs"]
    line = with_text("保信亚太生物科技（深圳)有限公司。").splitlines()[found.location.line - 1]
    assert line[found.location.column - 1] == "（"


def test_duplicate_proposal_ids_across_drafts(tmp_path):
    problems = findings(tmp_path, MINIMAL_DRAFT, extra={"drafts/e.yaml": MINIMAL_DRAFT})
    assert "duplicate-proposal" in {p.code for p in problems}


def test_rules_can_be_switched_off_per_draft_and_per_project(tmp_path):
    bad = MINIMAL_DRAFT + "signature: 测试区教育局\n"
    assert "signature-organ" not in codes(tmp_path / "a", bad + "check:\n  disable: [signature-organ]\n")
    assert "signature-organ" not in codes(tmp_path / "b", bad, extra={"letterkit.yaml": "check:\n  disable: [signature-organ]\n"})
    assert "unknown-rule" in codes(tmp_path / "c", MINIMAL_DRAFT + "check:\n  disable: [signature-orgn]\n")


def test_the_seed_as_published_is_flagged_for_its_slips(tmp_path):
    text = SEED_DRAFT.read_text(encoding="utf-8")
    published = re.sub(r"\ncheck:\n  disable:\n(    - .*\n)+", "\n", text)
    found = codes(tmp_path, published, extra={"templates/reply-futian.j2": (REPO / "templates" / "reply-futian.j2").read_text(encoding="utf-8")})
    assert {"signature-organ", "half-width-punctuation", "nested-quotes", "unit-names", "title-form"} <= found


def test_the_repository_drafts_check_clean_and_warnings_fail_with_strict(tmp_path):
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", "--strict"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    root = make_project(tmp_path, {"drafts/d.yaml": with_text("2019 年完成。")})
    done = subprocess.run([sys.executable, "-m", "letterkit", "check"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0 and " 警告 space-in-chinese " in done.stdout
    assert subprocess.run([sys.executable, "-m", "letterkit", "check", "--strict"], cwd=root).returncode == 1


def test_rule_docs_are_generated_from_the_rules():
    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.code}`" in text and rule.why in text


def test_fix_mends_safe_slips_in_place_and_keeps_comments_and_layout(tmp_path):
    text = (with_text("每日巡查(校园)周边,引进“卡脖子“技术”项目”，2019 年完成。  # 巡查记录见台账")
            .replace("  - 下一步，我局将继续做好相关工作。", '  - "下一步,我局将继续做好相关工作。"')
            + "opening: 您提出的提案已收悉,\n  经认真研究,现答复如下：\n")
    root = make_project(tmp_path, {"drafts/d.yaml": text})
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", "--fix"], cwd=root, capture_output=True, text=True)
    fixed = (root / "drafts" / "d.yaml").read_text(encoding="utf-8")
    assert "每日巡查（校园）周边，引进“卡脖子‘技术’项目”，2019年完成。  # 巡查记录见台账" in fixed
    assert '  - "下一步，我局将继续做好相关工作。"' in fixed
    assert "opening: 您提出的提案已收悉,\n  经认真研究,现答复如下：" in fixed  # spans lines: left to the clerk
    assert "手工修改" in done.stdout and done.stdout.count("修正 ") == 7
    before, after = text.splitlines(), fixed.splitlines()
    assert len(before) == len(after) and sum(a != b for a, b in zip(before, after)) == 2  # only those two lines
    keys = lambda lines: [m.group(0) for m in (re.match(r"^\s*(-\s*)?[a-z_]+:", l) for l in lines) if m]
    assert keys(before) == keys(after)  # keys and their order untouched


@pytest.mark.parametrize("opening, reported", [
    ("您提出的“关于加强校园安全”的提案收悉。现答复如下：", False),   # quoted without the kind word: the same title
    ("您提出的《关于加强校园安全的提案》收悉。现答复如下：", False),
    ("您提出的“关于加强校园安全”收悉。现答复如下：", False),
    ("您提出的《关于加强校园安全的建议》收悉。现答复如下：", True),   # the other kind's word: a slip (the seed's)
    ("您提出的《关于加强校园安全工作的提案》收悉。现答复如下：", True),
])
def test_a_title_quoted_without_its_kind_word_is_the_same_title(tmp_path, opening, reported):
    draft = MINIMAL_DRAFT + f"opening: {opening}\n"
    assert ("quoted-title-mismatch" in codes(tmp_path, draft)) is reported
