"""rasad: structured, geolocated conflict event data from Arabic and English news reports."""

from rasad.record import Article, Event, Evidence, InputError

__all__ = ["Article", "Event", "Evidence", "InputError", "extract"]
__version__ = "0.1.0"


def extract(text_or_article, published=None):
    """Extract coded events from one article (text or :class:`Article`). See ``rasad.extract``."""
    from rasad.extract import extract_article

    article = text_or_article if isinstance(text_or_article, Article) else Article(text=text_or_article, published=published)
    return extract_article(article)
