"""Re-run the devset12 pick: python benchmarks/devset12/pick.py /path/to/unpacked/movie_reviews

Pool: every Pang & Lee polarity-v2 review whose cvNNN_NNNNN id is not in any file under
benchmarks/ (this folder skipped), with 300-900 words (tokens holding a letter or digit).
Each pool (neg, then pos), sorted by id, is shuffled by one Random("devset12-20261202").
Prints the first 12 of each pool; picks were taken in order, skipping repeats of a film
already picked, films reviewed elsewhere in benchmarks/, and reviews giving no opinion.
"""

import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"
HERE = pathlib.Path(__file__).resolve().parent
DATA = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pl12/movie_reviews")

seen = set()
for f in BENCH.rglob("*"):
    if f.is_file() and HERE not in f.parents:
        seen |= set(re.findall(r"cv\d{3}_\d+", f.read_text(encoding="utf-8", errors="replace")))


def words(text):
    return sum(1 for t in text.split() if re.search(r"[a-z0-9]", t, re.I))


rng = random.Random("devset12-20261202")
print(len(seen), "cv ids found in benchmarks/")
for label in ("neg", "pos"):
    pool = []
    for f in sorted((DATA / label).glob("cv*.txt")):
        if f.stem in seen:
            continue
        if 300 <= words(f.read_text(encoding="utf-8")) <= 900:
            pool.append(f.stem)
    rng.shuffle(pool)
    print(label, len(pool), pool[:12])
