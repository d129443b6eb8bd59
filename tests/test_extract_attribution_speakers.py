"""Unit tests for medialit.extract.attribution.speakers: the resolved name of a source."""

import pytest

from medialit.extract.attribution import extract_attributions


def name_of_cue(text: str, cue: str) -> str:
    """The resolved source name of the first attribution whose cue holds ``cue``."""
    return next(a for a in extract_attributions(text) if cue in a.cue).source_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an unnamed source described with an indefinite determiner: the description is its
        # only name, relative clause and all (the guide's source span)
        ("One fund manager, who asked not to be named, said rates would fall.",
         "One fund manager, who asked not to be named"),
        ("A nurse at the clinic, who did not want to be identified, said staff were tired.",
         "A nurse at the clinic, who did not want to be identified"),
        ("One, who did not give her name, said the bus never came.",
         "One, who did not give her name"),
        # negatives: a named source drops the clause that describes it
        ("Maria Lopez, who runs a bakery, said sales had fallen.", "Maria Lopez"),
        ("The Harbour Agency, which inspected the pier, said it was safe.", "Harbour Agency"),
    ],
)  # fmt: skip
def test_an_unnamed_source_keeps_its_relative_clause(text, name):
    assert name_of_cue(text, "said") == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title in the possessive owns what the name names: the office keeps its title
        ("The Attorney General's Office said the case would be reopened.",
         "Attorney General's Office"),
        ("The Prosecutor General's office said charges were likely.",
         "The Prosecutor General's office"),
        # negatives: a title before a person's name still goes, possessor or not
        ("Regional Governor Mujiv Hataman said the toll rose.", "Mujiv Hataman"),
        ("Russia's Foreign Minister Sergei Lavrov said talks were over.", "Sergei Lavrov"),
    ],
)  # fmt: skip
def test_a_title_in_the_possessive_stays_in_the_name(text, name):
    assert name_of_cue(text, "said") == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "it" after "the group" / "the company": the body that general noun took up, named
        # beside the same noun before (an apposition, or the noun then the name)
        ("The army blamed the Free Front, a rebel group based in the hills. The group denied "
         "responsibility. In a statement, it accused the army.", "Free Front"),
        ("The mining company Castell Mining cut 300 jobs. The company said demand had "
         "collapsed. It added that a plant would close.", "Castell Mining"),
        # negatives: no name beside the noun, and a body's own head noun
        ("Korvan Steel cut 300 jobs. The company said demand had collapsed. It added that a "
         "plant would close.", "The company"),
        ("The ministry said the dam was safe. It added that repairs were planned.",
         "The ministry"),
    ],
)  # fmt: skip
def test_it_after_a_general_noun_names_the_body(text, name):
    assert extract_attributions(text)[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "she" after "the minister": the person the text gave that role, before or after
        ("Finance Minister Petra Holm presented the budget. The minister said taxes would "
         "not rise. She added that spending would be cut.", "Petra Holm"),
        ("Petra Holm, the finance minister, presented the budget. The minister said taxes "
         "would not rise. She added that spending would be cut.", "Petra Holm"),
        ("The mayor, Tom Reed, met residents. The mayor said the water was safe. He added "
         "that tests continue.", "Tom Reed"),
        # negatives: nobody named with the role; another role
        ("The minister said taxes would not rise. She added that spending would be cut.",
         "The minister"),
        ("Finance Minister Petra Holm spoke. The governor said taxes would not rise. She "
         "added that spending would be cut.", "The governor"),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_role_names_who_holds_it(text, name):
    assert extract_attributions(text)[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "they": the subject outranks an object in the same sentence
        ("The police arrested 40 people. They said the march had been banned.", "police"),
        # a subordinator or an adverb opening the sentence is no part of the noun phrase
        ("Police raided the camp. When the soldiers arrived, they said it was empty.",
         "soldiers"),
        ("Police raided the camp. Later the soldiers arrived. They said it was empty.",
         "soldiers"),
        # two people named together are a plural
        ("Tom Reed and Ana Ruiz wrote the report. They said the bridge was unsafe.",
         "Tom Reed and Ana Ruiz"),
        # negatives: one person is no plural; an object in a later sentence stays the latest
        ("Tom Reed wrote the report. They said the bridge was unsafe.", "They"),
        ("Officials met on Monday. The farmers marched. They said fuel was too dear.",
         "farmers"),
    ],
)  # fmt: skip
def test_they_names_the_salient_plural(text, name):
    assert extract_attributions(text)[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an unnamed spokesperson speaks for the body (the guide: "Body (spokesperson)")
        ("A spokeswoman for the Red Cross said 40 people died.", "Red Cross"),
        ("A spokesman for Tesco said prices would rise.", "Tesco"),
        ("A spokeswoman for the Red Cross said 40 people died. She added that aid was short.",
         "Red Cross"),
        # negatives: a named spokesperson is the person; a person's spokesperson is no body
        ("Ana Ruiz, a spokeswoman for the Interior Ministry, said 12 were held.", "Ana Ruiz"),
        ("A spokesman for the minister said the talks had failed.",
         "A spokesman for the minister"),
    ],
)  # fmt: skip
def test_an_unnamed_spokesperson_is_named_by_the_body(text, name):
    said = [a for a in extract_attributions(text) if a.cue in ("said", "added")]
    assert said[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the word a text goes on using for a person, at the start of an earlier speaker's
        # full name, or before a name particle: the full name
        ("Tedros Adhanom Ghebreyesus, the WHO chief, said cases rose. Tedros said vaccines "
         "were short.", "Tedros Adhanom Ghebreyesus"),
        ("President Luiz Inacio Lula da Silva spoke on Tuesday. Lula said aid was coming.",
         "Luiz Inacio Lula da Silva"),
        # negatives: a body is no speaker named first; a surname still takes its first name;
        # a name that opens with its particle is used whole and stays as written
        ("Ursula von der Leyen spoke in Brussels. Von der Leyen said the deal was done.",
         "Von der Leyen"),
        ("Tesco Polska cut jobs. Tesco said prices would rise.", "Tesco"),
        ("Josh Bash led the case. Bash said it was terrorism.", "Josh Bash"),
    ],
)  # fmt: skip
def test_a_person_called_by_one_name_gets_the_full_name(text, name):
    said = [a for a in extract_attributions(text) if a.cue == "said"]
    assert said[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "I" or "we" inside a quotation: whoever the quotation is attributed to, after it
        # or before it
        ("\u201cI told them the bridge was unsafe,\u201d said engineer Paul Lind.", "Paul Lind"),
        ("\u201cWe warned the council,\u201d Ana Ruiz, the union's leader, said.", "Ana Ruiz"),
        ("Ana Ruiz spoke first. \u201cI have said it many times,\u201d Tom Reed said.",
         "Tom Reed"),
        ("Union leader Ana Ruiz said: \u201cWe told them in March.\u201d", "Ana Ruiz"),
        # negatives: outside quotation marks, or a speaker in another sentence
        ("I told them the bridge was unsafe, the engineer said.", "I"),
        ("\u201cI told them the bridge was unsafe.\u201d Later, Tom Reed said the road was "
         "shut.", "I"),
    ],
)  # fmt: skip
def test_a_first_person_pronoun_in_a_quotation_is_its_speaker(text, name):
    first = extract_attributions(text)
    quoted = next(a for a in first if a.source in ("I", "We"))
    assert quoted.source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # capitals after a body's head noun and "of" or "for" go on naming the body: a
        # pronoun does not take them up as a person
        ("\u201cWe will win,\u201d said Mara Lind, a researcher at the Baltic Institute of "
         "Economic Affairs, speaking by telephone. She said the vote was close.", "Mara Lind"),
        ("\u201cIt is over,\u201d said Tom Reid, an adviser at the Ministry for Regional "
         "Development, speaking in Rome. He said talks had failed.", "Tom Reid"),
        # negative: after a title, "of" leads to the person's name, which a pronoun takes up
        ("The plan failed, said the Secretary of State Anna Berg, speaking in Rome. She said "
         "talks were over.", "Anna Berg"),
    ],
)  # fmt: skip
def test_a_body_name_after_of_is_no_person(text, name):
    said = [a for a in extract_attributions(text) if a.cue == "said"]
    assert said[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "it" takes up the body that was the subject before, whatever words come before
        # its head noun
        ("The health ministry opened an inquiry. It said the results were due in May.",
         "The health ministry"),
        ("The Red Cross sent two teams to the town. It said 40 people had died.",
         "The Red Cross"),
        # negative: with no body before, "it" stays unresolved
        ("The storm hit the town on Monday. It said the roads were closed.", None),
    ],
)  # fmt: skip
def test_it_names_the_body_that_was_the_subject(text, name):
    found = next(a for a in extract_attributions(text) if a.source == "It")
    assert found.source_name == (name or "It")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an address set off after a name, a place after a preposition of place, or a name
        # ending with a street or place word names a place, which no "she" or "he" stands for
        ("Prosecutor Ann Webb told the court that Lee, of Mill Lane, had been drinking. "
         "The crash happened at night, she said.", "Ann Webb"),
        ("Lisa Fenn praised the team. Fans gathered in New Brighton Square. "
         "She said the title was deserved.", "Lisa Fenn"),
        ("Mayor Tom Hale visited the site. Kings Cross Road was closed all day. "
         "He said repairs would take a week.", "Tom Hale"),
        # negatives: a person's name after "of" with no comma, and a surname that is also a
        # word for a way ("Lane") still name people
        ("Smoke rose over the home of Tom Price. He said the fire began at night.",
         "Tom Price"),
        ("Anna Lane runs the shelter. She said 40 dogs were rescued.", "Anna Lane"),
        ("Reporters met Tom Bridge at his home. He said the deal was off.", "Tom Bridge"),
        ("Officials met Ann Street on Monday. She said the deal was off.", "Ann Street"),
    ],
)  # fmt: skip
def test_a_place_is_no_person_a_pronoun_stands_for(text, name):
    pronoun = next(a for a in extract_attributions(text) if a.source in ("he", "she", "He", "She"))
    assert pronoun.source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the pronouns after a name are its gender evidence only up to the next person named
        ("Judge Ann Cole told the court that Tom Reid had lied about his income. "
         "The sentence is fair, she said.", "Ann Cole"),
        ("Inspector Mark Owen said Sara Lind left her car at the station. "
         "He said the car had been stolen.", "Mark Owen"),
        # negative: with no other name between, the pronouns after a name still tell its gender
        ("Ann Cole met Tom Reid, who said his income had fallen. He said he would appeal.",
         "Tom Reid"),
    ],
)  # fmt: skip
def test_gender_evidence_stops_at_the_next_name(text, name):
    pronoun = [a for a in extract_attributions(text) if a.source in ("he", "she", "He", "She")]
    assert pronoun[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "it" never stands for a person: a body named by one capitalised word is what it takes
        # up, though the word alone reads as a surname
        ("Tesco said sales fell in March. It blamed the cold weather.", "Tesco"),
        ("Greenpeace said the spill was large. It said hundreds of birds had died.",
         "Greenpeace"),
        # negative: a one-word name that "she" or "his" takes up is a person, and "it" is not
        # them
        ("Ruiz said she had resigned. It said the matter was closed.", None),
        ("Okafor said his team had won. It said the result stood.", None),
    ],
)  # fmt: skip
def test_it_takes_up_a_body_named_by_one_word(text, name):
    found = next(a for a in extract_attributions(text) if a.source == "It")
    assert found.source_name == (name or "It")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # two names joined by "and" that open a sentence are a plural subject "they" takes up
        ("Amnesty International and Human Rights Watch published a joint report. "
         "They said prisoners had been beaten.", "Amnesty International and Human Rights Watch"),
        ("The Red Cross and Oxfam sent teams to the town. They said 40 people had died.",
         "Red Cross and Oxfam"),
        # negative: names joined inside an object are no subject; the subject is
        ("Police arrested Tom Reed and Ann Lee on Monday. They said the pair had fled.",
         "Police"),
    ],
)  # fmt: skip
def test_they_takes_up_two_names_joined_by_and(text, name):
    found = next(a for a in extract_attributions(text) if a.source == "They")
    assert found.source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "it" with no body that spoke before: the one-word name that was the previous
        # sentence's subject, and never the channel in the pronoun's own opening phrase
        ("Toyota recalled 2 million cars on Tuesday. It said a pedal could stick.", "Toyota"),
        ("Toyota recalled 2 million cars on Tuesday. In a statement, it said a pedal could "
         "stick.", "Toyota"),
        # negatives: a day is no body, and a sentence opened otherwise gives no name
        ("Tuesday brought more rain. It said roads were shut.", None),
        ("Monday was calm. It said the roads were open.", None),
    ],
)  # fmt: skip
def test_it_takes_up_the_previous_sentences_one_word_subject(text, name):
    found = next(a for a in extract_attributions(text) if a.source in ("It", "it"))
    assert found.source_name == (name or found.source)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an abbreviated title and a party-and-state label are no part of the name
        ("Sen. Jo Lake, R-Texas, said the bill would fail.", "Jo Lake"),
        ("“It will pass,” said Lt. Gen. Ed Ray.", "Ed Ray"),
        ("Dr. Ruth Kane said the risk was low.", "Ruth Kane"),
        # negative: a name with no title keeps all its words
        ("Ruth Kane said the risk was low.", "Ruth Kane"),
    ],
)  # fmt: skip
def test_agency_style_titles_are_no_part_of_the_name(text, name):
    assert extract_attributions(text)[0].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a speaker named inside a quotation is reported by the quotation's speaker: a pronoun
        # outside the quotation takes up the person named before it
        ("The governor, Ann Berg, visited the town.\n\n“We will rebuild. President Tom Reed "
         "has promised the money,” she told reporters.", "Ann Berg"),
        ("Lisa Fenn spoke after the game. “The referee said it was a foul, and I "
         "accept that,” she said.", "Lisa Fenn"),
        # negative: a speaker outside any quotation is still taken up
        ("Tom Reed has promised the money. “We will rebuild,” he told reporters.", "Tom Reed"),
    ],
)  # fmt: skip
def test_a_pronoun_skips_a_speaker_inside_a_quotation(text, name):
    pronoun = [a for a in extract_attributions(text) if a.source in ("he", "she")]
    assert pronoun[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        # unnamed people have no name but their whole description, appositive included
        ("Observers from the Harwick Election Watch, a monitoring group, said it was fair.",
         "said", "Observers from the Harwick Election Watch, a monitoring group"),
        ("Experts from the Lorin Institute, a think tank, said prices would fall.", "said",
         "Experts from the Lorin Institute, a think tank"),
        # negatives: a named person or a named body keeps only its name
        ("Tom Berg, a member of the Harwick Union, said prices fell.", "said", "Tom Berg"),
        ("The Northline Monitor, a group that tracks violence, said 40 died.", "said",
         "Northline Monitor"),
    ],
)  # fmt: skip
def test_unnamed_people_keep_their_whole_description(text, cue, name):
    assert name_of_cue(text, cue) == name


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        # unnamed people keep the relative clause that describes them
        ("Officials at the ministry, who spoke on condition of anonymity, said talks failed.",
         "said", "Officials at the ministry, who spoke on condition of anonymity"),
        ("Residents of the valley, who fled on Monday, said the river rose.", "said",
         "Residents of the valley, who fled on Monday"),
        # negatives: a named person or body drops it
        ("Ana Lind, who chairs the board, said talks failed.", "said", "Ana Lind"),
        ("The Harwick Council, which runs the port, said talks failed.", "said",
         "Harwick Council"),
    ],
)  # fmt: skip
def test_unnamed_people_keep_their_relative_clause(text, cue, name):
    assert name_of_cue(text, cue) == name
