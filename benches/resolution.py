#!/usr/bin/env python3
"""Resolution benchmark: how the corpus-wide resolution of persons grows with their number.

usage: python3 benches/resolution.py [--docs 2500,5000,10000,20000] [--workdir DIR]

News archives name tens of thousands of people. The throughput benchmark's corpus recombines a few
seed articles, so it names few; this one writes documents that each name two people of their own
(made-up names from a small set of syllables, so many names are one or two letters apart: the hard
case for matching spellings) and, for each corpus size, times `newsgraph build --format none` and
its phases (from the stage lines NEWSGRAPH_DEBUG_RSS=1 makes it print). Resolution that compared
each person with every other grew with the square of the corpus (4x per doubling); now only
persons whose last names are within a spelling of each other are compared. With so few syllables
the persons per surname grow with the corpus too, so growth stays somewhat above 2x here. The
report shows the growth from one size to the next. Reported, never asserted. Standard library only.
"""
import argparse
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import throughput as tp  # noqa: E402  (the shared helpers: binary snapshot, timed runs, stage lines)

SYLLABLES = ["ka", "ro", "mi", "ten", "sa", "vo", "li", "dar", "ne", "qu",
             "bel", "tor", "an", "is", "ur", "fa", "zen", "mo", "ri", "pol"]


def make_corpus(d, n, seed=7):
    """n documents, each naming two people of its own with a title and the first again by surname."""
    rng = random.Random(seed)

    def name():
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    os.makedirs(d)
    for i in range(n):
        a, b = f"{name()} {name()}", f"{name()} {name()}"
        text = (f"Iran blocks a messaging app\n\n"
                f"Foreign Minister {a} said on Monday that Iran had banned Telegram. "
                f"The spokesman {b} told reporters that the ministry ordered the block. "
                f"{a.split()[1]} later quit Instagram.\n")
        with open(os.path.join(d, f"d{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", default="2500,5000,10000,20000", help="corpus sizes in documents")
    ap.add_argument("--workdir", help="where corpora and logs go (default: a temp dir, removed at the end)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--binary", default=tp.DEFAULT_BINARY)
    a = ap.parse_args()
    temp = a.workdir is None
    workdir = os.path.abspath(a.workdir or tempfile.mkdtemp(prefix="newsgraph-resolution-"))
    os.makedirs(workdir, exist_ok=True)
    try:
        binary, info = tp.ensure_binary(a.binary, workdir)
        env = dict(os.environ, NEWSGRAPH_DEBUG_RSS="1")
        rows = []
        for n in [int(x) for x in a.docs.split(",") if x.strip()]:
            corpus = os.path.join(workdir, f"persons-{n}")
            if os.path.exists(corpus):
                shutil.rmtree(corpus)
            make_corpus(corpus, n)
            out = os.path.join(workdir, "out")
            cmd = [binary, "build", corpus, "--out", out, "--quiet", "--format", "none", "-j", str(a.threads)]
            tp.log(f"{n} documents: {' '.join(cmd[1:])}")
            r = tp.run_measured(cmd, os.path.join(workdir, f"log-{n}"), env=env)
            shutil.rmtree(corpus)
            if r["exit_code"] != 0:
                raise tp.Failure(f"newsgraph exited {r['exit_code']}\n{r['stderr_tail']}")
            ph = tp.phases(tp.stage_times(r["stderr_tail"]))
            if ph is None:
                raise tp.Failure("the build printed no stage lines (NEWSGRAPH_DEBUG_RSS)")
            rows.append((n, r["wall_s"], ph, r["peak_rss_mb"]))
    except tp.Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        if temp:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(f"binary {info['path']} (HEAD {info['head_commit']}); documents name two people each")
    print(f"{'documents':>10}{'wall s':>9}{'extraction s':>14}{'resolution s':>14}{'growth':>8}{'peak RSS MB':>13}")
    prev = None
    for n, wall, ph, rss in rows:
        growth = "" if prev is None else f"{ph['graph_s'] / max(prev[1], 1e-3):.1f}x"
        print(f"{n:>10}{wall:>9.2f}{ph['extraction_s']:>14.2f}{ph['graph_s']:>14.2f}{growth:>8}{rss:>13.0f}")
        prev = (n, ph["graph_s"])
    print("(growth: resolution time over the previous size's. 2x is linear; comparing every pair was 4x.\n"
          " With so few syllables the persons sharing a surname grow with the corpus, and they are compared pairwise.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
