"""The draft's prose in reading order, split into sentences: what every proofreading rule reads."""

from __future__ import annotations

import re
from typing import Iterator

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")


_last: list = [None, None]  # the draft last walked and its paragraphs: every rule walks the same draft


def prose(data: dict) -> list[tuple[tuple, str]]:
    """(path, text) of every paragraph a reader sees, title to signature, in order."""
    if _last[0] is data:
        return _last[1]
    found: list[tuple[tuple, str]] = []
    for key in ("title", "opening"):
        if isinstance(data.get(key), str):
            found.append(((key,), data[key]))
    found += list(measure_texts(data.get("measures"), ("measures",)))
    closing = data.get("closing")
    for index, item in enumerate(closing if isinstance(closing, list) else [closing] if isinstance(closing, str) else []):
        if isinstance(item, str):
            found.append(((("closing", index) if isinstance(closing, list) else ("closing",)), item))
    attachments = data.get("attachments")
    for index, item in enumerate(attachments if isinstance(attachments, list) else []):
        if isinstance(item, dict):
            if isinstance(item.get("title"), str):
                found.append((("attachments", index, "title"), item["title"]))
            found += list(measure_texts(item.get("content"), ("attachments", index, "content")))
        elif isinstance(item, str):
            found.append((("attachments", index), item))
    if isinstance(data.get("signature"), str):
        found.append((("signature",), data["signature"]))
    _last[:] = [data, found]
    return found


def measure_texts(nodes, path) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every heading and text in a measures tree, in reading order (lint shares it)."""
    if not isinstance(nodes, list):
        return
    for index, node in enumerate(nodes):
        where = path + (index,)
        if isinstance(node, str):
            yield where, node
        elif isinstance(node, dict):
            for key in ("heading", "text"):
                if isinstance(node.get(key), str):
                    yield where + (key,), node[key]
            yield from measure_texts(node.get("items"), where + ("items",))


MOST_TEXTS = 20_000  # paragraphs remembered per function; past that it starts again
MEMOS: list[dict] = []  # every per-paragraph memo, for forget()


def forget() -> None:
    """Empty every per-paragraph memo (tests compare a warm memo's answers with fresh ones)."""
    for known in MEMOS:
        known.clear()


def per_text(function):
    """`function` of one paragraph's text alone, as a list worked out once per distinct text: the
    letters of one office repeat paragraphs (the closing, the measures of a reply sent to several
    members), and a rule need not read them again."""
    known: dict = {}
    MEMOS.append(known)

    def once(text: str) -> list:
        found = known.get(text)
        if found is None:
            if len(known) >= MOST_TEXTS:
                known.clear()
            found = known[text] = list(function(text))
        return found
    once.__doc__ = function.__doc__
    return once


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of a paragraph, ending marks kept."""
    return [(m.start(), m.group()) for m in SENTENCE.finditer(text) if m.group().strip()]


def get(data, path):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def same_organ_in_full(longer: str, name: str) -> bool:
    """遵义市播州区商务局 is 播州区商务局 with its city in front, 南湾街道办事处 is 南湾街道 named in full:
    the same organ."""
    if len(name) < 4 or longer == name:
        return False
    if longer.startswith(name) and longer[len(name):] in ("办事处", "人民政府") and name.endswith(("街道", "县", "区", "市", "镇", "乡")):
        return True
    return longer.endswith(name) and re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:省|市|州|盟|地区)", longer[:-len(name)]) is not None


def short(text: str, most: int = 24) -> str:
    """A quotation for a message: the text, cut with … when long."""
    return text if len(text) <= most else text[:most] + "…"
