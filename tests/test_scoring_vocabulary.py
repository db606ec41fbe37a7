"""The vocabulary: every language file's examples are found, broken files are refused, and
the phrase regexes match what they say."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler import vocabulary
from crawler.text import PhraseRegex, compact, fold
from crawler.watchlist import load

LANGUAGES = sorted(name for name in vocabulary.FILES if name != "common")
WATCHLIST = load()


def finds(key: str, title: str) -> list[str]:
    """What the vocabulary finds in a title: categories, or the phrases of one word list."""
    assert key == "category" or key in vocabulary.SCANNED, key
    found = []
    for match in vocabulary.SCAN.finditer(fold(title)):
        for kind, name in vocabulary.SCAN.owner(match):
            if kind == "category" == key:
                found.append(name)
            elif kind == "words" and name == key:
                found.append(compact(match.group(0)))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_finds_its_examples(language):
    examples = [e for name, e in vocabulary.EXAMPLES if name == language]
    assert vocabulary.FILES[language].get("language") and examples
    for example in examples:
        WATCHLIST.find(example["brand"])
        for key, value in example["finds"].items():
            want = value if key == "category" else compact(fold(value))
            assert want in finds(key, example["title"]), (example["title"], key)


def test_every_category_a_brand_prices_or_sells_is_in_the_vocabulary():
    for brand in WATCHLIST.brands.values():
        assert set(brand.reference_prices) | set(brand.categories) <= vocabulary.CATEGORY_NAMES
        assert set(brand.imitations) | set(brand.features) <= vocabulary.CATEGORY_NAMES


@pytest.mark.parametrize(("files", "problem"), [
    ({"xx": {"colours": {}}}, "unknown section"),
    ({"xx": {"words": {"copyy": ["fake"]}}}, "unknown list"),
    ({"xx": {"words": {"copy": "fake"}}}, "list of non-empty strings"),
    ({"xx": {"categories": {"bag": ["tas"]}}, "yy": {"categories": {"toys": ["tas"]}}},
     "both bag and toys"),
])
def test_a_broken_vocabulary_is_refused(files, problem):
    with pytest.raises(vocabulary.VocabularyError, match=problem):
        vocabulary._check(files)


@pytest.mark.parametrize(("phrases", "kwargs", "text", "found"), [
    (["replica"], {}, "aaa replica bag", ["replica"]),
    (["replica"], {}, "replicas", []),  # a whole word
    (["manufactur*"], {}, "xyz manufacturing co", ["manufactur"]),  # a prefix
    (["with logo"], {"unless_next": ["cutout"]}, "case with logo cutout", []),
    (["with logo"], {"unless_next": ["cutout"]}, "case with logo, black", ["with logo"]),
    (["top version"], {}, "bag topversion", ["topversion"]),  # any spacing
    (["高仿"], {}, "gucci高仿包", ["高仿"]),  # no spaces around Chinese words
])
def test_phrase_regex(phrases, kwargs, text, found):
    assert [m.group(0) for m in PhraseRegex(phrases, **kwargs).finditer(text)] == found


@given(st.text(alphabet="abcr eplikaoyg1:-", max_size=40))
def test_the_ascii_regex_matches_as_the_full_one_on_ascii_text(text):
    scan = vocabulary.SCAN
    full = scan._regexes[False]
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in full.finditer(text)]


def test_a_word_that_undoes_a_phrase_makes_it_count_for_nothing():
    assert finds("logo_on_goods", "Case with logo, black") == ["withlogo"]
    assert finds("logo_on_goods", "Case with logo cutout") == []
