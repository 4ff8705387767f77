"""A .docx is a zip, and python-docx reads every part of it into memory: a few megabytes
of zip can hold gigabytes of XML (a "zip bomb").  A Word file from outside (`import`,
`textconv`, which `git diff` runs, `check --render`) is checked before anything else reads it:
its zip directory first, then every part decompressed through a bounded stream, chunk by chunk,
counting the bytes that really come out.  The directory's sizes alone cannot be trusted: a
part that claims 20 KB may hold 500 MB, and zipfile's read() inflates all of it at once before
its CRC check notices.  The bytes that were checked are the bytes handed on (`check_docx`
returns them), so the file cannot change in between.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .errors import LetterkitError, Location, Problem, display_path

MAX_MEMBERS = 2_000                 # parts; a letter has about 20
MAX_MEMBER = 64 * 2**20             # bytes, one part decompressed; a letter's text is about 100 KB
MAX_TOTAL = 256 * 2**20             # bytes, all parts decompressed; pictures included
CHUNK = 2**20                       # bytes decompressed at a time
HINT = "这不像正常的答复函（可能已损坏，或是故意构造的“压缩炸弹”）：在 Word 或 WPS 中打开并另存为 .docx 后再试"


class TooLarge(Exception):
    """A part decompressing past `limit` (its name, the bytes seen so far, the limit)."""


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB" if size >= 2**20 else f"{size / 1024:,.0f} KB"


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo | str, limit: int = MAX_MEMBER,
                keep: bool = True) -> bytes:
    """A part's bytes, decompressed a chunk at a time and counted: TooLarge past `limit`
    whatever the directory says.  With keep=False only counted (returns b"")."""
    parts, size = [], 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise TooLarge(getattr(info, "filename", info), size, limit)
            if keep:
                parts.append(chunk)
    return b"".join(parts)


def check_docx(path: Path) -> bytes | None:
    """Refuse (a LetterkitError: docx-too-large, or not-docx for a damaged part) a Word file
    that decompresses past the bounds; return its bytes, checked, for the reader to use.  None
    for anything that is not a zip: the reader says so in its own words."""
    where = Location(display_path(Path(path)))

    def refuse(message: str, code: str = "docx-too-large") -> LetterkitError:
        return LetterkitError([Problem(where, code, message, HINT)])

    try:
        with open(path, "rb") as file:
            data = file.read(MAX_TOTAL + 1)
    except OSError:
        return None
    if len(data) > MAX_TOTAL:
        raise refuse(f"Word 文件超过 {_mb(MAX_TOTAL)}，超过上限")
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise refuse(f"Word 文件里有 {len(members):,} 个部件，超过上限 {MAX_MEMBERS:,} 个")
        for member in members:
            if member.file_size > MAX_MEMBER:
                raise refuse(f"Word 文件中的 {member.filename} 解压后有 {_mb(member.file_size)}，"
                             f"超过单个部件的上限 {_mb(MAX_MEMBER)}")
        total = sum(member.file_size for member in members)
        if total > MAX_TOTAL:
            raise refuse(f"Word 文件解压后共有 {_mb(total)}，超过上限 {_mb(MAX_TOTAL)}")
        total = 0
        for member in members:  # the directory may lie: what really comes out is counted
            try:
                total += len(read_member(archive, member, min(MAX_MEMBER, MAX_TOTAL - total), keep=False))
            except TooLarge as error:
                if error.args[2] < MAX_MEMBER:
                    raise refuse(f"Word 文件解压后超过上限 {_mb(MAX_TOTAL)}（解压到 {member.filename} 时，"
                                 f"它在目录中写的是 {_mb(member.file_size)}）") from None
                raise refuse(f"Word 文件中的 {member.filename} 解压后超过单个部件的上限 {_mb(MAX_MEMBER)}"
                             f"（它在目录中写的只有 {_mb(member.file_size)}）") from None
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
                raise refuse(f"Word 文件已损坏，无法读取其中的 {member.filename}：{error}", "not-docx") from None
    return data
