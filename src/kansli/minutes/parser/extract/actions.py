"""Action items: who does what by when.

"Cecilia tar fram ... presenteras på nästa SSK 7/2" -> (Cecilia Mårtensson, ..., 2019-02-07):
a clause that starts with a participant (full or first name, "S. Deibel"), a group written as a
plural definite noun ("Kommundirektörerna") or a full name, followed by an action verb from the
vocabulary. Units under an action heading ("Actionpoints", "Åtgärder") are actions whatever their
wording, with the doer taken from "(Digg bokar, klart)" or "... - DIGG".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kansli.minutes.blocks import BlockKind
from kansli.minutes.dates import default_grammar
from kansli.minutes.model import Action, Item
from kansli.minutes.parser.names import People
from kansli.minutes.parser.state import ItemDraft, Section, State, Unit
from kansli.minutes.parser.text import clean, fold, looks_like_person
from kansli.minutes.parser.vocab import PhraseSet

# Any word an action needs: a unit without one is skipped whole.
ACTION_WORDS = (
    "actions.verbs",
    "actions.verbs_with_due",
    "actions.first_person",
    "actions.assign",
    "actions.modals",
)
# Where an action verb may stand: the candidates that `_doers` then checks one by one.
ACTION_VERB = r"(?<!\w)(?:{actions.verbs}|{actions.verbs_with_due})(?!\w)"
SPEAKER = re.compile(r"^(?P<who>[A-ZÅÄÖ][\wåäö'’.-]*(?:\s[A-ZÅÄÖ][\wåäö'’-]*)?):\s+")
# "uppdrar åt EY att ta fram", "ger Anna i uppdrag att", "asked Ben to": the task and its doer.
ASSIGNED = (
    r"(?<!\w){actions.assign}\s+(?P<who>[A-ZÅÄÖ][\wÅÄÖåäö.-]*(?:\s[A-ZÅÄÖ][\wåäö-]+)?)"
    r"\s+{actions.assign_then}(?!\w)"
)
# A body in its definite form given a task: "ger förvaltningen i uppdrag att ta fram ...".
ASSIGNED_BODY = r"(?<!\w){actions.assign}\s+(?P<who>[a-zåäö]{4,})\s+{actions.assign_task}(?!\w)"
# "Speciellt kommer Olav skriva ...": a doer after its modal verb (Swedish word order).
INVERTED = (
    r"(?<!\w){actions.modals}\s+(?P<who>[A-ZÅÄÖ][\wåäö-]+(?:\s[A-ZÅÄÖ][\wåäö-]+)?)"
    r"\s+(?:{decisions.att}\s+)?(?P<verb>[a-zåäö]{3,})"
)
CLAUSE_PUNCTUATION = re.compile(r"(?:[,;:]|\s[-–])\s+")
LEADING_TOKENS = re.compile(r"((?:[A-ZÅÄÖÉ]\.\s?)?[\wÅÄÖåäöé'’-]+)")
BODY_WORD = re.compile(r"\s+(?P<body>[A-ZÅÄÖ][\wÅÄÖåäö]*(?:-[\wåäö]+)?)")
# "Tom - update the list", "[ ] Priya: book the venue": a point that opens with who does it.
# Several may open it: "Linnea + Johan: utkast till ...".
_ONE = r"[A-ZÅÄÖ][\wåäö'’.-]*(?:\s[A-ZÅÄÖ][\wåäö'’-]*)?"
WHO_AT_START = (
    rf"^(?P<box>\[[ xX✓]?\]\s*)?(?P<who>{_ONE}(?:\s*(?:[+&/]|\s{{words.and}}\s)\s*{_ONE})*)"
    r"\s*(?P<sep>:|\s[-–])\s+(?P<task>\S.*)$"
)
SPACES = re.compile(r"\s+")
SEVERAL = re.compile(r"\s*[+&/]\s*|,\s*")
TASK_BOX = re.compile(r"^\[[ xX✓]?\]\s+")
DONE_BOX = re.compile(r"^\[[xX✓]\]\s+")
# "@aiko-t set up the VMs": a handle opening a task.
HANDLE_FIRST = re.compile(r"^@(?P<handle>[\w.-]+)\s+")
WHO_AT_END = re.compile(r"\((?P<who>[A-ZÅÄÖ][\wåäö-]+(?:\s[A-ZÅÄÖ][\wåäö-]+)?)\)[\s.;,)]*$")
WHO_PAREN = re.compile(r"\s*\((?P<who>[^()]{1,80})\)")
WHO_DASH = re.compile(r"\s+[-–]\s+(?P<who>[\wÅÄÖåäö .,]{1,40})$")


def actions(state: State, item: ItemDraft, people: People, meeting: dt.date | None) -> list[Action]:
    found: list[Action] = []
    approved = _approves_proposals(state, item)
    for unit in item.units:
        listed = unit.section == Section.AGENDA and unit.kind == BlockKind.BULLET
        if listed or unit.section == Section.HISTORY or DONE_BOX.match(unit.text):
            continue  # an agenda point, how a case was handled, or "[x] ...": done
        if unit.kind == BlockKind.ROW:
            found.extend(_table_actions(state, unit, people, meeting))
            continue
        if unit.section == Section.ACTIONS and unit.kind == BlockKind.BULLET:
            found.append(_listed_action(state, unit, people, meeting))
            continue
        if unit.section == Section.PROPOSAL and not approved:
            continue  # a proposal binds no one until it is approved
        labelled = _labelled_action(state, unit, people, meeting)
        if labelled is not None:
            found.append(labelled)
            continue
        in_text = _actions_in_text(state, unit, people, meeting)
        if not in_text and unit.kind == BlockKind.BULLET:
            owned = _owned_point(state, unit, people, meeting)
            in_text = [owned] if owned else []
        found.extend(in_text)
    # One action read twice — in the text and in an action table — is one; a PDF's wrapped
    # cell may have lost the space at its wrap ("listan" + "med"), so spaces do not count.
    unique: dict[tuple[str | None, str], Action] = {}
    for action in found:
        unique.setdefault((action.assignee, SPACES.sub("", fold(action.text))), action)
    return list(unique.values())


def due_at_next_meeting(state: State, item: Item, date: dt.date, meeting: dt.date) -> Item:
    """Actions "till nästa möte", "by the next meeting" or "before the April meeting" (when
    the next meeting is in April) without a date of their own are due on the next meeting's
    date, when the document gives it."""
    tabled = item.tabled
    if tabled and tabled.to_date is None and _at_next_meeting(state, item.text, date, meeting):
        item = replace(item, tabled=replace(tabled, to_date=date))  # "Deferred to next meeting"
    body = state.header.body

    def at_next(action: Action) -> bool:
        own = body is not None and action.due_body == body  # "till nästa möte" in a table
        return action.due is None and (own or _at_next_meeting(state, action.text, date, meeting))

    if not any(at_next(a) for a in item.actions):
        return item
    moved = tuple(replace(a, due=date) if at_next(a) else a for a in item.actions)
    return replace(item, actions=moved)


def _at_next_meeting(state: State, text: str, date: dt.date, meeting: dt.date) -> bool:
    if state.vocab["actions.by_next_meeting"].search(text):
        return True
    meeting_word = state.vocab.union("words.meeting_suffixes", "title.meeting_words").pattern
    for found in meeting_word.finditer(text.lower()) if meeting_word else ():
        # "before the April meeting", "till oktober-mötet": the month named before the word.
        before = text[: found.start()].rstrip(" -").rsplit(maxsplit=1)
        month = default_grammar().parse_date(before[-1], meeting, forward=True) if before else None
        if month and month.approximate and month.start <= date <= (month.end or month.start):
            return True
    return False


# "ACTION (Priya, by 12 May): circulate ...", "Åtgärd (Anna, senast 3/5): ...".
LABELLED_ACTION = r"^(?:{actions.labels})\s*\((?P<who>[^()]{1,80})\)\s*:\s*(?P<task>\S.*)$"


LABELLED_TASK = r"^(?:{actions.labels})\s*:\s*(?P<task>\S.*)$"


def _labelled_action(
    state: State, unit: Unit, people: People, meeting: dt.date | None
) -> Action | None:
    """A line that labels itself an action and names its doer and due in brackets."""
    match = state.vocab.regex(LABELLED_ACTION).match(unit.text.strip())
    if match is None:
        plain = state.vocab.regex(LABELLED_TASK).match(unit.text.strip())
        opening = HANDLE_FIRST.match(plain.group("task")) if plain else None
        if plain is None or opening is None:
            return None
        # "AI: @kmensah add SECURITY.md by Mar 6": the doer is the handle the task opens with.
        task = plain.group("task")[opening.end() :]
        due = _due(state, task, meeting)
        return Action(
            people.resolve(f"@{opening.group('handle')}") or opening.group(0).strip(),
            clean(task).rstrip(" ."),
            due[0] if due else None,
            due[1] if due else None,
            unit.source,
        )
    who, _, when = match.group("who").partition(",")
    assignee = _named(state, who.strip(), people, loose=True)
    due = _due(state, when, meeting, forward=True) if when.strip() else None
    task = clean(match.group("task")).rstrip(" .")
    return Action(assignee, task, due[0] if due else None, due[1] if due else None, unit.source)


def _table_actions(
    state: State, unit: Unit, people: People, meeting: dt.date | None
) -> list[Action]:
    """A table whose header names what is done and who does it ("Vad | Vem | Klart", "Action |
    Owner | Due") lists actions, one per row."""
    if len(unit.rows) < 2:
        return []
    header = unit.rows[0]
    what = _column(header, state.vocab["actions.what_columns"])
    who = _column(header, state.vocab["actions.who_columns"])
    if what is None or who is None or what == who:
        return []
    when = _column(header, state.vocab["actions.when_columns"])
    found = []
    for row in unit.rows[1:]:
        cells = [*row, *[""] * len(header)]
        task, doer = clean(cells[what]), clean(cells[who])
        if not task:
            continue
        assignee = (_named(state, doer, people, loose=True) or doer) if doer else None
        due = _due(state, cells[when], meeting, forward=True) if when is not None else None
        # "till nästa möte" in the when column: due at this body's next meeting (dated later).
        at_next = when is not None and state.vocab["actions.by_next_meeting"].search(cells[when])
        due_body = due[1] if due else (state.header.body if at_next else None)
        found.append(Action(assignee, task, due[0] if due else None, due_body, unit.source))
    return found


def _column(header: tuple[str, ...], names: PhraseSet) -> int | None:
    return next((index for index, cell in enumerate(header) if names.is_(cell)), None)


def _owned_point(
    state: State, unit: Unit, people: People, meeting: dt.date | None
) -> Action | None:
    """A point of a list that names who takes it: "Bommar till gårdarna ... (Emil)", "Tom -
    update the list", "[ ] Priya: book the venue"; or a task-list box without a name."""
    text, who = unit.text, None
    start = state.vocab.regex(WHO_AT_START).match(text)
    end = WHO_AT_END.search(text)
    if start and (start.group("box") or start.group("sep") != ":"):
        who = _named(state, start.group("who"), people, loose=start.group("sep") == ":")
        text = start.group("task") if who else text
    if who is None and end is not None:
        who = people.resolve(end.group("who"))
        text = text[: end.start()] if who else text
    boxed = TASK_BOX.match(text)
    if who is None and boxed is None:
        return None
    text = clean(text[boxed.end() :] if boxed else text).rstrip(" ,;.-–")
    due = _due(state, unit.text, meeting)
    return Action(who, text, due[0] if due else None, due[1] if due else None, unit.source)


def _approves_proposals(state: State, item: ItemDraft) -> bool:
    """Does the item decide "bifalles" / "Enligt förslag" — the proposals are the decision?"""
    approvals = state.vocab["decisions.approvals"]
    return any(
        unit.section == Section.DECISION
        and approvals.search(unit.text)
        and len(unit.text.split()) <= 6
        for unit in item.units
    )


def _actions_in_text(
    state: State, unit: Unit, people: People, meeting: dt.date | None
) -> list[Action]:
    result: list[Action] = []
    text = TASK_BOX.sub("", unit.text)  # "[ ] Elsy sammankallar ...": the box is no word
    if not state.vocab.union(*ACTION_WORDS).search(text):
        return result  # no verb, task word or modal anywhere: no sentence needs reading
    dues = _Dues(state, text, meeting)
    speaker = _speaker(state, text, people)
    sentences = state.vocab.sentences(text)
    found = []
    for sentence in sentences:
        matches = _doers(state, sentence, people, dues.of(sentence))
        matches += _other_doers(state, sentence, people, speaker)
        found.append((sentence, _distinct(sorted(matches))))
    # The paragraph's date is a fallback only when it stands in a sentence without a doer of
    # its own ("Cecilia tar fram ... Vi tar upp den på nästa SSK 7/2"), not when it is another
    # doer's ("Jenny tar fram ... Cecilia kontaktar Norrvik senast 3 oktober").
    dated_by_other = any(m and dues.of(s).own() for s, m in found)
    for sentence, matches in found:
        for index, (start, assignee, verb_at) in enumerate(matches):
            stop = matches[index + 1][0] if index + 1 < len(matches) else len(sentence)
            clause = sentence[start:stop]
            # "föredrar Södertörnspitchen och" + "Cecilia förbereder ...": the joiner goes.
            said = state.vocab["words.clause"].strip_end(clean(sentence[verb_at:stop]), " ,;.")
            marker = state.vocab["words.infinitive"].prefix(said)
            said = said[len(marker) :].lstrip() if marker and said[len(marker) :].strip() else said
            text = said or clean(clause)
            # A date elsewhere in the sentence is this clause's only when no other doer shares
            # the sentence: "Stefan beställer senast 11/4 och Ulla skriver ..." dates Stefan's.
            around = dues.of(sentence)
            alone = len(matches) == 1 or around.own() is None
            fallback = around.own() if dated_by_other else around.value()
            due = _due(state, clause, meeting) or (fallback if alone else None)
            result.append(
                Action(
                    assignee, text, due[0] if due else None, due[1] if due else None, unit.source
                )
            )
    return result


def _distinct(matches: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """One action per doer and verb: "Alice: will send ..." is found both as a doer before its
    verb and as a speaker's promise; a match whose clause the next one starts inside goes."""
    kept: list[tuple[int, str, int]] = []
    for match in matches:
        if kept and kept[-1][1] == match[1] and match[0] <= kept[-1][2]:
            kept[-1] = (kept[-1][0], match[1], max(kept[-1][2], match[2]))
            continue
        kept.append(match)
    return kept


def _speaker(state: State, text: str, people: People) -> str | None:
    """'Eric Holk: My plan is to ...': who speaks in a line of discussion notes."""
    match = SPEAKER.match(text)
    if match is None:
        return None
    return people.resolve(match.group("who")) or (
        match.group("who") if looks_like_person(match.group("who")) else None
    )


def _other_doers(
    state: State, sentence: str, people: People, speaker: str | None
) -> list[tuple[int, str, int]]:
    """Doers that do not stand before their verb: a speaker promising in the first person
    ("Eric Huss: I'll own writing up ..."), someone given a task ("Revisionen uppdrar åt EY att
    ta fram ..."), and a doer after a modal ("Speciellt kommer Olav skriva ...")."""
    found: list[tuple[int, str, int]] = []
    vocab = state.vocab
    if speaker is not None:
        said = SPEAKER.match(sentence)
        start = said.end() if said else 0
        rest = sentence[start:].lstrip()
        promise = vocab["actions.first_person"].prefix(rest)
        if promise:
            verb_at = sentence.index(promise, start) + len(promise)
            found.append((start, speaker, verb_at))
        elif (
            said
            and vocab["actions.speaker_promises"].prefix(rest)
            and not sentence.rstrip().endswith("?")
        ):
            # "Alice: will send the budget": the speaker's promise without a pronoun.
            found.append((start, speaker, sentence.index(rest, start)))
    for pattern in (ASSIGNED, ASSIGNED_BODY):
        for match in vocab.regex(pattern).finditer(sentence):
            who = people.resolve(match.group("who")) or match.group("who")
            found.append((match.start(), who, match.end()))
    for match in vocab.regex(INVERTED).finditer(sentence):
        who = people.resolve(match.group("who"))
        if who is not None:
            found.append((match.start(), who, match.start("verb")))
    return found


def _doers(state: State, sentence: str, people: People, due: _Due) -> list[tuple[int, str, int]]:
    """(clause start, assignee, verb offset) for every clause of `sentence` that starts with a
    doer followed by an action verb. The verbs are found first (one regex over the sentence);
    only then are the one to three words before each verb tried as its doer."""
    found: list[tuple[int, str, int]] = []
    starts: set[int] | None = None
    for verb in state.vocab.regex(ACTION_VERB).finditer(sentence):
        if not _is_action_verb(state, sentence[verb.start() :], due):
            continue
        if starts is None:
            starts = set(clause_starts(state, sentence))
        words = list(LEADING_TOKENS.finditer(sentence, max(0, verb.start() - 60), verb.start()))
        for count in (3, 2, 1):
            if len(words) < count:
                continue
            first = words[-count]
            between = sentence[words[-1].end() : verb.start()]
            # "Anna: bjuder in ..." names its doer before a colon; "Eric: Would like ..." (a
            # capital after the colon) is a speaker's sentence, not a task.
            after_colon = ":" in between and not sentence[verb.start()].islower()
            if first.start() not in starts or between.strip(" ,:") or after_colon:
                continue
            assignee = _doer(state, sentence[first.start() : words[-1].end()], people)
            if assignee is not None:
                found.append((first.start(), assignee, verb.start()))
                break
    return found


Due = tuple[dt.date, str | None]


class _Dues:
    """The due dates of a unit and its sentences, found only when an action needs one (the date
    grammar is the dearest call of the pass)."""

    def __init__(self, state: State, text: str, meeting: dt.date | None) -> None:
        self.state, self.text, self.meeting = state, text, meeting
        self.unit: _Due | None = None

    def of(self, sentence: str) -> _Due:
        if self.unit is None:
            self.unit = _Due(self.state, self.text, self.meeting, None)
        return _Due(self.state, sentence, self.meeting, self.unit)


class _Due:
    def __init__(
        self, state: State, text: str, meeting: dt.date | None, fallback: _Due | None
    ) -> None:
        self.state, self.text, self.meeting, self.fallback = state, text, meeting, fallback
        self.found: Due | None = None
        self.looked = False

    def own(self) -> Due | None:
        """The date in this text itself, without the fallback."""
        if not self.looked:
            self.found = _due(self.state, self.text, self.meeting)
            self.looked = True
        return self.found

    def value(self) -> Due | None:
        found = self.own()
        if found is None and self.fallback is not None:
            return self.fallback.value()
        return found


def clause_starts(state: State, sentence: str) -> list[int]:
    """Where a clause may start: the sentence's start, after ",", ";", ":", " - ", and after the
    words that join clauses ("och", "att", "that")."""
    starts = {0} | {m.end() for m in CLAUSE_PUNCTUATION.finditer(sentence)}
    joiners = state.vocab["words.clause"].pattern
    if joiners is not None:
        for match in joiners.finditer(sentence.lower()):
            end = match.end()
            while end < len(sentence) and sentence[end].isspace():
                end += 1
            starts.add(end)
    return sorted(starts)


def _doer(state: State, subject: str, people: People, *, loose: bool = False) -> str | None:
    subject = clean(subject)
    resolved = people.resolve(subject) or _titled(state, subject, people)
    if resolved:
        return resolved
    joint = [p.strip() for p in state.vocab["words.and"].split(subject) if p.strip()]
    if len(joint) > 1:  # "Anna och Ola bokar ...": both, when the attendance knows both
        names = [people.resolve(p) for p in joint]
        return ", ".join(n for n in names if n) if all(names) else None
    words = subject.split()
    folded = fold(subject)
    if folded in state.vocab["actions.pronouns"].phrases:
        return subject if loose else None
    if len(words) == 1 and len(subject) > 5 and subject[:1].isupper():
        if any(
            folded.endswith(s) for s in state.vocab["actions.group_suffixes"].phrases if len(s) > 2
        ):
            return subject  # "Kommundirektörerna": a group, kept as written
        if loose:
            return subject
    if len(words) == 1 and loose and subject[:1].isupper():
        return subject
    if 2 <= len(words) <= 3 and looks_like_person(subject):
        return subject
    return None


def _titled(state: State, subject: str, people: People) -> str | None:
    """'Traffic Engineer Dunn', 'Chair Whitaker': a title and a surname the attendance knows."""
    words = subject.split()
    if len(words) < 2:
        return None
    vocab = state.vocab
    titles = vocab.union("attendance.honorifics", "attendance.roles")
    endings = vocab["attendance.title_endings"].phrases
    head = " ".join(words[:-1])
    if titles.is_(head) or fold(words[-2]).endswith(endings):
        return people.by_surname(words[-1])
    return None


def _is_action_verb(state: State, rest: str, due: _Due | None) -> bool:
    vocab = state.vocab
    verb = vocab["actions.verbs"].prefix(rest) or ""
    not_verb = vocab["actions.not_verbs"].prefix(rest) or ""
    if not_verb and len(not_verb) >= len(verb):
        return False  # "was ..." reports; "was directed to ..." (the longer phrase) assigns
    if vocab["actions.verbs_with_due"].prefix(rest):
        return due is None or due.value() is not None
    return bool(verb)


def _due(
    state: State, text: str, meeting: dt.date | None, *, forward: bool = False
) -> tuple[dt.date, str | None] | None:
    """The first exact future date in `text`, with the body whose meeting it is ("nästa SSK");
    `forward`: a date without a year is the next one after the meeting (a due column)."""
    if meeting is None:
        return None
    words = state.vocab
    forward = forward or bool(
        words["words.next"].search(text) or words["words.deadline"].search(text)
    )
    for span in default_grammar().find_dates(text, meeting, forward=forward):
        if span.approximate or span.start < meeting:
            continue
        body = _next_body(state, text[: span.begin + 1])
        name = _body_of(state, body.group("body")) if body else None
        return span.start, name
    return None


def _next_body(state: State, text: str) -> re.Match[str] | None:
    """The capitalised word after "nästa"/"next": "nästa SSK 7/2" -> SSK."""
    pattern = state.vocab["words.next"].pattern
    for match in pattern.finditer(text.lower()) if pattern else ():
        body = BODY_WORD.match(text, match.end())
        if body:
            return body
    return None


def _body_of(state: State, written: str) -> str:
    """'SSK-möte' -> 'SSK': the body whose meeting it is."""
    head, _, tail = written.rpartition("-")
    return head if head and state.vocab["words.meeting_suffixes"].is_(tail) else written


def _listed_action(state: State, unit: Unit, people: People, meeting: dt.date | None) -> Action:
    """A bullet under "Actionpoints": the doer from a note in parentheses, a trailing dash, or
    the clause's subject."""
    text = TASK_BOX.sub("", unit.text)
    assignee: str | None = None
    opening = HANDLE_FIRST.match(text) or state.vocab.regex(WHO_AT_START).match(text)
    if opening:
        who = (
            opening.group(0).strip(" :–-")
            if "handle" in opening.groupdict()
            else opening.group("who")
        )
        colon = "sep" in opening.groupdict() and opening.group("sep") == ":"
        # "Alla: svara ..." may name a group; "Diarieföring - ta med ..." names nobody.
        resolved = _named(state, who, people, loose=colon)
        if resolved:
            assignee = resolved
            text = (
                text[opening.end() :] if "handle" in opening.groupdict() else opening.group("task")
            )
    dash = WHO_DASH.search(text) if assignee is None else None
    if dash and len(dash.group("who").split()) <= 3:
        doer = _doer(state, dash.group("who").strip(" ."), people, loose=True)
        if doer:
            assignee = doer
            text = text[: dash.start()]
    for match in WHO_PAREN.finditer(text if assignee is None else ""):
        parts = [p.strip() for p in match.group("who").split(",")]
        words = parts[0].split()
        if not words or any(p[:1].isupper() for p in parts[1:]):
            continue  # "(eSam, Sambruk)": a list of names, not who does it
        lone = len(words) == 1 and len(parts) == 1 and people.resolve(words[0]) is None
        last = not text[match.end() :].strip(" .,;)")
        if lone and not last and fold(words[0]) not in state.vocab["actions.pronouns"].phrases:
            continue  # "(Sambruk) - DIGG", "(CERT.se),": a name in passing, not who does it
        doer = _doer(state, words[0], people, loose=True)
        if doer and (len(words) == 1 or not _looks_like_note(words[0])):
            assignee = doer
            text = clean(text[: match.start()] + text[match.end() :])
            break
    if assignee is None:
        for sentence in state.vocab.sentences(text):
            hit = _subject_verb_loose(state, sentence, people)
            if hit:
                assignee = hit
                break
    due = _due(state, unit.text, meeting)
    return Action(
        assignee,
        clean(text).rstrip(" ,;"),
        due[0] if due else None,
        due[1] if due else None,
        unit.source,
    )


def _named(state: State, written: str, people: People, *, loose: bool) -> str | None:
    """'Linnea + Johan' -> 'Linnea Forsberg, Johan Mattsson'; with `loose`, a group or a
    pronoun as written ("Alla"); None when it names nobody."""
    joiners = state.vocab["words.and"].pattern
    parts = [
        part.strip()
        for piece in SEVERAL.split(written)
        for part in (_split_and(piece, joiners) if joiners else [piece])
        if part.strip()
    ]
    if len(parts) > 1:
        names = [people.resolve(p) for p in parts]
        return ", ".join(n for n in names if n) if all(names) else None
    return _doer(state, written, people, loose=True) if loose else people.resolve(written)


def _split_and(text: str, joiners: re.Pattern[str]) -> list[str]:
    """'Anna och Per' -> ['Anna', 'Per'] (the vocabulary's words for "and")."""
    parts, start = [], 0
    for match in joiners.finditer(text.lower()):
        parts.append(text[start : match.start()])
        start = match.end()
    return [*parts, text[start:]]


def _subject_verb_loose(state: State, sentence: str, people: People) -> str | None:
    starts = clause_starts(state, sentence)
    for start in starts:
        clause = sentence[start:]
        first = LEADING_TOKENS.match(clause)
        if first is None or not clause[:1].isupper():
            continue
        rest = clause[first.end() :].lstrip()
        if _is_action_verb(state, rest, None):
            return _doer(state, first.group(1), people, loose=True)
    return None


def _looks_like_note(word: str) -> bool:
    return word[:1].islower() and len(word) > 3
