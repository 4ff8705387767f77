"""Slips planted into the published letters (tests/slipgen.py) are found by `import` + `check`.

The default run plants one slip of each family into each of the 18 letters and the seed (a fixed
seed, about 200 imports and checks, a few seconds); with CI=true four rounds and two more seeds.
benchmarks/slips_report.py prints the same figures per family.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

import slipgen

BIG = bool(os.environ.get("CI"))
SEEDS = [13, 14, 15] if BIG else [13]
ROUNDS = 4 if BIG else 1

# Lowest recall each family may fall to (measured: tests/fixtures/published/READING.md).  Losing one
# character from a common word mostly leaves other words (进一步 → 进步, 满意度 → 满意): the
# dictionary rule finds only the losses the letter itself shows written whole elsewhere (seed 13,
# one round: 6 of 18, was 2 of 18; 3 seeds × 6 rounds: 110 of 324, was 48; with the dictionary test
# without the letter's evidence (消防道 → 消防通道) 112 of 324, the lowest seed 34/108: the floor stays).
# An organ's name cut before a verb (县卫生健康办理) is reported only before 将、已、要: few places, few found.
# Under CI (3 seeds × 4 rounds) seed 15 finds 16 of 72 lost characters and seed 14 38 of 52 signatures
# (2026-12-02, after round 3): the floors are set under those, not under seed 13's one round.
# Round 5 (a character doubled across a word's edge, read by jieba's counts): doubled-character 51/54,
# 53/54, 48/54 on seeds 13, 14, 15 (3 rounds each, was 46, 44, 43): its floor rises to 0.75.
# Lost characters, branch lost3: 22/19/13 of 72 on seeds 13/14/15 (was 22/23/16): a word put back
# without the same neighbours must now read better where the character is often a word alone, which
# took ten false alarms on the unseen letters dev4/dev5 down to three (READING.md); the floor follows.
# Round 6: a signature retyped before 城乡 or with a place's character inside (住资和城乡建设局, 白银市自县资源局)
# is reported by organ-name-words, and 建议交县卫生健康办理 by organ-truncated: signature 36, 36, 37 of 39 on
# seeds 13, 14, 15 (3 rounds each, was 30, 32 and about as many), organ-truncated 3/3 on each (was 2/3);
# under CI (4 rounds) seed 14 finds 39 of 52 signatures (0.75, was 38): that floor stays, organ-truncated's
# rises to 0.5.
FLOOR = {"lost-character": 0.15, "doubled-character": 0.75, "name-variant": 0.5, "organ-truncated": 0.5,
         "signature": 0.7}
TARGET = 0.9  # serious (lost characters apart) and standard-breaking slips


@pytest.fixture(scope="module", params=SEEDS)
def outcomes(request):
    return slipgen.sweep(slipgen.published_letters(), ROUNDS, request.param)


def test_every_family_is_planted(outcomes):
    assert {o.family for o in outcomes} == {f.name for f in slipgen.FAMILIES}
    assert len(outcomes) >= 150 * ROUNDS


def test_each_family_keeps_its_recall(outcomes):
    table = slipgen.recall(outcomes)
    low = {name: f"{hit}/{total}" for name, (hit, total) in table.items()
           if name != "all" and total >= 3 and hit / total < FLOOR.get(name, 0.8)}
    assert not low, low


@pytest.mark.parametrize("grade", ["serious", "standard"])
def test_ninety_percent_of_the_serious_and_standard_breaking_slips_are_found(outcomes, grade):
    counted = [o for o in outcomes if o.grade == grade and o.family != "lost-character"]
    recall = sum(o.found for o in counted) / len(counted)
    print(grade, f"{recall:.1%}", len(counted))
    assert recall >= TARGET, [(o.letter, o.family, o.slip.planted) for o in counted if not o.found][:20]


def test_a_slip_found_is_found_where_it_is(tmp_path):
    """found() is no rubber stamp: the clean letter's own findings never count as finding a slip."""
    letter = slipgen.published_letters()[-1]  # the seed carries slips of its own
    family = next(f for f in slipgen.FAMILIES if f.name == "magnitude")
    before = slipgen.run(letter.lines, letter.name, tmp_path)
    assert any(p.code == "quantity-magnitude" for p in before)
    slip = slipgen.Slip("magnitude", 1, "不在信里", "")
    assert not slipgen.found(slip, family, before, before)


def test_import_and_check_on_the_command_line_report_planted_slips(tmp_path):
    """As a clerk runs them: `letterkit import` of a letter with a date that lost its 月 and a 建议 reply
    speaking of 您这一提案, then `letterkit check` of the draft."""
    letter = next(l for l in slipgen.published_letters() if l.name.startswith("05"))
    lines, _ = slipgen.plant_date_month(slipgen.Letter(letter.name, letter.lines, letter.kind, letter.organ,
                                                       {"date": letter.roles["date"]}), random.Random(1))
    planted = slipgen.Letter(letter.name, lines, letter.kind, letter.organ, letter.roles)
    lines, slip = slipgen.plant_kind_word(planted, random.Random(2))
    root = tmp_path / "project"
    (root / "drafts").mkdir(parents=True)
    source = tmp_path / "letter.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = lambda *args: subprocess.run([sys.executable, "-m", "letterkit", *args], cwd=root,
                                       capture_output=True, text=True)
    imported = run("import", str(source), "-o", "drafts/reply.yaml")
    date_line = letter.roles["date"][0]
    assert f"letter.txt:{date_line}:1: 警告 date-line-lost-month" in imported.stdout + imported.stderr, imported
    checked = run("check", "drafts/reply.yaml")
    assert " kind-word " in checked.stdout and "提案" in checked.stdout, checked.stdout + checked.stderr
    assert "Traceback" not in imported.stderr + checked.stderr
