"""Could a faster YAML parser shorten "reading the design" of a chain? (issue 18, tried and not kept)

    python bench/large/yaml_parsers.py bench/out/large/chain-5471/chain.yaml [--rounds 3]

The design reader needs, from the parser, every value with its line (a post's, a duty's and each
field's line name findings and errors) and PyYAML's YAML 1.1 typing of plain scalars (a quoted
scalar is text). This times, in one process, alternating, with the cycle collector off (as the
reader's caller runs it), CPU seconds:

- ``reader``: retailkg's reader as it is (libyaml events through PyYAML's CSafeLoader, posts read as
  they are parsed);
- ``events+values``: the part of it a parser could replace: the events turned into mappings, lists
  and scalars with their lines (the posts kept raw, not read);
- ``ryml walk``: rapidyaml (``ryml``) parsing in C++, then the least Python walk that builds dicts,
  lists and strings from its tree (no lines, no YAML 1.1 typing, no duplicate-key check);
- ``ryml walk+lines``: the same plus each scalar's line (rapidyaml's Python API has no node
  locations: the line comes from the scalar's address in the parsed buffer);
- ``yaml_rs``: yaml-rs (Rust) ``loads`` straight to Python objects: no lines at all, YAML 1.2 typing
  (``yes`` stays text, ``012`` is 12), so a floor for any parser, not a candidate.

rapidyaml and yaml-rs are not dependencies: install them in a scratch venv to run this.
"""
# ruff: noqa
from __future__ import annotations

import argparse
import bisect
import ctypes
import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from retailkg.design import yaml_reader as yr  # noqa: E402


def reader(text: str, path: Path) -> int:
    return len(yr.parse_yaml(text, path).posts)


def events_values(text: str, path: Path) -> int:
    raw: list = []
    loader = yr._LineLoader(text)
    loader.path = str(path)
    try:
        yr._from_events(loader, lambda v, line: raw.append((v, line)))
    finally:
        loader.dispose()
    return len(raw)


def ryml_walk(text: str, path: Path, lines: bool = False) -> int:
    import ryml
    MAP, SEQ, VQ, NONE = ryml.MAP, ryml.SEQ, ryml.VALQUO, ryml.NONE
    buf = bytearray(text.encode("utf-8"))
    line_of = None
    if lines:
        class Py_buffer(ctypes.Structure):
            _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.py_object), ("len", ctypes.c_ssize_t),
                        ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                        ("format", ctypes.c_char_p), ("shape", ctypes.c_void_p), ("strides", ctypes.c_void_p),
                        ("suboffsets", ctypes.c_void_p), ("internal", ctypes.c_void_p)]
        newlines = []
        j = buf.find(b"\n")
        while j >= 0:
            newlines.append(j)
            j = buf.find(b"\n", j + 1)
        get, rel, po, byref = ctypes.pythonapi.PyObject_GetBuffer, ctypes.pythonapi.PyBuffer_Release, ctypes.py_object, ctypes.byref
        whole, one = Py_buffer(), Py_buffer()
        get(po(buf), byref(whole), 0)
        base, bl = whole.buf, bisect.bisect_left

        def line_of(mv):
            get(po(mv), byref(one), 0)
            at = one.buf
            rel(byref(one))
            return bl(newlines, at - base) + 1
    tree = ryml.parse_in_place(buf)
    typ, key, val, first, nxt = tree.type, tree.key, tree.val, tree.first_child, tree.next_sibling

    def build(n, ty):
        if ty & MAP:
            d = {}
            c = first(n)
            while c != NONE:
                d[str(key(c), "utf-8")] = build(c, typ(c))
                c = nxt(c)
            return d
        if ty & SEQ:
            out = []
            c = first(n)
            while c != NONE:
                out.append(build(c, typ(c)))
                c = nxt(c)
            return out
        v = val(n)
        s = str(v, "utf-8")
        if line_of is not None:
            return (s, line_of(v) if len(v) else 0, bool(ty & VQ))
        return s if ty & VQ else ("plain", s)

    root = tree.root_id()
    return len(build(root, typ(root))["posts"])


def yaml_rs_loads(text: str, path: Path) -> int:
    import yaml_rs
    return len(yaml_rs.loads(text)["posts"])


WAYS = {
    "reader": reader,
    "events+values": events_values,
    "ryml walk": ryml_walk,
    "ryml walk+lines": lambda t, p: ryml_walk(t, p, lines=True),
    "yaml_rs": yaml_rs_loads,
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("yaml", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    text = a.yaml.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {k: [] for k in WAYS}
    gc.disable()
    print(f"load average at the start {os.getloadavg()[0]:.1f}", file=sys.stderr)
    for r in range(a.rounds):
        order = list(WAYS) if r % 2 == 0 else list(WAYS)[::-1]
        for name in order:
            t = time.process_time()
            n = WAYS[name](text, a.yaml)
            times[name].append(time.process_time() - t)
            gc.collect()
            print(f"{name}: {times[name][-1]:.2f} s ({n} posts)", file=sys.stderr)
    print(f"load average at the end {os.getloadavg()[0]:.1f}", file=sys.stderr)
    print("| way | CPU s, each round | what it gives |")
    print("| --- | --: | --- |")
    gives = {"reader": "the design model (everything)", "events+values": "values, lines, YAML 1.1 types",
             "ryml walk": "values only (no lines, no YAML 1.1 types)",
             "ryml walk+lines": "values, scalar lines (no container lines, no YAML 1.1 types)",
             "yaml_rs": "values only, YAML 1.2 types"}
    for name, ts in times.items():
        print(f"| {name} | {', '.join(f'{t:.2f}' for t in ts)} | {gives[name]} |")


if __name__ == "__main__":
    main()
