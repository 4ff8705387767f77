"""Golden file: the seed letter's word/document.xml and first-page header, canonicalised.

A change to the layout shows here as a readable XML diff.  After an intended change,
regenerate with:  LETTERKIT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from letterkit.build import build_draft

from conftest import SEED_DRAFT

GOLDEN = Path(__file__).parent / "golden"


def canonical(xml: bytes) -> str:
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(xml, parser)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def header_with_letterhead(archive: zipfile.ZipFile) -> str:
    for name in sorted(archive.namelist()):
        if name.startswith("word/header") and "framePr" in archive.read(name).decode():
            return name
    raise AssertionError("no header holds the letterhead")


@pytest.mark.parametrize("part", ["document", "letterhead"])
def test_seed_letter_matches_golden(tmp_path, part):
    built = build_draft(SEED_DRAFT, output=tmp_path)
    with zipfile.ZipFile(built.output) as archive:
        name = "word/document.xml" if part == "document" else header_with_letterhead(archive)
        got = canonical(archive.read(name))
    golden = GOLDEN / f"seed-{part}.xml"
    if os.environ.get("LETTERKIT_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.is_file(), f"{golden} missing: run with LETTERKIT_UPDATE_GOLDEN=1 once"
    assert got == golden.read_text(encoding="utf-8")
