"""Which language an article's body is written in, so a reader is warned before trusting the analysis.

The analysis runs an English model: on a French report it turns "Mais", "Il" and "Depuis" into
people. The detector is py3langid (a maintained fork of langid.py, the one trafilatura itself can
use): a 4.5 MB naive-Bayes model over byte n-grams, about 0.3 ms for a page of text once loaded.

Two guards keep English articles from ever being flagged:

- capitalised words are left out before detection, so an English text full of foreign names
  ("Jean-Luc Mélenchon told Le Monde ...") is judged by its own ordinary words;
- English function words ("the", "that", "said", "would", ...) decide for English on their own when
  they are frequent, whatever the detector thinks, and too short a text gives no answer at all.

A page's own `lang` attribute is never used: templates declare English for pages in other languages.

The detector is a dependency, but an install can be incomplete (a package removed, a model file
unreadable): then the language is unknown (`None`), the analysis goes on, and no thread ever dies with
a traceback on the reader's terminal.
"""

from __future__ import annotations

import json
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "lexicon" / "languages.json"

#: Characters of the body read for detection: the first pages say as much as the whole article.
SAMPLE_CHARS = 20000
#: Fewer lower-case words than this: no answer (a headline and a caption are not a language sample).
MIN_WORDS = 8
#: A non-English verdict needs this many lower-case words and this confidence from the detector.
MIN_WORDS_FOREIGN = 20
MIN_CONFIDENCE = 0.9
#: Share of lower-case words that are English function words above which a text is English. Running
#: English prose has 25-35%; French, German or Spanish prose under 3%.
ENGLISH_SHARE = 0.12

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
#: Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Myanmar, Khmer): a run
#: of them is a clause, counted as a word per two characters.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_ADDRESS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+")

_identifier: Any = None
_unavailable = False  # the detector could not be loaded: every answer is "unknown"
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    names = {str(k): str(v) for k, v in data["names"].items()}
    aliases = {str(k): str(v) for k, v in data.get("aliases", {}).items()}
    return names, aliases, frozenset(str(w) for w in data["english_function_words"])


def _load_identifier() -> Any:
    """The py3langid model with probabilities (loading it costs most of a second: done once), or None
    when it cannot be loaded: a missing package or a damaged model file means "language unknown"."""
    global _identifier, _unavailable
    with _lock:
        if _identifier is None and not _unavailable:
            try:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            except Exception:  # ImportError, OSError, a model pickled by another version, ...
                _unavailable = True
        return _identifier


def warm_up() -> None:
    """Start loading the detector in the background (while the spaCy model loads, say)."""
    if _identifier is None and not _unavailable:
        threading.Thread(target=_load_identifier, name="language-model", daemon=True).start()


def language_name(code: str | None) -> str | None:
    """The English name of an ISO 639-1 code ("fr" -> "French"), or None when unknown."""
    if not code:
        return None
    return _data()[0].get(code)


def _ordinary_words(text: str) -> list[str]:
    """The words of `text` that are not capitalised: names and headings say nothing of the language."""
    words = _WORD.findall(_ADDRESS.sub(" ", text[:SAMPLE_CHARS]))
    return [w for w in words if not w[0].isupper()]


def english_share(words: list[str]) -> float:
    """Share of `words` that are English function words."""
    if not words:
        return 0.0
    function_words = _data()[2]
    return sum(w.lower() in function_words for w in words) / len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language `text` is written in, or None when the text cannot tell.

    "en" whenever English function words are frequent; another language only for a text long enough
    whose ordinary words the detector places there with high confidence.
    """
    words = _ordinary_words(text)
    count = sum(max(1, len(w) // 2) if _UNSPACED.match(w) else 1 for w in words)
    if count < MIN_WORDS:
        return None
    if english_share(words) >= ENGLISH_SHARE:
        return "en"
    identifier = _load_identifier()
    if identifier is None:
        return None  # no detector: unknown, never a guess
    names, aliases, _ = _data()
    scores: dict[str, float] = {}
    for label, probability in identifier.rank(" ".join(words))[:8]:
        language = aliases.get(label, label)  # Wu and Cantonese count for Chinese, and so on
        scores[language] = scores.get(language, 0.0) + probability
    code, confidence = max(scores.items(), key=lambda item: item[1])
    if code == "en":
        return "en"
    if count < MIN_WORDS_FOREIGN or confidence < MIN_CONFIDENCE or code not in names:
        return None
    return str(code)


def language_warning(code: str | None) -> str | None:
    """The one line a reader sees for a non-English article, or None for English or unknown."""
    name = language_name(code)
    if code in (None, "en") or name is None:
        return None
    return (
        f"This article looks {name}; names and quotes are found with an English model and will be unreliable"
    )
