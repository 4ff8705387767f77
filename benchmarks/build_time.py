"""How fast is letterkit, and how much memory does it take?  Prints numbers beside the targets of
issue 7; asserts nothing.  Run by hand or from CI as a report:

    python3 benchmarks/build_time.py                 # everything (1,000-draft project, 200 in-process builds)
    python3 benchmarks/build_time.py --drafts 200 --letters 50 --pdf-letters 10   # quicker

Phases, each in a process of its own so its peak memory (RSS, the largest process of the phase,
workers included) is its own:
  1. in-process build per letter (median, p90) of a seed-sized letter, and the same content
     rendered by docxtpl from an equivalent Word template, in the same process; the ratio;
  2. one-letter `letterkit build` from a cold process (wall time);
  3. a project of N synthetic drafts (seed-sized, every 100th ten times longer), built cold on
     all cores, then rebuilt with nothing changed;
  4. `letterkit build --pdf` per letter in batch (one LibreOffice run).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "drafts" / "2020" / "futian-TA20200005.yaml"
TARGETS = {  # issue 7, for a 2-core machine
    "ratio": 0.25, "one": 0.35, "cold": 15.0, "nochange": 1.0, "pdf": 0.25, "rss": 150.0,
}
PHRASES = ["关于加强", "老旧小区", "既有住宅加装电梯", "校园周边交通安全", "城中村排水设施", "社区垃圾分类",
           "科技成果转化", "青少年近视防控", "养老服务体系", "公园建后管理", "道路沥青升级", "城市体检"]


# -- synthetic drafts -----------------------------------------------------------------------

def synthetic_project(folder: Path, count: int) -> Path:
    """A project of `count` drafts like the seed letter: other ids, titles and members; every
    100th one with its measures ten times over."""
    import yaml

    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    seed.pop("template", None)
    seed.pop("check", None)
    rng = random.Random(9704)
    (folder / "drafts").mkdir(parents=True)
    (folder / "letterkit.yaml").write_text("output: build\n", encoding="utf-8")
    for index in range(count):
        data = json.loads(json.dumps(seed, ensure_ascii=False, default=str))
        words = rng.sample(PHRASES, 3)
        data["proposal"] = {"kind": "提案", "id": f"TA2024{index:04d}", "session": "福田区政协六届三次会议",
                            "title": f"{words[0]}{words[1]}和{words[2]}工作的提案"}
        data.pop("title", None)
        data["opening"] = f"您提出的《{data['proposal']['title']}》已收悉。经认真研究，现答复如下："
        data["addressee"] = {"name": rng.choice(["陈一", "王二", "张三", "李四", "赵五"]) + rng.choice("明华军芳")}
        data["number"] = {"year": 2024, "seq": index + 1}
        data["date"] = datetime.date(2024, 6, 18)
        data["signature"] = data["organ"]["name"]
        if index % 100 == 99:
            data["measures"] = data["measures"] * 10
        path = folder / "drafts" / f"d{index:04d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


# -- docxtpl, the same content ----------------------------------------------------------------

def docxtpl_template(path: Path) -> None:
    """A Word template equivalent to letterkit's letter: the letterhead in the first-page header,
    title, salutation, opening, two levels of numbered measures, closing, signature, date, contact,
    in the same fonts and sizes."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    section.different_first_page_header_footer = True
    head = section.first_page_header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run("{{ organ }}")
    run.font.size, run.font.color.rgb, run.font.name = Pt(30), RGBColor(0xE6, 0, 0), "方正小标宋简体"

    def para(text, size=16, font="仿宋_GB2312", align=None, bold=False):
        p = d.add_paragraph()
        r = p.add_run(text)
        r.font.size, r.font.name, r.bold = Pt(size), font, bold
        if align:
            p.alignment = align
        return p

    para("{{ number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para("{{ title }}", 22, "方正小标宋简体", WD_ALIGN_PARAGRAPH.CENTER)
    para("{{ salutation }}")
    para("{{ opening }}")
    para("{%p for m in measures %}")
    para("{{ m.number }}{{ m.heading }}", font="黑体")
    para("{%p for s in m.subs %}")
    para("{{ s.number }}{{ s.heading }}{{ s.text }}", font="楷体_GB2312")
    para("{%p endfor %}")
    para("{%p endfor %}")
    para("{%p for c in closing %}")
    para("{{ c }}")
    para("{%p endfor %}")
    para("{{ signature }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para("{{ date }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para("（联系人：{{ contact.name }}，联系电话：{{ contact.phone }}）")
    d.save(str(path))


def docxtpl_context(draft) -> dict:
    from letterkit.numbering import heading_number

    measures = []
    for i, m in enumerate(draft.measures, start=1):
        subs = [{"number": heading_number(2, j) if s.heading else "", "heading": s.heading or "", "text": s.text or ""}
                for j, s in enumerate(m.items, start=1)]
        measures.append({"number": heading_number(1, i) if m.heading else "", "heading": m.heading or m.text, "subs": subs})
    return {"organ": draft.organ.name, "number": str(draft.number), "title": draft.title or draft.proposal.title,
            "salutation": draft.addressee.salutation, "opening": draft.opening or "", "measures": measures,
            "closing": draft.closing or [], "signature": draft.signature, "date": draft.date_text,
            "contact": {"name": draft.contact.name, "phone": draft.contact.phone}}


# -- phases, each run as a child process ----------------------------------------------------------

def phase_inprocess(letters: int, draft_path: str) -> dict:
    import io

    from letterkit.build import build_draft, read_draft
    from letterkit.project import open_project

    draft_path = Path(draft_path)
    work = Path(tempfile.mkdtemp())
    project = open_project(draft_path)
    build_draft(draft_path, project, work)  # warm: templates compiled, title words cached
    ours = []
    for _ in range(letters):
        start = time.perf_counter()
        build_draft(draft_path, project, work)
        ours.append(time.perf_counter() - start)
    ours_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before docxtpl is loaded
    from docxtpl import DocxTemplate

    template = work / "equivalent.docx"
    docxtpl_template(template)
    context = docxtpl_context(read_draft(draft_path, project))
    theirs = []
    for _ in range(letters):
        start = time.perf_counter()
        document = DocxTemplate(str(template))
        document.render(context)
        out = io.BytesIO()
        document.save(out)
        (work / "docxtpl.docx").write_bytes(out.getvalue())
        theirs.append(time.perf_counter() - start)
    shutil.rmtree(work)
    return {"ours": ours, "theirs": theirs, "ours_rss": ours_rss}


def child(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MiB of the largest process, stdout) of a command."""
    wrapper = ("import resource,subprocess,sys,time;t=time.perf_counter();"
               "p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
               "w=time.perf_counter()-t;"
               "m=max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,0)/1024;"
               "sys.stderr.write(p.stderr);print(repr((w,m,p.stdout,p.returncode)))")
    done = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, cwd=ROOT)
    wall, peak, out, code = eval(done.stdout.strip().splitlines()[-1])
    if code:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stderr[-2000:]}")
    return wall, peak, out


def verdict(value: float, target: float, lower_is_better: bool = True) -> str:
    ok = value <= target if lower_is_better else value >= target
    return "met" if ok else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000, help="drafts in the synthetic project (default 1000)")
    parser.add_argument("--letters", type=int, default=200, help="in-process builds to time (default 200)")
    parser.add_argument("--pdf-letters", type=int, default=40, help="letters for the --pdf batch (default 40)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--draft", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "inprocess":
        print(json.dumps(phase_inprocess(args.letters, args.draft)))
        return

    cores = os.cpu_count()
    print(f"machine: {platform.machine()}, {cores} cores, {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    me = Path(__file__).resolve()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        project = synthetic_project(folder / "project", args.drafts)
        env_cache = folder / "cache"
        os.environ["XDG_CACHE_HOME"] = str(env_cache)  # cold: no title words remembered

        # 1. in-process, ours and docxtpl's
        _, _, out = child([sys.executable, str(me), "--phase", "inprocess", "--letters", str(args.letters),
                              "--draft", str(project / "drafts" / "d0000.yaml")])
        data = json.loads(out)
        ours, theirs = sorted(data["ours"]), sorted(data["theirs"])
        p90 = lambda xs: xs[int(0.9 * (len(xs) - 1))]  # noqa: E731
        ratio = statistics.median(ours) / statistics.median(theirs)
        peak = data["ours_rss"]
        print(f"\n1. in-process, one seed-sized letter, {len(ours)} builds (peak RSS {peak:.0f} MiB before docxtpl is loaded)")
        print(f"   letterkit  median {statistics.median(ours) * 1000:6.1f} ms   p90 {p90(ours) * 1000:6.1f} ms")
        print(f"   docxtpl    median {statistics.median(theirs) * 1000:6.1f} ms   p90 {p90(theirs) * 1000:6.1f} ms"
              "   (same content, equivalent template)")
        print(f"   ratio letterkit/docxtpl {ratio:.2f}   target ≤ {TARGETS['ratio']}   {verdict(ratio, TARGETS['ratio'])}")

        # 2. one letter from a cold process
        colds = []
        for i in range(3):
            wall, peak_one, _ = child([sys.executable, "-m", "letterkit", "build", str(SEED), "-o", str(folder / f"one{i}")])
            colds.append(wall)
        one = statistics.median(colds)
        print(f"\n2. one-letter `letterkit build`, cold process: median {one:.2f} s of {', '.join(f'{c:.2f}' for c in colds)}"
              f"   target < {TARGETS['one']} s   {verdict(one, TARGETS['one'])}   (peak RSS {peak_one:.0f} MiB)")

        # 3. the project, cold and unchanged
        build = [sys.executable, "-m", "letterkit", "build", "-j", str(cores)]
        cold, peak_cold, _ = child(build + [str(project / "drafts")])

        def judge(value: float, key: str) -> str:
            return verdict(value, TARGETS[key]) if args.drafts == 1000 else "(targets are for 1,000 drafts)"

        outputs = list((project / "build").rglob("*.docx"))
        print(f"\n3. {args.drafts} drafts ({args.drafts // 100} of them ten times longer), {cores} workers")
        print(f"   cold build      {cold:6.2f} s  ({cold / args.drafts * 1000:.1f} ms per letter, {len(outputs)} files)"
              f"   target < {TARGETS['cold']:.0f} s   {judge(cold, 'cold')}   (peak RSS {peak_cold:.0f} MiB per process)")
        again, peak_again, out = child(build + [str(project / "drafts")])
        summary = (re.findall(r"已生成 \d+，未改动 \d+，失败 \d+", out) or ["?"])[-1]
        print(f"   nothing changed {again:6.2f} s   target < {TARGETS['nochange']:.0f} s   {judge(again, 'nochange')}"
              f"   (peak RSS {peak_again:.0f} MiB; letterkit said: {summary})")

        # 4. PDF in batch
        from letterkit.pdf import find_soffice

        if find_soffice():
            batch = folder / "pdf"
            (batch / "drafts").mkdir(parents=True)
            (batch / "letterkit.yaml").write_text("output: build\n", encoding="utf-8")
            for path in sorted((project / "drafts").glob("*.yaml"))[: args.pdf_letters]:
                shutil.copy(path, batch / "drafts" / path.name)
            child([sys.executable, "-m", "letterkit", "build", str(batch / "drafts")])
            wall, peak_pdf, _ = child([sys.executable, "-m", "letterkit", "build", "--pdf", str(batch / "drafts")])
            per = wall / args.pdf_letters
            print(f"\n4. `build --pdf`, {args.pdf_letters} letters already built, a pool of LibreOffice processes: {wall:.1f} s, "
                  f"{per:.2f} s per letter   target < {TARGETS['pdf']} s   {verdict(per, TARGETS['pdf'])}"
                  f"   (peak RSS {peak_pdf:.0f} MiB, LibreOffice included)")
        else:
            peak_pdf = 0
            print("\n4. `build --pdf`: LibreOffice is not installed here, skipped")

        peaks = {"in-process": peak, "one letter": peak_one, "cold batch": peak_cold, "no-change": peak_again}
        worst = max(peaks.values())
        print("\npeak RSS of letterkit's processes: " + ", ".join(f"{k} {v:.0f} MiB" for k, v in peaks.items())
              + f"   target < {TARGETS['rss']:.0f} MiB   {verdict(worst, TARGETS['rss'])}"
              + (f"   (LibreOffice itself: {peak_pdf:.0f} MiB)" if peak_pdf else ""))


if __name__ == "__main__":
    main()
