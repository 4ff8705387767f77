"""Import's buildability self-check makes every check `build` makes: a draft that `build` rejects is
warned with import-unbuildable naming the field, and a draft the import lets pass builds (issue 12).
Joint signatures too wide to stand side by side with their seals, once such a draft, are now
imported unsealed (round 3), so every case here builds."""

import itertools
import os

from letterkit.build import build_draft
from letterkit.errors import LetterkitError
from letterkit.importing import import_file
from letterkit.project import open_project

from conftest import PUBLISHED

LETTER = (PUBLISHED / "12_junshan_jianyi.txt").read_text(encoding="utf-8")
DATE_LINE = "2020年7月15日"
PLACES = ["", "岳阳楼区", "岳阳市岳阳楼区", "湖南省岳阳市岳阳楼区"]
CORES = ["交通运输", "公安", "城市管理", "卫生健康", "教育体育", "自然资源", "住房和城乡建设", "市场监督管理"]
# organs on the signature line (1–4) × how long their names are (3–17 characters)
SHIFTS = range(len(CORES)) if os.environ.get("CI") else range(2)
CASES = [(count, place, shift) for count, place, shift in itertools.product(range(1, 5), PLACES, SHIFTS)]


def organs(count: int, place: str, shift: int) -> list[str]:
    return [f"{place}{CORES[(shift + i) % len(CORES)]}局" for i in range(count)]


def imported_then_built(tmp_path, names: list[str]):
    """The letter signed by `names` on one line, imported; (import result, build's error or None)."""
    source = tmp_path / "letter.txt"
    source.write_text(LETTER.replace(DATE_LINE, " ".join(names) + "\n" + DATE_LINE), encoding="utf-8")
    result = import_file(source)
    draft = tmp_path / "letter.yaml"
    draft.write_text(result.draft, encoding="utf-8")
    for name, data in result.images.items():
        (tmp_path / name).write_bytes(data)
    try:
        build_draft(draft, open_project(draft), tmp_path / "out")
    except LetterkitError as error:
        return result, error
    return result, None


def test_signatures_of_one_to_four_organs_build_or_are_warned(tmp_path_factory):
    """Round 3: organs too wide to stand side by side with their seals no longer give a draft build
    rejects (four organs still do, and are warned) — a copied text shows no seal, so the draft says sealed: false (signatures one under
    another, GB/T 9704 7.3.5.2) and a note says why; every other draft builds as before."""
    unsealed = 0
    for case in CASES:
        names = organs(*case)
        result, error = imported_then_built(tmp_path_factory.mktemp("sig"), names)
        warned = [n.message for n in result.notes if n.code == "import-unbuildable"]
        if error is not None:  # four organs: more than a line holds, sealed or not (too-many-signers)
            assert warned and all(any(p.message in m for m in warned) for p in error.problems), (names, warned)
            assert [p.code for p in error.problems] == ["too-many-signers"], error.problems
        else:
            assert not warned, (names, warned)
        said = [n for n in result.notes if n.code == "import-joint-unsealed"]
        assert bool(said) == ("sealed: false" in result.draft), names
        unsealed += bool(said)
    assert unsealed >= len(CASES) // 4  # the set reaches the drafts that would not fit sealed


def test_the_testers_three_organs_build_unsealed(tmp_path):
    result, error = imported_then_built(tmp_path, ["岳阳楼区交通运输局", "岳阳楼区公安分局", "岳阳楼区城管局"])
    assert error is None
    note = next(n for n in result.notes if n.code == "import-joint-unsealed")
    assert note.severity == "note" and "sealed: false" in note.message and "简称" in note.hint
