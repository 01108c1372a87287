#!/usr/bin/env python3
"""Curator's check of one data file: run it after every edit.

Usage: python tools/check_data.py data/FILE.ttl SOURCE.txt

Checks: the file parses; every term of our namespaces it uses is declared (ontology, function
taxonomy, or this file); every post/duty/competency/metric has zh+en labels, a source clause and a
source document; every duty addresses a function; every zh label of a duty or competency is found
verbatim in the source text (after whitespace/punctuation normalisation).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from retailkg.text.normalise import found_in, normalise  # noqa: E402

RKG = rdflib.Namespace("https://w3id.org/retailkg/ontology#")
BASE = "https://w3id.org/retailkg/"


def main(path: str, source: str) -> int:
    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as e:  # report and stop
        print(f"PARSE ERROR {path}: {e}")
        return 2
    onto = rdflib.Graph().parse(ROOT / "ontology/retailkg.ttl")
    fns = rdflib.Graph().parse(ROOT / "data/functions.ttl")
    declared = set(onto.subjects(RDF.type, None)) | set(fns.subjects(RDF.type, None)) | set(g.subjects(RDF.type, None))
    # other data files may be referenced (alignments); accept their typed subjects too
    for other in (ROOT / "data").glob("*.ttl"):
        if other.resolve() != Path(path).resolve() and other.name != "functions.ttl":
            with contextlib.suppress(Exception):  # another curator's file may be mid-edit
                declared |= set(rdflib.Graph().parse(other).subjects(RDF.type, None))
    problems: list[str] = []
    for t in g:
        for term in t:
            if isinstance(term, URIRef) and str(term).startswith(BASE) and term not in declared:
                if t[1] == RDF.type and term == t[2]:
                    pass
                problems.append(f"undeclared term {term} (in triple {t[0]} {t[1]} ...)")
    src = normalise(Path(source).read_text(encoding="utf-8"))

    def labels(s: URIRef, lang: str) -> list[str]:
        return [str(o) for p in (RDFS.label, SKOS.prefLabel) for o in g.objects(s, p) if getattr(o, "language", None) == lang]

    checked = (RKG.Post, RKG.Duty, RKG.Competency, RKG.Metric, RKG.Department, RKG.UnitFunction, RKG.Routine, RKG.PlanTask,
               RKG.Term, RKG.BusinessProcess)
    for cls in checked:
        for s in g.subjects(RDF.type, cls):
            name = cls.split("#")[1]
            if not labels(s, "zh"):
                problems.append(f"{name} {s}: no zh label")
            if not labels(s, "en"):
                problems.append(f"{name} {s}: no en label")
            if (s, RKG.sourceClause, None) not in g:
                problems.append(f"{name} {s}: no rkg:sourceClause")
            if (s, RKG.sourceDocument, None) not in g:
                problems.append(f"{name} {s}: no rkg:sourceDocument")
            statement = cls in (RKG.Duty, RKG.UnitFunction, RKG.Routine, RKG.PlanTask)
            if statement and not set(g.objects(s, RKG.addressesFunction)) | set(g.objects(s, RKG.supportsFunction)):
                problems.append(f"{name} {s}: addresses no function")
            if cls in (RKG.Duty, RKG.Competency, RKG.UnitFunction, RKG.Routine, RKG.PlanTask):
                for zh in labels(s, "zh"):
                    if not found_in(zh, src) and (s, RKG.sourceText, None) not in g:
                        problems.append(f"{name} {s}: zh text not found in source: {zh[:40]}")
            if cls == RKG.Competency:
                for d in g.objects(s, SKOS.definition):
                    if getattr(d, "language", None) == "zh" and not found_in(str(d), src):
                        problems.append(f"Competency {s}: definition not found in source: {str(d)[:40]}")
            if cls == RKG.Duty and (s, RKG.dutyOf, None) not in g:
                problems.append(f"Duty {s}: no rkg:dutyOf")
            if cls == RKG.Post and (s, RKG.inDepartment, None) not in g:
                problems.append(f"Post {s}: no rkg:inDepartment")
    for p in problems:
        print(p)
    counted = (RKG.Post, RKG.Duty, RKG.Competency, RKG.Metric, RKG.Department, RKG.Term)
    counts = {c.split("#")[1]: len(set(g.subjects(RDF.type, c))) for c in counted}
    print(f"{len(g)} triples; {counts}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
