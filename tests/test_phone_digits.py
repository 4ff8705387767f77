"""phone-digits: under an area code where every fixed line has eight digits, a number of seven lost one
(dev12's 566: 0871-6361245).  Generated over the codes, separators and the contact's shapes; codes where seven
and eight digits live side by side stay quiet."""

import pytest

from conftest import MINIMAL_DRAFT
from letterkit.checkrun import check_paths
from letterkit.project import open_project
from letterkit.proof.sender import EIGHT_DIGITS


def _phone_findings(tmp_path, phone):
    draft = tmp_path / "d.yaml"
    text = MINIMAL_DRAFT
    start = text.index("phone:")
    end = text.index("\n", start)
    draft.write_text(text[:start] + f'phone: "{phone}"' + text[end:], encoding="utf-8")
    return [p for p in check_paths([draft], open_project(draft))[draft] if p.code == "phone-digits"]


@pytest.mark.parametrize("code", sorted(EIGHT_DIGITS))
@pytest.mark.parametrize("separator", ["-", ""])
def test_seven_digits_under_an_eight_digit_code_are_reported(tmp_path, code, separator):
    found = _phone_findings(tmp_path, f"{code}{separator}6361245")
    assert found and code in found[0].message and "8 位" in found[0].message and found[0].location.line
    assert not _phone_findings(tmp_path, f"{code}{separator}63612456")


@pytest.mark.parametrize("phone", ["0936-8213547", "0570-8856123", "0931-2345678", "0771-5512345", "13800138000",
                                   "6361245", "63612456", "0871-63612456，13912345678"])
def test_codes_with_seven_digit_numbers_and_other_phones_stay_quiet(tmp_path, phone):
    assert not _phone_findings(tmp_path, phone)
