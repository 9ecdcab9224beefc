"""Compare extracted VisitRecords with gold JSONs by the rules of ../shared/eval/score.py
(places compared without suffixes, titles after stripping a leading place, names exactly).

    compare({"000_x.txt": [VisitRecord, ...], ...}, Path("../shared/gold")) -> (scores, misses)

A development aid: it scores the extractor alone, without building the warehouse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from visits.records import VisitRecord

_PLACE_SUFFIXES = re.compile(
    r"(维吾尔|壮族|回族|藏族|彝族|苗族|布依族|侗族|土家族|哈尼族|傣族|白族|景颇族|傈僳族|羌族|蒙古族|朝鲜族|哈萨克|柯尔克孜"
    r"|自治州|自治县|自治区|地区|特别行政区|省|市|州|盟|县|区)+$"
)
_TITLE_PLACE = re.compile(r"^(.{2,}?)(?=[省市州县区旗盟](?:委|长|人大|政协|政府|党|领导|纪委))")


def place(s: str | None) -> str:
    s = (s or "").strip()
    prev = None
    while prev != s:
        prev, s = s, _PLACE_SUFFIXES.sub("", s)
    return s


def _text(s: str | None) -> str:
    return re.sub(r"[\s·•・.,，、\"“”]", "", s or "")


def core_title(t: str) -> str:
    m = _TITLE_PLACE.match(t or "")
    if m and not re.search(r"副|常务|代", m.group(1)):
        return t[m.end(1) :]
    return t or ""


def _units(s: str | None) -> set[str]:
    return {place(u) for u in re.split(r"[、,，]", s or "") if u.strip()}


def _set_f1(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    tp = len(sa & sb)
    return 0.0 if not tp else 2 * tp / (len(sa) + len(sb))


def _date_ok(gold: str | None, pred: object, pred_md: str | None) -> bool:
    if gold is None:
        return pred is None and pred_md is None
    if gold.startswith("????"):
        return (pred_md or (str(pred)[5:10] if pred else None)) == gold[5:10]
    return pred is not None and str(pred)[:10] == gold


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def compare(records: dict[str, list[VisitRecord]], gold_dir: Path) -> tuple[dict, list[str]]:
    """Scores and a list of human-readable differences."""
    vt = vfp = vfn = ot = ofp = ofn = 0
    field: dict[str, list[float]] = {
        k: [] for k in ("units", "start_date", "end_date", "host_cities", "meeting_name", "leaders")
    }
    ofield: dict[str, list[float]] = {k: [] for k in ("province", "side", "titles")}
    misses: list[str] = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        doc = g["doc"]
        pv = list(records.get(doc, []))
        used: set[int] = set()
        for gv in g["visits"]:
            key = (place(gv["visiting_province"]), place(gv["host_province"]))
            idx = next(
                (
                    i
                    for i, v in enumerate(pv)
                    if i not in used and (place(v.visiting_province), place(v.host_province)) == key
                ),
                None,
            )
            if idx is None:
                vfn += 1
                misses.append(f"{doc}: missed visit {key}")
                continue
            used.add(idx)
            vt += 1
            m = pv[idx]
            checks = {
                "units": _units(gv["visiting_unit"]) == _units(m.visiting_unit)
                and _units(gv["host_unit"]) == _units(m.host_unit),
                "start_date": _date_ok(gv["start_date"], m.start_date, m.start_md),
                "end_date": _date_ok(gv["end_date"], m.end_date, m.end_md),
                "host_cities": _set_f1(map(place, gv["host_cities"]), map(place, m.host_cities)),
                "meeting_name": _text(gv["meeting_name"]) == _text(m.meeting_name),
                "leaders": set(gv["leaders"]) == set(m.leader_names),
            }
            for k, ok in checks.items():
                field[k].append(float(ok))
                if float(ok) != 1.0:
                    misses.append(f"{doc}: {k} differs")
        for i, v in enumerate(pv):
            if i not in used:
                vfp += 1
                misses.append(f"{doc}: extra visit {(v.visiting_province, v.host_province)}")
        if not g["visits"]:
            continue
        pp = {}
        for v in pv:
            for o in v.officials:
                pp.setdefault(o.name, o)
        gnames = {o["name"]: o for o in g["officials"]}
        for name, go in gnames.items():
            o = pp.get(name)
            if o is None:
                ofn += 1
                misses.append(f"{doc}: missed official {name}")
                continue
            ot += 1
            ofield["province"].append(float(place(go["province"]) == place(o.province)))
            ofield["side"].append(float(go["side"] == o.side))
            ofield["titles"].append(_set_f1(map(core_title, go["titles"]), map(core_title, o.titles)))
            if {core_title(t) for t in go["titles"]} != {core_title(t) for t in o.titles}:
                misses.append(f"{doc}: {name} titles gold={go['titles']} pred={o.titles}")
            if go["side"] != o.side or place(go["province"]) != place(o.province):
                misses.append(f"{doc}: {name} gold={go['province']}/{go['side']} pred={o.province}/{o.side}")
        for name in pp:
            if name not in gnames:
                ofp += 1
                misses.append(f"{doc}: extra official {name}")

    def mean(xs: list[float]) -> float | None:
        return round(sum(xs) / len(xs), 3) if xs else None

    scores = {
        "visit_prf": _prf(vt, vfp, vfn),
        "visit_fields": {k: mean(v) for k, v in field.items()},
        "official_prf": _prf(ot, ofp, ofn),
        "official_fields": {k: mean(v) for k, v in ofield.items()},
    }
    return scores, misses
