"""The JSON Schema for editors: generated from the field tables, committed, and valid for
every draft in the repository."""

import datetime as dt
import json
import subprocess
import sys

import jsonschema
import yaml

from letterkit.schema import draft_schema, dumps, profile_schema, project_schema

from conftest import MINIMAL_DRAFT, REPO


def as_editor_sees(path_or_text):
    text = path_or_text if isinstance(path_or_text, str) else path_or_text.read_text(encoding="utf-8")
    return json.loads(json.dumps(yaml.safe_load(text), default=lambda o: o.isoformat() if isinstance(o, dt.date) else str(o)))


def test_committed_schemas_are_up_to_date():
    assert (REPO / "schema" / "draft.schema.json").read_text(encoding="utf-8") == dumps(draft_schema())
    assert (REPO / "schema" / "project.schema.json").read_text(encoding="utf-8") == dumps(project_schema())
    assert (REPO / "schema" / "profile.schema.json").read_text(encoding="utf-8") == dumps(profile_schema())


def test_every_repository_draft_validates_and_names_the_schema():
    validator = jsonschema.Draft202012Validator(draft_schema())
    for draft in sorted((REPO / "drafts").rglob("*.yaml")):
        assert not list(validator.iter_errors(as_editor_sees(draft))), draft
        assert draft.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/draft.schema.json")
    jsonschema.validate(as_editor_sees(REPO / "letterkit.yaml"), project_schema())
    for profile in sorted((REPO / "profiles").glob("*.yaml")):
        jsonschema.validate(as_editor_sees(profile), profile_schema())
        assert profile.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/profile.schema.json")


def test_the_schema_catches_what_letterkit_catches():
    validator = jsonschema.Draft202012Validator(draft_schema())
    assert not list(validator.iter_errors(as_editor_sees(MINIMAL_DRAFT)))
    for broken in (MINIMAL_DRAFT.replace("contact:", "contcat:"), MINIMAL_DRAFT.replace("kind: 提案", "kind: 议案"),
                   MINIMAL_DRAFT.replace("  name: 张三", "  nmae: 张三"),
                   MINIMAL_DRAFT.replace("seq: 7", "seq: 七")):
        assert list(validator.iter_errors(as_editor_sees(broken)))


def test_every_field_has_a_chinese_description():
    def walk(node):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert sub.get("description"), name
                walk(sub)
            for sub in node.get("$defs", {}).values():
                walk(sub)
    walk(draft_schema())


def test_cli_writes_the_schema(tmp_path):
    done = subprocess.run([sys.executable, "-m", "letterkit", "schema"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["title"] == "letterkit 答复函草稿"
