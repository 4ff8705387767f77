"""The suite's own guard (conftest.py) finds a broken letter any test writes, once a module: run pytest on a
module that writes one, with and without the invalid_docx mark, and read what it says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from conftest import REPO

PROBE = textwrap.dedent('''
    import re
    import zipfile

    import pytest

    from letterkit.build import build_draft


    def write_broken(folder):
        built = build_draft({draft!r}, output=folder)
        with zipfile.ZipFile(built.output) as archive:
            members = {{name: archive.read(name) for name in archive.namelist()}}
        members["word/document.xml"] = re.sub(rb"<w:body>", b"<w:body><w:bogus/>", members["word/document.xml"])
        with zipfile.ZipFile(folder / "broken.docx", "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)


    {mark}
    def test_writes_a_broken_letter(tmp_path):
        write_broken(tmp_path)


    def test_writes_nothing():
        pass
''')


@pytest.mark.invalid_docx  # the inner runs write broken letters (in their own folders, but to be sure)
@pytest.mark.parametrize("marked", [False, True], ids=["unmarked", "marked"])
def test_a_broken_letter_fails_its_module_unless_marked(marked, tmp_path):
    suite = tmp_path / "suite"
    suite.mkdir()
    shutil.copy(REPO / "tests" / "conftest.py", suite / "conftest.py")
    draft = str(REPO / "drafts" / "2024" / "jiaoyu-TA20240018.yaml")
    mark = "@pytest.mark.invalid_docx" if marked else ""
    (suite / "test_probe.py").write_text(PROBE.format(draft=draft, mark=mark), encoding="utf-8")
    basetemp = Path(tempfile.mkdtemp(prefix="letterkit-guard-"))  # outside this run's folders
    try:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "tests"), str(REPO)])}
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(suite),
                              "--basetemp", str(basetemp / "t"), str(suite)],
                             capture_output=True, text=True, env=env, cwd=suite, timeout=300)
    finally:
        shutil.rmtree(basetemp, ignore_errors=True)
    if marked:
        assert run.returncode == 0, run.stdout + run.stderr
        assert "2 passed" in run.stdout
    else:
        assert run.returncode == 1, run.stdout + run.stderr
        assert "ERROR at teardown of test_writes_nothing" in run.stdout
        assert "letterkit wrote invalid Office Open XML" in run.stdout
        assert "broken.docx" in run.stdout and "w:bogus" in run.stdout
