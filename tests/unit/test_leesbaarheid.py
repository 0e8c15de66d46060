"""The readability report counts sentences and words of running text as a reader meets them."""

from macros.leesbaarheid import PageFigures, prose, sentences, words


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Dit gaat o.a. over leren. J. Jansen zei het in 2024. Daarna kwam de rest!"
    assert sentences(text) == ["Dit gaat o.a. over leren.", "J. Jansen zei het in 2024.", "Daarna kwam de rest!"]


def test_words_count_numbers_and_hyphenated_words_once():
    assert words("De werk-leergroep startte in 2023 met 1,5 jaar.") == 8


def test_quotes_lists_tables_and_boxes_are_not_prose():
    html = ('<article class="md-content__inner"><h1>Titel</h1><p>Eerste zin. Tweede zin.</p>'
            "<blockquote><p>Een citaat uit de bron.</p></blockquote><ul><li><p>Een punt.</p></li></ul>"
            '<footer class="ko-story-foot"><p>Principes</p></footer><table><tr><td><p>Cel</p></td></tr></table></article>')
    assert prose(html) == ["Eerste zin. Tweede zin."]


def test_long_share_counts_sentences_over_25_words():
    figures = PageFigures("x/", True, [10, 26, 25, 30])
    assert figures.long == 2 and figures.long_share == 0.5 and figures.average == 22.75


def test_shortfall_names_what_misses_the_b1_target():
    from macros.leesbaarheid import shortfall

    assert shortfall([10, 12, 14]) is None
    assert shortfall([20, 18, 16]) == "gemiddeld 18.0 woorden per zin (hoogstens 15)"
    assert shortfall([5] * 9 + [30]) == "10 % zinnen van meer dan 25 woorden (hoogstens 8 %)"
