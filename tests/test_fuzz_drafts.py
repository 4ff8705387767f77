"""Issue 15 #22, the general rule: no input gives a traceback.  The repository's drafts,
mutated as a clumsy clerk or a careful attacker would (lines deleted, duplicated or swapped,
values of the wrong type, odd Unicode inserted), are checked and built in-process; each run
must end with exit 0 or 1 and say what is wrong, never with an internal error.

A bounded number of examples in the default suite; many more in CI (CI=true)."""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from letterkit.cli import cli

from conftest import REPO, repo_copy

DRAFTS = sorted((REPO / "drafts").rglob("*.yaml"))
EXAMPLES = 400 if os.environ.get("CI") else 12

ODD = ["\u202e", "\u202d", "\ufeff", "\u200b", "\u0085", "\u2028", "\ufdd0", "\x7f", "\u3000", "\U00020000", "\t",
       "&", "*", "!", "%", "{{ x }}", "{% for %}", "'", '"', "#", ": ", "- ", "~", "\\", "\ue000", "\uffff",
       "\u0301", "ﬀ", "\x1b[31m"]
VALUES = ["[1, 2]", "{a: 1}", "123", "12.5", "-1", "~", "true", "''", "\"\"", "2024-02-30", "9" * 30, "[]", "{}",
          "[~]", "[[x]]", "- x", "&a x", "*a", "!!binary aGk=", "!!python/object:os.system x", "0x1F", "1e400",
          "null", ".nan", "'\u202e'", "2024-05-06T10:00:00"]


@st.composite
def mutated(draw):
    """(draft, text): a repository draft with one to four mutations."""
    draft = draw(st.sampled_from(DRAFTS))
    lines = draft.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "retype", "insert", "indent"]))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "retype" and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {draw(st.sampled_from(VALUES))}"
        elif kind == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(st.sampled_from(ODD)) + lines[at][column:]
        elif kind == "indent":
            lines[at] = draw(st.sampled_from(["  ", "    ", ""])) + lines[at].lstrip()
    return draft, "\n".join(lines)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return repo_copy(tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated())
def test_mutated_drafts_never_give_a_traceback(workspace, case):
    draft, text = case
    target = workspace / draft.relative_to(REPO)
    original = target.read_bytes()
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        for args in (["check", str(target)], ["build", "-j", "1", "--force", str(target)]):
            result = CliRunner().invoke(cli, args)
            said = result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                f"{args[0]} raised {result.exception!r} on:\n{text}")
            assert result.exit_code in (0, 1), f"{args[0]} exit {result.exit_code}:\n{said}\n{text}"
            assert "Traceback" not in said and "内部错误" not in said and "internal-error" not in said, \
                f"{args[0]}:\n{said}\n--- draft ---\n{text}"
    finally:
        target.write_bytes(original)
        shutil.rmtree(workspace / "build", ignore_errors=True)
