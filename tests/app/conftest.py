"""App test fixtures: the seed article and its analysis from the real engine, computed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.model import Analysis
from reader.article import Article

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "iran-missile-strikes.txt"


@pytest.fixture(autouse=True)
def steady_app(steady_flash: None, lasting_notices: None) -> None:
    """Every pilot here reads the state, not a race with timers: flashes and notices last the test."""


@pytest.fixture(scope="session")
def seed_article() -> Article:
    from reader.sources import load_article

    return load_article(str(SEED))


@pytest.fixture(scope="session")
def seed_analysis(seed_article: Article) -> Analysis:
    """The real pipeline's analysis of the seed article (spaCy is loaded once per test run)."""
    from reader.analysis.nlp import load_model, resolve_model
    from reader.analysis.pipeline import analyse

    nlp = load_model(resolve_model(None))
    return analyse(seed_article.text, nlp, body_end=seed_article.body_end)
