"""`check --render`: the rules measured on real renderings, ours and a hand-made one."""

import json
import subprocess
import sys
from pathlib import Path


from letterkit.pagecheck import check_documents, check_pdf

from conftest import require_soffice

FIXTURE = Path(__file__).parent / "fixtures" / "nonconforming.docx"


def by_status(results):
    return {status: {r.code for r in results if r.status == status} for status in ("pass", "fail", "skip")}


def test_the_seed_letter_passes_every_rule_it_can_be_measured_by(seed_pdf):
    results = by_status(check_pdf(seed_pdf))
    assert not results["fail"]
    assert {"page-size", "margin-left", "margin-right", "margin-top", "margin-bottom", "lines-per-page",
            "chars-per-line", "full-line-chars", "body-size", "title-size", "heading1-font", "heading2-font",
            "page-numbers", "letterhead-top", "letterhead-centred", "rule-under-letterhead", "red-rules-length",
            "red-rule-bottom", "red-rules-page-one", "signature-date"} <= results["pass"]
    # the seed has no level 3 or 4 headings and is no 通用格式 document
    # measured without its .docx (no 版头 texts to look for), no 附件说明, no 版记
    assert results["skip"] == {"heading3-font", "heading4-font", "general-head", "head-elements",
                               "attachment-note-page", "colophon-foot"}
    assert "page-fill" in results["pass"]
    assert "colophon-rules" in results["pass"] and "signature-with-body" in results["pass"]


def test_the_hand_made_letter_fails_on_exactly_its_faults():
    require_soffice()
    [results] = check_documents([FIXTURE]).values()
    status = by_status(results)
    assert status["fail"] == {
        "margin-left", "margin-right", "margin-top", "margin-bottom",  # Word's default margins
        "body-size", "title-size", "heading1-font",                   # wrong fonts
        "chars-per-line",                                             # 14 pt in a wider block: 29 a line
        "lines-per-page",                                             # no grid
        "signature-date",                                             # flush right
    }
    assert {"page-size", "page-numbers"} <= status["pass"]
    assert {"letterhead", "red-rules"} <= status["skip"]  # not a 信函格式 letter


def test_cli_prints_a_line_per_rule_and_fails_on_a_fault(tmp_path):
    require_soffice()
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", "--render", str(FIXTURE), "--format", "json"],
                          capture_output=True, text=True)
    assert done.returncode == 1
    [rules] = json.loads(done.stdout).values()
    failed = {r["code"]: r for r in rules if r["status"] == "fail"}
    assert failed["body-size"]["measured"] == "14 pt"
    assert failed["margin-left"]["measured"].startswith("31.")
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", "--render", str(FIXTURE)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "不通过 body-size 正文字号：实测 14 pt（应为 16 pt（3号））" in done.stdout


def test_check_without_render_is_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "letterkit", "check", str(FIXTURE)], capture_output=True, text=True)
    assert done.returncode == 2 and "--render" in done.stderr
