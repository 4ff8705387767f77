"""The documentation names what the code accepts: every draft field and every block tag."""

from pathlib import Path

from letterkit.blocks import TAGS
from letterkit.validate import (ADDRESSEE_FIELDS, CONTACT_FIELDS, DRAFT_FIELDS, MEASURE_FIELDS, NUMBER_FIELDS,
                                ORGAN_FIELDS, PROPOSAL_FIELDS)

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_draft_field_is_documented():
    text = (DOCS / "draft.md").read_text(encoding="utf-8")
    nested = {"organ": ORGAN_FIELDS, "number": NUMBER_FIELDS, "proposal": PROPOSAL_FIELDS,
              "addressee": ADDRESSEE_FIELDS, "contact": CONTACT_FIELDS}
    for field in DRAFT_FIELDS:
        if field.name in nested:
            for sub in nested[field.name]:
                assert f"`{field.name}.{sub.name}`" in text
        else:
            assert f"`{field.name}`" in text
    for field in MEASURE_FIELDS:
        assert f"`{field.name}`" in text


def test_every_block_tag_is_documented():
    text = (DOCS / "blocks.md").read_text(encoding="utf-8")
    for tag in TAGS:
        assert f"`{tag}`" in text or (tag.startswith("h") and "`h1`–`h4`" in text)


def test_field_reference_is_generated_from_the_code():
    from letterkit.schema import fields_markdown

    assert (DOCS / "fields.md").read_text(encoding="utf-8") == fields_markdown()


def test_rule_reference_is_generated_from_the_code():
    from letterkit.lint import rules_markdown

    assert (DOCS / "rules.md").read_text(encoding="utf-8") == rules_markdown()
