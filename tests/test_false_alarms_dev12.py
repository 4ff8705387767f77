"""The round-9 letters (dev12, 551–586) raise nothing but their planted slips: every `check` finding counted as
test_false_alarms.py counts them was read (tests/fixtures/published/dev12/README.md) and found real — a planted slip,
sometimes named by two rules.  A code raising more than it does here, or a code not listed, fails: a new false alarm
on letters we know, or a finding to read and add; a code raising less fails too: a slip no longer found."""

from __future__ import annotations

from collections import Counter

import pytest


from conftest import PUBLISHED
from test_false_alarms import against_reading

DEV12 = PUBLISHED / "dev12"
# letter → {code: findings}, all real (their planted slips); letters not listed raise nothing counted
REAL = {
    "551": {'count-referred': 1, 'doubled-character': 1},
    "552": {'addressee-role': 1, 'doubled-character': 1},
    "554": {'half-width-punctuation': 1, 'lost-character': 1},
    "555": {'name-variant': 1, 'place-homophone': 1, 'range-two-ways': 1, 'unit-subject': 1},
    "556": {'number-precision': 1, 'signature-organ': 1, 'you-plural': 1},
    "557": {'kind-word': 1, 'quoted-title-mismatch': 1},
    "559": {'count-restated': 1},
    "560": {'repeated-sentence': 1, 'signature-organ': 1},
    "561": {'title-guanyu-dui': 1, 'unit-restated': 1},
    "562": {'doubled-character': 1, 'part-exceeds-total': 1},
    "563": {'lost-character': 1, 'proposal-mismatch': 1},
    "565": {'half-width-punctuation': 2, 'name-variant': 1},
    "566": {'done-after-date': 1, 'number-year': 1, 'phone-digits': 1},  # done-after-date: the planted date (2023 for 2024)
    "571": {'count-restated': 1, 'doubled-character': 1},
    "572": {'addressee-role': 1, 'half-width-punctuation': 1, 'unit-misfit': 1},
    "573": {'name-variant': 1},
    "574": {'kind-word': 1, 'length-too-short': 1, 'title-guanyu-dui': 1},
    "575": {'lost-character': 1, 'repeated-sentence': 1, 'signature-organ': 1},
    "577": {'number-precision': 1, 'quantity-magnitude': 1, 'quoted-title-mismatch': 1},
    "578": {'proposal-mismatch': 1, 'signature-organ': 1},
    "579": {'unit-misfit': 1},
    "580": {'lost-character': 1, 'range-two-ways': 1, 'you-plural': 1},
    "582": {'count-restated': 1, 'kind-word': 1},
    "583": {'addressee-role': 1, 'doubled-character': 1},
    "584": {'parts-sum': 1, 'place-homophone': 1, 'quantity-magnitude': 1},
    "586": {'proposal-mismatch': 1},
}
QUIET = ['553', '558', '564', '576', '581', '585']




@pytest.mark.parametrize("source", sorted(DEV12.glob("[0-9]*_*.txt")), ids=lambda p: p.name.split("_")[0])
def test_a_round_nine_letter_raises_its_slips_and_nothing_else(source):
    key, unread, lost = against_reading(source, REAL)
    assert unread == Counter(), f"{key}: findings not read yet (a false alarm?)"
    assert lost == Counter(), f"{key}: a planted slip no longer found"


def test_every_letter_is_listed_once():
    keys = {p.name.split("_")[0] for p in DEV12.glob("[0-9]*_*.txt")}
    assert keys == set(REAL) | set(QUIET) and not set(REAL) & set(QUIET)
