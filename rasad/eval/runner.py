"""Running an extractor over gold articles; the extractor is a parameter, not global state."""

from __future__ import annotations

from typing import Callable, Sequence

from rasad.eval.gold import GoldArticle
from rasad.record import Article, Event, InputError

Extractor = Callable[[Article], Sequence[Event]]


def default_extractor() -> Extractor:
    """The project's extractor (imported here so scoring alone never loads the pipeline)."""
    from rasad.extract import extract_article

    return lambda article: extract_article(article).events


def predict(gold_articles: Sequence[GoldArticle], extractor: Extractor
            ) -> tuple[dict[str, list[Event]], list[str]]:
    """Predictions per article id, and one message per article the extractor failed on.

    A failing article gets no predictions (its gold events count as missed) instead of stopping
    the run: one crash should not hide the figures for the rest.
    """
    predictions: dict[str, list[Event]] = {}
    failures: list[str] = []
    for gold in gold_articles:
        try:
            predictions[gold.id] = list(extractor(gold.to_article()))
        except InputError as exc:
            failures.append(f"article {gold.id} (line {gold.line}): rejected by the extractor: {exc}")
            predictions[gold.id] = []
        except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
            failures.append(f"article {gold.id} (line {gold.line}): extractor raised "
                            f"{type(exc).__name__}: {exc}")
            predictions[gold.id] = []
    return predictions, failures
