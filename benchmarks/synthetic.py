"""Write a synthetic corpus in the shipped format, for measuring the app at scale.

    python benchmarks/synthetic.py OUT_DIR [--documents 1000] [--people 5000]
                                           [--relations 25000] [--seed 1955]

The factions and periods are copied from the shipped corpus; people get Korean-like
names with a McCune–Reischauer alias; every relation's quote is a sentence written into
its document, so the corpus validates clean like the real one. Same seed, same corpus.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.corpus.names import name_key  # noqa: E402
from dashboard.corpus.schema import POLARITIES, RELATION_TYPES  # noqa: E402

SURNAMES = ["Pak", "Kim", "Ri", "Choe", "Han", "Jeong", "Seo", "Gi", "Nam", "Heo", "Bang",
            "Yun", "Ho", "Mun", "Song", "Jang", "Kang", "Cho", "O", "Im"]
SYLLABLES = ["il", "u", "yeol", "seung", "hwa", "chang", "ok", "yeong", "bin", "geum",
             "cheol", "tae", "jun", "gi", "seok", "pok", "ryul", "gwang", "rok", "dong",
             "hyeok", "min", "su", "ho", "sik", "chan", "nam", "sang", "jin", "hui"]
MR = {"eo": "ŏ", "eu": "ŭ", "yeo": "yŏ"}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).capitalize()}-{rng.choice(SYLLABLES)}"


def _mr(name: str) -> str:
    for rr, mr in sorted(MR.items(), key=lambda kv: -len(kv[0])):
        name = name.replace(rr, mr)
    return name


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def people_rows(rng: random.Random, count: int, factions: list[str]) -> list[list[object]]:
    rows, seen = [], set()
    for i in range(count):
        name = _name(rng)
        while name_key(name) in seen or name_key(_mr(name)) in seen:
            name = f"{name} {i}"  # unique under name_key, so no duplicate-alias
        seen |= {name_key(name), name_key(_mr(name))}
        alias = _mr(name)
        aliases = f"{alias} (MR)" if alias != name else ""
        kind = "group" if i % 10 == 9 else "person"
        rows.append([f"p{i:05d}", name, aliases, kind, rng.choice(factions), "", "", "", "", "",
                     "synthetic"])
    return rows


def generate(out: Path, documents: int, people: int, relations: int, seed: int) -> None:
    rng = random.Random(seed)
    shipped = ROOT / "data"
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents").mkdir(exist_ok=True)
    for name in ("factions.csv", "periods.csv"):
        shutil.copy(shipped / name, out / name)
    with (shipped / "factions.csv").open(encoding="utf-8") as f:
        factions = [row["id"] for row in csv.DictReader(f)]
    with (shipped / "periods.csv").open(encoding="utf-8") as f:
        periods = [(r["id"], int(r["year_from"]), int(r["year_to"])) for r in csv.DictReader(f)]
    person_rows = people_rows(rng, people, factions)
    _write(out / "people.csv", ["id", "name", "aliases", "kind", "faction", "subgroup",
                                "faction_contested", "identification_note", "role_1955", "fate",
                                "sources"], person_rows)
    names = {row[0]: row[1] for row in person_rows}
    ids = list(names)
    claimants = rng.sample([r[0] for r in person_rows if r[3] == "person"], 12)
    sentences: list[list[str]] = [[] for _ in range(documents)]
    relation_rows = []
    for i in range(relations):
        doc = i % documents
        source, target = rng.sample(ids, 2)
        kind = rng.choice(list(RELATION_TYPES))
        period, low, high = rng.choice(periods)
        start = rng.randint(low, high)
        end = rng.randint(start, high)
        quote = f"{names[source]} {kind} {names[target]} ({i})."
        sentences[doc].append(quote)
        relation_rows.append([f"r{i:06d}", f"doc-{doc:04d}", source, target, kind,
                              rng.choice(POLARITIES), rng.choice(claimants), period, start, end,
                              quote, ""])
    _write(out / "relations.csv", ["id", "document", "source", "target", "type", "polarity",
                                   "claimant", "period", "year_from", "year_to", "quote", "note"],
           relation_rows)
    doc_rows = []
    for doc, lines in enumerate(sentences):
        paragraphs = [" ".join(lines[j:j + 4]) for j in range(0, len(lines), 4)] or ["Empty."]
        (out / "documents" / f"doc-{doc:04d}.txt").write_text(
            f"Synthetic record {doc}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        doc_rows.append([f"doc-{doc:04d}", f"Synthetic record {doc}",
                         f"1955-{1 + doc % 12:02d}-{1 + doc % 28:02d}", "generator", "synthetic",
                         "", "", "synthetic data, no rights", ""])
    _write(out / "documents.csv", ["id", "title", "date", "author", "archive_ref", "translator",
                                   "url", "rights", "summary"], doc_rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=25000)
    parser.add_argument("--seed", type=int, default=1955)
    args = parser.parse_args(argv)
    generate(args.out, args.documents, args.people, args.relations, args.seed)
    print(f"wrote {args.out}: {args.documents} documents, {args.people} people, "
          f"{args.relations} relations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
