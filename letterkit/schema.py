"""`letterkit schema`: the JSON Schema of drafts, generated from the field tables of
validate.py, so editors (the YAML language server in VS Code and others) complete and
check drafts as clerks type, with the same Chinese descriptions letterkit reports."""

from __future__ import annotations

import json

from . import validate as v
from .proof import CODES

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
TEXT = {"type": ["string", "number"]}  # numbers typed without quotes are taken as typed

KINDS = {
    v.text: TEXT,
    v.identifier: {"type": ["string", "integer"]},
    v.date: {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": r"^\d{4}年\d{1,2}月\d{1,2}日$"}]},
    v.flag: {"type": "boolean"},
    v.image_file: {"type": "string"},
    v.copy_number: {"type": ["string", "integer"], "pattern": r"^\d{6}$"},
    v.secrecy: {"type": "string", "pattern": "^(绝密|机密|秘密)(★.+)?$"},
    v.text_list: {"anyOf": [TEXT, {"type": "array", "items": TEXT, "minItems": 1}]},
    v.attachments: {"type": "array", "minItems": 1, "items": {"anyOf": [TEXT, {"$ref": "#/$defs/attachment"}]}},
    v.co_signers: {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/co_signer"}},
    v.category_scheme: {"type": "object", "additionalProperties": TEXT, "minProperties": 1},
}
NESTED = {"organ": v.ORGAN_FIELDS, "number": v.NUMBER_FIELDS, "proposal": v.PROPOSAL_FIELDS,
          "addressee": v.ADDRESSEE_FIELDS, "contact": v.CONTACT_FIELDS, "deadlines": v.DEADLINE_FIELDS}


def _object(fields: list[v.Field], overrides: dict | None = None) -> dict:
    properties = {}
    for spec in fields:
        schema = (overrides or {}).get(spec.name) or KINDS.get(spec.kind) or getattr(spec.kind, "schema", None)
        if schema is None and spec.name in NESTED:
            schema = _object(NESTED[spec.name])
        if spec.absent_ok:
            schema = {"anyOf": [schema or {}, {"const": v.ABSENT}]}
        properties[spec.name] = {**(schema or {}), "description": spec.doc}
    return {"type": "object", "properties": properties, "additionalProperties": False,
            "required": [spec.name for spec in fields if spec.required]}


def draft_schema() -> dict:
    measures = {"type": "array", "minItems": 1, "items": {"anyOf": [TEXT, {"$ref": "#/$defs/measure"}]}}
    codes = sorted(CODES)
    check = {"type": "object", "additionalProperties": False,
             "properties": {"disable": {"type": "array", "items": {"enum": codes}, "description": "本草稿不查的规则"},
                            "terms": {"type": "array", "items": {"type": "string", "pattern": f"^{v.TERM}$"},
                                      "description": "本项目的常用词，漏字检查（lost-character）读它们"}}}
    top = _object(v.DRAFT_FIELDS, {"measures": measures, "check": check})
    # Any value may come from a layer under the draft (built-in defaults, the project file, a
    # department profile), so an editor cannot know what is missing; `letterkit check` does.
    top["required"] = []
    return {
        "$schema": SCHEMA_URI,
        "$id": "https://letterkit.invalid/schema/draft.schema.json",
        "title": "letterkit 答复函草稿",
        "description": "提案/建议答复函的 YAML 草稿。字段说明见 docs/draft.md。",
        **top,
        "$defs": {
            "measure": _object(v.MEASURE_FIELDS, {"items": measures}),
            "attachment": _object(v.ATTACHMENT_FIELDS, {"content": measures}),
            "co_signer": _object(v.CO_SIGNER_FIELDS),
        },
    }


def profile_schema() -> dict:
    """A department profile: any draft value, plus `extends`."""
    schema = draft_schema()
    schema["$id"] = "https://letterkit.invalid/schema/profile.schema.json"
    schema["title"] = "letterkit 部门配置（profiles/<部门>.yaml）"
    schema["properties"] = {"extends": {"type": "string", "description": "继承的上级配置（profiles/ 中的文件名，不带 .yaml）"},
                            **schema["properties"]}
    return schema


def project_schema() -> dict:
    from .project import PROJECT_KEYS

    draft = draft_schema()
    defaults = {k: val for k, val in draft.items() if k not in ("$schema", "$id", "title", "description", "required")}
    properties = {
        "defaults": {**defaults, "description": PROJECT_KEYS["defaults"]},
        "output": {"type": "string", "description": PROJECT_KEYS["output"]},
        "check": {**draft["properties"]["check"], "description": PROJECT_KEYS["check"]},
    }
    return {"$schema": SCHEMA_URI, "title": "letterkit 项目文件（letterkit.yaml）", "type": "object",
            "properties": properties, "additionalProperties": False}


def dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def fields_markdown() -> str:
    """docs/fields.md, from the field tables: regenerate with `python3 -m letterkit.schema > docs/fields.md`."""
    lines = ["# 草稿字段一览", "",
             "由 `letterkit/validate.py` 的字段表生成（`python3 -m letterkit.schema > docs/fields.md`），不要手改。",
             "用法和示例见 [draft.md](draft.md)。", ""]

    def table(title: str, fields: list[v.Field], prefix: str = "") -> None:
        lines.extend([f"## {title}", "", "| 字段 | 必填 | 说明 |", "|---|---|---|"])
        for spec in fields:
            lines.append(f"| `{prefix}{spec.name}` | {'是' if spec.required else '否'} | {spec.doc} |")
        lines.append("")

    table("草稿", v.DRAFT_FIELDS)
    for name, fields in NESTED.items():
        table(f"{name}", fields, f"{name}.")
    table("measures 的一项", v.MEASURE_FIELDS)
    table("attachments 的一项", v.ATTACHMENT_FIELDS)
    table("co_signers 的一项", v.CO_SIGNER_FIELDS)
    return "\n".join(lines)


if __name__ == "__main__":
    print(fields_markdown(), end="")
