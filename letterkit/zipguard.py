"""A .docx is a zip, and python-docx reads every part of it into memory: a few megabytes
of zip can hold gigabytes of XML (a "zip bomb").  What a Word file from outside (`import`,
`textconv`, which `git diff` runs) would decompress to is checked first, from the zip's
directory.  Python's zipfile never decompresses a member past the size the directory
gives (a member that lies about its size fails its CRC check), so the check holds.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import LetterkitError, Location, Problem, display_path

MAX_MEMBERS = 2_000                 # parts; a letter has about 20
MAX_MEMBER = 64 * 2**20             # bytes, one part decompressed; a letter's text is about 100 KB
MAX_TOTAL = 256 * 2**20             # bytes, all parts decompressed; pictures included


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB" if size >= 2**20 else f"{size / 1024:,.0f} KB"


def check_docx(path: Path) -> None:
    """Refuse (a LetterkitError) a Word file that would decompress past the bounds; leave
    anything that is not a zip to the reader, which says so in its own words."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    where = Location(display_path(Path(path)))
    hint = "这不像正常的答复函（可能已损坏，或是故意构造的“压缩炸弹”）：在 Word 或 WPS 中打开并另存为 .docx 后再试"
    if len(members) > MAX_MEMBERS:
        raise LetterkitError([Problem(where, "docx-too-large",
                                      f"Word 文件里有 {len(members):,} 个部件，超过上限 {MAX_MEMBERS:,} 个", hint)])
    for member in members:
        if member.file_size > MAX_MEMBER:
            raise LetterkitError([Problem(where, "docx-too-large",
                                          f"Word 文件中的 {member.filename} 解压后有 {_mb(member.file_size)}，"
                                          f"超过单个部件的上限 {_mb(MAX_MEMBER)}", hint)])
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL:
        raise LetterkitError([Problem(where, "docx-too-large",
                                      f"Word 文件解压后共有 {_mb(total)}，超过上限 {_mb(MAX_TOTAL)}", hint)])
