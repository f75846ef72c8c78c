import pytest

from rasad.document import Document
from rasad.geo.recognize import find_places_in_text
from rasad.record import Article


@pytest.fixture
def doc_of():
    def make(text: str) -> Document:
        return Document(Article(text=text))

    return make


@pytest.fixture
def mentions_of():
    return find_places_in_text
