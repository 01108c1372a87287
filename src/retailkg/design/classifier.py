"""The duty classifier: which work function a free-text duty addresses, with a calibrated probability.

A client's job descriptions are written by employers, in their words (负责收银台日常作业, 每日盘点现金),
and the taxonomy's one-line definitions are too short to learn that language from. So the model is
trained on the labelled corpus of real duty sentences (``data/matching/corpus.tsv``), the four
documents' curated duties and the definitions themselves:

- features: jieba words (precise mode, with a curated retail lexicon, ``data/matching/lexicon.txt``)
  and character uni- and bigrams of the duty (robust to the segmenter's mistakes and to new
  words), plus character n-grams of the post's title, because the same words are different work
  under different posts (数据统计 under 出纳 and under 数据分析师). Traditional Chinese is converted
  to Simplified first (OpenCC tables), so the same duty gives the same features in either script;
- a linear model (scikit-learn's LinearSVC) with one weight vector per function and one for
  ``none`` (catch-all, attitude and off-taxonomy duties): the classic strong baseline for short
  texts, fast to train and deterministic. It is multi-label (a compound duty is a positive example
  of each function it addresses) and each function's vector includes its area's, so siblings share
  what marks their area;
- a probability from the scores by a softmax whose temperature is fitted on held-out predictions
  (grouped by publisher: the registered domain of the page's host), so that "0.8" means right about
  eight times in ten; and the review threshold below which a match is marked "to review", chosen on
  the same held-out predictions.

The model is shipped as plain arrays (``model.npz``) and a JSON header (``model.json``), not as a
pickle: a pickle runs code when loaded and ties the file to one scikit-learn version, while arrays
load anywhere and are checked. ``python tools/train_matcher.py`` rebuilds both from the corpus; the
header records the corpus's SHA-256 so a stale model is caught (tests/test_matching.py).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
import zipfile
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from retailkg.errors import InputError
from retailkg.kg.knowledge import KnowledgeBase
from retailkg.resources import data_dir
from retailkg.text.normalise import to_simplified

__all__ = [
    "NONE",
    "Classifier",
    "Example",
    "ModelError",
    "corpus_digest",
    "corpus_path",
    "cross_validated_scores",
    "function_areas",
    "knowledge_examples",
    "model_dir",
    "normalise_duty",
    "read_corpus",
    "registered_domain",
    "sentence_key",
    "with_context",
]

NONE = "none"
"""The label of a duty that addresses no function of the taxonomy."""

FORMAT = 2
"""Version of the model files' layout; a file of another layout is refused, not misread."""

SUPPORT_WEIGHT = 1.0
"""Weight of a sentence that only supports a function among that function's positive examples (a led one weighs 1)."""

TITLE_WEIGHT = 0.35
"""Weight of the post-title block against the duty's own features: low enough that the duty's words decide
(bench/matching/README.md, "Choices")."""

AREA_WEIGHT = 0.15
"""Weight of a function's area scorer added to the function's own (bench/matching/README.md, "Fourth round")."""

CONTEXT_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)
"""The weights of the post's other duties tried when training (bench/matching/README.md, "Choices")."""

NEIGHBOUR_WEIGHTS = (0.0, 0.15, 0.3)
"""The weights of the nearest labelled sentences' vote tried when training (bench/matching/README.md, "Choices")."""

NEIGHBOURS = 10
"""How many nearest training sentences vote."""

CONTEXT_FLOOR = 0.02
"""Added to the post's share of an area, so an area none of the post's other duties touch is
discounted, not ruled out (a 收银主管 may well drive a delivery van once)."""

C = 0.5
"""Regularisation of the linear model, chosen by held-out evaluation (bench/matching/README.md, "Choices")."""

FAMILIES = (
    "management", "marketing", "user-ops", "new-media", "merchandise", "merchants", "ecommerce", "visual",
    "service", "sales", "logistics", "analytics", "technology", "finance", "hr-admin", "store",
)
"""The post families of ``corpus.tsv`` (data/matching/README.md)."""

_NUMBERING = re.compile(r"^\s*(?:[（(]?\d{1,2}[)）.、．]|[一二三四五六七八九十]{1,3}[、.．]|[-•·●▪◆])\s*")
_SPLIT = re.compile(r"[\s\u3000,，。.;；:：、!！?？()（）\[\]【】《》<>“”\"'‘’/\\|~～—\-_=+*#@$%^&]+")
_KEY = re.compile(r"[\W_]+")


class ModelError(InputError):
    """The shipped model is missing, corrupt or stale: one line that says how to rebuild it."""


def corpus_path() -> Path:
    return data_dir() / "matching" / "corpus.tsv"


def model_dir() -> Path:
    return data_dir() / "matching"


def normalise_duty(text: str) -> str:
    """Width and script folded (NFKC, Traditional → Simplified), list numbering dropped, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text)
    return _NUMBERING.sub("", text).strip().lower()


def sentence_key(text: str) -> str:
    """Two sentences with the same key are the same duty (punctuation, spaces, width, script folded)."""
    return _KEY.sub("", normalise_duty(text))


@cache
def _segmenter() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    lexicon = model_dir() / "lexicon.txt"
    if lexicon.is_file():
        for line in lexicon.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                tk.add_word(word, freq=2000)
    return tk


_STOP = frozenset(
    ["的", "和", "与", "及", "等", "并", "对", "为", "在", "中", "各", "以及", "或", "其", "之", "了", "是", "有", "将", "通过"]
)


def words(text: str) -> list[str]:
    """jieba words of an already normalised text (precise mode, no HMM: deterministic, no guessed words)."""
    tk = _segmenter()
    out: list[str] = []
    for piece in _SPLIT.split(text):
        if piece:
            out.extend(w for w in (x.strip() for x in tk.lcut(piece, HMM=False)) if w and w not in _STOP)
    return out


def _chars(text: str) -> str:
    return _SPLIT.sub(" ", text)


_WHITE_SPACES = re.compile(r"\s\s+")


def char_ngrams(text: str) -> list[str]:
    """Character uni- and bigrams as scikit-learn's ``analyzer="char", ngram_range=(1, 2)`` makes them
    (lower-cased, runs of white space made one space), in the same order."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    return list(text) + [text[i:i + 2] for i in range(len(text) - 1)]


def l2_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row divided by its Euclidean norm (rows of zeros left as they are), as scikit-learn's
    ``normalize`` does it, to the last bit: the squares are summed one after another in the row's
    order (numpy's own sums add in another order, and a model's scores would move by an ulp)."""
    data = m.data.tolist()
    ptr = m.indptr.tolist()
    norms = []
    for i in range(m.shape[0]):
        total = 0.0
        for x in data[ptr[i]:ptr[i + 1]]:
            total += x * x
        norms.append(math.sqrt(total) if total else 1.0)
    out = m.copy()
    out.data = out.data / np.repeat(np.asarray(norms, dtype=np.float64), np.diff(m.indptr))
    return out


@dataclass(frozen=True)
class Example:
    """One labelled duty sentence: the unit the model learns from and is measured on."""

    text: str
    lead: tuple[str, ...]
    support: tuple[str, ...] = ()
    post: str = ""
    source: str = ""
    family: str = ""
    id: str = ""
    url: str = ""

    @property
    def is_none(self) -> bool:
        return self.lead == (NONE,)

    @property
    def gold(self) -> frozenset[str]:
        """Every function the sentence addresses (lead or support), or {none}."""
        return frozenset((NONE,)) if self.is_none else frozenset(self.lead) | frozenset(self.support)

    @property
    def first(self) -> str:
        """The labeller's first function: the first lead, else the first supported function."""
        return (self.lead or self.support or (NONE,))[0]


CORPUS_COLUMNS = ("id", "text", "post_title", "family", "lead", "support", "source", "source_url", "note")


def read_corpus(path: Path | None = None, known: Iterable[str] | None = None, withdrawn: bool = False) -> list[Example]:
    """The labelled corpus, checked: every row well formed and every function id known (``known``).

    Rows marked ``withdrawn`` in ``note`` are left out, unless ``withdrawn`` (the second labelling
    refers to rows by id, whatever became of them since)."""
    path = path or corpus_path()
    known_ids = frozenset(known) if known is not None else None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read the corpus: {e}", file=str(path)) from e
    if not lines or tuple(lines[0].split("\t")) != CORPUS_COLUMNS:
        raise InputError(f"the header must be {' '.join(CORPUS_COLUMNS)} (tab-separated)", file=str(path), line=1)
    out: list[Example] = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(CORPUS_COLUMNS):
            raise InputError(f"{len(cells)} fields, expected {len(CORPUS_COLUMNS)}", file=str(path), line=n)
        row = dict(zip(CORPUS_COLUMNS, cells, strict=True))
        if "withdrawn" in row["note"] and not withdrawn:
            continue
        lead, support = tuple(row["lead"].split()), tuple(row["support"].split())
        if not row["text"].strip():
            raise InputError("empty text", file=str(path), line=n, field="text")
        if not lead and not support:
            raise InputError("no label: give function ids in lead or support, or none in lead", file=str(path), line=n, field="lead")
        if NONE in lead and (len(lead) > 1 or support):
            raise InputError("none stands alone", file=str(path), line=n, field="lead")
        if row["family"] not in FAMILIES:
            raise InputError(f"unknown family {row['family']!r} (one of {', '.join(FAMILIES)})", file=str(path), line=n, field="family")
        if known_ids is not None:
            for col, ids in (("lead", lead), ("support", support)):
                for f in ids:
                    if f != NONE and f not in known_ids:
                        raise InputError(f"unknown function id {f!r}", file=str(path), line=n, field=col)
        out.append(Example(row["text"], lead, support, row["post_title"], row["source"], row["family"], row["id"], row["source_url"]))
    return out


def corpus_digest(path: Path | None = None) -> str:
    return hashlib.sha256((path or corpus_path()).read_bytes()).hexdigest()


# ---------------------------------------------------------------------------------------------- features


@dataclass
class _Block:
    """One TF-IDF block: a fixed vocabulary and its idf weights (sublinear tf, l2-normalised rows)."""

    kind: str  # "words", "chars" or "title"
    vocabulary: list[str]
    idf: np.ndarray
    weight: float = 1.0
    _index: dict[str, int] | None = field(default=None, repr=False)

    def vectorizer(self) -> Any:
        """scikit-learn's vectorizer with this block's vocabulary and weights: what :meth:`transform`
        computes without it (kept for the test that says both give the same rows)."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        if self.kind == "words":
            v = TfidfVectorizer(analyzer=words, sublinear_tf=True, vocabulary=self.vocabulary)
        else:
            v = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, vocabulary=self.vocabulary)
        v.idf_ = self.idf
        return v

    def vectorizer_input(self, texts: Sequence[str]) -> list[str]:
        """What :meth:`vectorizer` is given for ``texts``."""
        return [t if self.kind == "words" else _chars(t) for t in texts]

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The rows scikit-learn's TfidfVectorizer gives (sublinear tf × idf, l2-normalised), computed
        here: matching a design's few distinct duties would otherwise import scikit-learn (most of the
        matcher's start-up), which only training needs."""
        if self._index is None:
            self._index = {t: i for i, t in enumerate(self.vocabulary)}
        index = self._index
        indptr, indices, counts = [0], [], []
        for t in texts:
            row: dict[int, int] = {}
            for token in (words(t) if self.kind == "words" else char_ngrams(_chars(t))):
                j = index.get(token)
                if j is not None:
                    row[j] = row.get(j, 0) + 1
            for j in sorted(row):
                indices.append(j)
                counts.append(row[j])
            indptr.append(len(indices))
        data = np.asarray(counts, dtype=np.float64)
        cols = np.asarray(indices, dtype=np.int32)
        if len(data):
            data = np.log(data) + 1.0
            data *= self.idf[cols]
        ptr = np.asarray(indptr, dtype=np.int32)
        m = l2_rows(sparse.csr_matrix((data, cols, ptr), shape=(len(texts), len(self.vocabulary))))
        return m * self.weight if self.weight != 1.0 else m

    @classmethod
    def fit(cls, kind: str, texts: Sequence[str], weight: float = 1.0) -> _Block:
        from sklearn.feature_extraction.text import TfidfVectorizer

        if kind == "words":
            v = TfidfVectorizer(analyzer=words, sublinear_tf=True, min_df=2)
            v.fit(texts)
        else:
            v = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, min_df=2)
            v.fit([_chars(t) for t in texts])
        vocab = sorted(v.vocabulary_, key=v.vocabulary_.get)
        return cls(kind, vocab, np.asarray(v.idf_, dtype=np.float64), weight)


@dataclass
class Features:
    """Duty words, duty characters and title characters, side by side in one sparse row."""

    blocks: list[_Block]

    def transform(self, texts: Sequence[str], posts: Sequence[str]) -> sparse.csr_matrix:
        norm = [normalise_duty(t) for t in texts]
        titles = [normalise_duty(p) for p in posts]
        parts = [b.transform(titles if b.kind == "title" else norm) for b in self.blocks]
        return sparse.hstack(parts, format="csr")

    @classmethod
    def fit(cls, texts: Sequence[str], posts: Sequence[str]) -> Features:
        norm = [normalise_duty(t) for t in texts]
        titles = [normalise_duty(p) for p in posts]
        return cls([_Block.fit("words", norm), _Block.fit("chars", norm), _Block.fit("title", titles, TITLE_WEIGHT)])


# ---------------------------------------------------------------------------------------------- model


def _expand(examples: Sequence[Example]) -> tuple[list[str], list[str], list[str], np.ndarray]:
    """One row per (sentence, label), a sentence's labels sharing its unit weight: what the features' vocabulary
    and idf are fitted on (the model itself learns one row per sentence, :meth:`Classifier.fit_plain`)."""
    texts: list[str] = []
    posts: list[str] = []
    labels: list[str] = []
    weights: list[float] = []
    for e in examples:
        labs = [(NONE, 1.0)] if e.is_none else [(f, 1.0) for f in e.lead] + [(f, SUPPORT_WEIGHT) for f in e.support]
        total = sum(w for _, w in labs)
        for f, w in labs:
            texts.append(e.text)
            posts.append(e.post)
            labels.append(f)
            weights.append(w / total)
    return texts, posts, labels, np.asarray(weights)


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return np.asarray(p / p.sum(axis=1, keepdims=True))


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """The arrays as a compressed .npz (what ``np.load`` reads) with fixed entry times and order:
    ``np.savez_compressed`` stamps each entry with the current time, so the same model made different files."""
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, member.getvalue())
    return buf.getvalue()


@dataclass
class Classifier:
    """A trained model: features, one weight row per class, and its calibration."""

    features: Features
    classes: list[str]
    weights: np.ndarray  # classes × features
    bias: np.ndarray
    temperature: float = 1.0
    review_below: float = 0.5
    context_weight: float = 0.0
    memory: sparse.csr_matrix | None = None  # the training sentences' unit feature rows
    memory_labels: np.ndarray | None = None  # training sentences × classes: 1 where the class is in the gold set
    neighbour_weight: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def scores(self, texts: Sequence[str], posts: Sequence[str] | None = None) -> np.ndarray:
        """The linear model's scores plus the vote of the nearest training sentences, weighted."""
        linear, votes = self.score_parts(texts, posts)
        return linear + self.neighbour_weight * votes if self.neighbour_weight else linear

    def score_parts(self, texts: Sequence[str], posts: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The linear scores, and the nearest-sentence vote: for each class, the summed cosine similarity of
        those of the :data:`NEIGHBOURS` most similar training sentences labelled with it. The vote keeps
        what a linear model averages away: a sentence almost word for word like a labelled one of a
        sibling function (盘点现金 of cash management, 盘点库存 of inventory) takes that one's side.
        No scikit-learn here: matching a design must not import it (:func:`l2_rows` is its ``normalize``)."""
        x = self.features.transform(texts, posts if posts is not None else [""] * len(texts))
        linear = np.asarray(x @ self.weights.T + self.bias)
        votes = np.zeros_like(linear)
        if self.memory is None or self.memory_labels is None or self.memory.shape[0] == 0:
            return linear, votes
        sims = np.asarray((l2_rows(sparse.csr_matrix(x)) @ self.memory.T).todense())
        k = min(NEIGHBOURS, sims.shape[1])
        near = np.argsort(-sims, axis=1, kind="stable")[:, :k]
        for r in range(sims.shape[0]):
            votes[r] = sims[r, near[r]] @ self.memory_labels[near[r]]
        return linear, votes

    def probabilities(self, texts: Sequence[str], posts: Sequence[str] | None = None) -> np.ndarray:
        """One row per text, one column per class (:attr:`classes`), each row summing to 1."""
        return softmax(self.scores(texts, posts), self.temperature)

    # -------------------------------------------------------------------------------- training

    @classmethod
    def fit_plain(cls, examples: Sequence[Example], c: float = C, areas: Mapping[str, str] | None = None) -> Classifier:
        """The model without calibration (temperature 1): what cross-validation trains in each fold.

        One linear scorer per class (one-vs-rest, multi-label), each trained on every sentence once: positive
        where the class is in the sentence's gold set (a supported function at :data:`SUPPORT_WEIGHT`),
        negative elsewhere. One training row per (sentence, label) instead made a compound duty's row for
        one of its functions a negative example of its others, though any of them is a right first answer.
        With ``areas`` (function id → area), each function's scorer also gets :data:`AREA_WEIGHT` times its
        area's (sentences of any function of the area against the rest): siblings share what marks their
        area, which a leaf's few examples teach poorly, and the sum is still one linear scorer per class
        (bench/matching/README.md, "Fourth round")."""
        from sklearn.svm import LinearSVC

        texts, posts, _, _ = _expand(examples)
        features = Features.fit(texts, posts)
        x = features.transform([e.text for e in examples], [e.post for e in examples])
        classes = sorted({g for e in examples for g in e.gold})
        coef = np.zeros((len(classes), x.shape[1]), dtype=np.float32)
        bias = np.zeros(len(classes), dtype=np.float32)
        for i, k in enumerate(classes):
            positive = np.asarray([k in e.gold for e in examples])
            weight = np.asarray([SUPPORT_WEIGHT if k in e.support and k not in e.lead else 1.0 for e in examples])
            if positive.all() or not positive.any():  # one side only: a constant score (cannot happen on the corpus)
                bias[i] = 1.0 if positive.all() else -1.0
                continue
            # liblinear visits the rows in a random order: fixed, so the same data gives the same model
            svc = LinearSVC(C=c, random_state=0)
            svc.fit(x, positive, sample_weight=weight)
            coef[i], bias[i] = svc.coef_[0], svc.intercept_[0]
        if areas is not None and AREA_WEIGHT:
            area_of = [areas.get(k, k) for k in classes]
            for a in sorted(set(area_of)):
                inside = np.asarray([any(areas.get(g, g) == a for g in e.gold) for e in examples])
                if inside.all() or not inside.any():
                    continue
                svc = LinearSVC(C=c, random_state=0).fit(x, inside)
                for i, k_area in enumerate(area_of):
                    if k_area == a:
                        coef[i] += AREA_WEIGHT * svc.coef_[0]
                        bias[i] += AREA_WEIGHT * svc.intercept_[0]
        from sklearn.preprocessing import normalize

        memory = normalize(x).astype(np.float32)
        column = {c_: i for i, c_ in enumerate(classes)}
        gold = np.zeros((len(examples), len(classes)), dtype=np.float32)
        for r, e in enumerate(examples):
            for g in e.gold:
                if g in column:
                    gold[r, column[g]] = 1.0
        return cls(features, classes, coef, bias, memory=sparse.csr_matrix(memory), memory_labels=gold)

    @classmethod
    def train(cls, examples: Sequence[Example], folds: int = 5, target_flagged: float = 0.85,
              areas: Mapping[str, str] | None = None) -> Classifier:
        """Train on ``examples``, calibrated on held-out folds grouped by publisher.

        The temperature minimises the held-out negative log-likelihood of the gold labels; with
        ``areas`` (function id → area, :func:`function_areas`), the weight of a post's other duties
        (:func:`with_context`) is the one of :data:`CONTEXT_WEIGHTS` that puts most held-out gold
        first functions first; the review threshold is the lowest top probability below which
        ``target_flagged`` of the held-out wrong first functions fall, after that context.
        """
        cross = cross_validated_scores(examples, folds, areas=areas)
        best: tuple[int, float, float, float, HeldOut] | None = None
        for neighbours in NEIGHBOUR_WEIGHTS:
            held_out = cross.blended(neighbours)
            temperature = fit_temperature(held_out)
            weight = fit_context_weight(held_out, temperature, areas) if areas is not None else 0.0
            top = held_out_probabilities(held_out, temperature, areas, weight).argmax(axis=1)
            right = sum(held_out.classes[t] in e.gold for t, e in zip(top, held_out.examples, strict=True))
            if best is None or right > best[0]:
                best = (right, neighbours, temperature, weight, held_out)
        assert best is not None
        _, neighbours, temperature, weight, held_out = best
        review = review_threshold(held_out, temperature, target_flagged, areas or {}, weight)
        model = cls.fit_plain(examples, areas=areas)
        model.temperature, model.review_below, model.context_weight = temperature, review, weight
        model.neighbour_weight = neighbours
        return model

    # -------------------------------------------------------------------------------- files

    def save(self, folder: Path, meta: dict[str, Any]) -> None:
        """``model.json`` (header, vocabularies) and ``model.npz`` (arrays), each written atomically."""
        from retailkg.rdf.io import atomic_write

        header = {
            "format": FORMAT,
            **meta,
            "classes": self.classes,
            "temperature": self.temperature,
            "review_below": self.review_below,
            "context_weight": self.context_weight,
            "neighbour_weight": self.neighbour_weight,
            "blocks": [{"kind": b.kind, "weight": b.weight, "vocabulary": b.vocabulary} for b in self.features.blocks],
        }
        arrays: dict[str, np.ndarray] = {"weights": self.weights.astype(np.float16), "bias": self.bias.astype(np.float32)}
        for i, b in enumerate(self.features.blocks):
            arrays[f"idf{i}"] = b.idf.astype(np.float32)
        if self.memory is not None and self.memory_labels is not None:
            m = sparse.csr_matrix(self.memory)
            arrays.update({"memory_data": m.data.astype(np.float16), "memory_indices": m.indices.astype(np.int32),
                           "memory_indptr": m.indptr.astype(np.int32), "memory_labels": self.memory_labels.astype(np.uint8)})
        atomic_write(folder / "model.npz", _npz_bytes(arrays))
        atomic_write(folder / "model.json", json.dumps(header, ensure_ascii=False, sort_keys=True) + "\n")

    @classmethod
    def load(cls, folder: Path | None = None) -> Classifier:
        folder = folder or model_dir()
        head, arrs = folder / "model.json", folder / "model.npz"
        rebuild = "rebuild it with `python tools/train_matcher.py` in a checkout, or reinstall retailkg"
        try:
            header = json.loads(head.read_text(encoding="utf-8"))
            with np.load(arrs, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except FileNotFoundError as e:
            raise ModelError(f"the matcher's model is missing: {rebuild}", file=str(e.filename or head)) from e
        except (OSError, ValueError, UnicodeDecodeError, EOFError, zipfile.BadZipFile) as e:
            raise ModelError(f"the matcher's model is corrupt ({type(e).__name__}): {rebuild}", file=str(folder)) from e
        try:
            if header.get("format") != FORMAT:
                raise ValueError(f"format {header.get('format')!r}, this retailkg reads {FORMAT}")
            blocks = [
                _Block(b["kind"], list(b["vocabulary"]), arrays[f"idf{i}"].astype(np.float64), float(b["weight"]))
                for i, b in enumerate(header["blocks"])
            ]
            classes = [str(c) for c in header["classes"]]
            weights = arrays["weights"].astype(np.float32)
            bias = arrays["bias"].astype(np.float32)
            width = sum(len(b.vocabulary) for b in blocks)
            if weights.shape != (len(classes), width) or bias.shape != (len(classes),):
                raise ValueError(f"weights {weights.shape} do not fit {len(classes)} classes × {width} features")
            if any(len(b.idf) != len(b.vocabulary) for b in blocks):
                raise ValueError("an idf array does not fit its vocabulary")
            model = cls(Features(blocks), classes, weights, bias, float(header["temperature"]), float(header["review_below"]),
                        float(header["context_weight"]), neighbour_weight=float(header["neighbour_weight"]))
            if "memory_labels" in arrays:
                labels = arrays["memory_labels"].astype(np.float32)
                memory = sparse.csr_matrix(
                    (arrays["memory_data"].astype(np.float32), arrays["memory_indices"], arrays["memory_indptr"]),
                    shape=(labels.shape[0], width))
                if labels.shape[1:] != (len(classes),):
                    raise ValueError(f"the labelled sentences' labels {labels.shape} do not fit {len(classes)} classes")
                model.memory, model.memory_labels = memory, labels
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(f"the matcher's model is corrupt ({e}): {rebuild}", file=str(folder)) from e
        model.meta = {k: v for k, v in header.items() if k not in ("blocks", "classes")}
        return model


# ---------------------------------------------------------------------------------------------- calibration


@dataclass(frozen=True)
class HeldOut:
    """Scores of examples predicted by a model that did not see their source."""

    examples: list[Example]
    classes: list[str]
    scores: np.ndarray  # examples × classes (a fold's missing class scores -inf)
    votes: np.ndarray | None = None  # the nearest training sentences' votes (:meth:`Classifier.score_parts`)

    def blended(self, neighbour_weight: float) -> HeldOut:
        """The scores a model with this weight of the nearest sentences' vote gives."""
        if not neighbour_weight or self.votes is None:
            return HeldOut(self.examples, self.classes, self.scores)
        return HeldOut(self.examples, self.classes, self.scores + neighbour_weight * self.votes)


# Second-level suffixes under which each name is a separate registrant (zixin.com.cn, ychouse.cq.cn):
# China's generic and provincial ones, and the few others a Chinese job page is likely to be on.
SECOND_LEVEL_SUFFIXES = frozenset(
    {f"{s}.cn" for s in ("com", "net", "org", "gov", "edu", "ac", "mil",
                         "ah", "bj", "cq", "fj", "gd", "gs", "gx", "gz", "ha", "hb", "he", "hi", "hk", "hl", "hn", "jl", "js",
                         "jx", "ln", "mo", "nm", "nx", "qh", "sc", "sd", "sh", "sn", "sx", "tj", "tw", "xj", "xz", "yn", "zj")}
    | {"com.hk", "org.hk", "net.hk", "edu.hk", "gov.hk", "com.tw", "org.tw", "net.tw", "edu.tw", "gov.tw",
       "com.mo", "com.sg", "co.uk", "co.jp"}
)


def registered_domain(source: str) -> str:
    """The publisher behind a corpus ``source``: its host's registered domain, the path kept.

    One publisher serves pages from several hosts (renwen.xytest.com and xytest.com, doczj.com and
    biz.doczj.com), and a held-out split that put one host in training and its sibling in the
    test would measure the matcher on a publisher it was trained on. The registered domain is the
    host's last two labels, or three under a known second-level suffix (com.cn, gov.cn, cq.cn…). A
    source with a path (``github.com/owner/repo``, a company's page kept in a code repository) is
    its own publisher: the repository, not the code host, wrote it."""
    host, slash, path = source.strip().lower().partition("/")
    labels = [x for x in host.rstrip(".").split(".") if x]
    keep = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in SECOND_LEVEL_SUFFIXES else 2
    domain = ".".join(labels[-keep:])
    return f"{domain}/{path.strip('/')}" if slash and path.strip("/") else domain


def source_folds(examples: Sequence[Example], folds: int) -> list[tuple[list[int], list[int]]]:
    """``folds`` train/test splits with every publisher (registered domain) wholly on one side (deterministic)."""
    from sklearn.model_selection import GroupKFold

    groups = [registered_domain(e.source) if e.source else f"row-{i}" for i, e in enumerate(examples)]
    n = min(folds, len(set(groups)))
    return [(list(tr), list(te)) for tr, te in GroupKFold(n_splits=n).split(list(examples), groups=groups)]


def cross_validated_scores(examples: Sequence[Example], folds: int = 5, extra: Sequence[Example] = (), c: float = C,
                           areas: Mapping[str, str] | None = None) -> HeldOut:
    """Held-out scores for the examples that have a source; ``extra`` (no source) is always trained on."""
    corpus = [e for e in examples if e.source]
    always = [e for e in examples if not e.source] + list(extra)
    classes = sorted({lab for e in list(examples) + list(extra) for lab in (e.gold if not e.is_none else (NONE,))} | {NONE})
    index = {c_: i for i, c_ in enumerate(classes)}
    out = np.full((len(corpus), len(classes)), -np.inf, dtype=np.float64)
    votes = np.zeros((len(corpus), len(classes)), dtype=np.float64)
    for train, test in source_folds(corpus, folds):
        model = Classifier.fit_plain([corpus[i] for i in train] + always, c, areas)
        s, v = model.score_parts([corpus[i].text for i in test], [corpus[i].post for i in test])
        cols = [index[k] for k in model.classes]
        for row, i in enumerate(test):
            out[i, cols] = s[row]
            votes[i, cols] = v[row]
    return HeldOut(corpus, classes, out, votes)


def _finite(scores: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(scores), scores, -1e9)


def fit_temperature(held: HeldOut) -> float:
    """The softmax temperature that minimises the held-out negative log-likelihood of the gold set."""
    from scipy.optimize import minimize_scalar

    s = _finite(held.scores)
    gold = np.zeros_like(s, dtype=bool)
    index = {c: i for i, c in enumerate(held.classes)}
    for r, e in enumerate(held.examples):
        for g in e.gold:
            gold[r, index[g]] = True

    def nll(log_t: float) -> float:
        p = softmax(s, float(np.exp(log_t)))
        return float(-np.log(np.clip((p * gold).sum(axis=1), 1e-12, None)).mean())

    res = minimize_scalar(nll, bounds=(-6.0, 3.0), method="bounded")
    return float(np.exp(res.x))


def _post_of(e: Example) -> Hashable:
    """The post a corpus sentence was listed under: its page and title (no title: no post)."""
    return (e.url, e.post) if e.post else None


def held_out_probabilities(held: HeldOut, temperature: float, areas: Mapping[str, str] | None = None,
                           weight: float = 0.0) -> np.ndarray:
    """The held-out probabilities, each sentence read with its own page's other duties of the same post."""
    p = softmax(_finite(held.scores), temperature)
    if weight and areas is not None:
        p = with_context(p, held.classes, [_post_of(e) for e in held.examples], areas, weight)
    return p


def fit_context_weight(held: HeldOut, temperature: float, areas: Mapping[str, str]) -> float:
    """The weight of :data:`CONTEXT_WEIGHTS` that puts most held-out gold functions first (the smaller on a tie)."""
    best, best_right = 0.0, -1
    for weight in CONTEXT_WEIGHTS:
        top = held_out_probabilities(held, temperature, areas, weight).argmax(axis=1)
        right = sum(held.classes[t] in e.gold for t, e in zip(top, held.examples, strict=True))
        if right > best_right:
            best, best_right = weight, right
    return best


def review_threshold(held: HeldOut, temperature: float, target_flagged: float, areas: Mapping[str, str] | None = None,
                     weight: float = 0.0) -> float:
    """The lowest top probability below which ``target_flagged`` of the wrong first functions fall."""
    p = held_out_probabilities(held, temperature, areas, weight)
    top = p.argmax(axis=1)
    wrong = sorted(float(p[r, top[r]]) for r, e in enumerate(held.examples) if held.classes[top[r]] not in e.gold)
    if not wrong:
        return 0.0
    k = min(len(wrong) - 1, int(np.ceil(target_flagged * len(wrong))) - 1)
    return round(wrong[k] + 1e-6, 6)


def with_context(p: np.ndarray, classes: Sequence[str], posts: Sequence[Hashable], areas: Mapping[str, str],
                 weight: float) -> np.ndarray:
    """The probabilities ``p`` (one row per duty) re-read in the light of each duty's post.

    A design, like a job page, gives all the duties of a post together, and a post's duties mostly
    lie in one or two areas: 对账 under a post whose other duties are cash work is cash management,
    under a post of store operations it is more likely the store's own reconciliation. So each
    function's probability is multiplied by its area's share of the post's *other* duties (their
    mean probabilities over the functions, plus :data:`CONTEXT_FLOOR`) raised to ``weight``, and
    the functions' probabilities rescaled to their old sum. The probability of ``none`` is left as
    it is: a catch-all line is one whatever the post (weighting it by the post's few other
    catch-alls unmapped fewer of them, and discounting functions alone unmapped more duties of a
    mixed post). The duty's own words still decide within an area: the context moves areas, never the
    order of siblings. Duties of the same post have equal entries in ``posts``; ``None`` is a post
    of its own.
    """
    if not weight or len(p) < 2:
        return p
    names = sorted({areas.get(c, c) for c in classes if c != NONE})
    column = {a: i for i, a in enumerate(names)}
    member = np.zeros((len(classes), len(names)))
    for i, c in enumerate(classes):
        if c != NONE:
            member[i, column[areas.get(c, c)]] = 1.0
    is_function = member.any(axis=1)
    groups: dict[Hashable, list[int]] = {}
    for i, post in enumerate(posts):
        if post is not None:
            groups.setdefault(post, []).append(i)
    out = p.copy()
    for rows in groups.values():
        if len(rows) < 2:
            continue
        total = p[rows].sum(axis=0)
        for i in rows:
            others = np.where(is_function, total - p[i], 0.0)
            if others.sum() <= 0.0:
                continue
            share = (others / others.sum()) @ member
            q = np.where(is_function, p[i] * (member @ share + CONTEXT_FLOOR) ** weight, 0.0)
            mass = float(p[i][is_function].sum())
            if q.sum() > 0.0:
                out[i] = np.where(is_function, q * (mass / q.sum()), p[i])
    return out


def function_areas(kb: KnowledgeBase) -> dict[str, str]:
    """Each function's id → its area's IRI (``skos:broader``), what :func:`with_context` groups by."""
    from rdflib.namespace import SKOS

    out: dict[str, str] = {}
    for f in kb.functions.values():
        parent = kb.graph.value(f.iri, SKOS.broader)
        if parent is not None:
            out[f.id] = str(parent)
    return out


def knowledge_examples(kb: KnowledgeBase) -> list[Example]:
    """The curated duties of the four documents and the functions' own definitions, as examples.

    They have no ``source``: cross-validation always trains on them and never tests on them, because
    they are not the client text the matcher is measured on.
    """
    by_iri = {f.iri: f.id for f in kb.functions.values()}
    out: list[Example] = []
    for d in sorted(kb.duties.values(), key=lambda d: str(d.iri)):
        lead = tuple(by_iri[f] for f in d.lead if f in by_iri)
        support = tuple(by_iri[f] for f in d.support if f in by_iri)
        if d.zh and (lead or support):
            post = kb.label(d.post) if d.post is not None else ""
            out.append(Example(d.zh, lead, support, post, id=str(d.iri)))
    for f in sorted(kb.functions.values(), key=lambda f: f.id):
        out.append(Example(f"{f.zh}：{f.definition_zh}", (f.id,), id=str(f.iri)))
        if f.en:
            out.append(Example(f"{f.en}: {f.definition_en}", (f.id,), id=str(f.iri)))
    return out
