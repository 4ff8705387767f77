"""A Word letter's paragraph broken in the middle of a sentence (`…现答` / `复如下：`, Enter pressed
where a line happened to end), joined back as a text file's broken lines are joined (clean.join's
rule for one-paragraph-per-line text).  Only body text is joined — the opening, the measures and the
closing, as recognised — and only two paragraphs that stand one after the other in the file."""

from __future__ import annotations

from .clean import join
from .notes import Note, compact
from .source import Line


def _slots(fields: dict) -> list[tuple[object, object]]:
    """The body's paragraphs in reading order, as (holder, key): fields["opening"], a measure's
    run-in text, an unnumbered measure, a closing paragraph."""
    out: list[tuple[object, object]] = []
    if isinstance(fields.get("opening"), str):
        out.append((fields, "opening"))

    def walk(items) -> None:
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, str):
                out.append((items, i))
            elif isinstance(item, dict):
                out.append((item, "text") if isinstance(item.get("text"), str) else (None, None))  # a heading alone ends a paragraph
                walk(item.get("items"))

    walk(fields.get("measures"))
    if isinstance(fields.get("closing"), list):
        out += [(fields["closing"], i) for i in range(len(fields["closing"]))]
    return out


def rejoin(fields: dict, lines: list[Line]) -> tuple[list[Line], list[Note]]:
    """The input's lines with each body paragraph that the next one visibly continues joined to it
    (`fields`: a first reading, which tells the body from the rest), and a note saying where.
    The caller reads the joined lines again: what stands in the opening (the proposal's title)
    is read from the whole paragraph."""
    at: dict[str, list[int]] = {}  # a paragraph's text → where it stands among the input's lines
    for index, line in enumerate(lines):
        at.setdefault(line.text, []).append(index)
    into_previous: list[int] = []
    slots = _slots(fields)
    before = slots[0][0][slots[0][1]] if slots and slots[0][0] is not None else None
    for holder, key in slots[1:]:
        text = holder[key] if holder is not None else None
        if before is not None and isinstance(holder, list):
            place = next((i for i in at.get(text, []) if i > 0 and before.endswith(lines[i - 1].text)), None)
            if place is not None and len(join([lines[place - 1], lines[place]], None, [])) == 1:
                into_previous.append(place)
                before += text
                continue
        before = text
    if not into_previous:
        return lines, []
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in into_previous:
            last = out[-1]
            out[-1] = Line(last.no, last.text + line.text, last.level, last.width + line.width, last.images + line.images)
        else:
            out.append(line)
    joined = [lines[i].no for i in into_previous]
    return out, [Note(joined[0], "import-joined", f"段落在句子中间断开，已与上一段接成一段：{compact(joined)}", severity="note")]
