"""``normalize``: the canonical plain form of a text.

Owns: Unicode, quote, dash and punctuation normalisation, apostrophes, dotted acronyms, digit
grouping, "%", and (through ``numwords``) number words written as digits. Keeps accents and
every word; idempotent for any string. Must not: touch the database or print; it runs on
every claim of an import, so its tables are built at import and nothing is built per call.
"""

from __future__ import annotations

import re
import unicodedata

from tracker.text.numwords import NUMWORDS, convert_numbers

# Apostrophe-like marks, removed so that "Kata'ib", "Kataʾib" and "Kataib" meet. Mapped before
# NFKC because NFKC turns some of them (´) into a space plus a combining mark.
_APOSTROPHES = "'`´‘’‚‛′‵ʹʻʼʽʾʿˈꞌ＇"
PRE_NFKC = {ord(c): "'" for c in _APOSTROPHES}


class _CharMap(dict):
    """str.translate table for non-ASCII characters, filled on first sight of each character.

    Letters, marks and numbers stay; other decimal digits become ASCII digits; apostrophe-likes
    become "'"; every other character (punctuation, quotes, dashes, symbols, spaces, controls)
    becomes a space.
    """

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if cp < 0x80:
            out = ch
        elif ch in _APOSTROPHES:
            out = "'"
        elif ch in "٪﹪％":
            out = " percent "
        elif ch == "٫":  # Arabic decimal separator
            out = "."
        elif ch == "٬":  # Arabic thousands separator
            out = ","
        else:
            cat = unicodedata.category(ch)
            if cat == "Nd":
                out = str(unicodedata.decimal(ch))
            elif cat[0] in "LMN":
                out = ch
            else:
                out = " "
        self[cp] = out
        return out


_CHARMAP = _CharMap()

_POSSESSIVE_RE = re.compile(r"'s\b(?<=[^\W_]'s)")
# u.s. / u.n. / e.g. -> us. / un. / eg. (the dot between two one-letter words goes). Patterns in
# this package start with a literal where they can: the regex engine then skips ahead quickly.
_ACRONYM_RE = re.compile(r"\.(?<=(?<![^\W_])[^\W\d_]\.)(?=[^\W\d_](?![^\W_]))")
# 2,500 -> 2500 ; 1,000,000 -> 1000000 (a comma between a digit and exactly three digits)
_GROUPING_RE = re.compile(r",(?<=[0-9],)(?=[0-9]{3}(?![0-9]))")
# Every ASCII character but a-z, 0-9 and the dot is a separator (non-ASCII ones were mapped by
# _CHARMAP); a dot is one too unless it is a decimal point between two digits.
_ASCII_PUNCT = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not ("a" <= c <= "z" or "0" <= c <= "9" or c == ".")}
)
# The same table for ASCII text as bytes: bytes.translate is several times faster.
_ASCII_PUNCT_BYTES = bytes(32 if b in _ASCII_PUNCT else b for b in range(256))
_DOT_RE = re.compile(r"\.(?:(?<![0-9]\.)|(?![0-9]))")


def _normalize_once(text: str) -> str:
    ascii_ = text.isascii()
    if ascii_:
        text = text.lower()
        if "`" in text:
            text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKC", text.translate(PRE_NFKC)).casefold()
        if not text.isascii():
            # casefold can leave text that NFKC would change again ("ǰ" -> "ǰ")
            text = unicodedata.normalize("NFKC", text).translate(_CHARMAP)
    if "'" in text:
        text = _POSSESSIVE_RE.sub("", text).replace("'", "")
    if "," in text:
        text = _GROUPING_RE.sub("", text)
    if "%" in text:
        text = text.replace("%", " percent ")
    if ascii_:
        text = text.encode("ascii").translate(_ASCII_PUNCT_BYTES).decode("ascii")
    else:
        text = text.translate(_ASCII_PUNCT)
    if "." in text:
        text = _DOT_RE.sub(" ", _ACRONYM_RE.sub("", text))
    tokens = text.split()
    if not NUMWORDS.isdisjoint(tokens):
        tokens = convert_numbers(tokens)
    return " ".join(tokens)


# The last text normalised and its form: a claim's text is normalised for its matching
# form, then for its lexicon sides (the same string object), one call after the other.
_LAST: list = [None, ""]


def normalize(text: str) -> str:
    """Return the canonical plain form of ``text``.

    NFKC, case-folded, apostrophes removed inside words ("Kata'ib" -> "kataib", possessive "'s"
    dropped), every other punctuation mark, quote, dash and symbol turned into a space, dotted
    acronyms joined ("U.S." -> "us"), "%" and "per cent" spelled "percent", digit grouping
    removed ("2,500" -> "2500"), number words written as digits ("twenty-five" -> "25", "two
    thousand five hundred" -> "2500", "a hundred" -> "100"; "one" stays a word in "no one",
    "the one"), a decimal point kept between digits, whitespace collapsed.
    Accents are kept (``fold`` removes them from names). Idempotent for every string.
    """
    if text is _LAST[0]:
        return _LAST[1]
    out = _normalize_once(text)
    # ASCII output is a fixed point of _normalize_once (each stage is then a no-op); other
    # output may need another round because NFKC and casefold do not commute.
    for _ in range(8):
        if out.isascii():
            break
        again = _normalize_once(out)
        if again == out:
            break
        out = again
    _LAST[0], _LAST[1] = text, out
    return out
