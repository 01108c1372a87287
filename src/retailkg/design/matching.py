"""Free-text duty → work functions, each with a probability, its evidence, and whether to review it.

Overlaps (交叉) and gaps (空白) are judged on functions, and a client's duties are free text, so a
wrong match makes a false overlap or hides a real gap. The matcher therefore answers in four
steps, most certain first (the order coders of occupations use, shared/docs in the brief):

1. **Labelled words.** A duty whose words are those of a curated duty of the four documents, or of a
   labelled corpus sentence (``data/matching/corpus.tsv``), takes that duty's labels as they are.
2. **Curated overrides** (``data/matching/overrides.tsv``): patterns for known catch-all lines
   (完成上级交办的其他工作) that must map to nothing, however a model scores them.
3. **The trained classifier** (:mod:`retailkg.design.classifier`): a calibrated probability per
   function and for ``none``; the first function and any further one that is nearly as likely
   (a compound duty) are kept, at most :data:`MAX_FUNCTIONS`.
4. **Honesty about doubt.** A match whose probability is below the model's review threshold is
   marked *to review* (待复核), and names the area it is sure of when it is unsure of the leaf
   (area accuracy is far higher than leaf accuracy). ``none`` is an outcome, not a failure: the duty
   is reported as unmapped with its nearest candidates, never dropped.

Each function carries its evidence: the standard's duty that leads it and is closest in wording
(the citation a consultant shows a client) and the nearest labelled sentences of real job
descriptions. Whether a duty only supports work is read from its verb (配合, 协助, 参与, 提供…支持),
as the taxonomy's principle 3 says (data/README.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import zipfile
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy as np
from rdflib import URIRef
from rdflib.namespace import SKOS
from scipy import sparse

from retailkg.design.classifier import (
    NONE,
    Classifier,
    Example,
    ModelError,
    l2_rows,
    model_dir,
    normalise_duty,
    read_corpus,
    sentence_key,
    with_context,
)
from retailkg.errors import InputError
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo

__all__ = [
    "MAX_FUNCTIONS",
    "MIN_PROBABILITY",
    "RELATIVE",
    "FunctionMatch",
    "Match",
    "Matcher",
    "Override",
    "matcher_for",
    "read_overrides",
    "role_of",
]

MAX_FUNCTIONS = 3
"""At most this many functions per duty (taxonomy principle 2: most duties need one to three)."""

RELATIVE = 0.5
"""A further function is kept when its probability is at least this share of the first one's."""

MIN_PROBABILITY = 0.12
"""A further function is kept only above this probability, so near-ties of weak candidates do not
make a compound duty (users complain most about long lists of weak candidates)."""

AREA_SURE = 0.6
"""Below the review threshold, the summed probability of one area's functions above which the
match names that area (\"merchandise work; which function is unclear\")."""

CANDIDATES = 3
"""How many nearest functions an unmapped or doubtful duty shows."""

EXAMPLES = 2
"""How many labelled sentences are shown as evidence for a function."""

_VECTOR_CACHE = 50_000
"""At most this many duties' feature rows kept for their evidence (a long-running server matches many designs)."""

OVERRIDE_SLACK = 6
"""An override applies when it leaves at most this many characters of other words: a compound duty
(完成上级布置的临时工作，提高主播的整体数量) names real work too and is left to the model."""

_FILLER = re.compile(r"[\W_]|完成|负责|及时|认真|严格|按时|其他|其它|各项|的|和|与|并|等")

_SUPPORT = re.compile(r"^(?:负责)?(?:配合|协助|协同|参与|辅助|帮助|支持|支援|协调配合)|提供.{0,16}支持")


def role_of(text: str) -> str:
    """``support`` when the duty's verb only assists work another post owns, else ``lead``."""
    return "support" if _SUPPORT.search(text.strip()) else "lead"


@dataclass(frozen=True)
class FunctionMatch:
    """One function assigned to a text: its probability and the evidence for it."""

    function: URIRef
    score: float  # the calibrated probability, 0 to 1 (1 for labelled words)
    evidence: StatementInfo | None  # the closest standard duty that leads (or supports) the function
    role: str = "lead"
    examples: tuple[Example, ...] = ()  # the nearest labelled sentences of real job descriptions


@dataclass
class Match:
    """What the matcher made of one text: the functions (empty: unmapped) and the near misses."""

    text: str
    functions: list[FunctionMatch] = field(default_factory=list)
    candidates: list[FunctionMatch] = field(default_factory=list)
    verbatim: StatementInfo | None = None  # the text is this curated duty's own words
    labelled: Example | None = None  # the text is this labelled sentence's own words
    none: str = ""  # why nothing: "empty", "catch-all: …" (an override), "model" (the model's none)
    probability: float = 1.0  # of the first outcome (a function, or none)
    review_below: float = 0.0
    area: URIRef | None = None  # the area the matcher is sure of when unsure of the function

    @property
    def unmapped(self) -> bool:
        return not self.functions

    @property
    def to_review(self) -> bool:
        """A consultant should confirm this match before a finding rests on it (待复核)."""
        return self.probability < self.review_below


@dataclass(frozen=True)
class Override:
    """A curated pattern and what a duty matching it addresses (``none`` or function ids)."""

    pattern: re.Pattern[str]
    outcome: tuple[str, ...]
    why: str
    line: int

    def covers(self, text: str) -> bool:
        """The pattern matches ``text`` and leaves at most :data:`OVERRIDE_SLACK` characters of other words."""
        m = self.pattern.search(text)
        if m is None:
            return False
        rest = _FILLER.sub("", text[: m.start()] + text[m.end():])
        return len(rest) <= OVERRIDE_SLACK


def read_overrides(path: Path | None = None) -> list[Override]:
    """``overrides.tsv``: ``pattern<TAB>outcome<TAB>why``, checked (bad regex: its line, exit 2)."""
    path = path or model_dir() / "overrides.tsv"
    out: list[Override] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ModelError(f"cannot read the matcher's overrides: {e}", file=str(path)) from e
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or (n == 1 and line.startswith("pattern\t")):
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ModelError(f"{len(cells)} fields, expected pattern, outcome, why", file=str(path), line=n)
        try:
            pattern = re.compile(cells[0])
        except re.error as e:
            raise ModelError(f"bad pattern: {e}", file=str(path), line=n, field="pattern") from e
        out.append(Override(pattern, tuple(cells[1].split()), cells[2], n))
    return out


@dataclass(frozen=True)
class _Labels:
    lead: tuple[str, ...]
    support: tuple[str, ...]
    duty: StatementInfo | None
    example: Example | None


class Matcher:
    """Match duty texts of a design against the function taxonomy of a knowledge base.

    ``model`` defaults to the shipped classifier; a missing or corrupt one is a :class:`ModelError`
    (one line naming the file and how to rebuild it, exit 2). ``corpus`` defaults to the shipped
    labelled sentences (the evaluation passes only the training sources' ones).
    """

    def __init__(self, kb: KnowledgeBase, model: Classifier | None = None, corpus: list[Example] | None = None) -> None:
        self.kb = kb
        self.model = model or Classifier.load()
        self._by_id = {f.id: f.iri for f in kb.functions.values()}
        unknown = [c for c in self.model.classes if c != NONE and c not in self._by_id]
        if unknown:
            raise ModelError(f"the matcher's model names functions the taxonomy lacks ({', '.join(unknown[:5])}): "
                             "rebuild it with `python tools/train_matcher.py`", file=str(model_dir() / "model.json"))
        self.review_below = self.model.review_below
        self.overrides = read_overrides()
        self.corpus = corpus if corpus is not None else read_corpus(known=self._by_id)
        self._labels: dict[str, _Labels] = {}
        for d in sorted(kb.duties.values(), key=lambda d: (not d.document.is_standard, str(d.iri))):
            self._labels.setdefault(sentence_key(d.zh), _Labels(
                tuple(kb.functions[f].id for f in d.lead if f in kb.functions),
                tuple(kb.functions[f].id for f in d.support if f in kb.functions), d, None))
        for e in self.corpus:
            self._labels.setdefault(sentence_key(e.text), _Labels(
                () if e.is_none else e.lead, e.support, None, e))
        self._cache: dict[tuple[str, str], tuple[Match, frozenset[str]]] = {}  # and the post's duties it was read with

    # ------------------------------------------------------------------------------------- matching

    def match(self, text: str, post: str = "") -> Match:
        """The functions ``text`` (a duty of a post named ``post``) addresses, best first: as the
        last :meth:`prepare` read it with its post's other duties, or else on its own."""
        key = (text, post)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = (self.match_many([text], [post])[0], frozenset((text,)))
        return found[0]

    def prepare(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Match the (text, post name) pairs in one batch, each read with the other duties of its
        post name among ``pairs``, so that :meth:`match` answers them from memory (the model's
        features cost mostly per call, not per text). A pair already read in the same company is
        not matched again; one read in another design's company is, with its whole post, so the
        answers for a design never depend on what the process matched before."""
        distinct = list(dict.fromkeys(pairs))
        company: dict[str, set[str]] = {}
        for t, p in distinct:
            company.setdefault(p, set()).add(t)

        def read_with(t: str, p: str) -> frozenset[str]:
            return frozenset(company[p]) if p else frozenset((t,))

        stale = {p for t, p in distinct if p and self._cache.get((t, p), (None, None))[1] != read_with(t, p)}
        todo = [(t, p) for t, p in distinct if p in stale or (not p and (t, p) not in self._cache)]
        if todo:
            for key, m in zip(todo, self.match_many([t for t, _ in todo], [p for _, p in todo]), strict=True):
                self._cache[key] = (m, read_with(*key))

    def match_many(self, texts: Sequence[str], posts: Sequence[str] | None = None,
                   groups: Sequence[Hashable] | None = None) -> list[Match]:
        """:meth:`match` for many texts at once (one feature matrix, one product).

        The texts of one post are read together: each is matched in the light of its post's other
        duties in the batch (:func:`~retailkg.design.classifier.with_context`). Duties of the same
        post have equal ``groups`` entries (``None``: no post); by default, the same post name
        (an empty name is no post).
        """
        posts = list(posts) if posts is not None else [""] * len(texts)
        keys: list[Hashable] = list(groups) if groups is not None else [p or None for p in posts]
        out: list[Match | None] = [None] * len(texts)
        todo: list[int] = []
        for i, text in enumerate(texts):
            out[i] = self._before_model(text)
            if out[i] is None:
                todo.append(i)
        if todo:
            wanted = {keys[i] for i in todo} - {None}
            rows = sorted(set(todo) | {i for i, k in enumerate(keys) if k in wanted and sentence_key(texts[i])})
            probs = self.model.probabilities([texts[i] for i in rows], [posts[i] for i in rows])
            probs = with_context(probs, self.model.classes, [keys[i] for i in rows], self._areas, self.model.context_weight)
            row_of = {i: r for r, i in enumerate(rows)}
            for i in todo:
                out[i] = self._from_model(texts[i], probs[row_of[i]])
        return [m for m in out if m is not None]

    def _before_model(self, text: str) -> Match | None:
        key = sentence_key(text)
        if not key:
            return Match(text, none="empty", review_below=self.review_below)
        known = self._labels.get(key)
        if known is not None:
            m = Match(text, verbatim=known.duty, labelled=known.example, review_below=self.review_below)
            if not known.lead and not known.support:
                m.none = "labelled"
                return m
            for role, ids in (("lead", known.lead), ("support", known.support)):
                for fid in ids:
                    f = self._by_id[fid]
                    m.functions.append(FunctionMatch(f, 1.0, self._standard_evidence(f, text), role))
            return m
        norm = normalise_duty(text)
        for o in self.overrides:
            if o.covers(norm):
                m = Match(text, review_below=self.review_below)
                if o.outcome == (NONE,):
                    m.none = f"catch-all: {o.why}"
                    return m
                role = role_of(text)
                m.functions = [FunctionMatch(self._by_id[fid], 1.0, self._standard_evidence(self._by_id[fid], text), role)
                               for fid in o.outcome if fid in self._by_id]
                return m
        return None

    def _from_model(self, text: str, p: np.ndarray) -> Match:
        classes = self.model.classes
        order = [int(i) for i in np.argsort(-p, kind="stable")]
        first = classes[order[0]]
        m = Match(text, probability=float(p[order[0]]), review_below=self.review_below)
        ranked = [(classes[i], float(p[i])) for i in order if classes[i] != NONE]
        if first == NONE:
            m.none = "model"
            m.candidates = [self._function_match(c, s, text) for c, s in ranked[:CANDIDATES]]
            return m
        kept = [(c, s) for c, s in ranked[:MAX_FUNCTIONS]
                if c == first or (s >= RELATIVE * m.probability and s >= MIN_PROBABILITY)]
        role = role_of(text)
        m.functions = [self._function_match(c, s, text, role) for c, s in kept]
        kept_ids = {c for c, _ in kept}
        m.candidates = [self._function_match(c, s, text) for c, s in ranked[:CANDIDATES + len(kept)] if c not in kept_ids][:CANDIDATES]
        if m.to_review:
            m.area = self._sure_area(p)
        return m

    # ------------------------------------------------------------------------------------- evidence

    def _function_match(self, fid: str, score: float, text: str, role: str = "lead") -> FunctionMatch:
        f = self._by_id[fid]
        return FunctionMatch(f, round(score, 4), self._standard_evidence(f, text), role, self.examples(fid, text))

    def _standard_evidence(self, function: URIRef, text: str) -> StatementInfo | None:
        """The standard's duty leading ``function`` (supporting it, failing that) closest to ``text``."""
        leading, supporting = self._standard_by_role
        for pool in (leading.get(function, []), supporting.get(function, [])):
            if pool:
                return pool[self._closest(text, [d.zh for d in pool], [""] * len(pool))]
        return None

    def examples(self, fid: str, text: str, k: int = EXAMPLES) -> tuple[Example, ...]:
        """The ``k`` labelled corpus sentences with function ``fid`` closest in wording to ``text``."""
        pool = self._examples_of.get(fid, [])
        if not pool:
            return ()
        x = self._vector(text)
        sims = np.asarray((self._corpus_matrix[pool] @ x.T).todense()).ravel()
        best = np.argsort(-sims, kind="stable")[:k]
        return tuple(self.corpus[pool[i]] for i in best)

    def _closest(self, text: str, candidates: list[str], posts: list[str]) -> int:
        if len(candidates) == 1:
            return 0
        key = (tuple(candidates), tuple(posts))
        m = self._rows_cache.get(key)
        if m is None:  # a standard function's pool of duties is asked about for many duties of a design
            m = self._rows_cache[key] = _unit_rows(self.model.features.transform(candidates, posts))
        sims = np.asarray((m @ self._vector(text).T).todense()).ravel()
        return int(np.argmax(sims))

    def _vector(self, text: str) -> sparse.csr_matrix:
        v = self._vector_cache.get(text)
        if v is None:  # one duty's evidence is looked up for each of its functions and candidates
            if len(self._vector_cache) >= _VECTOR_CACHE:
                self._vector_cache.clear()
            v = self._vector_cache[text] = _unit_rows(self.model.features.transform([text], [""]))
        return v

    @cached_property
    def _vector_cache(self) -> dict[str, sparse.csr_matrix]:
        return {}

    @cached_property
    def _rows_cache(self) -> dict[tuple[tuple[str, ...], tuple[str, ...]], sparse.csr_matrix]:
        return {}

    @cached_property
    def _corpus_matrix(self) -> sparse.csr_matrix:
        """The labelled sentences' feature rows (for :meth:`examples`), kept in the user's cache folder
        beside the knowledge graph's, under a key made of the model's files and the sentences: the
        segmenting and transforming of thousands of sentences is most of a matcher's start-up."""
        texts = [e.text for e in self.corpus]
        path = _corpus_cache_path(texts)
        if path is not None:
            try:
                found = sparse.load_npz(path).tocsr()
                if found.shape[0] == len(texts):
                    return found
            except (OSError, ValueError, KeyError, zipfile.BadZipFile):
                pass
        m = _unit_rows(self.model.features.transform(texts, [""] * len(texts)))
        if path is not None:
            _save_npz(path, m)
        return m

    @cached_property
    def _examples_of(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, e in enumerate(self.corpus):
            for f in e.gold:
                out.setdefault(f, []).append(i)
        return out

    @cached_property
    def _standard_by_role(self) -> tuple[dict[URIRef, list[StatementInfo]], dict[URIRef, list[StatementInfo]]]:
        """The standards' duties by the functions they lead, and by those they support."""
        leading: dict[URIRef, list[StatementInfo]] = {}
        supporting: dict[URIRef, list[StatementInfo]] = {}
        for d in self.kb.standard_duties():
            for table, functions in ((leading, d.lead), (supporting, d.support)):
                for f in functions:
                    table.setdefault(f, []).append(d)
        return leading, supporting

    # ------------------------------------------------------------------------------------- areas

    @cached_property
    def _areas(self) -> dict[str, str]:
        return {fid: str(a) for fid, a in self._area_of.items()}

    @cached_property
    def _area_of(self) -> dict[str, URIRef]:
        out: dict[str, URIRef] = {}
        for fid, iri in self._by_id.items():
            parent = self.kb.graph.value(iri, SKOS.broader)
            if isinstance(parent, URIRef):
                out[fid] = parent
        return out

    def _sure_area(self, p: np.ndarray) -> URIRef | None:
        totals: dict[URIRef, float] = {}
        for i, c in enumerate(self.model.classes):
            area = self._area_of.get(c)
            if area is not None:
                totals[area] = totals.get(area, 0.0) + float(p[i])
        if not totals:
            return None
        area, total = max(totals.items(), key=lambda kv: (kv[1], str(kv[0])))
        return area if total >= AREA_SURE else None


def _corpus_cache_path(texts: Sequence[str]) -> Path | None:
    """Where the corpus's feature rows are cached: named by a digest of the model's files and the texts."""
    from retailkg import __version__
    from retailkg.kg.cache import cache_dir

    h = hashlib.sha256(__version__.encode())
    try:
        for name in ("model.json", "model.npz"):
            h.update((model_dir() / name).read_bytes())
    except OSError:
        return None
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    return cache_dir() / f"matcher-corpus-{h.hexdigest()[:16]}.npz"


def _save_npz(path: Path, m: sparse.csr_matrix) -> None:
    """Write the cache file whole or not at all (a folder that cannot be written is no error: the rows are made again)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".npz", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            sparse.save_npz(f, m)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    return l2_rows(m)


@cache
def matcher_for(kb: KnowledgeBase) -> Matcher:
    """One matcher per knowledge base and process (loading the model and corpus takes a moment)."""
    return Matcher(kb)


def check_model(kb: KnowledgeBase) -> None:
    """Load the matcher now, so a missing or corrupt model is reported before any work is done."""
    try:
        matcher_for(kb)
    except InputError:
        matcher_for.cache_clear()
        raise
