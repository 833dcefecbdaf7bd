"""extractor.rx.longest_of must match exactly what the longest-first alternation of its words matches."""
from pathlib import Path

import regex

from extractor import gazetteer
from extractor.components import metrics
from extractor.rx import longest_of

BULLETINS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))


def alternation(words) -> regex.Pattern:
    return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))


def spans(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_metric_cues_and_places_match_as_the_alternation_does_on_the_bulletins():
    cues = list(metrics.taxonomy()[0])
    places = list(gazetteer.places())
    assert len(cues) > 100 and len(places) > 50
    for words in (cues, places):
        trie = regex.compile(longest_of(words))
        for path in BULLETINS:
            text = path.read_text(encoding="utf-8")
            found = spans(trie, text)
            assert found, path.name
            assert found == spans(alternation(words), text), path.name


def test_the_longest_word_wins_and_a_shorter_one_is_the_fallback():
    trie = regex.compile(longest_of(["工业", "工业增加值", "规上工业增加值", "工业投资", "投资", "增加"]))
    text = "规上工业增加值增长5%，工业投资增长3%，工业增加了，投资额"
    assert [m.group() for m in trie.finditer(text)] == ["规上工业增加值", "工业投资", "工业", "增加", "投资"]


def test_special_characters_are_literal_and_no_words_match_nothing():
    trie = regex.compile(longest_of(["细颗粒物(PM2.5)浓度", "a.b", ""]))
    assert trie.findall("细颗粒物(PM2.5)浓度 aXb a.b") == ["细颗粒物(PM2.5)浓度", "a.b"]
    assert regex.compile(longest_of([])).search("任何文字") is None
