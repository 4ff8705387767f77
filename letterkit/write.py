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
import tempfile
import zipfile
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


def set_properties(document: docx.Document, *, title: str, author: str, subject: str, when: dt.datetime) -> None:
    props = document.core_properties
    props.title = title
    props.author = author
    props.subject = subject
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.last_modified_by = author
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
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        member = _member_writer(target, when)
        member(CONTENT_TYPES_URI, _ContentTypesItem.from_parts(parts).blob)
        member(PACKAGE_URI.rels_uri, package.rels.xml)
        for part in parts:
            member(part.partname, part.blob)
            if len(part.rels):
                member(part.partname.rels_uri, part.rels.xml)
    return out.getvalue()


def _member_writer(target: zipfile.ZipFile, when: dt.datetime):
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)

    def write(name: str, content: bytes) -> None:
        member = zipfile.ZipInfo(name.lstrip("/"), date_time=stamp)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        member.create_system = 3
        target.writestr(member, content, compresslevel=6)
    return write


def fixed_zip(data: bytes, when: dt.datetime, rewrite=None) -> bytes:
    """A zip package re-written with every member's time set to `when`: the same bytes each build.
    `rewrite(name, bytes) -> bytes` may change a member on the way (a clock a library wrote in)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        member = _member_writer(target, when)
        for info in source.infolist():
            content = source.read(info.filename)
            member(info.filename, rewrite(info.filename, content) if rewrite else content)
    return out.getvalue()


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.  `durable`: on disk
    before the rename (a letter); a cache file need not wait for that."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
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
