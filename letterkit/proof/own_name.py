"""name-variant's own-body check: the organ named in its letter by another body's name of its own field.

A county or district has one bureau for each field of work.  When the organ is 上海市嘉定区绿化和市容管理局 and
the body of its letter says 区园林绿化局 will see to the trees, the 局 of the organ's own place that holds the
organ's own field word (绿化) is the organ named from memory (园林绿化局 is another city's name for it) — not
its short form (区绿化市容局 keeps the organ's words in their order), not another bureau (区规划资源局 shares no
field word).
"""

from __future__ import annotations

import re

from .text import CJK, get, prose

# words that many bureaus' names hold: sharing one says nothing of the field (人力资源 and 自然资源, 社会保障 and
# 社会保险, 城市管理 and 应急管理); 城市, 城乡, 交通, 自然, 规划 too, which two bureaus of one place share (城市管理局
# and 城市建设局, 交通运输局 and 公安交通管理局, 自然资源局 and 自然保护区管理局)
GENERIC = set("管理 服务 事务 发展 综合 行政 执法 监督 社会 保障 资源 建设 信息 安全 技术 工作 公共 事业 经济 中心 "
              "改革 保护 开发 产业 人民 政府 委员 城市 城乡 交通 自然 规划".split())
MENTION = re.compile(f"([区县市])([{CJK}]{{2,8}}?)局")


def _field(name: str, words) -> tuple[str, str] | None:
    """(the place character, the field) of an organ's name ending with 局 (上海市嘉定区绿化和市容管理局 → 区,
    绿化和市容管理): the field starts after the last 区, 县 or 市 that begins no word with the next character
    (市容, 市场 belong to the field)."""
    if not name.endswith("局"):
        return None
    at = max((i for i, ch in enumerate(name[:-3]) if ch in "区县市" and name[i:i + 2] not in words), default=-1)
    field = name[at + 1:-1]
    return (name[at], field) if at >= 0 and 2 <= len(field) <= 10 and re.fullmatch(f"[{CJK}]+", field) else None


def _words(field: str, words) -> set[str]:
    """The field's two-character words of jieba's, the generic ones aside."""
    return {field[i:i + 2] for i in range(len(field) - 1) if field[i:i + 2] in words} - GENERIC


def _in_order(short: str, full: str) -> bool:
    """Whether every character of `short` stands in `full` in the same order (绿化市容 in 绿化和市容管理)."""
    rest = iter(full)
    return all(ch in rest for ch in short)


def _typo(other: str, field: str) -> bool:
    """One character of the organ's own name changed (交通云输局): signature-variant's or name-variant's typo, one
    finding per slip."""
    return len(other) == len(field) and sum(x != y for x, y in zip(other, field)) == 1


def other_own_names(data: dict):
    """(path, offset, the mention, the organ's name) for each bureau of the organ's own place whose name shares a
    field word with the organ's and is no short form of it."""
    name = get(data, ("organ", "name"))
    signature = data.get("signature") if isinstance(data, dict) else None
    if not any(isinstance(n, str) and n.endswith("局") for n in (name, signature)):
        return
    from .dictionary import dictionary

    words = dictionary()[1]
    organ = next((n for n in (name, signature) if isinstance(n, str) and _field(n, words)), None)
    if organ is None:
        return
    place, field = _field(organ, words)
    own = _words(field, words)
    if not own:
        return
    short = get(data, ("organ", "short_name"))
    fields = {field} | ({_field(short, words)[1]} if isinstance(short, str) and _field(short, words) else set())
    for path, text in prose(data):
        if path == ("signature",) or "局" not in text:
            continue
        for match in MENTION.finditer(text):
            if match.group(1) != place or match.start() and re.match(f"[{CJK}]", text[match.start() - 1]) \
                    and text[match.start() - 1] not in "全本我该和与及由经将向对同在":
                continue  # another place's bureau (市绿化局, 新城区园林局: 城区 no place of the organ's); 全区, 我区 are its own
            other = match.group(2)
            # the organ's whole field and more (公安 → 公安交通管理局): a body under it, or a part added (教育体育局),
            # which _bodies_with_a_part_added weighs
            if other in fields or any(_in_order(other, f) or _typo(other, f) or f in other for f in fields) \
                    or "分" in other or not own & _words(other, words):
                continue
            yield path, match.start(), match.group(), place + field + "局"
