"""Throughput of OpinionTagger.tag_many on one core, model size on disk and load time.

Sentences are Pang & Lee snippets, re-cased so they look like repaired review text.

    python benchmarks/opinion_speed.py [--data ../shared/data] [--sentences 20000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.reviews.opinions import OpinionTagger  # noqa: E402
from bot.reviews.opinions.corpora import polarity_corpus, subjectivity_corpus  # noqa: E402
from bot.reviews.opinions.model import default_model_dir  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=512)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})

    began = time.perf_counter()
    tagger = OpinionTagger.load()
    load_seconds = time.perf_counter() - began
    size = sum(p.stat().st_size for p in default_model_dir().iterdir() if p.is_file())

    texts = subjectivity_corpus(args.data)[0] + polarity_corpus(args.data)[0]
    texts = [t.replace(" ,", ",").replace(" .", ".").capitalize() for t in texts]
    texts = (texts * (args.sentences // len(texts) + 1))[: args.sentences]
    tagger.tag_many(texts[: args.batch])  # warm the per-word caches as a running bot would be
    began, began_cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), args.batch):
        tagger.tag_many(texts[i : i + args.batch])
    seconds = time.perf_counter() - began
    # CPU time is the fair figure on a shared machine: it leaves out time spent waiting for a core.
    cpu_seconds = time.process_time() - began_cpu
    clauses = sum(len(o.clauses) for o in tagger.tag_many(texts[:2000])) / 2000

    print(f"sentences tagged     {len(texts):,} in batches of {args.batch}")
    print(f"throughput           {len(texts) / cpu_seconds:,.0f} sentences per CPU-second")
    print(f"wall-clock           {len(texts) / seconds:,.0f} sentences/s on one pinned core")
    print(f"clauses per sentence {clauses:.2f}")
    print(f"model size on disk   {size / 1e6:.2f} MB ({default_model_dir()})")
    print(f"load time            {load_seconds:.3f} s")


if __name__ == "__main__":
    main()
