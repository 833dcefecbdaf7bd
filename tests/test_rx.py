"""extractor.rx: longest_of must match exactly what the longest-first alternation of its words matches, and a
pattern compiled by the standard engine must match exactly what `regex` matches."""
import re
from pathlib import Path

import regex

from extractor import gazetteer, patterns
from extractor.components import metrics
from extractor.patterns import PATTERNS_DIR
from extractor.rx import longest_of, rx

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


# --- which engine compiles a rule ---------------------------------------------------------------------

def rule_strings(node):
    """Every string of a patterns/*.toml file: the rules, and words, which compile as literals."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from rule_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from rule_strings(value)


def test_every_rule_the_standard_engine_reads_finds_what_regex_finds_on_the_bulletins():
    texts = [path.read_text(encoding="utf-8") for path in BULLETINS]
    rules = sorted({s for path in PATTERNS_DIR.glob("*.toml") for s in rule_strings(patterns.load(path.stem))})
    standard = 0
    for rule in rules:
        try:
            reference = regex.compile(rule)
        except regex.error:
            continue
        compiled = rx(rule)
        standard += isinstance(compiled, re.Pattern)
        for text in texts:
            assert spans(compiled, text) == spans(reference, text), rule
    assert standard > 0.8 * len(rules)  # most rules, \p{Han} ones too, run on the standard engine


def test_han_is_the_same_characters_for_both_engines_inside_and_outside_a_set():
    sample = "规上工业增加值增长5%，々〇𠀀丽の한A１"
    for rule in (r"\p{Han}+", r"[^\p{Han}]+", r"[\p{Han}0-9]{2,}", r"[]\p{Han}]+", r"\\p{Han}", r"(?<=\p{Han})增长"):
        compiled = rx(rule)
        assert isinstance(compiled, re.Pattern), rule
        assert spans(compiled, sample + "]\\p{Han}") == spans(regex.compile(rule), sample + "]\\p{Han}"), rule


def test_what_only_regex_reads_is_compiled_by_regex():
    for rule in (r"(?r)[，。]", r"\P{Han}", r"(?<!预计[^，]{0,16})将", r"(?P<n>\d)年|(?P<n>[一二])年", r"[[a-z]--[aeiou]]"):
        assert isinstance(rx(rule), regex.Pattern), rule
    assert rx(r"(?<!预计[^，]{0,16})将").search("预计明年将完成，今年将完成").start() == 10
