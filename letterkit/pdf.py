"""Optional stage: .docx → PDF through LibreOffice (soffice).

One LibreOffice process converts a whole batch, with a private profile (so it
works beside a LibreOffice the clerk has open) and the package's font aliases
(fonts/fonts.conf), so the official font names resolve to installed free fonts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

FONTS_CONF = Path(__file__).parent / "fonts" / "fonts.conf"
INSTALL_HINT = "请安装 LibreOffice：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk"


class RendererMissing(RuntimeError):
    pass


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(documents: list[Path], outdir: Path, timeout: float = 600) -> list[Path]:
    """Convert every .docx in one soffice run; returns the PDF paths, in order."""
    soffice = find_soffice()
    if soffice is None:
        raise RendererMissing(INSTALL_HINT)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="letterkit-lo-") as work:
        work = Path(work)
        copies = [_for_libreoffice(Path(d), work / "in" / f"{i}" / Path(d).name) for i, d in enumerate(documents)]
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nologo", "--convert-to", "pdf", "--outdir", str(outdir), *map(str, copies)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    pdfs = [outdir / (Path(d).stem + ".pdf") for d in documents]
    missing = [p for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {', '.join(map(str, missing))}: {done.stderr.strip()}")
    return pdfs


def _for_libreoffice(source: Path, copy: Path) -> Path:
    """A copy with w:overflowPunct flipped: LibreOffice reads it inverted (RENDERING.md),
    so the .docx keeps Word's meaning (0: no punctuation hanging past the margin)."""
    copy.parent.mkdir(parents=True)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in ("word/styles.xml", "word/document.xml"):
                data = data.replace(b'<w:overflowPunct w:val="0"/>', b'<w:overflowPunct w:val="1"/>')
            zout.writestr(info, data)
    return copy
