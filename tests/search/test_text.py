from engagementnetz.search import text


def test_folding_spells_out_umlauts_and_sharp_s():
    assert text.fold("Mötsch, Straße, Übung, Ärger") == "moetsch, strasse, uebung, aerger"
    assert text.fold("Café Crème") == "cafe creme"


def test_words_leave_out_stop_words_and_punctuation():
    assert text.words("Die Vereine in der Innenstadt – und ihre Feste!") == [
        "vereine",
        "innenstadt",
        "feste",
    ]


def test_both_spellings_and_plurals_give_the_same_terms():
    assert text.terms("Mötsch Moetsch Motsch") == ["motsch", "motsch", "motsch"]
    assert text.terms("Straße Strasse") == ["strass", "strass"]
    assert text.terms("Verein Vereine Vereins") == ["verein", "verein", "verein"]
    assert text.terms("Feuerwehr Feuerwehren") == ["feuerwehr", "feuerwehr"]


def test_term_string_has_a_space_on_either_side():
    assert text.term_string("Musikverein Bitburg") == " musikverein bitburg "
    assert text.term_string("und der") == ""


def test_deletions_are_the_word_with_one_letter_left_out():
    assert text.deletions("chor") == {"hor", "cor", "chr", "cho"}


def test_edit_distance_counts_swaps_as_one():
    assert text.edit_distance("feuerwehr", "feuerwehr") == 0
    assert text.edit_distance("fuerwehr", "feuerwehr") == 1
    assert text.edit_distance("feuerwher", "feuerwehr") == 1
    assert text.edit_distance("feuerwahr", "feuerwehr") == 1
    assert text.edit_distance("fuerwahr", "feuerwehr", limit=1) == 2
    assert text.edit_distance("chor", "musikverein") == 3


def test_the_fast_stemmer_gives_the_stems_of_the_snowball_algorithm():
    # snowballstemmer uses PyStemmer (C) when it is installed; both come from the same Snowball
    # source, so the index made with one is searched with the other without a difference.
    import Stemmer
    from snowballstemmer.german_stemmer import GermanStemmer

    assert isinstance(text._stemmer, Stemmer.Stemmer)
    reference = GermanStemmer()
    words = text.words(
        "Vereine Feuerwehren Mötsch Straßenfeste Bürgerinnen Ehrenamtskarte Jugendliche "
        "Nachbarschaftshilfe Begegnungen Zukunftswerkstätten Läufergruppe Übungsleiterinnen"
    )
    assert [text.stem(word) for word in words] == [reference.stemWord(word) for word in words]
