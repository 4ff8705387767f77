"""Import into a project: a 发文字号 another draft of the project already uses.

`import` alone cannot know it (it reads one letter); the command knows where the draft goes, so it
asks here before writing, and the clerk hears it from the import, with the other draft's path,
instead of from the build that refuses the draft later (duplicate-number)."""

from __future__ import annotations

import re

from .notes import Note


def warn_number_taken(imported, target, project) -> None:
    """Add to the import's notes and to the draft's header comments a warning naming the drafts that
    already use the imported 发文字号 (nothing when none does, or outside a project)."""
    from ..docnumbers import others_with
    from ..errors import display_path

    organ, number = imported.fields.get("organ"), imported.fields.get("number")
    if project.config is None or not isinstance(organ, dict) or not isinstance(number, dict) or not organ.get("code"):
        return
    code, year, seq = organ["code"], number["year"], number["seq"]
    others = others_with(project, target, code, year, seq)
    if not others:
        return
    printed = f"{code}〔{year}〕{seq}号"
    line = next((no for no, text in enumerate(imported.source_lines, 1)
                 if str(year) in text and re.search(rf"(?<!\d){seq}\s*号", text) and code[:1] in text), None)
    note = Note(line, "import-number-taken", f"发文字号 {printed} 已由 {'、'.join(display_path(p) for p in others)} 使用："
                "letterkit build 会拒绝生成这份草稿（duplicate-number）",
                "同一封信已经导入过的话，删去一份；不是同一封信的话，核对原件，改正其中一份的 number.seq")
    imported.notes.append(note)
    head, mark, rest = imported.draft.partition("\n")
    imported.draft = f"{head}\n#\n# 警告：{note.message}\n#   （{note.hint}）{mark}{rest}"
