"""The analysis core: spaCy-based, free of UI imports. Importing this package does not import spaCy."""

from reader.analysis.model import (
    SCHEMA_VERSION,
    Analysis,
    Entity,
    Event,
    ModelInfo,
    Quote,
    Referent,
    Span,
)

__all__ = ["SCHEMA_VERSION", "Analysis", "Entity", "Event", "ModelInfo", "Quote", "Referent", "Span"]
