"""Stage 6, write: a Document → a .docx file, atomically and byte for byte the same.

The package is written to memory, then re-zipped with fixed member times in
python-docx's own (stable) member order, then written to a temporary file in
the target folder and renamed over the target: a failed or killed build never
leaves a half-written file, and an existing good file stays until the new one
is complete.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import struct
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path

import docx


def timestamp(date: dt.date | None) -> dt.datetime:
    """Document time: SOURCE_DATE_EPOCH when set (reproducible builds), else the letter's date
    (a fixed day for a letter that has none, so builds stay byte-identical)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
    date = date or dt.date(1980, 1, 1)
    return dt.datetime(date.year, date.month, date.day)


CORE_LIMIT = 255  # characters python-docx (and the OPC core properties) allow in a text property


def _core(value: str) -> str:
    """A core property's text, cut to what it may hold: the letter itself keeps the whole title."""
    return value[:CORE_LIMIT]


def set_properties(document: docx.Document, *, title: str, author: str, subject: str, when: dt.datetime) -> None:
    props = document.core_properties
    props.title = _core(title)
    props.author = _core(author)
    props.subject = _core(subject)
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.last_modified_by = _core(author)
    props.revision = 1
    props.created = when
    props.modified = when


def to_bytes(document: docx.Document, when: dt.datetime) -> bytes:
    """The package as python-docx would save it (same members, same order), written once with
    fixed member times instead of saved and re-zipped."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    package = document.part.package
    parts = list(package.iter_parts())
    members = [(CONTENT_TYPES_URI, _ContentTypesItem.from_parts(parts).blob), (PACKAGE_URI.rels_uri, package.rels.xml)]
    for part in parts:
        members.append((part.partname, part.blob))
        if len(part.rels):
            members.append((part.partname.rels_uri, part.rels.xml))
    return zip_members([(name.lstrip("/"), data) for name, data in members], when)


_DEFLATED: dict[tuple, bytes] = {}  # (name, crc, size) → deflated bytes: styles, theme… repeat in every letter


def zip_members(members: list[tuple[str, bytes]], when: dt.datetime) -> bytes:
    """A zip of `members` in order, every member dated `when` (what zipfile writes for
    ZipInfo(date_time=when) deflated at level 6), the deflated form of repeated members reused."""
    date = (max(when.year, 1980) - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    out, central = bytearray(), bytearray()
    for name, data in members:
        raw_name = name.encode("utf-8")
        crc = zlib.crc32(data)
        key = (name, crc, len(data))
        packed = _DEFLATED.get(key)
        if packed is None:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = compressor.compress(data) + compressor.flush()
            if len(_DEFLATED) < 256:
                _DEFLATED[key] = packed
        common = (0, 8, time, date, crc, len(packed), len(data), len(raw_name), 0)  # flags, deflate, …, no extra
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 3 << 8 | 20, 20, *common, 0, 0, 0,
                               0o644 << 16, len(out)) + raw_name
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, *common) + raw_name + packed
    count = len(members)
    return bytes(out + central + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0))


def fixed_zip(data: bytes, when: dt.datetime, rewrite=None) -> bytes:
    """A zip package re-written with every member's time set to `when`: the same bytes each build.
    `rewrite(name, bytes) -> bytes` may change a member on the way (a clock a library wrote in)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    return zip_members([(name, rewrite(name, content) if rewrite else content) for name, content in members], when)


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.  `durable`: on disk
    before the rename (a letter); a cache file need not wait for that."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _terminate_after():
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                if durable:
                    file.flush()
                    os.fsync(file.fileno())
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


@contextmanager
def _terminate_after():
    """SIGTERM (a pool worker stopped after Ctrl-C, a `kill`) takes effect once the file is in
    place or removed: never a temporary file left behind.  Only kill -9 can leave one."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def aside_name(path: Path) -> Path:
    """A free name beside `path` for a letter changed outside letterkit: x.word-edited.docx,
    x.word-edited-2.docx, …"""
    path = Path(path)
    for n in range(1, 10_000):
        candidate = path.with_name(f"{path.stem}.word-edited{'' if n == 1 else f'-{n}'}{path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(path)
