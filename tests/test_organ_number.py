"""发文机关 × 发文字号 × 版式, every way a clerk can write them (absent, 无, partial, whole), through
`letterkit build` and `letterkit check`: a draft builds, or both name what to fill at file:line:column —
never an internal error (issue 12: `organ: 无` with a real `number` ended in an AttributeError)."""

import datetime
import itertools
import os
import re
import subprocess
import sys

import pytest
import yaml

ORGANS = {"absent": None, "无": "无", "name": {"name": "岳阳市岳阳楼区水利局"},
          "name+code": {"name": "岳阳市岳阳楼区水利局", "code": "岳楼水函"}}
NUMBERS = {"absent": None, "无": "无", "partial": {"year": 2022}, "full": {"year": 2022}}  # full: seq added per draft
LAYOUTS = ["letter", "general", "plain"]
CASES = list(itertools.product(ORGANS, NUMBERS, LAYOUTS))


def draft(organ: str, number: str, layout: str, seq: int) -> dict:
    data = {"layout": layout}
    if ORGANS[organ] is not None:
        data["organ"] = ORGANS[organ]
    if NUMBERS[number] is not None:
        data["number"] = dict(NUMBERS[number], seq=seq) if number == "full" else NUMBERS[number]
    data.update({"proposal": {"kind": "建议", "id": str(seq), "title": "关于加强小型水库除险加固的建议"},
                 "addressee": {"name": "赵秀英"}, "measures": ["计划2023年完成剩余11座除险加固。"],
                 "sealed": False, "date": datetime.date(2022, 8, 25), "contact": {"name": "蒋涛", "phone": "0734-5221876"}})
    if organ in ("absent", "无"):
        data["signature"] = "无"
    return data


def buildable(organ: str, number: str, layout: str) -> bool:
    """What GB/T 9704 and the draft format allow: a 发文字号 needs the organ's code; a 版头 needs an organ."""
    if organ == "absent" or number in ("absent", "partial"):
        return False
    if organ == "无":
        return layout == "plain" and number == "无"
    return number == "无" or organ == "name+code"


def name(case) -> str:
    return "-".join(case).replace("+", "_").replace("无", "none")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One project holding every combination; `build` and `check` run once over all of it."""
    root = tmp_path_factory.mktemp("organ-number")
    (root / "letterkit.yaml").write_text("output: build\n", encoding="utf-8")
    (root / "drafts").mkdir()
    for seq, case in enumerate(CASES, start=1):
        text = yaml.safe_dump(draft(*case, seq), allow_unicode=True, sort_keys=False)
        (root / "drafts" / f"{name(case)}.yaml").write_text(text, encoding="utf-8")
    env = dict(os.environ)
    run = lambda *args: subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=root,  # noqa: E731
                                       capture_output=True, text=True, env=env)
    return root, run("build", "-j", "1"), run("check")


@pytest.mark.parametrize("case", CASES, ids=name)
def test_each_combination_builds_or_is_named_where_to_fill(runs, case):
    root, build, check = runs
    stem = name(case)
    for what, done in (("build", build), ("check", check)):
        said = done.stdout + done.stderr
        assert "Traceback" not in said and "internal-error" not in said and "内部错误" not in said, f"{what}:\n{said}"
        errors = [line for line in said.splitlines() if f"drafts/{stem}.yaml:" in line and " 错误 " in line]
        if buildable(*case):
            assert not errors, f"{what}: {errors}"
        else:
            assert errors, f"{what} said nothing about drafts/{stem}.yaml:\n{said}"
            for line in errors:  # where (file:line:column), what, and how to fix it, in Chinese
                assert re.match(rf"drafts/{re.escape(stem)}\.yaml:\d+:\d+: 错误 [a-z-]+ .*[\u4e00-\u9fff].*（.+）$", line), line
    assert (root / "build" / f"{stem}.docx").is_file() == buildable(*case)
    assert build.returncode == check.returncode == 1  # some drafts in the project cannot be built


def test_organ_none_with_a_number_points_at_the_organ(tmp_path):
    """The tester's draft: `organ: 无`, then the number written first, as the import's hint suggests."""
    (tmp_path / "tb.yaml").write_text(
        "layout: plain\norgan: 无\nnumber: {year: 2022, seq: 7}\n"
        "proposal: {kind: 建议, id: '5', title: 关于加强小型水库除险加固的建议}\naddressee: {name: 赵秀英}\n"
        "measures: [计划2023年完成剩余11座除险加固。]\nsignature: 无\ndate: 2022-08-25\n"
        "contact: {name: 蒋涛, phone: 0734-5221876}\n", encoding="utf-8")
    for args in (("build", "tb.yaml", "-o", "b"), ("check", "tb.yaml")):
        done = subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 1
        assert "tb.yaml:2:8: 错误 organ-needed" in done.stdout + done.stderr, done.stdout + done.stderr
        assert "number: 无" in done.stdout + done.stderr  # the other way out: the original has no 发文字号
    assert not list(tmp_path.rglob("*.docx"))
