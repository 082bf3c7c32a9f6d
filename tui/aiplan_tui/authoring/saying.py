"""The words news copy attributes speech with: verbs of saying and reporting, the nouns an
organisation or an unnamed speaker is called by, and the pieces around a name (an age, a
party in brackets, a role by its owner). quotes.py and reported.py build their patterns
from these."""

from __future__ import annotations

import re

from aiplan_tui.authoring.text import NAME, SPEAKER_NAME, TITLE_WORDS
from aiplan_tui.core.model import EntityKind

ESTIMATES = (
    r"estimates?(?=\s+(?:that|the|a|an|it|its|their|about|around|roughly|nearly|some|over|"
    r"up|more|[$€£¥₹\d])|\s*[.,;!?]|\s*$)"
)
"""The verb, not the noun ("Industry estimates put ..."): what is estimated follows ("analysts
estimate a delay could cost ..."), or the sentence ends ("..., Zhou estimates.")."""
PUT_AT = (
    r"puts?(?=\s[^.,;“”\"«»]{1,60}?\bat\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
    r"up\s+to\s+|more\s+than\s+|between\s+|some\s+)?[$€£¥₹\d])"
)
"""An estimate: "Haddad put the extra demand at 50 to 65 gigawatts"."""
WROTE_THAT = r"(?:wrote|writes)(?=\s(?:[^.,;“”\"«»]{0,30}?\s)?that\b)"
"""Writing what someone holds ("wrote in an editorial that ..."), not writing a letter."""
ASKED_TO = (
    r"(?:asked|asks)(?=\s+(?:(?:the\s+)?[\w’'-]+\s+)?(?:to|how|why|whether|if|what|when|who)"
    r"\s+[\w“\"«])"
)
"""A request or a question reported: "asked Brussels to raise ...", "asked how the ..."
(not "When I asked how, ...": the question is not reported)."""
DISMISSED_AS = r"dismiss(?:ed|es)(?=\s[^.,;:“”\"«»]{1,80}?\bas\s+(?:an?|the|mere|just|little)\b)"
"""A judgement spoken: "dismissed the plan as an attempt to ..." (not dismissing staff)."""
CITED = (
    r"(?:cited|cites)(?=\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}(?:figure|estimate|number|"
    r"total|sum|study|survey|forecast|poll)s?\b)"
)
"""A number or a study put forward as the speaker's ("cited a figure of ...")."""
ADDED = (
    r"added(?!\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|up\s+to)\s+)?"
    r"(?:[$€£¥\d]|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|"
    r"thousands|another|more)\b))"
)
"""Adding words, not things ("added three chip designs to its list", "added about 40
gigawatts" are acts)."""
SAYING = (
    rf"(?:said|says|{ADDED}|adds|told\s+\w+|tells\s+\w+|wrote|writes|noted|notes|explained|"
    r"argued|asked|asks|stated|continued|warned|cautioned|reported|insisted|claimed|recalled|"
    rf"remarked|declared|replied|responded|commented|tweeted|posted|asserted|{ESTIMATES}|"
    r"estimated|predicted|acknowledged|conceded|admitted|urged|vowed|pledged|stressed|"
    r"emphasi[sz]ed|promised|told)"
)
"""Verbs that attribute words in quotation marks."""
REPORTING = (
    r"(?:said|says|emphasi[sz]ed|emphasi[sz]es|noted|notes|cautioned|warned|stressed|argued|"
    rf"{ADDED}|announced|explained|highlighted|remarked|urged|advocated|referenced|echoed|"
    r"mentioned|insisted|claimed|suggested|pledged(?=\s+(?:to|that)\b)|acknowledged|observed|"
    r"predicted|"
    r"articulated|stated|contended|maintained|underscored|reiterated|told\s+\w+|tells\s+\w+|"
    rf"called\s+for|asserted|conceded|admitted|estimated|{ESTIMATES}|believes|expects|argues|"
    rf"warns|cautions|insists|contends|maintains|stresses|urges|predicts|reported|{PUT_AT}|{WROTE_THAT}|"
    r"vowed|vows|denied|denies|countered|complained|complains|lamented|boasted|thinks|fears|"
    r"hopes|say|argue|warn|insist|contend|caution|maintain|"
    r"puts?\s+it\s+(?:(?:more|most|less)\s+)?[a-z]+ly\b"
    r"(?=(?:,?\s+(?:in|at|during|last|this|when|while)\b[^.:;“”\"«»]{0,60})?\s*:)|"
    rf"{ASKED_TO}|{DISMISSED_AS}|{CITED}|(?:proposed|proposes|reports|reported)(?=\s+that\b))"
)
"""Verbs that report what someone said without their words (the plural's too: "Critics
argue", "officials say"); pledging a sum is an act ("pledged another €2bn"), pledging to do
something or that it will be done is speech."""
INTRODUCING = (
    rf"(?<![\w-])(?:{SAYING}|described\s+(?:\w+\s+)?as|called|calling|termed|labell?ed|branded|"
    r"saying|promising|pledging|vowing|warning|arguing)"
    r"\s*(?:it|them|him|her|this|that)?\s*(?:as)?[,:]?\s*$"
)
"""What may stand right before a one- or two-word quotation that is a quotation."""
PRONOUN = r"(?:[Hh]e|[Ss]he)"
_WHEN = r"(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)\s+"
ADVERB = rf"(?:{_WHEN})?(?:(?:has|have|had)\s+)?(?:(?:also|even|later|then|again|\w+ly)\s+)?"
"""What may stand between a speaker and the verb: "has said", "also warned", "later said",
the day wire copy puts there ("The ministry on Monday said")."""
PARENTHETICAL = (
    r"(?:meanwhile|however|though|too|also|likewise|instead|separately|similarly|"
    r"in\s+turn|in\s+response|in\s+contrast|by\s+contrast|on\s+the\s+other\s+hand|"
    r"for\s+(?:his|her|their|its|our|my)\s+part|for\s+example|for\s+instance)\b"
)
"""Words between commas after a name that are no role: "Nadia Kerr, for her part, said"."""
CIRCUMSTANCE = (
    r"(?:in|at|on|during|after|before|while|when|with|through|via|by|from|to|under|over|"
    r"speaking|addressing|writing)\b"
)
"""What opens words between commas after a name that say where or when, not who: "Xie Feng,
in a speech in Washington, warned ..."."""
TITLES = "|".join(sorted((re.escape(w) for w in TITLE_WORDS if w[-1] != "."), key=len)[::-1])
ORG_NOUNS = (
    r"agency|ministry|department|council|commission|alliance|association|federation|"
    r"group|coalition|union|administration|government|authority|board|bank|fund|institute|"
    r"company|firm|operator|developer|regulator|broadcaster|network|channel|newspaper|outlet|"
    r"college|university|school|cooperative|co-op|utility|hospital|park|committee|bureau"
)
"""What an organisation named before is called again: "the council said"."""
SPOKESPEOPLE = r"spokesperson|spokesman|spokeswoman|representative|official|officials"
UNNAMED_NOUNS = {
    "organisation": "broadcaster|outlet|newspaper|paper|channel|network|station|broadcast",
    "person": "analyst|official|diplomat|executive|lawyer|economist|researcher|delegate|"
    "spokesperson|spokesman|spokeswoman|representative|"
    "engineer|investor|observer|expert|source|lawmaker|resident|worker|commentator|critic|"
    "scholar|professor|academic|trader|banker|consultant|manager|insider|participant|"
    "attendee|founder|columnist|editor|host|presenter|anchor|voter|farmer|owner|student|user|"
    "caller|listener|viewer|reader|visitor|guest",
}

OF_ORGANISATION = rf"(?:\s+(?:of|at|from)\s+(?:the\s+)?{SPEAKER_NAME})?"
"""A person's organisation after the name: "Yusuf Adeyemi of Kestrel University said"."""
NOT_A_PLACE = (
    r"(?!(?:in|on|at|to|for|from|with|by|after|before|during|that|it|this|as|when|while|if|"
    r"because|and|but|or|last|next|early|late|de|del|la|da|dos|das|du|van|von|der|den|ter|"
    r"bin|al|di|le)\b)"
)
"""A lower-case word that may be a role's ("columnist"), not a place's or a time's ("in")."""
AGE = r"(?:,\s*\d{1,3}(?=,))?"
"""An age after a name: "Ravi Menon, 45, a former negotiator, said"."""
PARTY = r"(?:\s*\([^()“”\"«»]{1,30}\))?"
"""A party or a place in brackets after a name: "Senator Ruth Calloway (D-Maine) said"."""
OWNER_ROLE = (
    r"\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]he|[\w-]+[’']s)\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*"
)
"""A role by its owner before a name: "Its leader, Jo Park, called ..."."""
ROLE = r"[^,\s“”\"«»](?:[^,“”\"«»]|(?<=\d),(?=\d)){2,119}?(?:,\s*(?:an?|the)\s[^,“”\"«»]{2,79}?)?"
"""A role between commas after a name (a number's comma inside: "speaking to 1,200
delegates"), which may have a second part ("the chief executive of
Redwood Cloud, a unit of Pine Holdings")."""
NAME_THEN_ROLE = re.compile(rf"(?P<name>{NAME}),\s*(?P<role>(?:an?|the|its|their|[\w-]+[’']s)\s.+)")
"""What is between the commas after a place or a time that opens the sentence ("In Tokyo,",
"Earlier on Sunday,") and before the verb: the speaker's name and role ("Ken Mori, the
director of ...")."""

_ONE = r"(?:[Oo]ne|[Aa]nother|[Aa]n|[Aa])"
"""A determiner of one: its noun is singular ("a move officials said" is not one)."""
_MANY = r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome)"
_OWNER = r"(?:[Hh]is|[Hh]er|[Tt]heir)"
_WORD = r"(?:(?:[A-Z]\.){2,}|[\w’'-]+)"
"""A word, or initials ("U.S."): never a word with a sentence's full stop."""
_MODIFIERS = rf"(?:(?!(?:who|that|and|or|but|said|says|told)\b){_WORD}\s+){{0,3}}?"
"""Up to three words before the noun, of any case: "Gulf trade", "U.S.", "press"."""
_AFTER_NOUN = (
    rf"(?:\s+(?:who|that)\s+(?:{_WORD}\s+){{0,5}}?{_WORD}"
    rf"|\s+(?:familiar\s+with|close\s+to|for|at|from|with|of|in|on(?=\s+(?:an?|the)\s))\s+"
    rf"(?:{_WORD}\s+){{0,7}}?"
    rf"{_WORD})?"
)
"""What the noun may be followed by: "who farms near the site", "at a Paris bank",
"familiar with the plan", "for one of the large cloud providers", "on a Hull radio station"."""
_NOT_A_MODIFIER = (
    r"(?!(?i:the|a|an|in|at|on|for|but|and|or|as|when|while|if|so|yet|still|now|to|of|by|"
    r"with|from|that|this|these|those|it|its|their|his|her|our|we|they|many|most|some|all|"
    r"what|which|who|whose|how|why|where|when)\b)"
)
_NOT_PEOPLE = (
    r"statement|document|report|letter|paper|order|number|other|another|water|power|sector|"
    r"factor|center|centre|computer|chapter|government|department|parliament|agreement|"
    r"parent|percent|moment|event|element|component|investment|equipment|payment|"
    r"development|environment|management|settlement|segment|contract|organi[sz]er|"
    r"spent|meant|under|after|other|rather|whether|however|together|later|longer|further|"
    r"faster|higher|lower|larger|smaller|bigger|greater|earlier|latter|former|minor|major|"
    r"prior|superior|inferior|interior|exterior|corridor|elsewhere|whatever|wherever|"
    r"meanwhile|consent|recent|present|frequent|current|different|important|significant|"
    r"relevant|constant|distant|instant|apparent|efficient|sufficient|urgent|silent|"
    + UNNAMED_NOUNS["organisation"]
)
_SUFFIX = r"[a-z]{3,}(?:er|or|ist|ian|ant|ent)"
_AGENT = rf"(?={_SUFFIX}s?\b)(?!(?:{_NOT_PEOPLE})s?\b){_SUFFIX}"
"""A noun for someone by what they do ("skipper", "operator", "economist", "technician",
"consultant", "resident"), not a thing ("statement", "order", "paper") or an outlet; "the
organisers" are the organisation that runs an event."""


def unnamed(nouns: str, agent: str = "") -> str:
    """Someone the article does not name, by what they are: a determiner, up to three words,
    a noun ("A Gulf trade minister", "his press secretary", "one resident who farms near the
    site", "two officials familiar with the plan"), or a plural noun alone or after one
    word ("Supporters", "District officials", "port officials"). `agent` is a pattern of
    lower-case nouns besides (a capitalised word alone is a name: "Desrosiers said")."""
    either = f"{nouns}|{agent}" if agent else nouns
    plural = f"(?i:{nouns})|{agent}" if agent else f"(?i:{nouns})"
    return (
        rf"(?:\b{_ONE}\s+{_MODIFIERS}(?:{either})(?!s\b)"
        rf"|\b{_MANY}\s+{_MODIFIERS}(?:{either})s"
        rf"|\b{_OWNER}\s+{_MODIFIERS}(?:{either})s?"
        # (a plural soon: cheap to ask first; "a move officials said": not "move officials")
        rf"|(?<![\w’'-])(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?=(?:\S+\s+)?[\w’'-]*s\b)"
        rf"(?:{_NOT_A_MODIFIER}{_WORD}\s+)?(?:{plural})s)\b{_AFTER_NOUN}"
    )


UNNAMED_PEOPLE = (
    UNNAMED_NOUNS["person"] + "|minister|officer|lobbyist|teacher|secretary|aide|adviser|advisor|"
    "negotiator|supporter|opponent|advocate|campaigner|activist|staffer|person|pilot|captain|"
    "clerk|nurse|doctor|driver|official|chief|head|boss|critic|agent|people"
)
"""What an unnamed person is called (besides _AGENT's nouns)."""
_PEOPLE_WHO_KNOW = (
    rf"\b(?:{_MANY}\s+)?[Pp]eople\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?"
    rf"knowledge\s+of)\s+(?:{_WORD}\s+){{0,5}}?{_WORD}"
)
"""Wire copy's unnamed sources: "people familiar with the investigation", "two people close to
the talks", "people briefed on the plan"."""
UNNAMED_PERSON = rf"(?:{_PEOPLE_WHO_KNOW}|{unnamed(UNNAMED_PEOPLE, _AGENT)})"
WHO_CLAUSE = r"(?:,\s*who\s[^,“”\"«»]{1,80},)?"
"""A relative clause between commas after someone not named: "A senior official, who spoke
on condition of anonymity, said ..."."""
UNNAMED_OUTLET = unnamed(UNNAMED_NOUNS["organisation"])
UNNAMED_GROUP = (
    r"(?:\b[A-Z][\w-]*[’']s\s+)?(?<![\w’'-])(?:[Oo]rgani[sz]ers|(?:[Ss]tate(?:-run)?|[Oo]fficial|"
    r"[Ll]ocal|[Ff]oreign|[Nn]ational|[Gg]overnment|[A-Z][a-z]+(?:an|ese|ish))\s+media)\b"
)
"""An organisation the article does not name, by what it is: "organisers" (of an event),
"state media", "China's state media", "Japanese media"."""
_PERSON = re.compile(UNNAMED_PERSON)


_FIRMS = re.compile(
    r"(?:\w*makers?|providers?|suppliers?|manufacturers?|developers?|operators?|exporters?|"
    r"importers?|retailers?|carriers?|insurers?|lenders?|producers?|distributors?|vendors?)$"
)
"""What companies are called by what they do: "Chipmakers said", "two cloud providers"."""
_PEOPLES_MAKERS = re.compile(r"(?:law|policy|peace|decision-|film|match)makers?$")
_AFTER_HEAD = re.compile(r"\s+(?:who|that|familiar|close|for|at|from|with|of|in|on)\b")


def unnamed_kind(words: str) -> EntityKind:
    """A person, unless the words name an outlet ("A rival station") or firms by what they
    do ("Chipmakers", "two cloud providers"; not "lawmakers")."""
    if not _PERSON.fullmatch(words):
        return "organisation"
    head = _AFTER_HEAD.split(words, maxsplit=1)[0].split()[-1].casefold()
    firms = _FIRMS.search(head) is not None and _PEOPLES_MAKERS.search(head) is None
    return "organisation" if firms else "person"


_LOOKED_AHEAD = r"(?:proposed|proposes|reports|reported)(?=\s+that\b)"
REPORTING_WORD = re.compile(
    REPORTING[3:-1].replace(_LOOKED_AHEAD, "proposed|proposes|reports|reported")
    + "|called|described|saying"
)
"""Wherever REPORTING, "called", "described" or "saying" matches, and a few places more: the
same words, each alternative starting with its first letter (no group or look-behind before
it), which lets the regex engine skip to the letters a verb can start with (a search of the
text in about 60 % of the time). Compiled once for the rules that look for a verb first
(issue 28: compiling such a pattern costs every `add` a few milliseconds)."""
