"""The API tests' data: a token and three articles, one with hostile text."""

from __future__ import annotations

from rasad.record import Article, Evidence
from rasad.store import Store
from rasad.store.synthetic import make_event

TOKEN = "test-token-1234"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Untrusted article text, with markup that must come back as inert data.
HOSTILE = 'هجوم <script>alert("x")</script> على حاجز في قرية الزر & "quotes" \u202e'


def seed(store: Store) -> None:
    """Three articles: two reports of one clash (fused) and one protest elsewhere."""
    a = Article(text="هاجمت خلايا داعش حاجزاً لقسد في قرية الزر.", id="art-1", title="Attack on checkpoint",
                url="https://news.example/1", source="Example Arabic")
    b = Article(text=HOSTILE, id="art-2", title="<b>Second</b> report", url="https://wire.example/2", source="Example Wire")
    c = Article(text="Protesters gathered in Aleppo demanding services.", id="art-3", title="Protest", source="Example English")
    word = "هاجمت"
    store.save_article(a, [make_event(event_id="ev-1", fatalities=1, article_ids=["art-1"], source="Example Arabic",
                                      evidence={"event_type": [Evidence("art-1", 0, len(word), word)]})])
    store.save_article(b, [make_event(event_id="ev-2", fatalities=2, article_ids=["art-2"], source="Example Wire",
                                      evidence={"event_type": [Evidence("art-2", 0, 4, HOSTILE[:4])]})])
    store.save_article(c, [make_event(event_id="ev-3", event_date="2022-12-10", event_type="Protests",
                                      sub_event_type="Peaceful protest", disorder_type="Demonstrations",
                                      actor1="Protesters (Syria)", actor2=None, inter1=6, inter2=None, interaction=60,
                                      admin1="Aleppo", admin2="Jebel Saman", latitude=36.2, longitude=37.13,
                                      place_id="syn-aleppo", location="Aleppo", article_ids=["art-3"],
                                      source="Example English", confidence=0.5)])
