"""Optional stage: .docx → PDF through LibreOffice (soffice).

A small pool of LibreOffice processes (one per core) converts a whole batch, each with
a private profile (so it works beside a LibreOffice the clerk has open) and the package's font aliases
(fonts/fonts.conf), so the official font names resolve to installed free fonts.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

FONTS_CONF = Path(__file__).parent / "fonts" / "fonts.conf"
INSTALL_HINT = ("没有找到 LibreOffice（soffice），无法生成 PDF；.docx 已照常生成。"
                "安装方法：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk "
                "fonts-arphic-gkai00mp fonts-arphic-gbsn00lp fonts-liberation2")


class RendererMissing(RuntimeError):
    pass


class RenderFailed(RuntimeError):
    """LibreOffice stopped short.  `written`: the PDFs that finished and were moved into place
    all the same; `missing`: the .docx files left without one."""

    def __init__(self, message: str, written: list[Path] | None = None, missing: list[Path] | None = None):
        super().__init__(message)
        self.written, self.missing = written or [], missing or []


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived while LibreOffice ran (a `kill`, a closed terminal): raised so
    that its processes are killed and its temporary folder removed on the way out.  Not an
    Exception, so nothing on the way catches it; the CLI exits 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stoppable():
    """While LibreOffice runs (and while a batch builds), SIGTERM and SIGHUP raise Stopped (SIGINT
    raises KeyboardInterrupt already): without this a plain `kill` would end letterkit at once,
    leaving soffice.bin running in its own session and /tmp/letterkit-lo-* behind, or the pool's
    workers printing tracebacks and the manifest unsaved."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Stopped(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {signum: signal.signal(signum, stop) for signum in wanted}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def renderer_env() -> dict:
    return dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))


STALL_SECONDS = 180  # with no PDF finished for this long, LibreOffice is taken to be hung
TIMEOUT_VARIABLE = "LETTERKIT_PDF_TIMEOUT"


def stall_timeout() -> float:
    """Seconds to wait for the next PDF: LETTERKIT_PDF_TIMEOUT (set by build --pdf-timeout), or 180."""
    value = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not value:
        return STALL_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not 0 < seconds < 10**6:
        raise RenderFailed(f"环境变量 {TIMEOUT_VARIABLE}='{value}' 不是有效的秒数：应写一个正数，例如 {TIMEOUT_VARIABLE}=300")
    return seconds


def to_pdf(documents: list[Path], outdir: Path | None = None, timeout: float | None = None,
           processes: int | None = None, progress=None) -> list[Path]:
    """Convert the .docx files with a small pool of soffice runs (one per core, each with
    at least 8 letters, so start-up is paid rarely).  Each PDF goes into `outdir`, or next to
    its .docx when `outdir` is None; each is moved into place whole.  Returns the PDF paths.

    The wait scales with the batch: LibreOffice is given `timeout` seconds (stall_timeout())
    for each next PDF, not for the whole batch; past that it is taken to be hung, and every
    process it started (the soffice wrapper and the real soffice.bin) is killed.  `progress`,
    when given, is called as progress(done, total, seconds since the last PDF) while waiting."""
    soffice = find_soffice()
    if soffice is None:
        raise RendererMissing(INSTALL_HINT)
    timeout = stall_timeout() if timeout is None else timeout
    documents = [Path(d) for d in documents]
    targets = [(Path(outdir) if outdir else d.parent) / (d.stem + ".pdf") for d in documents]
    processes = processes or max(1, min(os.cpu_count() or 1, len(documents) // 8))
    with stoppable(), tempfile.TemporaryDirectory(prefix="letterkit-lo-") as work:
        work = Path(work)
        (work / "in").mkdir()
        (work / "out").mkdir()
        copies = [_for_libreoffice(d, work / "in" / f"{i}.docx") for i, d in enumerate(documents)]
        runs, stalled = [], None
        try:
            for k in range(processes):
                share = copies[k::processes]
                command = [soffice, f"-env:UserInstallation={(work / f'profile{k}').as_uri()}", "--headless",
                           "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", str(work / "out"),
                           *map(str, share)]
                with open(work / f"log{k}.txt", "wb") as log:  # a file, not a pipe: nothing can block on it
                    runs.append(subprocess.Popen(command, env=renderer_env(), stdin=subprocess.DEVNULL, stdout=log,
                                                 stderr=subprocess.STDOUT, start_new_session=True))
            _wait(runs, work / "out", len(documents), timeout, progress)
        except RenderFailed as error:
            stalled = error
        finally:
            for run in runs:  # whatever happened: nothing LibreOffice started keeps running
                _kill_group(run)
        # the PDFs that finished go into place even when others did not: a batch is not lost to its last letter
        written, missing = [], []
        for i, target in enumerate(targets):
            finished = work / "out" / f"{i}.pdf"
            if not _complete(finished):
                missing.append(documents[i])
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(finished), str(target.with_suffix(".pdf.tmp")))
            os.replace(target.with_suffix(".pdf.tmp"), target)
            written.append(target)
        if stalled is not None:
            raise RenderFailed(str(stalled), written, missing)
        if missing:
            errors = "".join((work / f"log{k}.txt").read_text(errors="replace") for k in range(len(runs)))
            raise RenderFailed(f"LibreOffice 没有生成这些文件的 PDF：{'、'.join(map(str, missing[:5]))}"
                               + (f" 等 {len(missing)} 份" if len(missing) > 5 else "") + f"（{errors.strip()[-300:]}）",
                               written, missing)
    return targets


def _complete(pdf: Path) -> bool:
    """A whole PDF (its end-of-file marker written), not one LibreOffice was killed in the middle of."""
    if not pdf.is_file():
        return False
    with open(pdf, "rb") as f:
        f.seek(max(0, pdf.stat().st_size - 1024))
        return b"%%EOF" in f.read()


def _wait(runs: list, out: Path, total: int, timeout: float, progress) -> None:
    """Until every run has ended; RenderFailed when no PDF has been finished for `timeout` s."""
    done, last = 0, time.monotonic()
    while any(run.poll() is None for run in runs):
        now = len(list(out.glob("*.pdf")))
        if now != done:
            done, last = now, time.monotonic()
        waited = time.monotonic() - last
        if progress:
            progress(done, total, waited)
        if waited > timeout:
            for run in runs:
                _kill_group(run)
            raise RenderFailed(f"LibreOffice 已有 {timeout:.0f} 秒没有转换完任何一份（完成 {done}/{total} 份），"
                               f"看来卡住了，已结束它启动的全部进程。文件很大或电脑很慢时，可用 "
                               f"letterkit build --pdf --pdf-timeout 秒数（或环境变量 {TIMEOUT_VARIABLE}）放宽每份的等待时间")
        time.sleep(0.2)
    if progress:
        progress(len(list(out.glob("*.pdf"))), total, 0.0)


def _kill_group(run: subprocess.Popen) -> None:
    """Kill the run's whole process group: soffice is a wrapper whose soffice.bin does the work."""
    try:
        os.killpg(run.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):  # gone already; or no process groups (Windows)
        if run.poll() is None:
            run.kill()
    run.wait()


def _for_libreoffice(source: Path, copy: Path) -> Path:
    """A copy with w:overflowPunct flipped: LibreOffice reads it inverted (RENDERING.md),
    so the .docx keeps Word's meaning (0: no punctuation hanging past the margin)."""
    from .zipguard import read_member

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = read_member(zin, info)  # bounded: never more than a part may hold, whatever it claims
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
