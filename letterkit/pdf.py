"""Optional stage: .docx → PDF through LibreOffice (soffice).

A small pool of LibreOffice processes (one per core) converts a whole batch, each with
a private profile (so it works beside a LibreOffice the clerk has open) and the package's font aliases
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
INSTALL_HINT = ("没有找到 LibreOffice（soffice），无法生成 PDF；.docx 已照常生成。"
                "安装方法：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk "
                "fonts-arphic-gkai00mp fonts-arphic-gbsn00lp fonts-liberation2")


class RendererMissing(RuntimeError):
    pass


class RenderFailed(RuntimeError):
    pass


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def renderer_env() -> dict:
    return dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))


def to_pdf(documents: list[Path], outdir: Path | None = None, timeout: float = 900,
           processes: int | None = None) -> list[Path]:
    """Convert the .docx files with a small pool of soffice runs (one per core, each with
    at least 8 letters, so start-up is paid rarely).  Each PDF goes into `outdir`, or next to
    its .docx when `outdir` is None; each is moved into place whole.  Returns the PDF paths."""
    soffice = find_soffice()
    if soffice is None:
        raise RendererMissing(INSTALL_HINT)
    documents = [Path(d) for d in documents]
    targets = [(Path(outdir) if outdir else d.parent) / (d.stem + ".pdf") for d in documents]
    processes = processes or max(1, min(os.cpu_count() or 1, len(documents) // 8))
    with tempfile.TemporaryDirectory(prefix="letterkit-lo-") as work:
        work = Path(work)
        (work / "in").mkdir()
        copies = [_for_libreoffice(d, work / "in" / f"{i}.docx") for i, d in enumerate(documents)]
        runs = []
        for k in range(processes):
            share = copies[k::processes]
            command = [soffice, f"-env:UserInstallation={(work / f'profile{k}').as_uri()}", "--headless", "--norestore",
                       "--nologo", "--convert-to", "pdf", "--outdir", str(work / "out"), *map(str, share)]
            runs.append(subprocess.Popen(command, env=renderer_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True))
        errors = []
        try:
            for run in runs:
                errors.append(run.communicate(timeout=timeout)[1])
        except subprocess.TimeoutExpired:
            for run in runs:
                run.kill()
            raise RenderFailed(f"LibreOffice 在 {timeout:.0f} 秒内没有完成转换") from None
        missing = [str(documents[i]) for i in range(len(documents)) if not (work / "out" / f"{i}.pdf").is_file()]
        if missing:
            raise RenderFailed(f"LibreOffice 没有生成这些文件的 PDF：{'、'.join(missing)}（{''.join(errors).strip()[-300:]}）")
        for i, target in enumerate(targets):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(work / "out" / f"{i}.pdf"), str(target.with_suffix(".pdf.tmp")))
            os.replace(target.with_suffix(".pdf.tmp"), target)
    return targets


def _for_libreoffice(source: Path, copy: Path) -> Path:
    """A copy with w:overflowPunct flipped: LibreOffice reads it inverted (RENDERING.md),
    so the .docx keeps Word's meaning (0: no punctuation hanging past the margin)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in ("word/styles.xml", "word/document.xml"):
                data = data.replace(b'<w:overflowPunct w:val="0"/>', b'<w:overflowPunct w:val="1"/>')
            zout.writestr(info, data)
    return copy


def _fc_match(name: str, field: str) -> str | None:
    if not shutil.which("fc-match"):
        return None
    done = subprocess.run(["fc-match", "-f", f"%{{{field}}}", name], env=renderer_env(), capture_output=True, text=True)
    return done.stdout.strip() or None


def resolve_font(name: str) -> str | None:
    """The installed font family that `name` renders with, through our font aliases."""
    return _fc_match(name, "family[0]")


def resolve_postscript_name(name: str) -> str | None:
    """The same font's PostScript name, as a PDF names it (NotoSansCJKsc-Regular)."""
    return _fc_match(name, "postscriptname")


def font_substitutions(names: list[str]) -> list[tuple[str, str]]:
    """(official name, font used instead) for each name not installed as itself."""
    report = []
    for name in dict.fromkeys(names):
        used = resolve_font(name)
        if used and used != name:
            report.append((name, used))
    return report
