"""Breaking a long title into lines (GB/T 9704 7.3.1): between words only, the lines
centred and shaped as a trapezoid (lines growing, or shrinking, from top to bottom) or a
diamond (the middle longest), whichever fits the words better; breaks at phrase starts
(第…, 关于…) and ends (…会议, …的) are preferred.

Words come from jieba, the usual Chinese word segmenter (its dictionary ships in the
package; loaded only when a title is too long for one line).  Beyond the words, a
break never splits 第…号, a Latin or digit run, or puts punctuation at a line's start.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import atexit
import multiprocessing.util
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from .cache import cache_dir

OPENING = "“‘（《〈「『【〔"
CLOSING = "，。、；：？！”’）》〉」』】〕…—·"
NARROW = re.compile(r"[\x00-\u2e7f]")  # Latin letters, digits and ASCII punctuation: half width
CACHE_VERSION = "jieba-0.42-1"  # change when the segmenter or its use changes
LATIN_GAP = 0.19  # characters of space renderers add where Chinese meets Latin or digits (3 pt at 16 pt)


@lru_cache(maxsize=8192)
def text_width(text: str) -> float:
    """Width in characters: Chinese and full-width count 1, Latin letters and digits ½,
    plus the gap Word and LibreOffice put where Chinese meets Latin or digits."""
    total, gaps, previous = 0.0, 0, None
    for ch in text:
        narrow = ch <= "\u2e7f" and ch != "—"  # NARROW, compared rather than matched: this runs often
        total += 0.5 if narrow else 1.0
        if previous is not None and narrow != previous:
            gaps += 1
        previous = narrow
    return total + gaps * LATIN_GAP


@lru_cache(maxsize=1)
def _segmenter():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    # jieba keeps its prepared dictionary in the shared temporary folder, where anyone could plant
    # one: in letterkit's private cache instead, or a private folder of this process
    folder = cache_dir("jieba")
    jieba.dt.tmp_dir = str(folder) if folder else tempfile.mkdtemp(prefix="letterkit-jieba-")
    jieba.initialize()
    return jieba


def _cache_file() -> Path | None:
    """In the user's private cache folder; None (nothing kept on disk) when there is none."""
    folder = cache_dir()
    return folder / f"title-words-{CACHE_VERSION}.json" if folder else None


def _valid(entries) -> dict:
    """The entries that are what a segmentation is: a title → words that join back to it exactly,
    so a damaged or planted file can never change a title's text."""
    if not isinstance(entries, dict):
        return {}
    return {text: words for text, words in entries.items()
            if isinstance(text, str) and isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)
            and "".join(words) == text}


def _read_cache() -> dict:
    path = _cache_file()
    if path is None:
        return {}
    try:
        return _valid(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


@lru_cache(maxsize=1)
def _cache() -> dict:
    return _read_cache()


_unsaved = 0  # titles segmented since the cache file was last written


def _segment(text: str) -> list[str]:
    """jieba's words for `text`, remembered across runs: loading jieba's dictionary takes
    about 1.5 s, and a title is segmented the same way every time."""
    global _unsaved
    cache = _cache()
    if text not in cache:
        cache[text] = _segmenter().lcut(text, HMM=True)
        if _unsaved == 0:  # saved at exit, a batch's workers included, and every 64 new titles
            atexit.register(save_cache)
            multiprocessing.util.Finalize(None, save_cache, exitpriority=10)
        _unsaved += 1
        if _unsaved >= 64:
            save_cache()
    return cache[text]


def save_cache() -> None:
    """Write the remembered titles (merged with what other processes wrote meanwhile)."""
    global _unsaved
    if not _unsaved:
        return
    _unsaved = 0
    cache, path = _cache(), _cache_file()
    if path is None:
        return
    merged = {**_read_cache(), **cache}
    try:
        from .write import write_atomic

        write_atomic(path, json.dumps(merged, ensure_ascii=False).encode("utf-8"), durable=False)
    except OSError:
        pass  # only a cache: a read-only home costs time, nothing else


def words(text: str) -> list[str]:
    """Tokens between which a line may break."""
    return _breakable(_segment(text))


def _breakable(tokens: list[str]) -> list[str]:
    """Tokens joined wherever a line may not break between them."""
    merged: list[str] = []
    for token in tokens:
        if merged and not _may_break(merged[-1], token):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _may_break(before: str, after: str) -> bool:
    if not before.strip() or not after.strip():
        return False  # keep "TA 20200005" together
    if after[0] in CLOSING or before[-1] in OPENING:
        return False
    if NARROW.match(before[-1]) and NARROW.match(after[0]):
        return False
    if before.endswith("第") or after.startswith("号"):
        return False  # 第20240056号 stays whole
    return True


def break_title(text: str, max_width: float) -> list[str]:
    """The title's lines; one line when it fits."""
    if text_width(text) <= max_width:
        return [text]
    least = math.ceil(text_width(text) / max_width)
    phrases = _phrases(text)  # most titles break well where a phrase starts or ends: no dictionary needed
    for lines in range(least, least + 2):
        best = _best_split(phrases, lines, max_width)
        if best and _shape_cost([text_width(line) for line in best]) <= PHRASES_GOOD_ENOUGH:
            return best
    tokens = words(text)
    for lines in range(least, least + 3):
        best = _best_split(tokens, lines, max_width)
        if best:
            return best
    return _greedy(text, max_width)  # no word boundary fits: break by characters


PHRASES_GOOD_ENOUGH = 3.0  # a shape cost: lines within three characters of each other, in order


def _phrases(text: str) -> list[str]:
    """The title cut only before 第/关于 and after 会议/大会/的 (outside quotes and brackets)."""
    cuts = {0, len(text)}
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in OPENING
        depth -= ch in CLOSING and ch in "”’）》〉」』】〕"
        if depth > 0:
            continue
        if text.startswith(STRONG_BEFORE, i):
            cuts.add(i)
        for end in STRONG_AFTER:
            if text.startswith(end, i):
                cuts.add(i + len(end))
    bounds = sorted(cuts)
    return _breakable([text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b]])


STRONG_BEFORE = ("第", "关于")          # a phrase starts here
STRONG_AFTER = ("会议", "大会", "的")     # a phrase ends here


def _best_split(tokens: list[str], lines: int, max_width: float) -> list[str] | None:
    best, best_cost = None, math.inf
    for cuts in itertools.combinations(range(1, len(tokens)), lines - 1):
        bounds = (0, *cuts, len(tokens))
        parts = ["".join(tokens[a:b]).strip() for a, b in zip(bounds, bounds[1:])]
        widths = [text_width(p) for p in parts]
        if max(widths) > max_width:
            continue
        strong = sum(1 for cut in cuts if tokens[cut].startswith(STRONG_BEFORE) or tokens[cut - 1].endswith(STRONG_AFTER))
        cost = _shape_cost(widths) - 2 * strong
        if cost < best_cost:
            best, best_cost = parts, cost
    return best


def _shape_cost(widths: list[float]) -> float:
    """Low for a trapezoid (lines growing, or shrinking, line by line) or a diamond (middle
    longest, ends alike); the spread of the lengths breaks ties toward even lines."""
    spread = max(widths) - min(widths)
    shrinks = sum(max(0.0, a - b) for a, b in zip(widths, widths[1:]))
    grows = sum(max(0.0, b - a) for a, b in zip(widths, widths[1:]))
    trapezoid = 10 * min(shrinks, grows) + spread
    if len(widths) < 3:
        return trapezoid
    peak = widths.index(max(widths))
    unimodal = sum(max(0.0, a - b) for a, b in zip(widths[:peak], widths[1:peak + 1])) + \
        sum(max(0.0, b - a) for a, b in zip(widths[peak:], widths[peak + 1:]))
    diamond = 10 * unimodal + 2 * abs(widths[0] - widths[-1]) + (0 if 0 < peak < len(widths) - 1 else 5) + spread
    return min(trapezoid, diamond)


def _greedy(text: str, max_width: float) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if text_width(current + ch) > max_width and current and ch not in CLOSING:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current] if current else lines
