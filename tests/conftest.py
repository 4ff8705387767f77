"""Shared fixtures: throwaway projects built from a dict of files, the repository's
own drafts, and one LibreOffice rendering of the seed letter shared by the PDF tests."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from letterkit.pdf import find_soffice

# letterkit remembers segmented titles in the user's cache; the tests keep theirs apart
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="letterkit-test-cache-")

REPO = Path(__file__).resolve().parent.parent
SEED_DRAFT = REPO / "drafts" / "2020" / "futian-TA20200005.yaml"
SUGGESTION_DRAFT = REPO / "drafts" / "2024" / "zhujian-JY20240056.yaml"
PUBLISHED = REPO / "tests" / "fixtures" / "published"  # copies of ../shared/seeds and ../shared/letters
SEED_TEXT = PUBLISHED / "seed-futian-TA20200005.txt"
LETTERS = sorted(PUBLISHED.glob("0*.txt"))

MINIMAL_DRAFT = """\
organ:
  name: 测试市测试区教育局
  code: 测教函
number:
  year: 2024
  seq: 7
proposal:
  kind: 提案
  id: "0012"
  title: 关于加强校园安全的提案
addressee:
  name: 张三
measures:
  - heading: 工作情况
    items:
      - heading: 加强巡查。
        text: 每日巡查校园周边。
closing:
  - 下一步，我局将继续做好相关工作。
date: 2024-05-06
contact:
  name: 李四
  phone: "82345678"
"""


def make_project(root: Path, files: dict[str, str]) -> Path:
    """Write a project tree from {relative path: text}."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path):
    return lambda files: make_project(tmp_path, files)


def require_soffice():
    """Skip where LibreOffice is missing, except in CI, where it must run."""
    if find_soffice():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is missing in CI: .ci/run must install it")
    pytest.skip("LibreOffice (soffice) is not installed; the PDF layout tests need it")


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory):
    """The seed letter built and rendered once for every PDF test."""
    require_soffice()
    from letterkit.build import build_draft
    from letterkit.pdf import to_pdf

    out = tmp_path_factory.mktemp("seed")
    built = build_draft(SEED_DRAFT, output=out)
    return to_pdf([built.output], out)[0]


def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository's project files (drafts, templates, profiles, project file)."""
    target = tmp_path / "repo"
    target.mkdir()
    for name in ("drafts", "templates", "profiles"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "letterkit.yaml", target / "letterkit.yaml")
    return target
