"""Family 4: one organisation or place named in near-identical forms in one letter.

A short form that drops the leading place (福田区人才服务中心 → 区人才服务中心) is normal; a
form that differs inside the name (深港科技创新合作区 / 深港创新合作区, 人才 / 人材) is not.
Names are found by their last word (中心, 局, 合作区, 产业园 …) and compared right to left.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .registry import Finding, rule
from .text import CJK, prose

SUFFIX = ("委员会|办公室|办事处|服务中心|中心|管理局|局|合作区|产业园|科技园|科学园|园区|基地|研究院|实验室|"
          "服务站|工作站|医院|学校|公司|集团|协会|商会|街道|社区")
END = re.compile(rf"({SUFFIX})$")


SUFFIX_AT = re.compile(rf"(?:{SUFFIX})")
RUN_END = re.compile(rf"[{CJK}]+$")


def _mentions(text: str):
    """(offset, the 12 characters up to and including a name's last word) for each name-like run."""
    for match in SUFFIX_AT.finditer(text):
        start = max(0, match.end() - 12)
        run = RUN_END.search(text[start:match.end()])
        if run and len(run.group()) >= 5:
            yield start + run.start(), run.group()


@lru_cache(maxsize=65536)  # a department's drafts name the same bodies again and again
def _variant(a: str, b: str) -> str | None:
    """How b differs from a inside the name, if it does: a common tail (the last word and more), a
    common anchor of two characters before it, and a short difference between them."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if tail < 3 or not END.search(a[len(a) - tail:]):
        return None
    a_rest, b_rest = a[:len(a) - tail], b[:len(b) - tail]
    for gap_a in range(0, 3):
        for gap_b in range(0, 5):
            if gap_a == gap_b == 0 or (gap_a and gap_b and gap_a != gap_b):
                continue
            anchor_a, anchor_b = a_rest[:len(a_rest) - gap_a], b_rest[:len(b_rest) - gap_b]
            if len(anchor_a) >= 2 and len(anchor_b) >= 2 and anchor_a[-2:] == anchor_b[-2:]:
                extra_a, extra_b = a_rest[len(anchor_a):], b_rest[len(anchor_b):]
                if re.search("[市区县省镇街]|以上|级", extra_a + extra_b):
                    return None  # a qualifier or a place: another body, not another spelling
                return f"“{extra_a}”与“{extra_b}”" if extra_a and extra_b else f"“{extra_a or extra_b}”"
    return None


@rule("name-variant", "warning", "names", "同一机构、园区在一封信里只用一种名称",
      "“深港科技创新合作区”与“深港创新合作区”、“人才服务中心”与“人材服务中心”：名称中间差了字，读者不知道是不是同一处。"
      "省去开头的地名是正常的简称，不报。把握一般：两个不同机构恰好只差一两个字时也会报，所以是警告。",
      "深港科技创新合作区……深港创新合作区", "深港科技创新合作区……深港科技创新合作区（或“合作区”）")
def _names(c):
    seen: dict[str, list[str]] = {}  # by the last three characters: variants share at least those
    reported = set()
    for path, text in prose(c.data):
        for offset, run in _mentions(text):
            bucket = seen.setdefault(run[-3:], [])
            for earlier in bucket:
                difference = _variant(earlier, run) if earlier != run else None
                key = (min(earlier, run)[-6:], max(earlier, run)[-6:])
                if difference and key not in reported:
                    reported.add(key)
                    yield Finding(path, f"“{run[-8:]}”与前文“{earlier[-8:]}”相差{difference}，像是同一名称的两种写法",
                                  "核对全称，全文统一", offset)
                    break
            if run not in bucket:
                bucket.append(run)
