"""Article text -> candidate claims (pure: text in, candidates out).

Owns: turning an article (plain text, a feed dump or an HTML page) into sentences, and
proposing one :class:`Candidate` per *attributed* sentence, with the speaker it is credited
to, whether that speaker is anonymous, the hedge words, the outlet it cites as its origin
(``via``), the attribution verb and a stance. The rules are documented in docs/ingest.md.

Must not: touch the database, print, or import typer/rich. Standard library only (plus the
hedge lexicon in :mod:`tracker.normalize`). Rule-based on purpose: every decision can be
explained to the analyst who reviews the candidate.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from tracker.normalize import find_hedges

__all__ = ["Candidate", "extract", "html_to_text", "looks_like_html", "split_sentences"]


@dataclass(frozen=True)
class Candidate:
    sentence: str
    text: str
    speaker: str | None
    anonymous: bool
    hedges: tuple[str, ...]
    via: str | None
    verb: str
    stance: str


# ---------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------

_SKIP_TAGS = frozenset(
    "script style nav header footer aside form button head title noscript svg iframe "
    "template select textarea option label figure".split()
)
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table article section main blockquote "
    "pre dd dt dl figcaption hr body html".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BOILERPLATE_WORDS = tuple(
    "share social comment related newsletter subscribe menu breadcrumb cookie advert "
    "sidebar promo signup sign-up popup modal footer masthead sponsor recommend trending "
    "most-read mostread paywall".split()
)
_BOILERPLATE_EXACT = frozenset({"ad", "ads", "nav", "navbar", "header", "banner", "toolbar", "tags"})


def _is_boilerplate_attr(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name not in ("class", "id", "role") or not value:
            continue
        for token in re.split(r"[\s_]+", value.lower()):
            if token in _BOILERPLATE_EXACT or any(w in token for w in _BOILERPLATE_WORDS):
                return True
            if any(part in _BOILERPLATE_EXACT for part in token.split("-")):
                return True
        if name == "role" and value.lower() in ("navigation", "banner", "contentinfo", "complementary"):
            return True
    return False


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not self.skipping:
                self.parts.append("\n\n")
            return
        skip = self.skipping or tag in _SKIP_TAGS or _is_boilerplate_attr(attrs)
        self.stack.append((tag, skip))
        if tag in _BLOCK_TAGS and not skip:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self.skipping:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.stack):
            return  # stray end tag: ignore rather than unbalance the stack
        while self.stack:
            t, skip = self.stack.pop()
            if t == tag:
                if tag in _BLOCK_TAGS and not skip:
                    self.parts.append("\n\n")
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible article text of an HTML page: boilerplate dropped, one blank line between
    paragraphs, entities unescaped, whitespace inside a paragraph collapsed."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paras = (re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", raw))
    return "\n\n".join(p for p in paras if p)


_HTML_TAG_RE = re.compile(
    r"<(?:!doctype|html|head|body|p|div|span|a|br|article|section|h[1-6]|li|ul|ol|script|"
    r"style|nav|header|footer|meta|table|img|main|aside|em|strong|b|i)\b[^>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than plain text."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith("<") and _HTML_TAG_RE.match(text.lstrip()):
        return True
    return len(_HTML_TAG_RE.findall(text[:50_000])) >= 3


# ---------------------------------------------------------------------------------------
# Plain text and feed dumps
# ---------------------------------------------------------------------------------------

_URL_RE = re.compile(r"(?:https?://|www\.)\S+")


def _prepare_plain(text: str) -> str:
    """Undo feed-dump noise: CDATA ends, truncation marks and run-together URLs become
    paragraph breaks, so that a feed item's header never glues onto its first sentence."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.IGNORECASE):
        text = _html.unescape(text)
    text = text.replace("<![CDATA[", "\n\n").replace("]]>", "\n\n")
    text = re.sub(r"\[(?:…|\.\.\.)\]", "\n\n", text)
    text = _URL_RE.sub(lambda m: "\n\n" + m.group(0) + "\n\n", text)
    return text


def _paragraphs(text: str) -> list[str]:
    """Blank lines end paragraphs. Inside a block, single line breaks are kept as breaks
    unless the block looks hard-wrapped (most lines of similar length, no end punctuation)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) >= 3:
            longest = max(len(ln) for ln in lines)
            body = lines[:-1]
            wrapped = sum(1 for ln in body if len(ln) >= 0.6 * longest and not re.search(r"[.!?:\"”]$", ln))
            if 40 <= longest <= 100 and wrapped >= 0.6 * len(body):
                out.append(re.sub(r"\s+", " ", " ".join(lines)))
                continue
        out.extend(re.sub(r"\s+", " ", ln) for ln in lines)
    return out


# ---------------------------------------------------------------------------------------
# Sentence splitting
# ---------------------------------------------------------------------------------------

_TITLES = frozenset(
    "mr mrs ms dr gen lt col maj capt cpt sgt adm sen rep gov pres prof rev hon brig cmdr "
    "gens messrs cpl pvt amb supt insp det mt ft fr sr jr st".split()
)
_MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_NUMBER_ABBR = frozenset("no nos art vol p pp fig op".split())
_AMBIGUOUS_ABBR = frozenset("vs etc inc corp co ltd dept univ bros approx est cf al".split())
# Words that, capitalised after an abbreviation such as "U.S." or "a.m.", start a new sentence.
_STARTERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there "
    "but and yet so if when while after before however meanwhile still also in on at "
    "one two three four five some many most no none other another asked speaking according "
    "officials iran iraq".split()
)

_END_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[“\"‘'(\[]*[A-Z0-9À-Ý])")
_ASIDE_RE = re.compile(r"\[[^\[\]]{3,600}?[.!?][\"”’]?\]")
_TAIL_FRAGMENT_RE = re.compile(
    r"^[A-Z][^.!?]{0,60}?\b(?:said|says|asked|added|told|wrote|continued|insisted|explained|"
    r"noted|stressed|replied|warned|recounted|argued|claimed|declared)\b[^.!?]{0,40}[.!?]$"
)


def _is_boundary(para: str, m: re.Match[str]) -> bool:
    punct = m.group(0)
    if not punct.startswith(".") or punct.startswith("..") or len(punct.rstrip("\"”’')]")) > 1:
        return True
    if punct != ".":  # period followed by a closing quote or bracket: the quote ends there
        return True
    before = re.search(r"(\S+)$", para[max(0, m.start() - 40) : m.start()])
    tok = before.group(1).lstrip("(\"“‘'[") if before else ""
    nxt = re.match(r"\s+[“\"‘'(\[]*([^\s]+)", para[m.end() :])
    next_word = nxt.group(1) if nxt else ""
    next_lower = re.sub(r"[^\w]", "", next_word).lower()
    low = tok.lower()
    if low in _TITLES:
        return False
    if re.fullmatch(r"[A-Z]", tok):  # an initial: "John F. Kennedy"
        return False
    if low in _MONTH_ABBR or low in _NUMBER_ABBR:
        return not next_word[:1].isdigit()
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", tok) or low in _AMBIGUOUS_ABBR:
        return next_lower in _STARTERS
    return True


def _split_paragraph(para: str) -> list[str]:
    pieces: list[str] = []
    pos = 0
    for m in _END_RE.finditer(para):
        if _is_boundary(para, m):
            pieces.append(para[pos : m.end()].strip())
            pos = m.end()
    pieces.append(para[pos:].strip())
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if (
            merged
            and _TAIL_FRAGMENT_RE.match(piece)
            and len(piece.split()) <= 8
            and re.search(r"[\"”’']$", merged[-1])
        ):
            merged[-1] = merged[-1] + " " + piece  # “Why stop?” Khazali asked.
        else:
            merged.append(piece)
    return merged


def _split_with_asides(para: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _ASIDE_RE.finditer(para):
        if len(m.group(0).split()) < 2:
            continue
        out.extend(_split_paragraph(para[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.extend(_split_paragraph(para[pos:]))
    return [s for s in out if s]


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences. Paragraph breaks always end a sentence; periods
    after titles, initials, month and number abbreviations do not; "U.S." and "a.m." end
    one only when a typical sentence opener follows. Editorial asides in square brackets
    that hold a sentence of their own come out as separate sentences."""
    return [s for para in _paragraphs(text) for s in _split_with_asides(para)]


def _split_paragraphs(text: str) -> list[list[str]]:
    return [_split_with_asides(p) for p in _without_comments(_paragraphs(text))]


# A line that opens the readers' comments of a page: "7 comments", "Comments (12)", "Leave a
# reply", or a commenter's byline on its own line ("Mike R says", "2. Sam Adam says").
_COMMENTS_RE = re.compile(
    r"(?i)^(?:\d+\s+(?:comments?|replies|responses)|comments?(?:\s*\(\d+\))?|"
    r"leave\s+a\s+(?:reply|comment)|(?:\d+\.\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+says:?)$"
)


def _without_comments(paragraphs: list[str]) -> list[str]:
    """The paragraphs before the readers' comments. In a feed dump the next item (after a
    bare URL) is read again."""
    out: list[str] = []
    skipping = False
    for para in paragraphs:
        if skipping:
            if _URL_RE.fullmatch(para.strip()):
                skipping = False
                out.append(para)
            continue
        if _COMMENTS_RE.match(para.strip()):
            skipping = True
            continue
        out.append(para)
    return out


# ---------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------


def _lexicon(table: str) -> dict[str, str]:
    """'lemma: form form …' lines -> {form: lemma}."""
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        lemma, forms = line.split(":")
        out.update({f: lemma.strip() for f in forms.split()})
    return out


# Attribution verbs. A form missing on purpose: "state"/"states" (nouns far more often),
# "tweet" (noun), "quote"/"quotes" (only "quoted … as saying" attributes).
_STRONG = _lexicon(
    """
    say: say says said
    tell: tell tells told
    claim: claim claims claimed
    confirm: confirm confirms confirmed
    deny: deny denies denied
    announce: announce announces announced
    warn: warn warns warned
    tweet: tweets tweeted
    state: stated
    insist: insist insists insisted
    allege: allege alleges alleged
    acknowledge: acknowledge acknowledges acknowledged
    accuse: accuse accuses accused
    vow: vow vows vowed
    threaten: threaten threatens threatened
    write: write writes wrote
    report: report reports reported
    quote: quoted
    declare: declare declares declared
    assert: assert asserts asserted
    affirm: affirm affirms affirmed
    admit: admit admits admitted
    reveal: reveal reveals revealed
    blame: blame blames blamed
    reject: reject rejects rejected
    dismiss: dismiss dismisses dismissed
    refute: refute refutes refuted
    describe: describe describes described
    call: call calls called
    recount: recount recounts recounted
    """
)
# Verbs that only attribute when followed by "that", or at the end of the sentence
# ("…, he added."), or right after a quotation.
_WEAK = _lexicon(
    """
    add: add adds added
    note: note notes noted
    stress: stress stresses stressed
    explain: explain explains explained
    argue: argue argues argued
    maintain: maintain maintains maintained
    emphasise: emphasised emphasized
    contend: contend contends contended
    recall: recalled
    predict: predicted
    concede: conceded
    ask: asked
    continue: continued
    reply: replied
    counter: countered
    """
)
_VERB_FORMS = {**_STRONG, **_WEAK}
_VERB_RE = re.compile(r"\b(" + "|".join(sorted(_VERB_FORMS, key=len, reverse=True)) + r")\b")
# Base or -s forms that are usually nouns ("the report", "militia claims").
_NOUNISH = frozenset({"report", "reports", "claim", "claims", "vow", "vows", "tweets", "write"})
_DENY = frozenset({"deny", "reject", "dismiss", "refute"})
_REPORTS = frozenset({"claim", "allege"})
_REJECT_OBJECTS = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:reports?|claims?|allegations?|accounts?|accusations?|charges?|"
    r"story|stories|suggestions?|assertions?|idea|notion|rumou?rs?|statements?|remarks?|"
    r"it|them|this|that)\b"
)

_DETERMINERS = frozenset(
    "the a an its his her their our my your this these those no any some first latest "
    "earlier initial unconfirmed all such every each other two three four several many "
    "whose".split()
)
_PREPOSITIONS = frozenset(
    "of for to in on at by with about from into against over under after before during "
    "between among amid despite without than like as".split()
)
_NEGATORS = frozenset({"not", "never", "no", "nobody", "none", "neither", "nor", "n't", "cannot"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s"})
_AUX = frozenset(
    "is are was were has have had will would can could may might must shall should did "
    "does do been being".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_RELATIVE = frozenset({"which", "who", "whom", "whose"})
_SUBORDINATORS = frozenset(
    "after before when while because since although though as if until once that where "
    "whereas whether unless".split()
)
_ADVERBIAL_START = frozenset(
    "in on at during after before since under despite following amid with without for from "
    "through last earlier later separately meanwhile however still also yet instead "
    "moreover asked speaking citing according adding posted published writing only just "
    "today yesterday then now once but and so thus nonetheless nevertheless again "
    "additionally furthermore indeed elsewhere overall".split()
)
_TRAILING_ADVERB_RE = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|repeatedly|publicly|privately|reportedly|"
    r"allegedly|separately|again|then|formally|officially|has|have|had|would|will|did|does|do|"
    r"once|first|further|too|now|yesterday|today|recently|had\s+earlier|long|already|always|"
    r"often|consistently|frequently|so\s+far|yet|since|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"on\s+[A-Z][a-z]+\s+\d{1,2}|last\s+\w+|this\s+(?:week|month|year|morning)))+$"
)
_LEADING_JUNK_RE = re.compile(
    r"^(?:(?:and|but|yet|so|still|however|also|then|meanwhile|\d+)\s+)+", re.IGNORECASE
)

_AGENT_NOUNS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson spokesmen spokespeople
    diplomat diplomats commander commanders leader leaders member members lawmaker lawmakers
    minister ministers ministry ministries government governments office embassy service
    services agency agencies coalition military army forces force police group groups militia
    militias faction factions brigade brigades movement party channel channels statement
    statements report reports media newspaper newspapers paper outlet outlets broadcaster
    broadcasters network television tv station analyst analysts expert experts observer
    observers witness witnesses resident residents activist activists people person insider
    insiders aide aides adviser advisers advisor advisors officer officers general generals chief
    chiefs head heads president premier secretary ambassador envoy monitor monitors council
    committee command headquarters authorities authority department administration presidency
    cabinet parliament mp mps representative representatives researcher researchers fellow
    scholar journalist journalists reporter reporters correspondent investigators investigator
    commission court judge prosecutor prosecutors fighter fighters doctor doctors medic medics
    elder elders cleric clerics figure figures politician politicians negotiator negotiators team
    watchdog organisation organization alliance bloc framework agency pentagon coalition
    sheikh imam governor mayor deputy director spokesmen operative operatives guard guards
    mission embassy consulate regime intelligence contractor contractors worker workers soldier
    soldiers employee employees eyewitness eyewitnesses survivor survivors relative relatives
    neighbour neighbours neighbor neighbors driver drivers correspondent correspondents
    staff crew user users account accounts post posts""".split()
)
# Speaker heads that, with no person named, make the speaker anonymous.
_ANON_ROLES = frozenset(
    """official officials source sources diplomat diplomats commander commanders leader leaders
    member members insider insiders aide aides adviser advisers advisor advisors officer officers
    people person analyst analysts witness witnesses resident residents lawmaker lawmakers mp mps
    politician politicians figure figures fighter fighters negotiator negotiators operative
    operatives contractor contractors worker workers soldier soldiers employee
    employees eyewitness eyewitnesses survivor survivors relative relatives neighbour neighbours
    neighbor neighbors driver drivers channel channels account accounts post posts user users""".split()
)
_NATIONALITIES = frozenset(
    """iraqi iranian us u.s. american kurdish shiite shi'ite shia sunni western arab british
    israeli lebanese syrian saudi turkish russian european gulf iraq's iran's kurdistan
    qatari emirati jordanian yemeni houthi""".split()
)
_ORG_WORDS = frozenset(
    """hezbollah hizbullah hizballah kataib kata'ib asaib ahl haq nujaba brigade brigades forces
    force units unit mobilization mobilisation hashd shaabi shaabi pmf pmu irgc quds corps
    ministry council office embassy command coalition pentagon army navy government department
    party movement front group organization organisation committee agency state saraya sayyid
    shuhada awliya dam islamic resistance revolutionary guard guards joint operations security
    media cell news press revenge house senate congress parliament presidency cabinet
    administration foundation institute center centre university times post journal tv radio
    reuters ap afp bbc cnn fatah alliance bloc coordination framework consulate mission
    nations union united states kingdom emirates arabia republic east west zone gulf province
    region airport base border street square city""".split()
)
_PLACES = frozenset(
    """iran iraq baghdad tehran washington erbil irbil syria lebanon israel anbar basra kuwait
    russia moscow london vienna america kurdistan najaf karbala mosul kirkuk damascus beirut
    qaim tarmiya jerusalem gaza yemen""".split()
)
_PERSON_TITLES = frozenset(
    """gen. gen col. col lt. lt maj. capt. sgt. adm. mr. mrs. ms. dr. prime minister president
    secretary commander sheikh sayyed sayyid ayatollah imam prof. king prince ambassador gov.
    sen. rep. spokesman general colonel brigadier major captain lieutenant""".split()
)

# Outlets the extractor recognises as a cited origin (`via`), as written.
_OUTLET_NAMES = tuple(
    "The Associated Press|Associated Press|Agence France-Presse|Reuters|AFP|AP|Al Jazeera|"
    "Al-Jazeera|Al Arabiya|Al-Arabiya|Kurdistan 24|Kurdistan24|Rudaw|Al-Monitor|Al Monitor|"
    "The Guardian|The New York Times|New York Times|The Washington Post|Washington Post|"
    "The Wall Street Journal|Wall Street Journal|BBC|CNN|Fox News|NBC|CBS|ABC News|"
    "Sky News|Bloomberg|Axios|Politico|The National|Tasnim|Fars|IRNA|ISNA|Mehr|Press TV|"
    "Al Mayadeen|Al-Mayadeen|Alsumaria|Al Sumaria|Shafaq News|Iraqi News Agency|INA|"
    "Baghdad Today|NRT|Alhurra|Voice of America|VOA|Sabereen News|Sabreen News|Middle East Eye|"
    "Asharq Al-Awsat|Al-Akhbar|Anadolu|Xinhua|TASS|Kayhan|France 24|Euronews|"
    "Deutsche Welle|Sputnik|Financial Times|The Telegraph|Newsweek|Defense One|"
    "Military Times|Long War Journal|MEMRI|Middle East Monitor|The Times|Guardian".split("|")
)
_OUTLET_CUE = (
    r"(?:[A-Z][\w'’\-]*\s+){1,3}(?:News|Press|TV|Television|Radio|Times|Post|Journal|Herald|"
    r"Gazette|Daily|Network|Broadcasting|Tribune|Telegraph|Chronicle|Wire)\b"
)
_OUTLET_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for n in sorted(_OUTLET_NAMES, key=len, reverse=True))
    + r"|"
    + _OUTLET_CUE
    + r")(?![\w-])"
)

_ANON_MARK_RE = re.compile(
    r"condition of anonymity|on condition that (?:his|her|their) names? (?:not|would not|"
    r"wouldn't) be used|asked not to be (?:named|identified)|declined to be (?:named|identified)|"
    r"requested anonymity|insisted on anonymity|names? (?:be|was|were) withheld|"
    r"not (?:be )?(?:named|identified) (?:because|as|for)|not authori[sz]ed to (?:speak|talk|discuss|"
    r"comment|brief)|speaking anonymously|spoke anonymously|did not want to be (?:named|"
    r"identified)|\bunnamed\b|\banonymous\b",
    re.IGNORECASE,
)
_HEADLINE_TAG_RE = re.compile(
    r"^(?P<content>.{12,}?)\s*:\s*(?P<tag>reports?|sources?|officials|media|witnesses|"
    r"statement|monitor)$",
    re.IGNORECASE,
)
_NO_COMMENT_RE = re.compile(
    r"\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:(?:would|will|could|can|did|does|do)\s+not|"
    r"wouldn't|won't|couldn't|can't|didn't|doesn't|don't)\s+(?:immediately\s+)?comment\b|"
    r"\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:had|has|have)\s+no\s+(?:immediate\s+)?comment\b"
)
_GROUP_CUE_RE = re.compile(
    r"\b(?:Brigades?|Hezbollah|Hizbullah|Hizballah|Kataib|Kata'ib|Asaib|Saraya|Liwa|Harakat|"
    r"Nujaba|Front|Movement|group|militia|faction)\b"
)
_DEFINITE_GROUP_RE = re.compile(
    r"^the (?:group|groups|faction|militia|brigade|movement|organi[sz]ation|channel|statement)$",
    re.IGNORECASE,
)
_DEFINITE_OUTLET_RE = re.compile(
    r"^the (?:news )?(?:agency|newspaper|paper|broadcaster|report|outlet|wire service|network)$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------


def _mask_quotes(s: str, open_at_start: bool) -> tuple[str, bool]:
    """Replace quoted text (not the quote marks) with underscores so verbs and commas
    inside quotations are ignored. Returns the masked text and whether a quotation is
    still open at the end of the sentence."""
    out = list(s)
    inside = open_at_start
    straight_open = open_at_start
    for i, ch in enumerate(s):
        if ch == "“":
            inside = True
            continue
        if ch == "”":
            inside = False
            straight_open = False
            continue
        if ch == '"':
            straight_open = not straight_open
            inside = straight_open
            continue
        if inside:
            out[i] = "_"
    return "".join(out), inside


def _is_fully_quoted(s: str) -> bool:
    return bool(re.fullmatch(r"[“\"][^“”\"]+[”\"][.!?]?", s.strip())) or bool(
        re.fullmatch(r"[“\"][^“”\"]+[.!?,][”\"]", s.strip())
    )


# ---------------------------------------------------------------------------------------
# Noun phrases: speakers, names, outlets
# ---------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[\w'’.\-]+")


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


def _np_core(np: str) -> str:
    """The head part of a speaker phrase: 'one of the militia officials' -> 'the militia
    officials'; 'a commander in Kataib Hezbollah who asked…' -> 'a commander'."""
    np = np.strip()
    m = re.match(
        r"(?i)^(?:one|some|two|three|four|five|several|many|most|all|none|each|any|both|"
        r"another)\s+of\s+(.+)$",
        np,
    )
    if m:
        np = m.group(1)
    np = re.split(
        r"\s*[,(]\s*|\s+(?:of|for|in|on|near|inside|outside|based|from|at|with|who|"
        r"which|that|to|close to|circulating|shared|posted|spreading|"
        r"familiar with|calling itself|known as)\s+",
        np,
        maxsplit=1,
    )[0]
    return np.strip()


def _head(np: str) -> str:
    ws = _words(_np_core(np))
    return ws[-1] if ws else ""


def _is_cap(word: str) -> bool:
    return bool(re.match(r"^(?:[A-Z]|(?:al|el|ad|an|as|ash)-[A-Z])", word))


def _base(word: str) -> str:
    """Lower-cased word without a possessive ending, "al-" prefix or dots."""
    w = word.lower().strip(".,")
    w = re.sub(r"(?:'s|’s|'|’)$", "", w)
    return w.removeprefix("al-").removeprefix("el-")


_CAP_STOP = frozenset(
    """still but however instead meanwhile according in on at asked speaking after before
    during when while as if the a an this that these those there his her their its our we they
    he she it i both some many other others one two three last earlier later separately also
    then yet so and read more see for with from by under since until within without among
    between through following despite amid mr mrs ms dr""".split()
)


def _person_names(s: str) -> list[str]:
    """Person-like names in ``s``: runs of two or more capitalised words (with al-/bin/Abu
    particles) that are not organisations, places, nationalities or titles."""
    names: list[str] = []
    tokens = re.findall(r"[\w'’.\-]+|[,;:()\"“”—–]", s)
    run: list[str] = []

    def flush() -> None:
        while run and (
            run[0].lower() in _PERSON_TITLES or _base(run[0]) in _CAP_STOP or _base(run[0]) in _NATIONALITIES
        ):
            run.pop(0)
        core = [w for w in run if w.lower() not in ("bin", "ibn", "al", "el", "abu", "ben")]
        if (
            len(run) >= 2
            and core
            and not any(_base(w) in _ORG_WORDS or _base(w) in _NATIONALITIES for w in run)
            and not any(re.fullmatch(r"[A-Z]{2,}", w) for w in run)
        ):
            names.append(re.sub(r"(?:'s|’s)$", "", " ".join(run)).rstrip(".,"))
        run.clear()

    for tok in tokens:
        tok_clean = tok.rstrip(".,")
        if not tok_clean or not re.match(r"\w", tok_clean):
            flush()
            continue
        if (_is_cap(tok_clean) and tok_clean.lower() not in _MONTH_FULL) or (
            run and tok_clean in ("bin", "ibn", "al", "el", "Abu", "Ben", "bint")
        ):
            run.append(tok_clean)
            if tok_clean.endswith(("'s", "’s")) or tok.endswith(","):
                flush()
        else:
            flush()
    flush()
    return names


_MONTH_FULL = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _has_person(np: str) -> bool:
    if _person_names(np):
        return True
    # A single capitalised surname after a title or a role noun: "Col. Marotto", "spokesman Kirby".
    return bool(
        re.search(
            r"(?:\b(?:[A-Z][a-z]{0,3}\.|spokesman|spokeswoman|commander|leader|"
            r"chief|secretary|minister)\s+)[A-Z][a-z’'\-]+",
            np,
        )
    )


def _is_named(np: str) -> bool:
    """A proper name anywhere in the phrase (person, organisation or outlet)."""
    ws = _words(np)
    for i, w in enumerate(ws):
        lw = _base(w)
        if not _is_cap(w) or lw in _NATIONALITIES:
            continue
        if i == 0 and (lw in _AGENT_NOUNS or lw in _DETERMINERS or lw in _PRONOUNS or lw in _ANON_ROLES):
            continue
        return True
    return False


def _plausible_speaker(np: str) -> bool:
    if not np or len(_words(np)) > 14:
        return False
    ws = _words(np)
    if len(ws) == 1 and ws[0].lower() in _PRONOUNS:
        return True
    head = _head(np)
    if not head:
        return False
    if head.lower() in _AGENT_NOUNS:
        return True
    core = _words(_np_core(np))
    if _is_cap(head) or head.isdigit() and len(core) > 1 and _is_cap(core[-2]):
        return head.lower() not in _DETERMINERS and head.lower() not in _MONTH_FULL
    return False


def _anonymous(np: str, sentence: str, next_sentence: str) -> bool:
    if _has_person(np):
        return False
    # The next sentence counts when it looks back at this speaker: "The officials spoke on
    # condition of anonymity…", not when it introduces a new anonymous speaker.
    marked = bool(_ANON_MARK_RE.search(sentence)) or bool(
        re.match(r"^(?:The|They|He|She|Both|All|Each|Those|None)\b", next_sentence)
        and _ANON_MARK_RE.search(next_sentence)
    )
    # Conjuncts of the head part only: "posts circulating on Telegram and Twitter" is
    # one speaker, not "posts" and "Twitter".
    conjuncts = re.split(r"\s+and\s+", _np_core(np))
    role_headed = any(_head(c).lower() in _ANON_ROLES for c in conjuncts) and not any(
        _is_named(c) and _head(c).lower() not in _ANON_ROLES for c in conjuncts
    )
    if role_headed:
        # "the leader of Asaib Ahl al-Haq" names one identifiable person.
        if re.match(
            r"(?i)^the\s+(?:\w+\s+)?(?:leader|head|chief|commander|secretary)\s+of\s+"
            r"(?:the\s+)?[A-Z]",
            np.strip(),
        ):
            return marked
        return True
    return marked and not _is_named(np)


def _find_outlet(s: str) -> str | None:
    m = _OUTLET_RE.search(s)
    return m.group(0).strip() if m else None


_VIA_PATTERNS = tuple(
    re.compile(p.replace("{o}", _OUTLET_RE.pattern))
    for p in (
        r"\btold\s+(?:the\s+)?(?P<o>{o})",
        r"\b(?:statement|interview|remarks|comments|[Ss]peaking|spoke|[Tt]alking|talked|speaks)\s+"
        r"(?:to|with)\s+(?:the\s+)?(?P<o>{o})",
        r"\b(?:quoted|cited|reported|confirmed|published|revealed)\s+by\s+(?:the\s+)?(?P<o>{o})",
        r"\bconfirmed\s+to\s+(?:the\s+)?(?P<o>{o})",
        r"\baccording\s+to\s+(?:the\s+|a\s+)?(?P<o>{o})",
        r"(?P<o>{o})(?:'s|’s)?\s+(?:\w+\s+)?(?:reported|reports|said|says|quoted|cited|claimed|"
        r"revealed|wrote|confirmed)\b",
        r"(?P<o>{o}),\s+which\s+(?:\w+\s+)?(?:said|reported|cited|quoted)",
    )
)


def _via_in(sentence_masked: str, sentence: str) -> str | None:
    if not _OUTLET_RE.search(sentence_masked):
        return None
    best: tuple[int, str] | None = None
    for p in _VIA_PATTERNS:
        for m in p.finditer(sentence_masked):
            o = m.group("o").strip()
            if best is None or m.start() < best[0]:
                best = (m.start(), sentence[m.start("o") : m.start("o") + len(o)])
    return best[1] if best else None


# ---------------------------------------------------------------------------------------
# Attribution frames
# ---------------------------------------------------------------------------------------


@dataclass
class _Frame:
    kind: str  # tail | inverted | paren | according | head | passive | headline
    verb: str
    lemma: str
    speaker: str | None
    start: int  # where the attribution verb starts
    content: str | None  # the assertion without the attribution, when it can be cut cleanly


_PRIORITY = {
    "tail": 0,
    "inverted": 1,
    "paren": 2,
    "according": 3,
    "head": 4,
    "relhead": 5,
    "passive": 6,
    "headline": 7,
}


def _segments(masked: str, end: int) -> list[tuple[int, int]]:
    """Spans of ``masked[:end]`` between separators (commas, semicolons, dashes, colons,
    closing quotes, parentheses) outside quotations."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r",\s*|;\s*|\s[—–]\s*|:\s+|[”\"]\s+", masked[:end]):
        if masked[m.start()] in '”"' and _opens_quote_at(masked, m.start()):
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _opens_quote_at(masked: str, i: int) -> bool:
    # A straight quote opens when followed by masked text; it closes when followed by space.
    return i + 1 < len(masked) and masked[i + 1] == "_"


_IRREGULAR_PARTICIPLES = frozenset(
    "known based led seen given taken written shown held made set sent built run funded armed backed".split()
)


def _is_adverbial(seg: str) -> bool:
    """An introductory or parenthetical phrase that cannot be the speaker: "In Tehran",
    "Speaking to Al Jazeera", "posted on Telegram", "July 9", a dateline, a timestamp."""
    ws = seg.split()
    if not ws:
        return True
    first = ws[0].lower().strip('"“')
    if first in _ADVERBIAL_START or first.endswith("ing") and first not in ("king",):
        return True
    if re.fullmatch(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?", seg.strip()):
        return True  # a live-blog timestamp
    if len(ws) == 1 and (
        first.endswith("ly") or (ws[0].isupper() and len(ws[0]) >= 5 and not _OUTLET_RE.fullmatch(ws[0]))
    ):
        return True  # "Separately", a dateline "BAGHDAD" (not "AP" or "IRGC")
    if re.fullmatch(r"(?:[A-Z][a-z]+\s+)?\d{1,2}(?:\s+\d{4})?|\d{4}(?:\s+[—–-].*)?", seg.strip()) and (
        not re.match(r"[A-Za-z]", seg.strip()) or seg.split()[0].lower() in _MONTH_FULL
    ):
        return True  # "July 9", "2021"
    if first in _IRREGULAR_PARTICIPLES:  # "known as …", "based in …"
        return True
    if re.match(r"^[a-z]+ed\b", seg.strip()) and first not in ("reed",):
        return True  # participial: "posted on Telegram", "asked about the report"
    return False


def _is_appositive(seg: str) -> bool:
    return bool(
        re.match(
            r"^(?:a|an|the)\s+\S|^(?:[a-z]+\s+){0,2}(?:leader|commander|head|"
            r"chief|spokesman|spokeswoman|fellow|director|member|adviser|analyst)\b",
            seg.strip(),
        )
    )


def _is_role_phrase(seg: str) -> bool:
    core = _np_core(seg)
    return (
        len(core.split()) <= 5
        and _head(core).lower() in _AGENT_NOUNS
        and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", seg)
    )


def _trailing_name(seg: str) -> str | None:
    m = re.search(
        r"((?:(?:The|the)\s+)?(?:[A-Z][\w'’.\-]*|al-[A-Z][\w'’\-]*)"
        r"(?:\s+(?:[A-Z][\w'’.\-]*|al-[A-Z][\w'’\-]*|bin|of|al))*(?:\s+\d+)?)\s*$",
        seg,
    )
    return m.group(1).strip() if m else None


def _clean_subject(seg: str) -> tuple[str | None, bool]:
    """Reduce the text before a verb to the speaker phrase. Returns (speaker, clean) where
    ``clean`` says whether nothing but the speaker and adverbials stood before the verb."""
    full = seg.strip().strip('"“”')
    full = _TRAILING_ADVERB_RE.sub("", full).strip()
    full = _LEADING_JUNK_RE.sub("", full).strip()
    # Parentheses and relative clauses belong to the speaker phrase but hold no verb of it.
    s = re.sub(r"\s*\([^)]*\)", "", full)
    s = re.split(r"\s+(?:who|whose|that(?=\s+[a-z]+(?:s|ed)\s))\s+", s)[0].strip()
    if re.search(r"\swhom\s", s):  # "… whom the United States (accuses)": the subject follows
        s = full = s.split(" whom ", 1)[1].strip()
    if not s:
        return None, False
    if s != full and not re.search(r"\s(?:who|whom|whose|that)\s", full) and "(" not in full:
        full = s
    words = s.split()
    lower = [w.lower() for w in words]
    # Coordinated verbs: "The coalition put the number at 14 and (said)".
    if lower[-1] in ("and", "but"):
        lead = []
        for w in words[:-1]:
            lw = w.lower()
            if lead and (
                lw in _AUX
                or lw in _VERB_FORMS
                or (lw.endswith("ed") and not _is_cap(w))
                or lw in ("put", "gave", "took", "made", "found", "came", "went", "set")
            ):
                break
            lead.append(w)
        cand = " ".join(lead)
        return (cand, False) if lead and len(lead) < len(words) - 1 else (None, False)
    # After a subordinator: "a day after the Joint Operations Command (said)".
    for i in range(len(words) - 1, -1, -1):
        # "as" is a preposition inside a phrase ("successor as head of"), a subordinator
        # only at the start ("As Mohaned Hage Ali … said").
        if lower[i] in _SUBORDINATORS and i < len(words) - 1 and (lower[i] != "as" or i == 0):
            return " ".join(words[i + 1 :]), True
    if lower[0] in _PREPOSITIONS and lower[0] not in ("as",):
        name = _trailing_name(s)
        if name and name != s:
            return name, True
        return None, False
    if any(w in _AUX for w in lower) or len(words) > 12:
        return None, False
    if any(
        w in _VERB_FORMS and not _is_cap(words[i]) and not (i == len(words) - 1 and w in _AGENT_NOUNS)
        for i, w in enumerate(lower)
    ):
        return None, False  # a verb in it, unless it is the head noun ("…, report says")
    if lower[0] in _PREPOSITIONS:
        return None, False
    return full, True


def _subject_before(sentence: str, masked: str, vstart: int) -> tuple[str | None, bool, int]:
    """Speaker phrase before the verb at ``vstart`` -> (speaker, clean, speaker_start).
    A speaker found through a relative pronoun (", which said") comes back with
    speaker_start == -1 - its real start, so callers can rank that frame lower."""
    segs = _segments(masked, vstart)
    for k in range(len(segs) - 1, -1, -1):
        a, b = segs[k]
        seg = sentence[a:b]
        st = seg.strip()
        if not st:
            continue
        mseg = masked[a:b]
        if not re.search(r"[A-Za-z0-9]", mseg.replace("_", "")) or re.fullmatch(
            r"\s*[“\"]_*[”\"]?[)\]]?\s*", mseg
        ):
            return None, False, a  # a quotation cannot be the speaker
        first = st.split()[0].lower()
        if first in ("which", "whom", "that") and k == len(segs) - 1 and len(st.split()) > 1:
            # Object relative: "the attack, which officials said involved 14 rockets".
            subj, _ = _clean_subject(" ".join(st.split()[1:]))
            if subj and _plausible_speaker(subj):
                return subj, False, a + seg.find(subj) if subj in seg else a
        if first in _RELATIVE:
            if len(st.split()) == 1:  # ", which said": the antecedent ends the previous segment
                if k == 0:
                    return None, False, a
                pa, pb = segs[k - 1]
                prev_np = sentence[pa:pb].strip()
                if (
                    len(prev_np.split()) <= 8
                    and _plausible_speaker(prev_np)
                    and not _is_adverbial(prev_np)
                    and _clean_subject(prev_np)[0]
                ):
                    return prev_np, False, -1 - pa
                name = _trailing_name(prev_np)
                return name, False, -1 - pa
            continue  # relative clause inside the subject: skip it
        if st.lower() in ("and", "but") and k == len(segs) - 1 and k > 0:
            # 'It called her an "expert" and (said)': a second verb of the clause before
            # the quotation; its subject is the speaker.
            pa, _ = segs[k - 1]
            subj, _ = _clean_subject(sentence[pa:b])
            return subj, False, pa
        named = re.match(r"^(?:also\s+)?(?:known as|called|calling itself|dubbed|named)\s+(?P<n>.+)$", st)
        if named and _is_named(named.group("n")) and k < len(segs) - 1:
            return named.group("n").strip(), False, a + seg.find(named.group("n"))
        if re.search(r"\s(?:and|but)$", st) and re.match(r"^[a-z]+ed\b", st):
            return None, False, a  # "…, visited Baghdad and (told)": a second verb of a clause
        if _is_adverbial(st):
            if k == 0:
                return None, False, a
            continue
        if first in ("and", "but") and len(st.split()) == 1:
            return None, False, a
        # An appositive sits between commas: "Behnam Ben Taleblu, a senior fellow, told".
        if (
            0 < k < len(segs) - 1
            and _is_appositive(st)
            and not re.search(r"\b(?:that|who|whom|which|because|when|while|after)\b", st)
        ):
            pa, pb = segs[k - 1]
            prev, _ = _clean_subject(sentence[pa:pb])
            if prev and _is_named(prev) and len(prev.split()) <= 6 and not _is_adverbial(prev):
                return prev, True, pa
        subj, clean = _clean_subject(seg)
        # Anything before the speaker but adverbials and a role ("Its leader, Qais
        # al-Khazali, said") makes the cut unclean.
        if clean and k > 0:
            clean = all(
                _is_adverbial(sentence[x:y].strip()) or _is_role_phrase(sentence[x:y])
                for x, y in segs[:k]
                if sentence[x:y].strip()
            )
        return subj, clean, a + (len(seg) - len(seg.lstrip()))
    return None, False, 0


def _np_after(text: str) -> str:
    """A noun phrase at the start of ``text``, up to a comma, clause word or the end."""
    m = re.match(r"\s*(.+?)(?=\s*(?:[,;:.!?]\s|[,;:.!?]?$|\s+that\s|\s+as\s+saying|\s+—))", text)
    return m.group(1).strip() if m else text.strip().rstrip(".")


_DATELINE_RE = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s*[—–-]\s*|[A-Z][A-Z/ .'-]{2,}(?:,[^—–]{0,40})?(?:\s*\([^)]*\))?"
    r"\s*[—–]\s*)"
)
_PRONOUN_START_RE = re.compile(r"^[“\"]?(?:it|its|he|his|she|her|they|their|them|we|our|i)\b", re.IGNORECASE)


def _tidy_content(s: str) -> str:
    s = _DATELINE_RE.sub("", s.strip())
    s = re.sub(
        r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
        r"today|tonight|last\s+(?:week|month|night))(?![’'\w]),?\s+",
        "",
        s,
    )
    s = re.sub(r",?\s+and\s+that\s+", " and ", s)
    s = re.sub(r"^[\s,;:—–-]+|[\s,;:—–-]+$", "", s)
    if re.fullmatch(r"[“\"][^“”\"]+[”\"][.!?]?", s) or re.fullmatch(r"[“\"][^“”\"]+[.!?,][”\"]", s):
        s = s.strip(".!?").strip('“”"')
    s = s.strip().rstrip(",;:")
    if s.startswith(("“", '"')) and not re.search(r"[”\"]", s[1:]):
        s = s[1:]
    if s.endswith(("”", '"')) and not re.search(r"[“\"]", s[:-1]):
        s = s[:-1]
    s = s.strip().rstrip(",;:")
    if not s:
        return s
    s = s[0].upper() + s[1:]
    if not re.search(r"[.!?][”\"’']?$", s):
        s += "."
    return s


# Verbs that do not come before their speaker ("…, denied the ministry" is not English).
_NOT_INVERTED = frozenset("deny reject dismiss blame accuse describe call threaten vow report refute".split())
_CALL_PARTICLES = frozenset("for on upon off in up out back it".split())
_TOLD_OUTLET_RE = re.compile(
    r"\s+(?:(?:the\s+)?" + _OUTLET_RE.pattern + r"|reporters|journalists)"
    r"(?:\s+(?:on|in|at|last)\s+[A-Z]?\w+)?\s+(?P<c>[a-z“\"A-Z].*)$"
)
_TAIL_REST_START = frozenset(
    "on in at to last later earlier citing adding speaking yesterday today this late also "
    "after before during while when from via without with by".split()
)


def _is_tail_rest(rest: str, lemma: str) -> bool:
    """Whether what follows an attribution verb is only adverbials ("on Tuesday", "in a
    statement", "citing sources") or the outlet told, so the verb closes the sentence."""
    r = rest.strip()
    r = re.sub(r"[.!?”\"’')\]]+$", "", r).strip()
    if not r:
        return True
    if len(r.split()) > 16 or re.search(r"\bthat\b", r):
        return False
    first = r.split()[0].lower().strip(",")
    if first in _TAIL_REST_START:
        return True
    if lemma == "tell":  # "told Reuters", "told reporters on Tuesday"
        return bool(_OUTLET_RE.match(r)) or first in ("reporters", "journalists", "the")
    return False


def _frames(sentence: str, masked: str) -> list[_Frame]:
    """Every way ``sentence`` attributes an assertion; :func:`_choose` picks the outermost.
    ``masked`` is the sentence with quoted words blanked out."""
    frames: list[_Frame] = []

    # "according to X" (X may not be a bare truncation).
    for m in re.finditer(r"\b[Aa]ccording to\s+", masked):
        rest = sentence[m.end() :]
        np = _np_after(rest)
        if not np or not _plausible_speaker(np):
            continue
        after = m.end() + len(rest) - len(rest.lstrip()) + len(np)
        before = sentence[: m.start()].rstrip()
        if before.endswith(","):
            content = before  # "Y, according to X."
        elif m.start() == 0 or re.match(r"^\W*$", before):
            content = sentence[after:].lstrip(" ,")
        else:
            content = None
        frames.append(_Frame("according", "according to", "according", np, m.start(), content))

    # "X quoted Y as saying" / "Y was quoted (by Z) as saying".
    for m in re.finditer(r"\bquoted\s+(?P<np>.+?)\s+as\s+saying\b(?:\s+that)?", masked):
        np = sentence[m.start("np") : m.end("np")].strip()
        if np.startswith("by "):
            continue
        frames.append(_Frame("head", "quoted", "quote", np, m.start(), sentence[m.end() :]))
    m = re.search(
        r"^(?P<subj>[^,]+?)\s+(?:was|were|is|are|has been|had been)\s+quoted\s+"
        r"(?:by\s+(?:the\s+)?[^,]+?\s+)?as\s+saying\b(?:\s+that)?",
        masked,
    )
    if m:
        subj, _ = _clean_subject(sentence[: m.end("subj")])
        if subj and _plausible_speaker(subj):
            frames.append(_Frame("head", "quoted", "quote", subj, m.start(), sentence[m.end() :]))

    for m in _VERB_RE.finditer(masked):
        verb = m.group(1)
        lemma = _VERB_FORMS[verb]
        vs, ve = m.start(), m.end()
        before_words = re.findall(r"[\w'’]+", masked[:vs])
        prev = before_words[-1].lower() if before_words else ""
        clause = re.split(r"[,;:—–]", masked[:vs])[-1]
        prev3 = [w.lower() for w in re.findall(r"[\w'’]+", clause)[-3:]]
        after = masked[ve:]
        next_word = (re.match(r"\s*([\w'’]+)", after) or [None, ""])[1].lower()
        if lemma == "quote":
            continue  # handled above
        if prev in _DETERMINERS or prev in _PREPOSITIONS and prev not in ("as",):
            continue
        if next_word in ("of",) and verb in _NOUNISH:
            continue
        if verb in _NOUNISH and re.match(r"\s*[:;)\]]", after):
            continue  # "see MEMRI reports: …"
        if prev and (prev in _VERB_FORMS or prev.endswith("'s")) and verb in _NOUNISH:
            continue
        if any(w in _NEGATORS or w.endswith("n't") for w in prev3):
            continue
        if verb == "claimed" and re.match(r"\s+the\s+lives?\b", after):
            continue
        if re.match(r"\s+(?:not\s+to\s+be|to\s+be\s+(?:named|identified))\b", after):
            continue  # "asked not to be named"
        if verb == "admitted" and re.match(r"\s+to\s+(?:a\s+)?hospital", after):
            continue
        if (
            lemma in ("reject", "dismiss")
            and not _REJECT_OBJECTS.match(after)
            and not re.search(r"\bas\b", after)
        ):
            continue
        if lemma == "describe" and not re.search(r"\bas\b", after):
            continue
        if lemma == "call":
            # Only 'called the strikes a "violation"', not "called for", "called Tehran to
            # discuss …" or "a group called …".
            obj = re.match(r"\s+((?:[\w'’\-]+\s+){1,5}?)[“\"]", after)
            if (
                next_word in _CALL_PARTICLES
                or not obj
                or any(w.lower() in _PREPOSITIONS or w.lower() == "to" for w in obj.group(1).split())
            ):
                continue
        if verb in ("report", "claim", "vow", "write") and not (
            prev in _PRONOUNS or (prev.endswith("s") and before_words and before_words[-1].islower())
        ):
            continue
        passive = prev in _BE or (
            len(before_words) >= 2 and before_words[-2].lower() in _BE and prev.endswith("ly")
        )
        if passive or (verb.endswith("ed") and re.search(r"(?:^|,)\s*$", masked[:vs])):
            by = re.match(r"(?:\s+[\w'’.\-]+){0,6}?\s+by\s+(?P<np>[^,.;]+)", after)
            if by:
                np = by.group("np").strip()
                np = re.split(r"\s+(?:as|that|to|in|on|after|before|when|and then)\s+", np)[0]
                if _plausible_speaker(np):
                    frames.append(_Frame("passive", verb, lemma, np, vs, None))
            if passive:
                continue  # "is said to", "were reported", "are blamed on": no speaker

        weak = verb in _WEAK
        # Inverted tail: '“…,” said one Shiite political leader.'
        if re.search(r"(?:^|[,”\"])\s*$", masked[:vs]) and vs > 0 and lemma not in _NOT_INVERTED:
            np = _np_after(sentence[ve:])
            rest = sentence[ve:].strip()
            rem = rest[len(np) :] if rest.startswith(np) else rest
            # A speaker with an anonymity clause ("said a guard who asked not to be
            # named because he was not authorised to speak") may run longer.
            core = _cut_anonymity_clause(np)
            anon_clause = core != np and len(core.split()) <= 6
            if (
                np
                and _plausible_speaker(core if anon_clause else np)
                and (len(rest.split()) <= 16 or anon_clause)
                and np.split()[0].lower() not in _PREPOSITIONS
                and re.fullmatch(
                    r"\s*(?:,\s+(?:a|an|the|who|which|adding|speaking|citing)\b"
                    r"[^.!?]*)?[.!?]?[”\"’']?\s*",
                    rem,
                )
            ):
                sep = re.search(r"[,”\"]\s*$", sentence[:vs])
                content = sentence[: sep.start() + 1] if sep else sentence[:vs]
                frames.append(_Frame("inverted", verb, lemma, np, vs, content))
                continue

        subj, clean, sstart = _subject_before(sentence, masked, vs)
        relative = sstart < 0
        if relative:
            sstart = -1 - sstart
        if not subj or not _plausible_speaker(subj):
            continue
        if re.match(r"\s+(?:nothing|little|no\b)", after):
            continue  # "has said nothing about"
        if _NO_COMMENT_RE.match(after):
            continue  # "said it would not comment": empty speech
        if subj.split()[0].lower() in _NEGATORS:
            continue

        # What follows the verb: to the end of the sentence (tail), to a comma (parenthetical)
        # or a clause (head).
        rest_m = masked[ve:]
        tail_like = _is_tail_rest(rest_m, lemma)
        preceded_by_sep = (
            sstart > 0
            and bool(re.search(r"[,”\"]\s*$", masked[:sstart]))
            and not _is_adverbial(masked[:sstart].strip(" ,"))
            and not all(
                _is_adverbial(sentence[x:y].strip())
                for x, y in _segments(masked, sstart)
                if sentence[x:y].strip()
            )
        )
        if (
            preceded_by_sep
            and tail_like
            and not re.search(
                r",\s+(?!citing|speaking|according|"
                r"adding|in\b|on\b)\S",
                rest_m,
            )
        ):
            sep = re.search(r"[,”\"]\s*$", sentence[:sstart])
            content = sentence[: sep.start() + (1 if sentence[sep.start()] in '”"' else 0)]
            frames.append(_Frame("tail", verb, lemma, subj, vs, content))
            continue
        paren = re.match(r"((?:\s+[\w'’.\-]+){0,6}?),\s+(?P<rest>\S.*)$", sentence[ve:])
        if (
            preceded_by_sep
            and paren
            and lemma in ("say", "tell", "add", "report", "claim", "insist", "confirm", "write")
        ):
            sep = re.search(r"[,”\"]\s*$", sentence[:sstart])
            if sep:
                rest = paren.group("rest")
                before = sentence[: sep.start() + (1 if sentence[sep.start()] in '”"' else 0)]
                if re.match(r"[“\"]", rest):  # “A,” the group said, “and B.”
                    content = re.sub(r",?[”\"]$", ", ", before) + rest[1:]
                    content = content.replace(", , ", ", ")
                elif re.match(r"(?:but|and|while|though|although|or|adding|as)\b", rest):
                    content = before + ", " + rest
                elif re.match(r"[a-z]+ing\b", rest):  # '“A,” the ministry said, calling it “B.”'
                    content = before
                else:  # "It was, the officials said, the largest attack."
                    content = before + " " + rest
                frames.append(_Frame("paren", verb, lemma, subj, vs, content))
                continue
        that = re.match(r"((?:\s+[\w'’.\-]+){0,9}?)\s+that\s+(?P<c>.+)$", sentence[ve:])
        if that and (set(w.lower() for w in that.group(1).split()) & (_AUX | {"and", "but"})):
            that = None  # "says forces have found the vehicle and that …": not the verb's "that"
        if weak and (not that or lemma in ("ask", "continue", "reply")):
            continue
        if relative:
            frames.append(_Frame("relhead", verb, lemma, subj, vs, None))
            continue
        content = None
        if clean:
            if that and "," not in that.group(1):
                content = that.group("c")
            elif lemma == "say" and next_word not in _PREPOSITIONS and not re.match(r"\s*[,:]", after):
                content = sentence[ve:]
            elif re.match(r"\s*:\s+\S", after):  # 'He said: “…”'
                content = sentence[ve:].split(":", 1)[1]
            elif lemma == "claim" and re.match(r"\s+responsibility\b", after):
                verb = verb + " responsibility"
            elif lemma == "tell":
                told = _TOLD_OUTLET_RE.match(sentence[ve:])
                if told:
                    content = told.group("c")
        elif lemma == "claim" and re.match(r"\s+responsibility\b", after):
            verb = verb + " responsibility"
        if len(re.findall(r"\w+", sentence[ve:])) + len(re.findall(r"\w+", sentence[:sstart])) < 2:
            continue  # "Sam Adam says": a byline, no assertion
        frames.append(_Frame("head", verb, lemma, subj, vs, content))

    if not frames and not re.search(r"[.!?][”\"’']?$", sentence):
        m = _HEADLINE_TAG_RE.match(sentence.strip())
        if m:
            frames.append(
                _Frame(
                    "headline",
                    m.group("tag").lower(),
                    "report",
                    m.group("tag"),
                    m.start("tag"),
                    m.group("content"),
                )
            )
    return frames


def _choose(frames: list[_Frame]) -> _Frame | None:
    if not frames:
        return None

    def rank(f: _Frame) -> tuple[int, int]:
        return _PRIORITY[f.kind], f.start if f.kind != "tail" else -f.start

    best = min(frames, key=rank)
    if (
        best.speaker
        and _head(best.speaker).lower() in ("statement", "statements")
        and not _is_named(best.speaker)
    ):
        # "The group claimed the attack, according to a statement shared on its channels":
        # an unnamed statement is the named speaker's.
        named = [f for f in frames if f is not best and f.speaker and _is_named(f.speaker)]
        if named:
            return min(named, key=rank)
    return best


# ---------------------------------------------------------------------------------------
# Article-level pass
# ---------------------------------------------------------------------------------------


@dataclass
class _Seen:
    speaker: str | None
    anonymous: bool
    via: str | None
    sentence: str
    index: int


def _resolve(
    speaker: str,
    index: int,
    sentences: list[str],
    history: list[_Seen],
) -> tuple[str | None, bool | None, str | None]:
    """Resolve pronouns and definite descriptions ('he', 'the group', 'the news agency')
    to an earlier speaker. Returns (speaker, inherited anonymity or None, inherited via)."""
    low = speaker.lower().strip()
    recent = [h for h in history if index - h.index <= 5]
    owned = _OWNED_SPEAKER_RE.fullmatch(low)
    if owned:
        # "his office", "its spokesman": the owner is named before the speaker in this
        # sentence ("Kadhimi ordered an inquiry, his office said") or resolved as a pronoun.
        pronoun = {"his": "he", "her": "she", "its": "it", "their": "they"}[owned.group(1)]
        noun = speaker.strip().split(None, 1)[1]
        at = sentences[index].lower().find(low)
        before = sentences[index][:at] if at >= 0 else ""
        names = _person_names(before) if pronoun in ("he", "she") else _group_names(before)
        owner, _, via = (names[0], None, None) if names else _resolve(pronoun, index, sentences, history)
        if owner:
            return f"{owner}'s {noun}", False, via
        return speaker, None, None
    if low in ("he", "she"):
        if (
            history
            and history[-1].index == index - 1
            and history[-1].speaker
            and (_has_person(history[-1].speaker) or not _head(history[-1].speaker).lower().endswith("s"))
        ):
            h = history[-1]
            return h.speaker, h.anonymous, None
        if index > 0:
            names = _person_names(sentences[index - 1])
            first = re.match(r"[\w'’\-]+", sentences[index - 1])
            if not names and first and _single_name(first.group(0)):
                names = [first.group(0)]  # "Khazali spoke in Baghdad. He said …"
            if names:
                return names[0], False, None
        for h in reversed(recent):
            if h.speaker and (_has_person(h.speaker) or _single_name(h.speaker)):
                return h.speaker, h.anonymous, None
        return None, None, None
    if low in ("they", "we"):
        for h in reversed(recent):
            if h.speaker and h.speaker.lower() not in ("he", "she"):
                return h.speaker, h.anonymous, None
        return None, None, None
    if low == "it":
        for h in reversed(recent):
            if h.speaker and _is_named(h.speaker) and not _has_person(h.speaker):
                return h.speaker, h.anonymous, h.via
        return None, None, None
    if _DEFINITE_OUTLET_RE.match(low):
        for h in reversed(history):
            if h.via and index - h.index <= 8:
                return h.via, False, h.via
        return speaker, None, None
    if low == "the channel":
        # A channel named as an outlet a few sentences back ("Sabereen News claimed …
        # The channel added …").
        for h in reversed(history):
            if h.via and index - h.index <= 8:
                return h.via, False, h.via
    if _DEFINITE_GROUP_RE.match(low):
        window = [h for h in history if index - h.index <= 8 and h.speaker]
        if low.endswith("statement"):
            for h in reversed(window):
                if "statement" in h.sentence.lower() and _is_named(h.speaker or ""):
                    return h.speaker, h.anonymous, h.via
        best: tuple[int, str, bool | None, str | None] | None = None
        for h in reversed(window):
            if _GROUP_CUE_RE.search(h.speaker or "") and _is_named(h.speaker or ""):
                best = (h.index, h.speaker or "", h.anonymous, h.via)
                break
        # A group named in the last sentences without being quoted: "a claim from a group
        # calling itself the Muhandis Revenge Brigade. The group says …"
        for j in range(index - 1, max(index - 4, -1), -1):
            if best and best[0] >= j:
                break
            names = _group_names(sentences[j])
            if names:
                best = (j, names[-1], False, None)
                break
        if best:
            return best[1], best[2], best[3]
        return speaker, None, None
    return speaker, None, None


_OWNED_SPEAKER_RE = re.compile(
    r"(his|her|its|their)\s+(?:(?:press|media)\s+)?(?:office|spokes(?:man|woman|person)|lawyer)"
)
_GROUP_NAME_RE = re.compile(
    r"(?:[A-Z][\w'’\-]*\s+|al-[A-Z][\w'’\-]*\s+|(?:of|al|the)\s+){0,5}"
    r"(?:Brigades?|Hezbollah|Hizbullah|Hizballah|Front|Movement)\b"
    r"|\b(?:Kataib|Kata'ib|Asaib|Saraya|Liwa|Harakat)(?:\s+(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|"
    r"Ahl|al))+"
)


def _group_names(s: str) -> list[str]:
    out = []
    for m in _GROUP_NAME_RE.finditer(s):
        name = re.sub(r"^(?:(?:of|al|the)\s+)+", "", m.group(0)).strip()
        if name and _is_cap(name):
            out.append(name)
    return out


def _single_name(sp: str) -> bool:
    """A bare surname such as "Sadr" or "Nadhim" (not an organisation, outlet or place word)."""
    ws = _words(sp)
    return (
        len(ws) == 1
        and _is_cap(ws[0])
        and _base(ws[0]) not in _ORG_WORDS
        and _base(ws[0]) not in _NATIONALITIES
        and _base(ws[0]) not in _AGENT_NOUNS
        and _base(ws[0]) not in _PLACES
        and _base(ws[0]) not in _CAP_STOP
        and not _OUTLET_RE.fullmatch(ws[0])
        and not ws[0].isupper()
    )


def _cut_anonymity_clause(np: str) -> str:
    """'a guard who asked not to be named because …' -> 'a guard'; a relative clause that
    marks no anonymity ("witnesses who saw the strike") stays."""
    rel = re.search(r",?\s+who\s+(.*)$", np)
    return np[: rel.start()] if rel and _ANON_MARK_RE.search(rel.group(1)) else np


def _tidy_speaker(sp: str) -> str:
    sp = sp.strip().strip('"“”,;:')
    sp = re.sub(r"\s+", " ", sp)
    sp = _cut_anonymity_clause(sp)  # the anonymity is kept apart
    sp = re.sub(r"^(?:[A-Z]{2,}(?:/[A-Z]{2,})?(?:,[^—–]*)?\s+[—–]\s+)", "", sp)  # dateline
    return sp


def _stance(lemma: str, hedges: tuple[str, ...]) -> str:
    if lemma in _DENY:
        return "denies"
    if hedges or lemma in _REPORTS:
        return "reports"
    return "asserts"


def _follow(sentence: str, owner: Candidate) -> Candidate:
    """A quoted sentence that belongs to ``owner``'s speaker (same quotation or a
    continuation of it)."""
    hedges = tuple(find_hedges(sentence))
    return Candidate(
        sentence=sentence,
        text=_tidy_content(sentence),
        speaker=owner.speaker,
        anonymous=owner.anonymous,
        hedges=hedges,
        via=owner.via,
        verb=owner.verb,
        stance="reports" if hedges else "asserts",
    )


MAX_SENTENCE = 3_000
"""Characters: a longer "sentence" is no sentence (a run of text without full stops) and
holds no candidate; a claim's text is limited to 5,000 characters anyway."""


def extract(text: str, *, html: bool | None = None) -> list[Candidate]:
    """Candidate claims in an article: one per sentence that attributes an assertion."""
    if html is None:
        html = looks_like_html(text)
    plain = html_to_text(text) if html else _prepare_plain(text)
    paragraphs = _split_paragraphs(plain)
    sentences = [s for p in paragraphs for s in p]
    para_of = [pi for pi, p in enumerate(paragraphs) for _ in p]

    out: list[Candidate] = []
    seen_sentences: set[str] = set()
    history: list[_Seen] = []
    # Quoted sentences waiting for the attribution that closes their quotation.
    pending: list[int] = []
    open_quote = False
    quote_owner: Candidate | None = None  # the attributed sentence whose quotation is open
    last_para = -1
    by_index: dict[int, Candidate] = {}

    for i, sentence in enumerate(sentences):
        if para_of[i] != last_para:
            pending = []
            open_quote = False
            quote_owner = None
            last_para = para_of[i]
        masked, open_after = _mask_quotes(sentence, open_quote)
        was_open = open_quote
        open_quote = open_after
        stripped = sentence.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            continue  # an editorial aside by whoever reposted the article
        if len(sentence) > MAX_SENTENCE:
            continue  # not a sentence (a page without full stops); and the frames cost its square
        frame = _choose(_frames(sentence, masked))
        nxt = sentences[i + 1] if i + 1 < len(sentences) else ""

        if frame is None and was_open and quote_owner is not None:
            # Inside a quotation opened by an attributed sentence: 'He said: “A. B.”'
            cand = _follow(sentence, quote_owner)
            by_index[i] = cand
            if sentence not in seen_sentences:
                seen_sentences.add(sentence)
                out.append(cand)
            if not open_after:
                quote_owner = None
            continue
        if frame is None:
            if open_after or was_open:
                pending.append(i)
                continue
            # A quotation continuing the previous attributed quotation: '“…,” he said. “…”'
            prev = by_index.get(i - 1)
            if (
                prev is not None
                and _is_fully_quoted(sentence)
                and (
                    para_of[i - 1] == para_of[i]
                    or _is_fully_quoted(sentences[i - 1])
                    or re.search(r"[”\"]", sentences[i - 1])
                )
            ):
                cand = _follow(sentence, prev)
                by_index[i] = cand
                if sentence not in seen_sentences:
                    seen_sentences.add(sentence)
                    out.append(cand)
            continue

        speaker = _tidy_speaker(frame.speaker) if frame.speaker else None
        via = _via_in(masked, sentence)
        inherited_anon: bool | None = None
        if speaker:
            resolved, inherited_anon, inherited_via = _resolve(speaker, i, sentences, history)
            speaker = resolved
            via = via or inherited_via
        if frame.kind == "headline" or (speaker or "").lower() in ("report", "reports", "media reports"):
            # "…: report": credit the outlet the next sentences cite.
            for j in range(i + 1, min(i + 7, len(sentences))):
                v = _via_in(_mask_quotes(sentences[j], False)[0], sentences[j])
                if v:
                    speaker, via = v, v
                    break
        if speaker and via is None and (o := _find_outlet(speaker)):
            if re.search(
                r"(?i)^(?:(?:a|an|the)\s+(?:tally|count|report|analysis|review|survey|"
                r"investigation|database)(?:\s+(?:kept|compiled|conducted|published|made))?"
                r"\s+by\s+)?(?:the\s+)?" + re.escape(o) + r"(?:\s+(?:report|story|"
                r"newspaper|news agency|agency))?$",
                speaker,
            ):
                via = o  # "Reuters", "the AP report", "a tally kept by the AFP news agency"
        # An outlet that cites someone: the someone is the speaker.
        if speaker and via and _find_outlet(speaker):
            cite = re.search(r"\bciting\s+(?P<np>[^,.;]+)", sentence)
            if cite and _plausible_speaker(cite.group("np").strip()):
                speaker = cite.group("np").strip()
                inherited_anon = None

        if speaker is None:
            anonymous = bool(_ANON_MARK_RE.search(sentence))
        elif inherited_anon is not None:
            anonymous = inherited_anon
        else:
            anonymous = _anonymous(speaker, sentence, nxt)

        hedges = tuple(find_hedges(sentence))
        stance = _stance(frame.lemma, hedges)
        content = _tidy_content(frame.content) if frame.content else ""
        if (
            len(content.split()) < 3
            or (
                _PRONOUN_START_RE.match(content)
                and frame.kind in ("head", "according")
                and not re.match(r"\s*[“\"]", frame.content or "")  # a quotation keeps its "we"
            )
            or re.match(r"(?i)so\b", content)
        ):
            # A bare pronoun would lose its referent once the attribution is cut.
            content = _tidy_content(sentence)

        cand = Candidate(
            sentence=sentence,
            text=content,
            speaker=speaker,
            anonymous=anonymous,
            hedges=hedges,
            via=via,
            verb=frame.verb,
            stance=stance,
        )
        by_index[i] = cand
        history.append(_Seen(speaker, anonymous, via, sentence, i))
        # Earlier sentences of the same quotation belong to this speaker too.
        if pending and (was_open or re.search(r"[”\"]", sentence)):
            for j in pending:
                pj = sentences[j]
                pc = _follow(pj, cand)
                by_index[j] = pc
                if pj not in seen_sentences:
                    seen_sentences.add(pj)
                    out.append(pc)
        pending = []
        quote_owner = cand if open_after else None
        if sentence not in seen_sentences:
            seen_sentences.add(sentence)
            out.append(cand)

    order = {s: k for k, s in enumerate(sentences)}
    out.sort(key=lambda c: order.get(c.sentence, 0))
    return out
