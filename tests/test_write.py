import os
import subprocess
import sys
import time
import zipfile

import docx
import pytest

from letterkit import write
from letterkit.build import build_draft

from conftest import MINIMAL_DRAFT, REPO, SEED_DRAFT


def test_same_inputs_give_byte_identical_files(tmp_path):
    first = build_draft(SEED_DRAFT, output=tmp_path / "a").output.read_bytes()
    second = build_draft(SEED_DRAFT, output=tmp_path / "b").output.read_bytes()
    assert first == second


def test_zip_members_carry_the_letter_date_not_the_clock(tmp_path):
    built = build_draft(SEED_DRAFT, output=tmp_path)
    with zipfile.ZipFile(built.output) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2020, 8, 10, 0, 0, 0)}
        names = archive.namelist()
    assert names[0] == "[Content_Types].xml"
    assert not [n for n in names if "thumbnail" in n]


def test_document_properties_come_from_the_draft(tmp_path):
    props = docx.Document(str(build_draft(SEED_DRAFT, output=tmp_path).output)).core_properties
    assert props.author == "深圳市福田区科技创新局"
    assert props.title.startswith("关于对《TA 20200005")
    assert props.created.year == 2020 and props.modified == props.created


def test_source_date_epoch_sets_the_document_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    built = build_draft(SEED_DRAFT, output=tmp_path)
    with zipfile.ZipFile(built.output) as archive:
        assert archive.infolist()[0].date_time == (2023, 11, 14, 22, 13, 20)


def test_a_failed_write_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"the good letter")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write.write_atomic(target, b"new letter")
    assert target.read_bytes() == b"the good letter"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.docx"]


def test_a_draft_with_errors_never_touches_its_previous_output(project):
    root = project({"drafts/d.yaml": MINIMAL_DRAFT})
    built = build_draft(root / "drafts" / "d.yaml")
    good = built.output.read_bytes()
    (root / "drafts" / "d.yaml").write_text(MINIMAL_DRAFT.replace("date: 2024-05-06", "date: 2024-13-01"), encoding="utf-8")
    with pytest.raises(Exception):
        build_draft(root / "drafts" / "d.yaml")
    assert built.output.read_bytes() == good


def test_every_draft_builds_to_the_same_bytes_in_other_processes_at_other_times(tmp_path):
    """Two `letterkit build` runs of the whole repository, in separate processes, a second apart,
    under other time zones and hash seeds: every file byte for byte the same."""
    outputs = []
    for run_number, zone in enumerate(("UTC", "Asia/Shanghai")):
        if run_number:
            time.sleep(1.1)
        out = tmp_path / f"run{run_number}"
        env = {**os.environ, "TZ": zone, "PYTHONHASHSEED": str(run_number + 1)}
        env.pop("SOURCE_DATE_EPOCH", None)
        done = subprocess.run([sys.executable, "-m", "letterkit", "build", "-o", str(out)], cwd=REPO,
                              capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.docx"))})
    assert len(outputs[0]) == len(list((REPO / "drafts").rglob("*.yaml")))
    assert outputs[0] == outputs[1]


def test_the_zip_writer_matches_zipfile_byte_for_byte(tmp_path):
    import datetime as dt
    import io

    members = [("[Content_Types].xml", b"<Types/>" * 50), ("word/document.xml", "<w:t>中文</w:t>".encode() * 200),
               ("empty.xml", b"")]
    when = dt.datetime(2020, 8, 10, 9, 30, 14)
    ours = write.zip_members(members, when)
    theirs = io.BytesIO()
    with zipfile.ZipFile(theirs, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2020, 8, 10, 9, 30, 14))
            info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 3
            archive.writestr(info, data, compresslevel=6)
    assert ours == theirs.getvalue()
    assert write.zip_members(members, when) == ours  # the second time from the deflate cache
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        assert archive.testzip() is None and [archive.read(n) for n, _ in members] == [d for _, d in members]
