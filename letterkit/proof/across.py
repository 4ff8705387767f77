"""Rules checked across a project's drafts (by checkrun.check_paths): here for their codes and docs,
so `check: {disable: …}`, the JSON Schema and docs/rules.md know them from the one registry."""

from __future__ import annotations

from .registry import rule


@rule("duplicate-proposal", "error", "project", "同一件提案/建议在项目里只能有一份草稿。",
      "两份草稿答复同一件提案，会寄出两封不同的信。", "drafts/a.yaml 和 drafts/b.yaml 都答复 TA20240012",
      "一件提案/建议一份草稿（会办意见另写）", stage="project")
def _duplicate_proposal(c):
    return iter(())


@rule("duplicate-number", "error", "project", "一个发文字号（机关代字、年份、顺序号）在项目里只能用于一份草稿。",
      "两封信同为 福住建函〔2024〕35号 是错信；letterkit build 也拒绝生成。", "两份草稿都是 number: {year: 2024, seq: 35}",
      "每份草稿一个顺序号（letterkit new 自动取号）", stage="project", always=True)
def _duplicate_number(c):
    return iter(())
