"""Build src/herald/events/data/cameo.tsv from the published CAMEO and PLOVER tables in ../shared/reference.

Facts only: each CAMEO code, its name, its Goldstein value, its QuadClass (from its root) and its PLOVER
type/mode/context per the CAMEO->PLOVER conversion table (PLOVER draft 0.8, 2021). Run once when the tables change:
    python scripts/build_cameo_table.py ../shared/reference
"""
import csv
import re
import sys
from pathlib import Path

QUAD_BY_ROOT = {**{r: 1 for r in range(1, 6)}, **{r: 2 for r in range(6, 9)}, **{r: 3 for r in range(9, 14)},
                **{r: 4 for r in range(14, 21)}}


def main(ref: Path, out: Path) -> None:
    names = dict(line.rstrip("\n").split("\t", 1) for line in (ref / "CAMEO.eventcodes.txt").open() if "\t" in line)
    gold = dict(line.rstrip("\n").split("\t", 1) for line in (ref / "CAMEO.goldsteinscale.txt").open() if "\t" in line)
    names.pop("CAMEOEVENTCODE", None); gold.pop("CAMEOEVENTCODE", None)
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (ref / "CAMEO2PLOVER-2021.txt").open(encoding="utf-8", errors="replace"):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
        plover[m.group(1)] = (parts[0], parts[1], parts[2])
    with out.open("w", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context"])
        for code in sorted(names, key=lambda c: (c[:2], c)):
            root = int(code[:2])
            event, mode, context = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]) or ("", "", "")
            w.writerow([code, names[code].strip(), gold.get(code, ""), QUAD_BY_ROOT[root], event, mode, context])


if __name__ == "__main__":
    ref = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
    main(ref, Path(__file__).resolve().parent.parent / "src/herald/events/data/cameo.tsv")
