"""The ranking stage: every check names the fault a reader would reject a question for, and the recommended
set asks each fact once, in about one question per 27 words."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import questions
from questions import ranking
from questions.model import Fact, FactKind, Form, Question, QuestionType, Sentence

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
MC, CLOZE, TF, SHORT, CARD = (QuestionType.MULTIPLE_CHOICE, QuestionType.CLOZE, QuestionType.TRUE_FALSE,
                              QuestionType.SHORT_ANSWER, QuestionType.FLASHCARD)
STORY_TEXT = ("Acme Corp said on Monday it would cut 300 jobs. Jane Smith, the company's chief executive, "
              "said the cuts were painful. Brian Jones of Globex said he expected more.")
COMPARED = "Earnings fell to 42 mln dlrs from 199 mln dlrs in 1985."
STORY = ranking.Story(headline="Acme to cut jobs from February", body_words=40, published="2024-05-15",
                      proper_words=frozenset({"acme", "corp", "jane", "smith", "brian", "jones", "globex"}),
                      not_people=frozenset({"acme corp", "globex"}),
                      # "Acme News" stands for a medium the entity stage mistook for a person.
                      people=frozenset({"jane smith", "brian jones", "acme news"}),
                      surnames=frozenset({"smith", "jones"}),
                      name_words=frozenset({"jane", "smith", "brian", "jones", "acme", "corp", "globex", "news"}),
                      words_of_longer_names=frozenset({"jane", "smith", "brian", "jones", "acme", "corp", "news"}),
                      names=frozenset({"jane smith", "brian jones", "acme corp", "globex", "acme news", "acme", "ac"}),
                      common_words=frozenset(re.findall(r"\b[a-z][a-z'-]+\b", STORY_TEXT)),
                      first_seen={word: STORY_TEXT.lower().index(word)
                                  for word in re.findall(r"[a-z][a-z'-]+", STORY_TEXT.lower())})


def make(prompt: str, answer: str, *, type: QuestionType = CLOZE, form: Form = Form.BLANK,
         kind: FactKind = FactKind.NUMBER, choices: tuple[str, ...] = (), start: int = 0, value=None,
         sentence: str = "A sentence of the story.") -> Question:
    fact = Fact(kind=kind, text=answer, value=answer if value is None else value, start=start, end=start + 1,
                sentence=Sentence(sentence, start, start + len(sentence)))
    return Question(id="q", type=type, prompt=prompt, answer=answer, fact=fact, choices=choices, form=form)


@pytest.mark.parametrize(("question", "fault"), [
    (make("This would cost _____ a year.", "300 jobs"), "leans on an earlier sentence"),
    (make("But the firm cut _____ jobs.", "300"), "leans on an earlier sentence"),
    (make("Fill in the blank with the right number: However, _____ jobs went.", "300", type=MC, form=Form.BLANK,
          choices=("100", "300", "500")), "leans on an earlier sentence"),
    (make("Who said that 'He is the best player we have'?", "Jane Smith", type=MC, form=Form.QUOTE,
          kind=FactKind.SPEAKER, choices=("Jane Smith", "Brian Jones", "Acme Corp")), "pronoun without a name"),
    (make("Last week she said _____ jobs would go.", "300"), "leans on an earlier sentence"),
    (make("In the end he said _____ jobs would go.", "300"), "pronoun without a name"),
    (make("Profits at the company rose _____ last year.", "5 pct"), "the company = ?"),
    (make("LONDON, March 3 - Acme said it would cut _____ jobs.", "300"), "wire boilerplate"),
    (make("Where was the report filed from?", "London", type=MC, form=Form.REPORT, kind=FactKind.PLACE,
          choices=("London", "Paris", "Rome")), "asks about the report"),
    (make("Acme Corp said it would cut _____.", "jobs", kind=FactKind.NUMBER), "the answer is in the headline"),
    (make("Acme Corp hired an _____ to run it.", "chief executive", kind=FactKind.PERSON),
     "'an _____' does not fit every choice"),
    (make("Fill in the blank: Acme Corp hired a _____ to run it.", "engineer", type=MC, kind=FactKind.PERSON,
          choices=("engineer", "lawyer", "banker")), "'a _____' does not fit every choice"),
    (make("Acme Corp said the the cuts would save _____.", "$5m"), "repeated word"),
    (make("Acme Corp expects sales to fall to fall to _____ this year.", "$5m"), "repeated word: to fall to fall"),
    (make("Acme Corp (the maker said _____ jobs would go.", "300"), "unbalanced brackets"),
    (make("Acme Corp said _____ jobs and _____ plants would go.", "300"), "more than one blank"),
    (make("Acme Corp said a in 2020 _____ jobs would go.", "300"), "an article before a preposition"),
    (make("How much did Figures show the surplus grew?", "$5m", type=MC, form=Form.REWORDED,
          choices=("$1m", "$5m", "$9m")), "reworded around a sentence's first word"),
    (make("How much did Acme Corp showed in March?", "$5m", type=MC, form=Form.REWORDED,
          choices=("$1m", "$5m", "$9m")), "a second finite verb"),
    (make("How much was the loss?", "$5m", type=MC, form=Form.REWORDED, choices=("$1m", "$5m", "$9m")),
     "too short"),
    (make("Fill in the blank with the right number: Acme Corp cut 1,300 jobs and _____ more.", "1,200", type=MC,
          choices=("1,200", "1,300", "1,500")), "a wrong choice is in the prompt"),
    (make("Fill in the blank with the right name: _____ runs Acme Corp.", "Jane Smith", type=MC,
          kind=FactKind.PERSON, choices=("Jane Smith", "Brian Jones", "Warren Buffett")),
     "a name from outside the article"),
    (make("Fill in the blank with the right name: _____ runs Acme Corp.", "Jane Smith", type=MC,
          kind=FactKind.PERSON, choices=("Jane Smith", "Brian Jones", "Globex")), "not a person among the choices"),
    (make("Fill in the blank with the right country: Talks were held in _____ on Monday.", "Russia", type=MC,
          kind=FactKind.PLACE, choices=("Russia", "Moscow", "France")), "places of different kinds"),
    (make("Acme Corp said _____ Amro's banker agreed.", "ABN", kind=FactKind.ORGANISATION),
     "the blank cuts a name in two"),
    (make("Acme Corp said between _____ and 12 plants would close.", "10"), "one end of a range"),
    (make("December also was revised to a _____ rise.", "2.5 pct"), "continues an earlier sentence: also"),
    (make("Earnings from its gas business fell to _____.", "42 mln dlrs"), "its = ? (whose)"),
    (make("Money supply rose _____ in the latest month.", "5 pct"), "names no one and nothing"),
    (make("Jane Smith joined the _____ (WTO) talks in Geneva.", "World Trade Organisation",
          kind=FactKind.ORGANISATION), "the blank's acronym follows it"),
    (make("Jane Smith said _____ would hire in Ohio.", "Acme Inc", kind=FactKind.ORGANISATION),
     "the answer's name is in the headline"),
    (make("Fill in the blank with the right organisation: Brian Jones joined _____ in 2001.", "Globex",
          type=MC, kind=FactKind.ORGANISATION, choices=("Globex", "Acme Corp", "AC")),
     "one choice is another's abbreviation"),
    (make("Globex dropped 10 cents to _____ and Acme Corp was steady.", "4.75 dlrs",
          sentence="Globex dropped 10 cents to 4.75 dlrs and Acme Corp was steady."), "a share's price move"),
    (make("In London, Globex fell 2.2% to _____ pence.", "55.57", sentence="In London, Globex fell 2.2% to 55.57 pence."),
     "a share's price move"),
    (make("Globex lost 2.5% to _____, with rival Acme Corp down 3.4%.", "270 yen",
          sentence="Globex lost 2.5% to 270 yen, with rival Acme Corp down 3.4%."), "a share's price move"),
    (make("_____ said the Saudis had put similar conditions on a previous shipment.", "Jane Smith",
          kind=FactKind.SPEAKER), "similar conditions = ?"),
    (make("Acme Corp leader _____ has accepted the MP's resignation.", "Jane Smith", kind=FactKind.PERSON),
     "the MP's = ?"),
    (make("The circumstances were not right for creating the _____ new jobs Acme Corp promised.", "20 million"),
     "The circumstances = ?"),
    (make("Jane Smith said Acme Corp was hit by the delay in the talks and cut _____ jobs.", "300"), "the delay = ?"),
    (make("China comes third, with _____ barrels a day.", "58,000"), "a rank in an unnamed list: comes third"),
    (make("Acme Corp star Jane Smith appears while _____ Grams actress Ann Lee plays a nurse.", "21",
          sentence="Acme Corp star Jane Smith appears while 21 Grams actress Ann Lee plays a nurse.", start=41),
     "a figure inside a title"),
    (make("Acme Corp reported a _____ loss of 1.5 mln dlrs compared with a 1985 profit of 3.9 mln dlrs.", "1986",
          kind=FactKind.DATE), "the year beside the other year gives itself away"),
    (make('"The Act gives (Trade Secretary _____) Vole power to act," Jane Smith said.', "Paul",
          kind=FactKind.PERSON), "the blank is a bracketed aside"),
    (make("Acme Corp's wholesale price index (base _____) fell 0.1 pct in February.", "1980", kind=FactKind.DATE),
     "the blank is a bracketed aside"),
    (make("_____ has grown impatient with Acme Corp's trade practices.", "Britain", kind=FactKind.PLACE),
     "the answer is in the headline under another name"),
    (make("Who is Jane Smith?", "Acme conference president", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
          value="Jane Smith"), "the headline gives the person's role"),
    (make("Earnings were satisfactory despite the dollar's weakness — who said so?", "H.C.F. Globex AG", type=CARD,
          form=Form.QUOTE, kind=FactKind.SPEAKER), "the answer's name is in the headline: Globex"),
    (make("Fill in the blank with the right date: Acme Corp output from _____ to March grew 2.5 pct.", "January 1987",
          type=MC, kind=FactKind.DATE, choices=("January 1987", "March 1987", "April 1987", "January 1988")),
     "one end of a range"),
    (make("Acme Corp will add _____ thousands people to its workforce.", "nearly six",
          sentence="Acme Corp will add nearly six thousands people to its workforce."), "a figure cut from its scale"),
    (make("Aged _____ years and 185 days, the Brazilian became the youngest player to win.", "18"),
     "the Brazilian = ?"),
    (make("The Slovakian had _____ match points against Jane Smith.", "nine"), "The Slovakian = ?"),
    (make("The _____ have pledged in the Tory election manifesto to cut 300 jobs at Acme Corp.", "Conservatives",
          kind=FactKind.ORGANISATION), "the prompt names the answer's party another way"),
    (make("What is the Soviet Union?", "the world's largest grain importer", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PLACE, value="Soviet Union"), "a place's card backed by one sentence's description"),
    (make("Who said that prices would rise?", "Jane Smith", type=MC, form=Form.QUOTE, kind=FactKind.SPEAKER,
          choices=("Brian Jones", "Jane Smith", "Dame Jane")), "a choice is the answer by another name: Dame Jane"),
    (make("Who said that prices would rise?", "Smith", type=MC, form=Form.QUOTE, kind=FactKind.SPEAKER,
          choices=("Brian Jones", "Smith", "Jane Smith")), "the answer alone is written as a surname or a full name"),
    (make("Acme Corp shares jumped to _____ on the announcement.", "4.60 dlrs"), "the announcement = ?"),
    (make("Jane Smith said it meant a lot to be at the ceremony with _____ guests.", "300"), "the ceremony = ?"),
    (make("Prime Minister _____ said the record rate showed the need for a budget.", "Jane Smith",
          kind=FactKind.PERSON), "the record rate = ?"),
    (make("President _____'s government has refused to approach the Fund.", "Jane Smith", kind=FactKind.PERSON),
     "the Fund = ?"),
    (make("The Commission has revised Acme Corp's growth forecast to _____.", "1.5 pct"), "The Commission = ?"),
    (make("Globex Financial Corp, a subsidiary of _____, cut 300 jobs.", "Globex Corp", kind=FactKind.ORGANISATION),
     "the prompt prints the answer's name: Globex"),
    (make("What is Turnby?", "a Dallas brokerage", type=CARD, form=Form.DESCRIBED, kind=FactKind.ORGANISATION,
          value="Turnby", sentence='"I have mixed feelings," said analyst Jane Smith of Eppler, Geurin and Turnby, '
                                   'a Dallas brokerage.'), "a partner's name cut from a firm: Turnby"),
    (make("Who is Wen Wei Po?", "a Hong Kong daily with close Peking links", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Wen Wei Po"), "a publication asked as a person"),
    (make("Who said that the aid had been channelled through the Land…?", "Jane Smith", type=MC, form=Form.QUOTE,
          kind=FactKind.SPEAKER, choices=("Jane Smith", "Brian Jones")), "a quotation cut inside a name"),
    (make("The inquiry began after the paper alleged English _____ charged clients.", "Manner Limited",
          kind=FactKind.PERSON), "the blank cuts a name in two"),
    (make("Fill in the blank with the right organisation: The plans were unveiled by the _____.", "Conservatives",
          type=MC, kind=FactKind.ORGANISATION, choices=("Labour Party", "Tories", "Conservatives", "Globex")),
     "a choice is the answer by another name: Tories"),
    (make("Local people would elect police chiefs under plans unveiled by the _____.", "Conservatives",
          kind=FactKind.ORGANISATION), "the headline names the answer's party another way"),
    (make("Jane Smith said: “Smith said, we think the _____ level is right.”", "1.90 marks"), "said twice"),
    (make("How many men had run Acme Corp for more than 20 years?", "two", type=MC, form=Form.REWORDED,
          choices=("one", "two", "three")), "a figure of one or two"),
    (make("Fill in the blank with the right organisation: Jane Smith joined _____ in May.", "Acme Corp", type=MC,
          kind=FactKind.ORGANISATION, choices=("Acme Corp", "Globex", "Acme")), "a piece of a longer name"),
    (make("Acme Corp said U.S. Jobs at _____ plants would go.", "300"), "a wire headline's capital"),
    (make("Which organisation is the NBA?", "PBS", type=MC, form=Form.DESCRIBED, kind=FactKind.ORGANISATION,
          choices=("PBS", "Globex", "Acme Corp")), "a list's next item or a clause"),
    (make("Who is Finding Nemo?", "the Star Wars trilogy", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
          value="Finding Nemo"), "not clearly a person"),
    (make("Fill in the blank with the right name: Acme Corp hired _____ in May.", "Finding Nemo", type=MC,
          kind=FactKind.PERSON, choices=("Finding Nemo", "Jane Smith", "Brian Jones")), "not clearly a person"),
    (dataclasses.replace(make("When did earnings fall to 42 mln dlrs from 199 mln dlrs?", "1985", type=MC,
                              form=Form.REWORDED, kind=FactKind.DATE, choices=("1984", "1985", "1986")),
                         fact=dataclasses.replace(make("x", "1985", kind=FactKind.DATE).fact, start=COMPARED.index("1985"),
                                                  end=COMPARED.index("1985") + 4,
                                                  sentence=Sentence(COMPARED, 0, len(COMPARED)))),
     "the date of the comparison"),
    (make("Who said that 'The painting was never for sale at any price'?", "David Hockney", type=MC, form=Form.QUOTE,
          kind=FactKind.SPEAKER, choices=("David Hockney", "Jane Smith"),
          sentence="Sources close to David Hockney said the painting was never for sale at any price."),
     "a go-between's"),
    (make("Soldiers attend a ceremony in Khojaly, Azerbaijan _____.", "May 15, 2024", kind=FactKind.DATE,
          value="2024-05-15"), "asks the date of publication"),
    (make("Acme Corp began to cut jobs in _____ in Ohio.", "February 1987", kind=FactKind.DATE),
     "the answer's month is in the headline"),
    (make("Currency options pioneered by Acme Corp in _____ had grown in popularity, he said.", "1982",
          kind=FactKind.DATE), "he = ? (who said it)"),
    (make("In a speech in Ohio, he said _____ jobs would go.", "300"), "pronoun without a name: he"),
    (make("Fill in the blank with the right number: …prompting a rival bid of _____ a share.", "50 dlrs", type=MC,
          choices=("34 dlrs", "50 dlrs", "70 dlrs")), "an excerpt that starts mid-clause"),
    (make("The Tory leader argued that _____ voters felt let down.", "many"), "The Tory leader = ?"),
    (make("“Without them, growth is in question,” Jane Smith said of _____ jobs.", "300"), "them = ? in the quotation"),
    (make("“We stopped doing it,” a _____ spokesman said.", "Globex", kind=FactKind.ORGANISATION),
     "it = ? in the quotation"),
    (make("The market is weak, said _____ analyst Brian Jones.", "Globex", kind=FactKind.ORGANISATION),
     "trivia: who was told"),
    (make("Jane Smith, _____, Brian Jones and Ann Lee played.", "Tom Hill", kind=FactKind.PERSON),
     "trivia: one name of a list"),
    (make("A Reuters survey of _____ economists forecast a fall.", "20"), "trivia: the length of a period or the size"),
    (make("Jobs at Acme Corp will go — who said so?", "Jane Smith", type=CARD, form=Form.QUOTE,
          kind=FactKind.SPEAKER), "reported speech as a flashcard"),
    (make("The dollar fell to _____ yen this morning in Tokyo.", "144.70"), "this morning = ?"),
    (make("Acme Corp said the _____/Globex venture would close.", "Acme", kind=FactKind.ORGANISATION),
     "the blank is half of a pair"),
    (make("Acme Corp said 300 jobs would go, up from _____ jobs, and 300 more later.", "300"),
     "the figure is printed in the prompt"),
    (make("Fill in the blank with the right number: Jane Smith and Brian Jones, the _____ bosses, met.", "two",
          type=MC, choices=("two", "three", "four")), "a figure of one or two"),
    (make("Acme Corp said an inquiry into the disaster would start in _____.", "May", kind=FactKind.DATE),
     "the disaster = ?"),
    (make("Jane Smith said Globex's proposal was worth _____.", "$5m"), "Globex's proposal = ?"),
    (make("“Acme Corp would be willing to buy _____ for cash.”", "Globex", kind=FactKind.ORGANISATION),
     "a quotation with no speaker"),
    (make("Fill in the blank with the right number: …which means the other _____ members agreed.", "11",
          type=MC, choices=("10", "11", "13")), "an excerpt that starts mid-clause"),
    (make("Who is a SPD leader in Acme Corp?", "Jane Smith", type=MC, form=Form.DESCRIBED, kind=FactKind.PERSON,
          choices=("Jane Smith", "Brian Jones")), "'a SPD'"),
    (make("Who is Jane Smith?", "Finance Minister", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON),
     "a role without whose"),
    (make("Who is Jane Smith?", "a Globex journalist", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON),
     "trivia: a reporter"),
    (dataclasses.replace(make("When will Acme Corp close its plant in Ohio?", "16 March 1987", type=MC,
                              form=Form.REWORDED, kind=FactKind.DATE,
                              choices=("9 March 1987", "16 March 1987", "23 March 1987")),
                         fact=dataclasses.replace(make("x", "next week", kind=FactKind.DATE).fact, value="1987-03-16")),
     "a date the article does not print"),
    (make("The cuts will save _____ in Europe.", "$300", start=120), "The cuts = ?"),
    (make("Acme Corp said prices here rose by _____.", "5%"), "here = ?"),
    (make("Acme Corp said it would hire an U.S. banker for _____.", "$5m"), "'an U.S.'"),
    (make("Who said that 'Jobs will go at every plant we own'?", "Jane Smith", type=MC, form=Form.QUOTE,
          kind=FactKind.SPEAKER, choices=("Jane Smith", "Brian Jones", "Acme News")),
     "not shaped like a person's name"),
    (make("Fill in the blank with the right number: Sales rose to _____ from 4.3 billion dlrs.", "5.1 billion dlrs",
          type=MC, choices=("3.5 billion dlrs", "5.1 billion dlrs", "6.2 billion dlrs")),
     "another figure of the sentence rules out choices"),
    (make("Acme Corp said the _____ survey of shoppers ended in May.", "two-week"), "trivia: the length of a period"),
    (make("Jane Smith told _____ that the cuts were painful.", "Reuters", kind=FactKind.ORGANISATION),
     "trivia: who was told"),
    (make("Fill in the blank with the right organisation: Brian Jones joined _____ in 2001.", "Globex", type=MC,
          kind=FactKind.ORGANISATION, choices=("Globex", "Acme Corp", "Jane Smith")), "a person among the choices"),
    (make("What does the figure “21 pct” refer to?", "Globex", type=CARD, form=Form.FIGURE),
     "the figure's back is not what it counts"),
    (make("What does the figure “21 pct” refer to?", "compared", type=CARD, form=Form.FIGURE),
     "the figure's back is not what it counts"),
    (make("Who is Jane Smith?", "a leading U", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON),
     "a description cut short"),
    (make("Acme to cut jobs from February", "Acme", kind=FactKind.ORGANISATION,
          sentence="Acme to cut jobs from February"),
     "made from the headline"),
    # A wire story names its country or company in the lede, then writes "the dollar", "permits".
    (make("The dollar sank to _____ in early trading.", "144.75 yen"), "the subject names no one"),
    (make("Permits before adjustment fell to _____ units in May.", "96,000"), "the subject names no one"),
    (make("The _____ month 40 pct ceiling expires in April.", "six"), "the subject names no one"),
    (make("Total capital at September 30 rose to _____ from 8.9 billion.", "9.5 billion dlrs"),
     "the subject names no one"),
    (make("The system means shoppers need to prove they are _____.", "over 18"), "the subject names no one"),
    (make("On or after August 1989 the company can call the notes, _____ said.", "Brian Jones",
          kind=FactKind.SPEAKER), "the company = ?"),
    (make("The portable games machine will retail for _____ in the UK.", "£99"), "The portable games machine = ?"),
    (make("Shortly after the market opened today Acme Corp bought _____ shares.", "300"), "today = ?"),
    (make("Fill in the blank with the right date: Corn sales gained 2,494,900 tonnes in the week ended _____, "
          "the highest weekly total…", "26 February 1987", type=MC, kind=FactKind.DATE,
          choices=("25 February 1987", "26 February 1987", "28 February 1987"),
          sentence="Corn sales gained 2,494,900 tonnes in the week ended February 26, the highest weekly total "
                   "since August 1984, the U.S. Agriculture Department said."), "the cut drops who said so"),
    (make("Fill in the blank with the right date: Acme Corp said the range was agreed in late _____.",
          "February 1987", type=MC, kind=FactKind.DATE, choices=("February 1987", "February 1988", "April 1987"),
          sentence="Acme Corp said the range was agreed in late February."), "a year the sentence does not print"),
    (make("Acme Corp met the finance ministers of the top _____ nations.", "seven"),
     "the answer's figure is in the headline"),
    (make("Acme Corp said _____ would be a core company.", "Globex Fabrics", kind=FactKind.ORGANISATION),
     "the answer's initials are in the headline"),
    (make("Acme Corp will open its plant in _____ in May.", "Europe", kind=FactKind.PLACE),
     "the headline's Euro gives the answer away"),
    (make("Acme Corp said this interest would cost it _____.", "$5m"), "this interest = ?"),
    (make("Acme Corp cut _____ jobs on that occasion.", "300"), "on that occasion = ?"),
    (make("Acme Corp won _____ in a similar case.", "$5m"), "a similar = ?"),
    (make("Fill in the blank with the right name: _____ runs Acme Corp.", "Jane Smith", type=MC,
          kind=FactKind.PERSON, choices=("Jane Smith", "Despite Jones", "Brian Jones")),
     "not shaped like a person's name: Despite Jones"),
    (make("Fill in the blank with the right name: _____ runs Acme Corp.", "Jane Smith", type=MC,
          kind=FactKind.PERSON, choices=("Jane Smith", "Finance Minister", "Brian Jones")),
     "not shaped like a person's name: Finance Minister"),
    (make("Fill in the blank with the right organisation: Brian Jones joined _____ in 2001.", "Globex", type=MC,
          kind=FactKind.ORGANISATION, choices=("Globex", "Pratt", "Whitney"),
          sentence="Brian Jones, who once worked for Pratt and Whitney, joined Globex in 2001."),
     "two choices are halves of one name"),
    (make("Fill in the blank with the right organisation: Brian Jones joined _____ in 2001.", "Globex", type=MC,
          kind=FactKind.ORGANISATION, choices=("Globex", "Acme News", "Acme Corp")),
     "a news organisation among the choices: Acme News"),
    (make("Acme Corp said the Multi-Fibre Arrangement (_____) would end.", "MFA", kind=FactKind.ORGANISATION),
     "the acronym's full name stands before it"),
    (make("Who is Brian Jones?", "chairman and chief executive", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON), "a role without whose"),
    (make("True or false: Acme Corp said prices rose last 19 February 1987.", "True", type=TF, form=Form.STATEMENT,
          kind=FactKind.DATE), "a date written into a relative phrase"),
    (make("U.S. Ambassador Brian Jones said the U.S. To help its plants would pay _____.", "$5m"),
     "a wire headline's capital mid-sentence"),
    # "cuts" is a word the story writes in lower case.
    (make("Brian Jones said the U.S. _____'s effect made reserves unnecessary.", "Cuts",
          kind=FactKind.ORGANISATION), "a common word as a name: Cuts"),
    (make("Brian Jones said Acme Corp had a strong year, boosted&by herMdbsoa sales of _____.", "$5m"),
     "garbled source text"),
    (make('Taiwan will boycott the meeting in protest against _____"s treatment of it.', "ADB"), "garbled source text"),
    (make("The lawsuit was filed against a University ofTexas student and _____.", "Mark Trotter",
          kind=FactKind.PERSON), "garbled source text"),
    (dataclasses.replace(make("Brian Jones, _____, from Leeds, was detained in May.", "29"),
                         fact=dataclasses.replace(make("x", "29").fact, counts="age")), "trivia: an age"),
    # A change and its two ends: the prompt prints two of the three.
    (make("Unilever Plc reported a _____ rise in pre-tax profits to 1.14 billion stg from 953 mln.", "20 pct"),
     "the change is worked out from its two ends"),
    (make("American Motors fell 57 pct to 760 from 1,780 for cars but rose _____ in jeep sales to 4,500 from 3,800.",
          "18 pct"), "the change is worked out from its two ends"),
    # the other end given as "versus" or "compared with"
    (make("Acme Corp sales rose _____ for late March to 140,522 versus 132,298 last year.", "6.2 pct"),
     "the change is worked out from its two ends"),
    (make("Dutch GNP is expected to rise to _____ in 1987, a two pct increase from last year's 423.95 billion.",
          "432.20 billion guilders"), "the figure is worked out from the change and the other end"),
    # A match report's clock and team sheet.
    (make("Liverpool needed a double save from Dudek on _____ minutes.", "54"), "trivia: a minute of the match"),
    (make("Inside the last _____ minutes, England poured forward.", "10"), "trivia: a minute of the match"),
    (make("Gerrard _____ og, Drogba 107, Kezman 112.", "79"), "trivia: a team sheet or the scorers' line"),
    (make("_____ (capt); M Cueto, J Noon, O Barkley, J Lewsey.", "J Robinson", kind=FactKind.PERSON),
     "trivia: a team sheet or the scorers' line"),
    (make("Stuff has compiled a list of the top _____ gadgets for 2004.", "10"), "the blank is guessed from 'top'"),
    (make("Despite this Finnish lab F-Secure said it had _____ reports.", "five"), "leans on an earlier sentence"),
    (make("Of this, debt sales were expansionary by _____, the Bank said.", "400 mln stg"),
     "leans on an earlier sentence"),
    (make("In front of a delirious home crowd, the 18-year-old battled past _____ of the Ukraine.", "Alyona Bondarenko",
          kind=FactKind.PERSON), "the 18-year-old = ?"),
    (make("Wenger has faith in the 27-year-old Spaniard, signed from _____ last summer.", "Celta Vigo",
          kind=FactKind.ORGANISATION), "the 27-year-old Spaniard = ?"),
    (make("At the moment these PCs run Microsoft's _____ software.", "Media Center", kind=FactKind.ORGANISATION),
     "these PCs = ?"),
    (make("The independent Bundesbank however operates _____ branches in West Germany.", "203"),
     "continues an earlier sentence: however"),
    (make("_____ said that A potential for alternative supplies could limit OPEC.", "John Lichtblau",
          kind=FactKind.SPEAKER), "reported speech opens a new sentence: that A"),
    (make("New Zealand (1), Scotland (8), _____, Ireland, Korea, USA.", "Tonga", kind=FactKind.PLACE),
     "trivia: a team sheet or the scorers' line"),
    (make("Who said that 'Nervousness could make for choppy price activity the…'?", "Anne Mills", type=MC,
          form=Form.QUOTE, kind=FactKind.SPEAKER, choices=("Anne Mills", "Brian Jones", "Jane Smith")),
     "a quotation cut mid-phrase"),
    (make("The Statistics Office had originally put the January surplus at _____.", "4.9 billion marks"),
     "which country's Statistics Office?"),
    (make("Section 1a of the Banking Law requires banks to hold _____ of their capital in open positions.",
          "no more than 30 pct"), "which country's Banking Law?"),
    (make("Opposition leader _____ disputed Keating's allegations.", "John Howard", kind=FactKind.PERSON),
     "Keating's allegations = ?"),
    (make("The views of _____ peers over the squabbling between the two men were stark.", "Labour",
          kind=FactKind.ORGANISATION), "the two men = ?"),
    (make("According to the study, _____ people in the UK now only use a mobile.", "14 million"), "the study = ?"),
    (make("_____ said the plans would leave chief constables answering to a commissioner.", "Toby Harris",
          kind=FactKind.SPEAKER), "the plans = ?"),
    (make("Who is Issam Fares?", "a Lebanese citizen living in Switzerland", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Issam Fares"), "where someone is from, not what they are in the story"),
    (make("Who is Greg Abbott?", "Texas attorney general announcing the legal action", type=CARD,
          form=Form.DESCRIBED, kind=FactKind.PERSON, value="Greg Abbott"), "a description that goes on to an act"),
    (make("Who is Eric Fellner?", "the co-chairmen of Working Title films", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Eric Fellner"), "one person given the role of several"),
    (make("Assuming an _____ acre drop in plantings, U.S. corn production will fall.", "18 mln"),
     "'an' before the blank hints at the answer"),
    (make("In the last _____ months it has raised U.S. prices by around 20 pct.", "12"), "it = ?"),
    (make("_____ said that would be 4.5% of GDP in the year to March 2005.", "Palaniappan Chidambaram",
          kind=FactKind.SPEAKER), "said that would = ?"),
    (make("Sales last year stood at _____, Peter Schutz said.", "53,254"), "the subject names no one"),
    (make("Exports to the U.S. Totalled _____ in March.", "4.1 billion dlrs"), "a wire headline's capital"),
    (make("The reports bear optimistic news for U.S agriculture, a _____ economist said.", "USDA",
          kind=FactKind.ORGANISATION), "a full stop doubled or missing"),
    (make("Certainly, Acme Corp will cut _____ jobs.", "300"), "leans on an earlier sentence"),
    (make('"The jury is still out on the Fed," said _____.', "Jones of Discount Corp.", kind=FactKind.SPEAKER),
     "a person and their firm read as one name"),
    (make("Who said that In Chicago, the Board of Trade soybeans rose?", "Ann Lee", type=MC, form=Form.QUOTE,
          kind=FactKind.SPEAKER, choices=("Ann Lee", "Brian Jones", "Jane Smith")), "reported speech opens"),
    (make("Traders at the Chicago Board of Trade (CBT)in soybeans sold _____ contracts.", "300"),
     "no space after a bracket"),
    (make("_____, march 9 - venezuela has obtained more than 300 mln dlrs in financing.", "Quito",
          kind=FactKind.PLACE), "lower-case wire copy"),
    (make("Who is Knight?", "founder of Death Row Records", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
          value="Knight"), "a surname alone names no one weeks later"),
    (make("Jane Smith said rates were higher back then, at _____.", "5 pct"), "back then = ?"),
    (make("Zambia broke off talks with the _____ over food subsidies.", "IMF and World Bank",
          kind=FactKind.ORGANISATION), "half of the answer is in the headline"),
    (make("_____ said that NHS staff wanted a period of consolidation after 'tremendous change and reform.",
          "Brian Gibbons", kind=FactKind.SPEAKER), "unbalanced brackets or quotes"),
    (make("British Prime Minister _____ has personally taken up the company's cause.", "Margaret Thatcher",
          kind=FactKind.PERSON), "the company = ?"),
    (make("Ireland exported _____ to the U.K., Its major trading partner.", "4.1 billion dlrs"),
     "a wire headline's capital"),
    (make("By September 2004 it was stopping _____ viruses a day.", "1,000"), "it = ?"),
    (make("Finance Minister _____ said it was a good deal for Wales.", "Jane Smith", kind=FactKind.SPEAKER),
     "it = ?"),
    (make("Who is Dan Rostenkowski?", "Means chairman", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
          value="Dan Rostenkowski", sentence="Ways and Means chairman Dan Rostenkowski, an Illinois Democrat, said."),
     "a description cut short: Means chairman"),
    (make("Oki Electric Industry Co (OKIE.T) said it would cut _____ jobs.", "300"), "a stock ticker: (OKIE.T)"),
    (make("Sprint paid _____ a year to American Telephone and Telegraph Co (T) to lease its lines.", "500 mln dlrs"),
     "a stock ticker: Co (T)"),
    (make("Who is David Saks?", "an analyst with Morgan", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
          value="David Saks", sentence='"The fad is to purify," said David Saks, an analyst with Morgan, Olmstead.'),
     "a description cut short: an analyst with Morgan"),
    (make("WAL-MART 32 _____ BIL 855 MLN", "1.1"), "a row of a table, not a sentence"),
    (make("Who is Yutaka Toda?", "head of Nomura operations here", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Yutaka Toda"), "the description points back: here"),
    (make("The Dow Jones Industrial average closed down _____ points, or 0.01%.", "0.89",
          sentence="The Dow Jones Industrial average closed down 0.89 points, or 0.01%."), "trivia: a share's price move"),
    # A market report's ticks, in each of the ways wire copy writes them.
    (make("Piedmont fell one to _____ on volume of 963,000.", "68-5/8",
          sentence="Piedmont fell one to 68-5/8 on volume of 963,000."),
     "trivia: a share's price move"),
    (make("On the New York Stock Exchange, Diamond Shamrock was trading at _____, down 1/4.", "16-1/4",
          sentence="On the New York Stock Exchange, Diamond Shamrock was trading at 16-1/4, down 1/4."),
     "trivia: a share's price move"),
    (make("Alcan added 1/4 to reach _____, while Inco firmed 1/8 to 21-7/8.", "54-1/8",
          sentence="Alcan added 1/4 to reach 54-1/8, while Inco firmed 1/8 to 21-7/8."),
     "trivia: a share's price move"),
    (make("Barclays shares were up _____ pence, or 1.3%, at 605 pence by late morning.", "8",
          sentence="Barclays shares were up 8 pence, or 1.3%, at 605 pence by late morning."),
     "trivia: a share's price move"),
    (make("Acme Corp opened at the top of the chart, taking $36.5m (_____) on its first weekend.", "£19m"),
     "a figure and its conversion in brackets"),
    (make("Acme Corp opened at the top of the chart, taking _____ (£19m) on its first weekend.", "$36.5m"),
     "a figure and its conversion in brackets"),
    (make("“Acme Corp is in the best position,” said Brian _____, analyst at Globex.", "Jones",
          kind=FactKind.SPEAKER, value="Brian Jones"), "the blank cuts a name in two"),
    (make("Acme Corp said annual profit fell 36% to 2.9bn euros (_____).", "£1.99bn"),
     "a figure and its conversion in brackets"),
    (make("The study of Acme Corp uses a new measure called the producer subsidy equivalent, _____.", "PSE",
          kind=FactKind.ORGANISATION), "the acronym's full name stands before it"),
    (make("The new company would hire _____ staff by May.", "300"), "new company = ?"),
    (make("Aid flights went to the region _____ times.", "12"), "the region = ?"),
    (make("Acme Corp said the more moderate approach would save _____.", "$5m"), "approach = ?"),
    (make("In recent times, it has put its focus on Acme Corp, spending _____.", "$5m"), "it = ?"),
    (make("Who is a Globex economist?", "Brian Jones", type=MC, form=Form.DESCRIBED, kind=FactKind.PERSON,
          choices=("Jane Smith", "Brian Jones")), "an indefinite role"),
    (make("What is Globex?", "a town in Ohio", type=CARD, form=Form.DESCRIBED, kind=FactKind.PLACE),
     "a place's description makes no card"),
    (make("Who is Brian Jones?", "chief executive of the new company", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON), "the description points back"),
    (make("Bank of _____ governor Brian Jones said rates were within the agreed levels.", "Japan",
          kind=FactKind.PLACE), "the blank cuts a name in two"),
    (make("Acme Corp expects inflation to rise in _____ and 1988.", "1987", kind=FactKind.DATE),
     "one end of a range"),
    (make("Who is Brian Jones?", "speaking at Globex in London", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON), "a clause, not what the person is"),
    (make("Who is the Globex chairman Jane Smith?", "Brian Jones", type=MC, form=Form.DESCRIBED,
          kind=FactKind.PERSON, choices=("Brian Jones", "Jane Smith"),
          sentence="Two leaders, Globex president Brian Jones, Globex chairman Jane Smith, met."),
     "the description names someone else: jane smith"),
    (make("Who is Brian Jones?", "Corp transportation analyst", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, sentence="“It is a case of timing,” Acme Corp transportation analyst Brian Jones said."),
     "a name cut short before the description"),
    (make("Who is Jane Smith?", "the Midlands and South saw the biggest price falls", type=CARD,
          form=Form.DESCRIBED, kind=FactKind.PERSON), "a clause, not a description"),
    # an apostrophe inside a word does not end the quotation: "them" is still inside it
    (make("'We haven't dealt with them for _____ months,' said Jane Smith.", "six"), "them = ? in the quotation"),
    (make("With Jane Smith, Brian Jones, Al Day and _____ again included, Acme Corp is strong.", "Bo Lee",
          kind=FactKind.PERSON), "one name of a line-up"),
    (make("Acme Corp holds a monopoly through EPAC (_____).", "Empresa Publica", kind=FactKind.ORGANISATION),
     "a bracketed aside"),
    (make("Acme Corp has Jane Smith and Brian Jones vying for the _____ positions.", "three"),
     "a count of a known set"),
    (make("Acme Corp finance chiefs of seven countries met today.", "today", type=TF, form=Form.STATEMENT,
          kind=FactKind.DATE, choices=("True", "False")), "today = ?"),
    (make("Acme Corp said it fixed tragets for _____ jobs.", "300"), "misspelt in the article: tragets"),
    (make("Acme Corp says fraud cost it 1bn CFA francs (_____; £1m) a month.", "$2m"), "a bracketed aside"),
    (dataclasses.replace(
        make("Acme Corp reached a $1bn (1.53bn euros) deal with Globex.", "False", type=TF, form=Form.STATEMENT,
             choices=("True", "False")),
        fact=Fact(kind=FactKind.NUMBER, text="$2bn", value=2e9, start=20, end=24,
                  sentence=Sentence("Acme Corp reached a $2bn (1.53bn euros) deal with Globex.", 0, 57))),
     "a figure and its conversion: one tells the other"),
    (make("Acme Corp said it laid off half of its staff in a downsizing of its….", "True", type=TF,
          form=Form.STATEMENT, choices=("True", "False")), "a statement cut short"),
    (make("The US firm agreed to pay _____ to Acme Corp.", "$2bn"), "The US firm = ?"),
    (dataclasses.replace(
        make("Acme Corp's index rose 0.3 pct in February.", "False", type=TF, form=Form.STATEMENT,
             choices=("True", "False")),
        fact=Fact(kind=FactKind.NUMBER, text="0.7 pct", value=0.7, start=26, end=33,
                  sentence=Sentence("Acme Corp's index rose 0.7 pct in February.", 0, 43))),
     "the headline prints the statement's figure"),
    (make("England's 1-0 defeat to _____ dominated Acme Corp's papers.", "Spain", kind=FactKind.PLACE),
     "the headline's Spanish gives the answer away"),
    (make("New _____'s opposition party Globex said it would cut taxes.", "Zealand", kind=FactKind.PLACE),
     "the blank cuts a name in two"),
    (make("Serbia & _____'s win over Acme Corp seems to matter more.", "Montenegro", kind=FactKind.PLACE),
     "the blank cuts a name in two"),
    (make("What does the figure “20” refer to?", "days", type=CARD, form=Form.DESCRIBED,
          sentence="Acme Corp's rights apply 20 days after a 20 pct stake, or 20 days after an offer."),
     "more than once: which one?"),
    (make("Fill in the blank with the right organisation: Globex's opposition _____ said it would cut taxes.",
          "National Party", type=MC, kind=FactKind.ORGANISATION,
          choices=("National Party", "Labour Party", "Acme Corp")), "an organisation of another kind"),
    (make("Jane Smith is technology correspondent for Acme News, a Globex and _____ co-production.", "WGBH",
          kind=FactKind.ORGANISATION), "wire boilerplate"),
    (make("Acme Corp said the sharp rise reflected output at _____ fields.", "four"), "the sharp rise = ?"),
    (make("Who is the director general at the ministry's fiscal policy office?", "Jane Smith", type=MC,
          form=Form.DESCRIBED, kind=FactKind.PERSON, choices=("Jane Smith", "Brian Jones")), "the director = ?"),
    (make("Acme Corp is lining up a move for _____ and Globex striker Brian Jones.", "England",
          kind=FactKind.PLACE), "the blank only describes someone"),
    (make("Willy de _____, commissioner at Acme Corp, told a news conference.", "Clercq", kind=FactKind.PERSON,
          value="Willy de Clercq"), "the blank cuts a name in two"),
    (make("The committee found Acme Corp had cut _____ jobs.", "300"), "The committee = ?"),
    (make("Brian Jones, MP for Wantage, criticised the party's views on _____.", "Europe", kind=FactKind.PLACE),
     "the party = ?"),
    (make("Jones said it has extended the tender until _____.", "May 15", kind=FactKind.DATE), "it = ?"),
    (make("Acme Corp expects its _____ earnings to rise.", "2024", kind=FactKind.DATE), "the story's own year"),
    (make("_____ months later, Jane Smith won two gold medals.", "Four"), "a span from an event"),
    (make("(ACME) may suspend payments on its _____ debt, Jane Smith said.", "$5m"), "starts inside brackets"),
    (make("Acme Corp's wholly- owned unit cut _____ jobs.", "300"), "a word broken at its hyphen"),
    (make("Acme Corp said in the first _____ months of this year sales rose.", "three"), "a count of a known set"),
    (make("Who is Brian Jones?", "the Acme Corp eagle and other gold coins already established", type=CARD,
          form=Form.DESCRIBED, kind=FactKind.PERSON), "things, not what a person is"),
    (make("Who said that 'Acme Corp was lavished with praise but not trophies'?", "Jane Smith", type=MC,
          form=Form.QUOTE, kind=FactKind.SPEAKER, choices=("Jane Smith", "Brian Jones", "Acme News")),
     "never shows to be a person: Acme News"),
    (make("Acme Corp shares traded as ACME._____ on Friday.", "HKG", kind=FactKind.ORGANISATION),
     "the blank is glued to a word"),
    (make("_____ (Far East) Ltd estimates Acme Corp's profits at $5m.", "James Capel", kind=FactKind.ORGANISATION),
     "the blank cuts a name in two"),
    (make("_____ 64 DS is a re-creation of the Acme Corp classic.", "Super Mario", kind=FactKind.PERSON),
     "the blank cuts a name in two"),
    (make("_____ stars Jane Smith and Brian Jones are at Acme Corp's awards.", "Hollywood", kind=FactKind.PLACE),
     "the blank only describes someone"),
    (make("_____ author Jane Smith will receive a special award from Acme Corp.", "Harry Potter",
          kind=FactKind.PERSON), "the blank only describes someone"),
    (make("_____ said that news conference here Acme Corp would cut jobs.", "Jane Smith", kind=FactKind.SPEAKER),
     "said that news conference"),
    (make("Acme Corp will cut jobs from February, Jane Smith said.", "True", type=TF, form=Form.STATEMENT, choices=("True", "False")),
     "the statement repeats the headline"),
    (make("Acme Corp's _____ said the cuts were painful.", "Smith Jane", kind=FactKind.PERSON, value="Smith Jane"),
     "the answer's surname is in the headline"),
    (make("In Jane Smith's budget, which cut _____ jobs, Smith said Acme Corp would grow.", "300"), "a name twice: Smith"),
    (make("As already reported, Acme Corp will cut _____ jobs.", "300"), "wire boilerplate"),
    (make("Jane Smith may move from Acme Corp to Real _____ in June.", "Madrid", kind=FactKind.PLACE),
     "the blank cuts a name in two"),
    (make("Acme Corp sessions on the Tokyo Commodity Exchange (_____) will close early.", "TOCOM",
          kind=FactKind.ORGANISATION), "a bracketed aside"),
    (make("Acme Corp trades on the Tokyo Commodity Exchange, or _____, in yen.", "TOCOM",
          kind=FactKind.ORGANISATION), "the acronym's full name is in the prompt"),
    (make("Acme Corp approved the deal, said the _____ (DOT).", "Department of Transportation",
          kind=FactKind.ORGANISATION), "the blank's acronym follows it"),
    (make("Fill in the blank with the right name: _____ said Jane Smith would lead Acme Corp.", "Brian Jones",
          type=MC, kind=FactKind.SPEAKER, choices=("Brian Jones", "Bo Smith", "Al Day")),
     "a wrong choice is named in the prompt: Bo Smith"),
    (make("Acme Corp said _____ will be called Globex.", "the new company", kind=FactKind.ORGANISATION),
     "the answer is a description, not a name"),
    (make("The _____ want Acme Corp to cut 300 jobs.", "Liberal Democrats", kind=FactKind.ORGANISATION),
     "the headline shortens the answer"),
    (make("Jane Smith, an analyst with _____, Crisanti and Maffei Inc, said Acme Corp would grow.", "McCarthy",
          kind=FactKind.ORGANISATION), "the blank cuts a name in two"),
    (make("Who is Jane Smith?", "a banking analyst with McCarthy", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Jane Smith",
          sentence="Acme Corp will sell, said Jane Smith, a banking analyst with McCarthy, Crisanti and Maffei Inc."),
     "a description cut short"),
    (make("The Japanese yen rose against the dollar, Acme Corp said, as _____ cut rates.", "Japan",
          kind=FactKind.PLACE), "the prompt's Japanese gives the answer away"),
    (make("Acme Corp will cut jobs, BBC correspondent _____ said.", "Jane Smith", kind=FactKind.PERSON),
     "trivia: a reporter"),
    (make("During that period Acme Corp shipped _____ tonnes of copper.", "5,000"), "that period = ?"),
    (make("Angola is one of the poorest countries in _____, Acme Corp said.", "Africa", kind=FactKind.PLACE),
     "gives its continent away"),
    (make("Mann said the decision to close the exchange early was not due to Acme Corp's _____.", "losses",
          kind=FactKind.ORGANISATION, start=200), "the exchange = ?"),
    (make("Brian _____ said the economy still had good export opportunities.", "Jones", kind=FactKind.PERSON),
     "the economy = ?"),
    (make("Net profit fell _____ in the year ended February 1.", "85 pct"), "whose figure?"),
    (make("Subject to _____ approval, the Exchange will add a sixth session.", "Globex",
          kind=FactKind.ORGANISATION), "the Exchange = ?"),
    (make("_____ said it agreed to take full control of Globex.", "KLM Royal Dutch Airlines",
          kind=FactKind.ORGANISATION), "the answer's acronym is in the headline"),
    (make("Jane Smith said growth would slow, the _____ said.", "Organisation for Economic Cooperation and Development",
          kind=FactKind.ORGANISATION), "the headline's acronym stands for the answer"),
    (make("The _____ wanted a sunset clause in the bill.", "Tories", kind=FactKind.ORGANISATION),
     "the headline names the answer's members"),
    (make("Who is Brian Jones?", "vice president for strategic planning", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON), "the back names no company, body or country"),
    (make("The _____'s trade dispute with Japan, dealers said.", "U.K.", kind=FactKind.PLACE),
     "not a sentence: no verb before its attribution"),
    (make("Bank economists said U.S. Pressure on _____ to ease credit had receded.", "Acme Corp",
          kind=FactKind.ORGANISATION), "a wire headline's capital mid-sentence: U.S. Pressure"),
    (make("Jane Smith said that Trade retaliation would cost _____.", "$5m"), "a stray capital: that Trade"),
    (make("“Tony Meo [another player] and me used to go there,” said _____.", "Jane Smith", kind=FactKind.SPEAKER,
          form=Form.QUOTE), "an editor's square brackets"),
    (make("Under federal law, it cannot buy more than _____ of Globex's stock.", "15 pct"), "it = ?"),
    (make("It is likely to run into opposition from the _____.", "Globex", kind=FactKind.ORGANISATION),
     "leans on an earlier sentence"),
    (make("Profits at the broker rose _____ last year.", "5 pct"), "the broker = ?"),
    (make("The _____ OPEC agreed in December to cut its output.", "13-nation"), "trivia: 13-nation describes a noun"),
    (make("Who said that 'The limit raises the expectation of intervention'?", "Rabobank Nederland", type=MC,
          form=Form.QUOTE, kind=FactKind.SPEAKER, choices=("Rabobank Nederland", "Jane Smith", "Brian Jones")),
     "a body among people as who said it"),
    (make("Texaco said a ruling forcing it to post a bond of _____ would ruin it.", "more than one billion dlrs"),
     "the answer's figure is in the headline"),
    (make("Who said that 'the measure is permanent'?", "Barrioneuvo", type=MC, form=Form.QUOTE,
          kind=FactKind.SPEAKER, choices=("Barrioneuvo", "Jose Barrionuevo", "Brian Jones")),
     "a choice is the answer spelt another way: Jose Barrionuevo"),
    (make("Who is Hato El Charcote?", "a beef cattle ranch owned by Globex", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON), "a ranch is no person"),
    (make("Who is Brian Jones?", "Sierra Leone - Sierra Leone's former vice-president", type=CARD,
          form=Form.DESCRIBED, kind=FactKind.PERSON), "a dateline or a break inside the back"),
    (make("The bloc's executive Commission proposed cuts of _____ in farm prices.", "10 pct"), "The bloc = ?"),
    (make("Acme Corp will repurchase the _____ it owes, bolivian bankers said.", "debt", kind=FactKind.NUMBER),
     "a people's name in lower case: bolivian"),
    (make("Jane Smith said Fenno- Soviet trade would fall _____.", "10 pct"), "a compound split by a space"),
    (make("_____ said that conference sponsored by the Soybean Association.", "Jane Smith", kind=FactKind.SPEAKER,
          form=Form.QUOTE), "'told a news conference' reworded"),
    (make("The 50-year-old MP launched Acme Corp with _____ activists.", "1,000"), "The 50-year-old MP = ?"),
    (make('"We can handle an hour down to _____ or 26 degrees," Jane Smith said.', "25"), "one end of a range"),
    (make("Acme Corp issued a new plan in december to repay _____ of debt.", "$5m"), "a month in lower case"),
    (make("QATAR 0.3 0.3 _____.", "0.2"), "a row of a table"),
    (make("Cocoa fell from 1,450 stg in _____ and 1,750 stg in January 1986.", "January 1987", kind=FactKind.DATE),
     "the same month a year apart"),
    (make("Jane Smith said Globex HKLD.HKG earnings will fall to _____.", "$5m"), "a wire's ticker code"),
    (make("Resources leader _____ closed five cents up at 11.60.", "BHP", kind=FactKind.ORGANISATION,
          sentence="Resources leader BHP closed five cents up at 11.60."), "trivia: a share's price move"),
    (make("Placer Pacific rose 25 cents to _____.", "3.30", sentence="Placer Pacific rose 25 cents to 3.30."),
     "trivia: a share's price move"),
    (make("The White House denied that the _____ was shipping arms to Globex.", "United States",
          kind=FactKind.PLACE), "White House gives away United States"),
    (make("The _____ says Japan has not opened its home market to U.S. semiconductors.", "United States",
          kind=FactKind.SPEAKER), "the prompt names United States another way"),
    (make("Lib Dem Norman Baker accused ministers of turning _____ into a nuclear dumpsite.", "Britain",
          kind=FactKind.PLACE), "Lib Dem gives away Britain"),
    (make("A scheme to offer _____ university courses online was branded a waste by MPs.", "UK",
          kind=FactKind.PLACE), "MPs gives away UK"),
    (make("The squad meet in Dublin before _____ play their last home match.", "Ireland", kind=FactKind.PLACE),
     "Dublin gives away Ireland"),
    (make("Corn -- Stocks, _____, at 5,240, vs 5,595 last month.", "Aug 31, 1987", kind=FactKind.DATE),
     "a row of a table, not a sentence"),
    (make("Jane Smith was banned after a hearing at the _____ (CAS).", "North American Court of Arbitration for Sport",
          kind=FactKind.ORGANISATION), "(CAS) beside the blank spells the answer"),
    # a price table's row, a match report's play-by-play, a month the question does not name
    (make("Corn (Barges - Basis Chgo futures) April - _____ ov May bid, 22 offered.", "21"),
     "a row of a table, not a sentence"),
    (make("F/H June - _____ ov Jly bid, no offers.", "38"), "a row of a table, not a sentence"),
    (make("Jane Smith blazed over the top from _____ yards.", "six"), "trivia: the distance of a shot"),
    (make("_____ introduced Bo Lee for the ineffective Brian Jones at half-time.", "Jane Smith",
          kind=FactKind.PERSON), "trivia: a substitution"),
    (make("Acme Corp sent on Bo Lee with _____ minutes of extra-time left.", "seven"), "trivia: a minute of the match"),
    (make("Cole, Fabregas (Toure 90), Vieira, _____ (Aliadiere 113), Clichy.", "Flamini", kind=FactKind.PERSON),
     "trivia: a team sheet"),
    (make("Acme Corp was the only automaker to boast a rise in market share during the month, with sales up _____.",
          "8%"), "during the month = ?"),
    # a story turning to another subject, a quotation that answers the sentence before
    (make("On another issue, _____ has said Globex will lift its restrictions.", "Jane Smith",
          kind=FactKind.SPEAKER), "leans on an earlier sentence: On another issue"),
    (make('Said Globex analyst _____, "That\'s some indication of the money Acme Corp is leaving."', "Jane Smith",
          kind=FactKind.PERSON), "that = ? in the quotation"),
    # an answer that names nothing: a generic body, the kind of firm an unnamed source works for
    (make("_____ said its members lost 6 mln dlrs in 1986.", "The association", kind=FactKind.SPEAKER),
     "the answer is a description, not a name"),
    (make("One head trader at a _____ house said there is no market in Acme Corp bonds.", "U.S. securities",
          kind=FactKind.ORGANISATION), "the blank is a kind of firm, not a name"),
    (make("Sudanese officials said Prime Minister _____ al-Mahdi's government would announce a plan.", "Sadeq",
          kind=FactKind.PERSON), "the blank cuts a name in two"),
    (make("Acme Corp said an oil fee would undermine long-term _____ energy security.", "U.S.", kind=FactKind.PLACE),
     "a place as a modifier is guessed"),
    (make("Listen to the full interview with _____ on Radio Five Live at 0900 GMT on Sunday.", "Jane Smith",
          kind=FactKind.PERSON), "wire boilerplate"),
    (make("Who is Brian Jones?", "fellow former Wimbledon champion", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Brian Jones"), "the description points back: fellow"),
    (make("Acme Corp faces tariffs and reciprocity, de _____ added.", "Clercq", kind=FactKind.SPEAKER),
     "the blank cuts a name in two"),
    (make("Globex is seen as a test case by Acme Corp, a top European _____ official said.", "Community",
          kind=FactKind.ORGANISATION), "the blank cuts a name in two"),
    (make("Production of oil, the country's main export, hit _____ tonnes in January.", "100 mln"),
     "the country = ?"),
    (make("In the comparable quarter a year ago, Acme Corp earned _____ or 87 cts a share.", "8.5 mln dlrs"),
     "the comparable quarter = ?"),
    (make("Acme Corp said it was seeking _____ in bank debt to complete its takeover.", "two billion dlrs"),
     "the answer's figure is in the headline"),
    (make("Acme Corp's agreements do not permit commissions, and _____ said problems had been reduced.",
          "Mark Van Wauwe", kind=FactKind.SPEAKER), "the article spells the name two ways"),
    (make("What is Congress?", "a number of whom urged USDA to act", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.ORGANISATION, value="Congress"), "a clause, not a description"),
    (make("Eight out of _____ voters backed Acme Corp's plan.", "10"), "the round whole of a share"),
    (make("The Welsh runner came through ahead of _____ in one minute, 49.87 seconds.", "James Thie",
          kind=FactKind.PERSON), "The Welsh runner = ?"),
    (make("It is designed to work alongside Acme Corp's _____ programs.", "Outlook", kind=FactKind.ORGANISATION),
     "leans on an earlier sentence"),
    (make("In November, Acme Corp forecast an 8% fall in prices in _____, followed by further declines in 2006 "
          "and 2007.", "2005", kind=FactKind.DATE), "one year of a run of years"),
    (make("In the absence of injured British number one _____,.", "Carl Myerscough", kind=FactKind.PERSON),
     "a stray comma before the full stop"),
    (make("Acme Corp buys _____ of foreign bonds a month and is purchasing more and more U.S.", "10 billion dlrs"),
     "a sentence cut at an abbreviation"),
    (make("A complaint was made to the body by the _____ and Globex.", "Board of Deputies", kind=FactKind.ORGANISATION),
     "the body = ?"),
    (make("Who is Brian Jones?", "the senior Globex officer trying to arrange the merger", type=CARD,
          form=Form.DESCRIBED, kind=FactKind.PERSON, value="Brian Jones"), "the description points back"),
    (make("Jane Smith began nervously, committing _____ double faults in her opening service game.", "three"),
     "trivia: a tally of the match"),
    (make("Who is Brian Jones?", "now Globex deputy leader", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
          value="Brian Jones"), "the description is of a moment: now"),
    (make("The CME will name a monitor of the index, _____ said.", "Jane Smith", kind=FactKind.SPEAKER),
     "the index = ?"),
    (make("The rights to J.R.R. _____'s book are split between two film studios.", "Tolkien", kind=FactKind.PERSON),
     "the blank cuts a name in two"),
    (make("_____ will sell cars in Europe again, Jane Smith said.", "Now Chrysler Corp", kind=FactKind.ORGANISATION),
     "a sentence's first word read into the name"),
    (make("_____ told a meeting of the police authority that Acme Corp was not to blame.", "Sir Ian",
          kind=FactKind.SPEAKER), "a knight's first name alone"),
    (make("Standard Chartered lost 3p to _____.", "821", sentence="Standard Chartered lost 3p to 821."),
     "trivia: a share's price move"),
    (make("The computer giant sued _____ over leaked details of Acme Corp's products.", "Jane Smith",
          kind=FactKind.PERSON), "The computer giant = ?"),
    (make("Who is Brian Jones?", "a confidant of his brother Mukesh", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Brian Jones"), "the description points back: his"),
    (make("Who is Andrew Thompson?", "the BBC's head of development", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Andrew Thompson",
          sentence="Andrew Thompson, the BBC's head of development, new media and sports news, said so."),
     "a description cut short: the BBC's head of development"),
    (make("Jane Smith said Acme Corp had absorbed the change.One trader said prices fell _____.", "5 pct"),
     "no space after a full stop"),
    (make("Acme Corp's service will be available _____ hours a day from August.", "24"), "a stock phrase"),
    (make("Meantime, _____ said Acme Corp would cut 300 jobs.", "Jane Smith", kind=FactKind.SPEAKER),
     "leans on an earlier sentence: Meantime"),
    (make("Who is Brian Jones?", "But the Liberal Democrat's shadow home secretary", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Brian Jones"), "a description that opens on the sentence's conjunction"),
    (make("Who is Coudenberg Cellars?", "D model of Brussels'", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
          value="Coudenberg Cellars",
          sentence="Langlands & Bell have created a virtual 3D model of Brussels' Coudenberg Cellars."),
     "a description cut out of the words around it"),
    (make("_____, for example, developed the F404 engine for Acme Corp.", "General Electric",
          kind=FactKind.ORGANISATION), "continues an earlier sentence: for example"),
    (make("A month later, _____ said Acme Corp would cut 300 jobs.", "Jane Smith", kind=FactKind.SPEAKER),
     "leans on an earlier sentence: A month later"),
    (make("Puma AG _____ said it posted a first-half loss of 14 mln marks.", "Rudolf Dassler Sport",
          kind=FactKind.ORGANISATION), "the blank cuts a name in two"),
    (make("Treasury Secretary Jane Smith said the _____ leading industrial nations are committed.", "Group of Seven",
          kind=FactKind.ORGANISATION), "the headline's G-number is the answer"),
    # descriptions cut short at a comma, a name cut from its first word
    (make("Who is Winfried Hutmann?", "chief economist of Schroeder", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Winfried Hutmann",
          sentence='"We are done," Winfried Hutmann, chief economist of Schroeder, Munchmeyer, Hengst Investment '
                   'GmbH said.'), "a description cut short: chief economist of Schroeder"),
    (make("What is the IFES?", "an international", type=CARD, form=Form.DESCRIBED, kind=FactKind.ORGANISATION,
          value="IFES", sentence="David Mikosz works for the IFES, an international, non-profit organisation."),
     "a description cut short: an international"),
    (make("What is Monetary System?", "the joint float of eight EC currencies", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.ORGANISATION, value="Monetary System",
          sentence="Turbulence could undermine the European Monetary System, the joint float of eight EC currencies."),
     "a name cut short: Monetary System"),
    # an organisation's card whose back repeats its name, says only that it is a firm, or holds the story's day
    # a clause goes on after the noun: the tapes, not "the tapes went"
    (make("Brian Jones said the cuts went further than _____ jobs.", "300", start=300), "the cuts = ?"),
    (make("“at a time when exports are growing, retaliation would cut jobs,” said _____.", "Jane Smith",
          kind=FactKind.SPEAKER, form=Form.QUOTE), "a sentence taken up in its middle"),
    (make("new rules to settle disputes among the _____ members.", "92"), "a sentence taken up in its middle"),
    (make("Who said that adding the Paris market would attract foreign houses?", "Jane Smith", type=MC, form=Form.QUOTE,
          kind=FactKind.SPEAKER, choices=("Jane Smith", "Brian Jones")), "a reported clause that opens on its participle"),
    (make("The _____ (ONS) figures show output fell in November.", "Office for National", kind=FactKind.ORGANISATION),
     "the answer stops short of its name: (ONS)"),
    (make("At the recent _____ (American Association for the Advancement of Science) meeting, robots walked.", "AAAS",
          kind=FactKind.ORGANISATION), "beside the blank is what the answer stands for"),
    (make("What is Globex Financial Corp?", "a subsidiary of Globex Corp", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.ORGANISATION, value="Globex Financial Corp"), "the back repeats the name: Globex"),
    (make("What is Globex Re?", "the world's two biggest reinsurers", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.ORGANISATION, value="Globex Re"), "a description of several, not of one"),
    (make("What is Globex Pictures?", "a shareholder", type=CARD, form=Form.DESCRIBED, kind=FactKind.ORGANISATION,
          value="Globex Pictures"), "the back says only that it is a firm"),
    (make("Globex offered _____ a share for Acme Brace INc.", "50 dlrs"), "a company's suffix mistyped: INc"),
    (make("What is Acme Acquisition Co Inc?", "a newly formed Delaware corporation", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.ORGANISATION, value="Acme Acquisition Co Inc"), "the back says only that it is a firm"),
    (make("What is the Globex Growth Fund?", "a limited partnership created last month to invest in oil", type=CARD,
          form=Form.DESCRIBED, kind=FactKind.ORGANISATION, value="Globex Growth Fund"),
     "the back is true only when the story ran: last month"),
    # A state, two companies, a presenter or a 21-year-old the story named once before.
    (make("Jane Smith said she believes the state will set up a commission to study _____ sources.", "three"),
     "the state = ?"),
    (make("Taxes supplied a third of the state's revenues, or _____ a year.", "$5m"), "the state = ?"),
    (make("National UAW labor contracts at both companies expire at midnight _____.", "September 14",
          kind=FactKind.DATE), "both companies = ?"),
    (make("The British-born presenter is in London to speak at a dinner for _____ guests.", "800"),
     "The British-born presenter = ?"),
    (make("The 21-year-old _____ prop is the only uncapped player in the squad.", "Blues",
          kind=FactKind.ORGANISATION), "The 21-year-old = ?"),
    (make('Announcing the plans, Mr _____ said: "Acme Corp has forgotten the taxpayers."', "Smith",
          kind=FactKind.SPEAKER), "the plans = ?"),
    # A blank that leaves half a name beside it: a first name, or a firm's name before its comma.
    (make("Acme Corp faces competition from the Globex Show and Sacha _____'s creations.", "Baron Cohen",
          kind=FactKind.PERSON), "the blank cuts a name in two"),
    (make("De _____ said that Acme Corp will decide within the next 30 days.", "Grandpre", kind=FactKind.SPEAKER),
     "the blank cuts a name in two"),
    (make("Robert Hormats of Goldman, _____ said Acme Corp was strong.", "Sachs and Co",
          kind=FactKind.ORGANISATION), "the blank cuts a name in two"),
    (make("Acme Corp may have to consider introducing income tax,economic analysts said, to close a _____ gap.",
          "$5m"), "no space after a comma"),
    # An article before a count of many, an order reported without its verb, a price or industries named before.
    (make("Acme Corp said stepped up testing has led to a _____ recalls by manufacturers.", "three"),
     "'a' before a figure of many: a three recalls"),
    (make("Acme Corp is expected to report _____ a share compared to a 1.73 dlrs a share reported for 1985.",
          "1.70 dlrs"), "'a' before a figure of many: a 1.73 dlrs"),
    (make("_____ said that Mr Brown not to be tempted to spend any extra cash.", "Jane Smith",
          kind=FactKind.SPEAKER), "a reported order without its verb: said that Mr Brown not to b"),
    (make("At that price, the _____ Acme Corp shares are worth about 64 mln dlrs.", "1.4 mln"), "At that price = ?"),
    (make("Acme Corp estimated that 400,000 people have lost their jobs, mostly in these _____ industries.", "three"),
     "these _____ industries = ?"),
    (make("Capel-Cure, a unit of _____ and New Zealand Banking Group Ltd, ran the survey for Acme Corp.", "Australia",
          kind=FactKind.PLACE), "the blank cuts a name in two"),
    # A period, an association, a management or agreements like others the story named before.
    (make("What is the Globex Express?", "the country's biggest selling paper", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.ORGANISATION, value="Globex Express"), "the back leans on the story: the country's = ?"),
    (make("The Gloucester prop has been at Acme Corp for _____ seasons.", "three"), "The Gloucester prop = ?"),
    (make("Jane Smith said the closing would affect _____ people.", "300,000"), "the closing = ?"),
    (make("The Acme KIMS system _____, a microfilm-based, computer-assisted system which can be a starter system.",
          "3000", kind=FactKind.ORGANISATION), "not a sentence: a name and its description"),
    (make("For the _____ months ended in February, Acme Corp's prices rose 2.1 pct.", "12"),
     "the blank is a stock phrase"),
    (make("Acme Corp said rises were recorded in January, February and the first half of _____.", "March",
          kind=FactKind.DATE), "the blank is the next month of a run"),
    (make("Who said that 'Prices will fall'?", "Jane Smith", type=MC, form=Form.QUOTE, kind=FactKind.SPEAKER,
          choices=("Jane Smith", "Brian Jones", "Thermal Unit")), "Thermal Unit"),
    # A band after one of its members, a short form, rights and a bond, a country's office without its country.
    (make("Jane Smith has been a virtual recluse since the band split up in _____.", "1982", kind=FactKind.DATE),
     "the band = ?"),
    (make("In recent months, _____ patent applications had been filed by the Labs.", "14"), "the Labs"),
    (make("Acme Corp said the rights expire July 3, or _____ days after they become exercisable.", "60"),
     "the rights = ?"),
    (make("The bond pays interest at _____ basis points over the London Interbank Offered Rate.", "50"),
     "The bond = ?"),
    (make("Acme Corp said the bond pays interest at _____ basis points over Libor.", "50"), "the bond = ?"),
    (make("A _____ statement said the surplus had widened because of seasonal factors.", "Statistics Office",
          kind=FactKind.ORGANISATION), "which country's Statistics Office?"),
    (make("In a statement, Media Labs _____ said the decision to close was taken by Acme Corp.", "Europe",
          kind=FactKind.PLACE), "the blank cuts a name in two"),
    (make("_____, Harris Upham And Co Inc advised Acme Corp on the offer.", "Smith Barney",
          kind=FactKind.ORGANISATION), "the blank cuts a name in two"),
    (make("Acme Corp President _____, said the exchange would file the proposal.", "Jane Smith",
          kind=FactKind.SPEAKER), "a comma between the speaker and the verb"),
    (make("Acme Corp said propane would trade in units of _____ a gallon.", "two U.S. Cents"),
     "a word capitalised by the wire in the answer: U.S. Cents"),
    (make("Jane Smith said the ban had cost Acme Corp _____ in lost orders.", "$5m"), "the ban = ?"),
    (make("Jane Smith said the Venice winner had taken _____ nominations.", "seven"), "the Venice winner = ?"),
    (make("A further survey found that _____ of Acme Corp's customers shop online.", "54 pct"),
     "A further survey = ?"),
    (make("Who is Brian Jones?", "reformist Globex party leader", type=CARD, form=Form.DESCRIBED,
          kind=FactKind.PERSON, value="Brian Jones",
          sentence="The backlash followed the resignation in January of reformist Globex party leader Brian Jones."),
     "a role held no more: resignation"),
    (make("A majority, _____, said Jane Smith had done a good job and just 16% disagreed.", "52%"),
     "whose poll? _____, said"),
    (make("Acme Corp's sales increased _____ for the period.", "15.2 pct"), "for the period = ?"),
    (make("Globex sold _____ cars in the nine-month period, meaning each dealer sells a car every other day.", "790"),
     "in the nine-month period = ?"),
    (make("The association backs bills which call for a _____ marketing loan.", "5.02"), "The association = ?"),
    (make("Workers asked the management to recall _____ notices of redundancy by Monday.", "60"),
     "the management = ?"),
    (make("_____ said there were already similar preliminary agreements with another associate.", "Jane Smith",
          kind=FactKind.SPEAKER), "similar preliminary agreements = ?"),
    (make("On _____ Jane Smith will discuss opening South Korean markets to more U.S. Goods.", "Monday",
          kind=FactKind.DATE), "a wire headline's capital mid-sentence: U.S. Goods"),
    (make("Jane Smith wrote to her U.S. Counterpart, Brian Jones, about _____ tariffs.", "three"),
     "a wire headline's capital mid-sentence: U.S. Counterpart"),
    (make("The _____ must decide soon how to change the current soybean loan, Acme Corp said.",
          "Agriculture Department", kind=FactKind.ORGANISATION), "the headline's short form names the answer: Usda"),
    (make("The _____ has approved the application of Acme Corp to deal in commercial paper.", "Federal Reserve Board",
          kind=FactKind.ORGANISATION), "the headline's short form names the answer"),
    # The next figure of a range tells the blank's; "of this" points back like "this deal".
    (make("Acme Corp's share of sales should fall to _____ or 39 pct in 1987 from 41 pct.", "around 38"),
     "one end of a range"),
    (make("_____ of this, equivalent to nearly half Acme Corp's exports, would be owed to banks.", "About 90 mln dlrs"),
     "of this = ?"),
    # A reply to the sentence before; a name opening on a preposition or followed by its acronym; a description
    # whose list the writer left unclosed.
    (make("Acme Corp senior economist _____ agreed.", "Jane Smith", kind=FactKind.SPEAKER),
     "leans on an earlier sentence: only agreed"),
    (make("Deputy ministers, including Acme Corp's adviser _____, will attend.", "Jane Smith", kind=FactKind.PERSON),
     "leans on an earlier sentence: only attend"),
    (make("Not that Acme Corp, which has won nine of the last _____ contracts, will lay down quietly.", "10"),
     "leans on an earlier sentence: Not that"),
    (make("Acme Corp was accused of blocking access by the media watchdog, Reporters _____.", "Without Borders",
          kind=FactKind.ORGANISATION), "the blank cuts a name in two"),
    (make("Caracas, feb _____ - venezuela is seeking a flexible attitude from Acme Corp, Jane Smith said.", "26"),
     "a month in lower case: feb"),
    # An aim or a view the sentence before stated; an item of a bulleted list, whose subject opened the list.
    (make("To offset this, Acme Corp offers farmers _____ of cheap fertiliser.", "300 mln dlrs"), "To offset this = ?"),
    (make("Mr _____ backed that view on Tuesday, saying the plan of Acme Corp would work.", "Smith",
          kind=FactKind.SPEAKER), "that view = ?"),
    (make("Requiring Acme Corp to reimburse the association _____ for the costs of the case.", "up to 500,000 dlrs",
          sentence="-- Requiring Acme Corp to reimburse the association up to 500,000 dlrs for the costs of the case."),
     "an item of a bulleted list"),
    # A list's dash printed before a question; two sentences whose full stop was lost.
    (make("- Acme Corp's output grew at a two pct rate. First-quarter growth is put at a _____ annual rate.", "2.4 pct"),
     "a list's dash opens the prompt"),
    (make("Acme Corp said _____ of its users log on at high speed They spend twice as long online.", "more than 50%"),
     "two sentences run together: speed They"),
    # A contrast that names nothing it contrasts with; an index's name; an acronym after the blank and a comma.
    (make("Acme Corp, on the other hand, has made its best start since it last won the title in _____.", "1994",
          kind=FactKind.DATE), "leans on an earlier sentence: on the other hand"),
    (make("In _____ and Globex by contrast, demand should rise faster than output.", "France", kind=FactKind.PLACE),
     "leans on an earlier sentence: by contrast"),
    (make("Acme Corp trades futures on the Standard and Poor's _____ stock index.", "500"),
     "the blank is the figure of an index's name"),
    (make("Acme Corp filed its report with the _____, SEC.", "Securities and Exchange Commission",
          kind=FactKind.ORGANISATION), "the blank's acronym follows it: (SEC)"),
    (make("Growth in oil use will slow to _____ this year, Acme Corp said.", "around two billion",
          kind=FactKind.NUMBER), "the answer's figure is in the headline"),
    # A headline's acronym, an English word never taken for one ("Bid"): see the story without one below.
    (make("The _____ expects to submit a propane futures contract for approval, Jane Smith said.",
          "New York Mercantile Exchange", kind=FactKind.ORGANISATION), "the headline's Nymex abbreviates the answer"),
    (make("Acme Corp said it has filed a drug application with the _____ requesting approval.",
          "U.S. Food and Drug Administration", kind=FactKind.ORGANISATION), "the headline's Fda abbreviates the answer"),
    (make("Acme Corp's team held the Saints at _____'s in their fifth-round tie.", "St Mary", kind=FactKind.PLACE),
     "the blank cuts a name in two"),
    (make("Acme Corp estimates that the shortfall could shrink to little _____ by 2009.", "more than $200bn"),
     "the blank cuts a hedge in two"),
    (make("Jane Smith steps down as chairman of Acme Corp after an nine-year tenure in _____.", "March",
          kind=FactKind.DATE), "'an nine-year'"),
    (make("Jane Smith, new chairman of the _____, NYMEX, said her priority is a merger.", "New York Mercantile Exchange",
          kind=FactKind.ORGANISATION), "the blank's acronym follows it: (NYMEX)"),
    (make("What is the Alliance for Digital Inclusion?", "an independent body with members drawn from government",
          type=CARD, form=Form.DESCRIBED, kind=FactKind.ORGANISATION, value="Alliance for Digital Inclusion",
          sentence="The Alliance for Digital Inclusion, an independent body with members drawn from government, "
                   "industry and the voluntary sector has recently been set up."),
     "a description cut short"),
])
def test_each_check_names_its_fault(question: Question, fault: str) -> None:
    story = STORIES_FOR_FAULT.get(fault, STORY)
    found = ranking.faults(question, story)
    assert any(fault in text for text in found), found
    assert ranking.score(question, story) <= ranking.FAULTY


# Stories that differ from STORY where a check needs it: headlines shorten what the body spells out (the
# numeral, the initials, the first part of a word), and the entity stage misreads some names.
STORIES_FOR_FAULT = {
    "half of the answer is in the headline": dataclasses.replace(STORY, headline="Imf Talks Stall On Food Subsidies"),
    "the answer's figure is in the headline": dataclasses.replace(
        STORY, headline="Acme hosts G-7 ministers, can't post more than 1 billion, seeks Two Billion"),
    "the answer's initials are in the headline": dataclasses.replace(STORY, headline="G And F Offered Role At Acme"),
    "the headline names the answer's party another way": dataclasses.replace(STORY, headline="Tories Outline Police Plan"),
    "the answer is in the headline under another name": dataclasses.replace(STORY, headline="Uk Grows Impatient"),
    "the headline gives the person's role": dataclasses.replace(STORY, headline="Acme President Smith Sees Brief Meeting"),
    "the answer's name is in the headline: Globex": dataclasses.replace(STORY, headline="Globex Half-Year Earnings Up"),
    "the headline's Euro gives the answer away": dataclasses.replace(STORY, headline="Acme gets Euro date"),
    "the headline's short form names the answer": dataclasses.replace(STORY, headline="Fed Approves Acme Unit"),
    "the headline's Nymex abbreviates the answer": dataclasses.replace(STORY, headline="Nymex Plans Propane Contract"),
    "the headline's Fda abbreviates the answer": dataclasses.replace(
        STORY, headline="Acme Files Drug Application With Fda"),
    "the headline's short form names the answer: Usda": dataclasses.replace(
        STORY, headline="Soybean Group Head Urges Usda Action On Loan"),
    # "Despite Jones" is a name the entity stage misread from "Despite Jones's warning, ..."
    "not shaped like a person's name: Despite Jones": dataclasses.replace(
        STORY, names=STORY.names | {"despite jones"}, people=STORY.people | {"despite jones"}),
    # The entity stage split "Pratt and Whitney" in two.
    "two choices are halves of one name": dataclasses.replace(STORY, names=STORY.names | {"pratt", "whitney"}),
    "the headline prints the statement's figure": dataclasses.replace(STORY, headline="Acme index up 0.7 pct"),
    "the headline's Spanish gives the answer away": dataclasses.replace(STORY, headline="Reaction from Spanish press"),
    "an organisation of another kind": dataclasses.replace(
        STORY, names=STORY.names | {"national party", "labour party"}),
    "never shows to be a person: Acme News": dataclasses.replace(
        STORY, vouched_people=frozenset({"jane smith", "brian jones"})),
    "the answer's surname is in the headline": dataclasses.replace(STORY, headline="Job cuts painful, Smith says"),
    "the headline shortens the answer": dataclasses.replace(STORY, headline="Lib Dems attack Acme job cuts"),
    "the answer's acronym is in the headline": dataclasses.replace(STORY, headline="Klm To Take Stake In Acme"),
    "the headline's acronym stands for the answer": dataclasses.replace(STORY, headline="Acme Strong, Oecd Says"),
    "the headline names the answer's members": dataclasses.replace(STORY, headline="Tory terror offer rejected"),
    # "Trade" is a word of the story's names ("Trade Minister Jane Smith") that it also writes in lower case.
    "a stray capital: that Trade": dataclasses.replace(STORY, proper_words=STORY.proper_words | {"trade"},
                                                      common_words=STORY.common_words | {"trade"}),
    # The article spells one man's name two ways.
    "a choice is the answer spelt another way: Jose Barrionuevo": dataclasses.replace(
        STORY, names=STORY.names | {"jose barrionuevo", "barrioneuvo"},
        people=STORY.people | {"jose barrionuevo", "barrioneuvo"}),
    "misspelt in the article: tragets": dataclasses.replace(STORY, misspelt=frozenset({"tragets"})),
    "the exchange = ?": dataclasses.replace(STORY, first_seen={**STORY.first_seen, "exchange": 10}),
    "the headline's G-number is the answer": dataclasses.replace(STORY, headline="Acme Says G-7 Committed"),
    "the article spells the name two ways": dataclasses.replace(STORY, surnames=STORY.surnames | {"wauwe", "wauve"}),
    "not shaped like a person's name: Finance Minister": dataclasses.replace(
        STORY, names=STORY.names | {"finance minister"}, people=STORY.people | {"finance minister"}),
}


@pytest.mark.parametrize("question", [
    # a nationality before a noun describes it
    make("The American economy grew _____ last year, Jane Smith said.", "5 pct"),
    # a body called by its last word beside its full name, or inside a longer name
    make("The Acme Fund said the Fund would lend _____ to Globex.", "300 mln dlrs"),
    make("Acme Corp cut _____ jobs the morning after the State of the Union message.", "300"),
    # a commodity's price goes on with what it is the price of; a rank names its list
    make("Acme Corp said gold rose 3.50 dlrs to _____ an ounce.", "410.25 dlrs",
         sentence="Acme Corp said gold rose 3.50 dlrs to 410.25 dlrs an ounce."),
    make("Acme Corp is third among Ohio's employers, with _____ jobs.", "300"),
    make("Acme Corp said on Monday it would cut _____ jobs.", "300"),
    make("What is Globex Re?", "the world's biggest reinsurer", type=CARD, form=Form.DESCRIBED,
         kind=FactKind.ORGANISATION, value="Globex Re"),
    # the noun is written earlier in the prompt itself: it says which cuts
    make("Acme Corp said cuts at its Ohio plant were painful and the cuts would cost _____ jobs.", "300", start=300),
    make("What is Acmebanken?", "a small regional bank", type=CARD, form=Form.DESCRIBED,
         kind=FactKind.ORGANISATION, value="Acmebanken"),
    make("It is likely that Acme Corp will cut _____ jobs.", "300"),
    make("It is likely to be hard for Acme Corp to cut _____ jobs.", "300"),
    make("In 1986, Acme Corp earned _____ or 6.78 dlrs per share.", "514.8 mln dlrs"),  # the sum, then per share
    make("Acme Corp raised its crude price 50 cents to _____ dlrs a barrel.", "18.50",
         sentence="Acme Corp raised its crude price 50 cents to 18.50 dlrs a barrel."),  # a price, not a share's tick
    make("Acme Corp said the market would grow _____ this year.", "5 pct"),  # Acme Corp's market
    make("Jane Smith said U.S. Treasury securities fell _____.", "5 pct"),  # an institution, not a stray capital
    make("Who is Jane Smith?", "head of group marketing at Acme Corp", type=CARD, form=Form.DESCRIBED,
         kind=FactKind.PERSON, value="Jane Smith"),  # a person's job at a group, not a group
    make("Globex said the company would act by _____.", "March", kind=FactKind.DATE),  # Globex names a body
    make("Who said that 'Acme Corp is ready for whatever comes next'?", "Jane Smith", type=MC, form=Form.QUOTE, kind=FactKind.SPEAKER,
         choices=("Jane Smith", "Brian Jones")),
    make("Who is the chief executive of Acme Corp?", "Jane Smith", type=MC, form=Form.DESCRIBED,
         kind=FactKind.PERSON, choices=("Jane Smith", "Brian Jones")),
    make("Fill in the blank with the right number: Acme Corp said it would cut _____ jobs.", "300", type=MC,
         choices=("100", "300", "500")),
    make("Who is Jane Smith?", "Acme Corp's chief executive", type=CARD, form=Form.DESCRIBED,
         kind=FactKind.PERSON, value="Jane Smith"),
    # The subject names nothing, but what the sentence asks is a reported clause, or a fronted phrase
    # comes before the real subject.
    make("Analysts said Acme Corp would cut _____ jobs.", "300"),
    make("Currently, there are _____ plants of Acme Corp in Ohio.", "four"),
    make("Under a new rule, Acme Corp must cut _____ jobs.", "300"),
    make("Figures gathered by Globex show that _____ jobs went.", "300"),
    # quotations that point at nothing, a short list of nominees, a count that is news
    make("'Acme Corp isn't closing for _____ weeks,' said Jane Smith.", "six"),
    make("Jane Smith, Brian Jones and _____ are nominated for best actress.", "Bo Lee", kind=FactKind.PERSON),
    make("Acme Corp will close _____ plants in Ohio.", "three"),
    make("Acme Corp's exports rose to _____ from 14.89 billion in February 1986.", "16.1 billion"),
    make("Jane Smith won the New York marathon in two hours _____ minutes.", "23"),
    make("Acme Corp said that of this year's _____ plants, two would close.", "six"),
    make("West Germany's Statistics Office had put the January surplus at _____.", "4.9 billion marks"),
    make("The U.S. index rose 0.7 pct after a revised _____ fall, the Commerce Department said.", "0.4 pct"),
    make("The players' union at Acme Corp said _____ jobs went.", "300"),
    make("Acme Corp issued a 75 mln dlr bond paying _____ over five years.", "8-1/2 pct",  # a coupon is no tick
         sentence="Acme Corp issued a 75 mln dlr bond paying 8-1/2 pct over five years."),
    make("Acme Corp (ACM) said it would cut _____ jobs.", "300"),
    make("Globex bought a New Hampshire plant from _____ for $5m.", "Initech", kind=FactKind.ORGANISATION),
    make("The European Commission has called a truce with _____ over Acme Corp.", "France",
         kind=FactKind.PLACE),
    make("Jane Smith said Acme Corp had won there the last _____ years.", "three"),
    # a blank that opens the sentence is no "half of a pair"
    make("_____ said Acme Corp would cut 300 jobs.", "Jane Smith", kind=FactKind.SPEAKER),
    make("Acme Corp said the party's leaders would cut _____ jobs.", "300"),
    # "the area" after the place it means, named in the same sentence
    make("Russia shut a base in Azerbaijan where _____ troops served, after Azeri forces recaptured the area.",
         "2,000"),
    # the minutes of a key moment, a named month, the whole firm, a source's body
    make("Acme Corp will open a plant in _____ next year.", "Ohio", kind=FactKind.PLACE),
    make("Labour MP _____ said Acme Corp had cut 300 jobs.", "Jane Smith", kind=FactKind.SPEAKER),
    make("Acme Corp sold _____ tonnes of potash, a third of it to the U.S.", "6.2 mln"),
    make("Finance Minister _____ said in March that a new body would examine Acme Corp's payments.", "Jane Smith",
         kind=FactKind.PERSON),
    make("What is Globex?", "a listed Australian firm of which Acme Corp owns a 30 pct stake", type=CARD,
         form=Form.DESCRIBED, kind=FactKind.ORGANISATION, value="Globex"),
    make("It is expected that Acme Corp will cut _____ jobs.", "300"),
    make("Indonesian, Indian and _____ stock markets reached record highs as Acme Corp grew.", "Hong Kong",
         kind=FactKind.PLACE),
    make("Deputy Prime Minister _____ told Hungarian economists the country's economy was in trouble.",
         "Jozsef Marjai", kind=FactKind.PERSON),
    make("In the fourth quarter, Acme Corp's sales rose _____ over the same 1985 quarter.", "3.3 pct"),
    make("India and _____ reduced petroleum sharing demands to Acme Corp.", "Malaysia", kind=FactKind.PLACE),
    make("Jane Smith put Acme Corp in front with _____ minutes left in Cardiff.", "eight"),
    make("Acme Corp sales rose _____ during the month of February.", "8%"),
    make('Asked what Globex wanted, _____ said, "That has not been defined but over 90 pct is fine."', "Jane Smith",
         kind=FactKind.PERSON),
    make('"Acme Corp will keep prices stable," a _____ source told Jane Smith.', "Globex Council",
         kind=FactKind.ORGANISATION),
    make("Who is Jane Smith?", "chief economist of Acme Corp", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
         value="Jane Smith", sentence='"We are done," Jane Smith, chief economist of Acme Corp, said.'),
    # "the state" of a state named beside it; two companies named before "both"; a name after its epithet
    make("Acme Corp said the state will pay _____ a year.", "$5m"),
    make("Acme Corp and Globex sell _____ cars between them and both companies broke even.", "4,000"),
    make("The Birmingham-born singer, full name Jane Smith, was signed to Acme Corp at _____.", "15"),
    # a title or a rank before a person's blank is no first name
    make("Deputy Secretary of State for Inter-American Affairs _____ said Acme Corp had failed.", "Jane Smith",
         kind=FactKind.SPEAKER),
    make("Singers including Sir _____ are recording a single for Acme Corp.", "Jane Smith", kind=FactKind.PERSON),
    # a price before the offer it prices, a surplus, a firm beside another firm
    make("Globex said it began a 100 dlrs a share cash tender offer for Acme Corp, worth _____.", "2.3 billion dlrs"),
    make("Acme Corp expects a deficit of _____ compared with a 2.6 billion surplus.", "1.9 billion dlrs"),
    make("_____ and Globex asked for deposits to cover transactions, Acme Corp said.", "Initech Corp",
         kind=FactKind.ORGANISATION),
    # a period defined where it stands; a name or a title after "U.S."
    make("Acme Corp's sales increased _____ in the period from March 1 to March 10.", "15.2 pct"),
    make("Jane Smith wrote to U.S. Trade Representative Brian Jones about _____ tariffs.", "three"),
    make("In an Acme Corp poll, _____ said Jane Smith had done a good job.", "52%"),
    make("Acme Corp said rises were recorded in January and again in _____.", "June", kind=FactKind.DATE),
    make("Acme Corp said the bond market fell _____ on Monday.", "2 pct"),
    make("Jane Smith said the bond share was lifted from _____ in the last three months.", "35 pct"),
    make("West Germany's current account surplus widened, the _____ said.", "Federal Statistics Office",
         kind=FactKind.ORGANISATION),
    make("Senate Republican leader _____, a key Acme Corp ally, told reporters Globex had failed.", "Jane Smith",
         kind=FactKind.SPEAKER),
    make("What is Hutch India?", "the largest mobile firm in the country", type=CARD, form=Form.DESCRIBED,
         kind=FactKind.ORGANISATION, value="Hutch India"),
    make("Jane Smith said Globex's closing would affect _____ people.", "300,000"),
])
def test_sound_questions_have_no_fault(question: Question) -> None:
    assert ranking.faults(question, STORY) == []


@pytest.mark.parametrize(("sentence", "row"), [
    ("Corn (Barges - Basis Chgo futures) April - 21 ov May bid, 22 offered.", True),
    ("Soybeans (Barges - Basis Chgo futures) April 1/10 - 25-1/2 ov May bid, 26-1/2 off.", True),
    ("June - 18 ov Jly bid, 19 offered.", True),
    ("Nearly two thirds - 65% - of the people asked had paid by chip.", False),
    ("Arsenal beat Chelsea 2 - 1 on Sunday.", False),
])
def test_a_table_row_is_a_label_and_a_dash_before_a_figure(sentence: str, row: bool) -> None:
    assert bool(ranking._ROW_LABEL.match(sentence)) is row


@pytest.mark.parametrize(("words", "count"), [(40, 2), (100, 5), (200, 8), (400, 15), (810, 30), (3000, 30)])
def test_about_one_question_for_every_27_words(words: int, count: int) -> None:
    assert ranking.target_count(words) == count


def test_the_selection_asks_each_fact_once_and_one_question_a_sentence() -> None:
    sentence = "Acme Corp said on Monday it would cut 300 jobs."
    same_fact = [make(f"Acme Corp said on Monday it would cut _____ jobs ({n}).", "300", sentence=sentence,
                      type=kind) for n, kind in enumerate((CLOZE, SHORT, CARD))]
    other = make("_____ of Globex said he expected more.", "Brian Jones", kind=FactKind.PERSON, start=120,
                 sentence="Brian Jones of Globex said he expected more.")
    chosen = [question for question in ranking.select([*same_fact, other], STORY) if question.recommended]
    assert len(chosen) == 2
    assert {question.fact.kind for question in chosen} == {FactKind.NUMBER, FactKind.PERSON}


def test_one_answer_is_recommended_at_most_twice() -> None:
    words = ("Acme Corp will open a plant in Ohio", "Globex prices rose sharply in Texas",
             "Brian Jones expects Acme Corp sales to double", "Ohio voters backed the Acme Corp plan")
    quotes = [make(f"“{said},” said _____.", "Jane Smith", kind=FactKind.SPEAKER, form=Form.QUOTE, start=100 * n,
                   value=f"Jane Smith {n}") for n, said in enumerate(words)]
    long_story = dataclasses.replace(STORY, body_words=400)
    chosen = [question for question in ranking.select(quotes, long_story) if question.recommended]
    assert len(chosen) == ranking.SAME_ANSWER


def test_unsure_questions_are_never_recommended_beside_a_sound_one() -> None:
    faulty = make("This would cost _____ a year.", "300 jobs")
    sound = make("Acme Corp said it would cut _____ jobs in Ohio.", "300", start=100)
    faulty_scored, sound_scored = ranking.select([faulty, sound], STORY)
    assert not faulty_scored.recommended and faulty_scored.score <= ranking.FAULTY
    assert sound_scored.recommended


def test_an_article_with_nothing_sure_still_offers_its_best_fair_question() -> None:
    # With none marked, a quiz asks every suggestion of the article: one unsure question, with its low score,
    # is better than all of them. One whose choices do not fit its "a _____" is not offered at all.
    faulty = make("This would cost _____ a year.", "300 jobs")
    unfair = make("Acme Corp is a _____ company.", "Ohio", start=100)
    unfair_scored, faulty_scored = ranking.select([unfair, faulty], STORY)
    assert faulty_scored.recommended and faulty_scored.score <= ranking.FAULTY
    assert not unfair_scored.recommended
    (alone,) = ranking.select([unfair], STORY)
    assert not alone.recommended


def test_no_recommended_question_prints_the_answer_of_another() -> None:
    made = [make("Acme Corp will close its Ohio plant, cutting _____ jobs.", "300", start=0),
            make("Globex said _____ would cut 300 jobs in Ohio.", "Acme Corp", kind=FactKind.ORGANISATION, start=100),
            make("Globex said sales rose to _____ in March.", "$5m", start=200)]
    chosen = [question.prompt for question in ranking.select(made, dataclasses.replace(STORY, body_words=1000))
              if question.recommended]
    assert len(chosen) == 2 and "Globex said sales rose to _____ in March." in chosen, chosen


@pytest.mark.parametrize(("sure", "unsure"), [(3, 4), (9, 4)])
def test_a_question_the_engine_is_unsure_of_does_not_fill_a_short_set(monkeypatch, sure, unsure) -> None:
    sentences = ("Acme Corp will close its Ohio plant, cutting _____ jobs.", "Globex bought _____ trucks in May.",
                 "Initech said sales rose to _____ in March.", "The Texas mill employs _____ welders.",
                 "Umbrella Ltd paid _____ for the Maine shipyard.", "Nevada regulators fined Hooli _____.",
                 "Oregon farmers planted _____ acres of wheat.", "Stark Industries hired _____ engineers.",
                 "Kansas voters approved _____ new schools.", "Wayne Enterprises lent the city _____.",
                 "Vermont exported _____ tonnes of maple syrup.", "Cyberdyne sold _____ robots abroad.",
                 "Idaho potato prices fell by _____ this year.")
    made = [make(prompt, str(100 + number), start=100 * number)
            for number, prompt in enumerate(sentences[:sure + unsure])]
    scores = {question.prompt: 0.8 if number < sure else ranking.RECOMMEND_AT - 0.01
              for number, question in enumerate(made)}
    monkeypatch.setattr(ranking, "score_and_fault", lambda question, story: (scores[question.prompt], None))
    chosen = [question for question in ranking.select(made, dataclasses.replace(STORY, body_words=1000))
              if question.recommended]
    assert len(chosen) == sure and all(question.score >= ranking.RECOMMEND_AT for question in chosen)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the annotated corpus is not beside the repository")
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [], ids=lambda path: path.stem)
def test_the_recommended_set_of_an_article(path: Path) -> None:
    gold = json.loads(path.with_suffix(".gold.json").read_text())
    published = gold.get("published")
    result = questions.generate(path.read_bytes(), published=dt.date.fromisoformat(published) if published else None)
    chosen = [question for question in result.questions if question.recommended]
    body_words = len(result.text.split()) - len(result.article.headline.split())
    assert 1 <= len(chosen) <= min(30, body_words * 6 / 100)
    assert all(question.score >= ranking.RECOMMEND_AT for question in chosen) or len(chosen) == 1
    assert all(0 <= question.score <= 1 for question in result.questions)
    assert max(Counter(ranking.fact_key(question) for question in chosen).values()) == 1
    types = Counter(question.type for question in chosen)
    assert types[QuestionType.TRUE_FALSE] <= max(2, math.ceil(0.15 * ranking.target_count(body_words)))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the annotated corpus is not beside the repository")
def test_the_corpus_keeps_its_share_of_recommended_questions() -> None:
    """The issue asks for 2.5 to 6 per 100 words and at least 8 an article; the checks leave fewer today.

    A floor at what the rules reach now, so that a change that loses questions shows. (The density was 1.25
    until a question the engine is unsure of, scored below 0.65, stopped being recommended, even to fill a
    short set or as a last resort, and a set stopped printing one question's answer in another's prompt; it was
    0.9 until a place's blank, judged publishable half the time, ranked lower; 0.88 until a cloze or choice that
    names none of the story's main actors and no word of its headline ranked lower.)
    """
    chosen = words = 0
    for path in sorted(CORPUS.glob("*.txt")):
        result = questions.generate(path.read_bytes())
        chosen += sum(question.recommended for question in result.questions)
        words += len(result.text.split()) - len(result.article.headline.split())
    assert 0.8 <= 100 * chosen / words <= 6


def test_who_holds_a_role_is_asked_as_a_flashcard_not_as_multiple_choice() -> None:
    """Judged blind, "Who is the chairman of …?" with other people of the story as choices: 2 of 9 publishable."""
    card = make("Who is Jane Smith?", "chairman of Globex", type=CARD, form=Form.DESCRIBED, kind=FactKind.PERSON,
                value="Jane Smith", start=0)
    choice = make("Who is the chairman of Globex?", "Jane Smith", type=MC, form=Form.DESCRIBED, kind=FactKind.PERSON,
                  value="Jane Smith", choices=("Jane Smith", "Brian Jones"), start=0)
    assert ranking.score(card, STORY) >= ranking.RECOMMEND_AT > ranking.score(choice, STORY)


def test_a_reworded_question_is_never_recommended_alone() -> None:
    reworded = make("When is Acme Corp due to ship in early?", "2005", type=MC, form=Form.REWORDED,
                    kind=FactKind.DATE, choices=("2003", "2005", "2006"))
    assert not ranking.select([reworded], STORY)[0].recommended


def test_with_no_question_passing_every_check_the_best_plain_one_is_offered() -> None:
    leaning = make("The deal would cost Acme Corp _____ a year.", "$5m", start=50)
    event = make("Acme Corp said the disaster cost _____.", "$9m", start=100)
    chosen = [question for question in ranking.select([leaning, event], STORY) if question.recommended]
    assert [question.prompt for question in chosen] == [event.prompt]


def test_with_no_question_the_engine_is_sure_of_the_best_unsure_one_is_offered_alone(monkeypatch) -> None:
    """An empty default set would leave a reader of the set every suggestion instead."""
    made = [make("Acme Corp will close its Ohio plant, cutting _____ jobs.", "300", start=0),
            make("Globex bought _____ trucks in May.", "12", start=100),
            make("Globex said sales rose to _____ in March.", "$5m", start=200)]
    scores = dict(zip((question.prompt for question in made), (0.5, 0.6, ranking.FAULTY)))
    monkeypatch.setattr(ranking, "score_and_fault", lambda question, story: (scores[question.prompt], None))
    chosen = [question.prompt for question in ranking.select(made, STORY) if question.recommended]
    assert chosen == ["Globex bought _____ trucks in May."]


@pytest.mark.parametrize(("answer", "kind", "given_away"), [
    ("Acme Motors Corp", FactKind.SPEAKER, True),  # the acronym takes the suffix's initial: "Amc Says ..."
    ("Acme Motors Corp", FactKind.ORGANISATION, True),
    ("Acme Motors", FactKind.SPEAKER, False),
])
def test_a_headline_acronym_gives_away_the_organisation_it_stands_for(answer, kind, given_away) -> None:
    story = dataclasses.replace(STORY, headline="Amc Says It Will Build Trucks Elsewhere")
    question = make("_____ said it will build the truck elsewhere.", answer, kind=kind)
    assert (ranking.answer_in_headline(question, story) == "the headline's acronym stands for the answer") is given_away


@pytest.mark.parametrize(("prompt", "fault"), [
    ("Smith, who was dropped last week, said Acme Corp cut _____ jobs.", "Smith = ? (two people of the story have that name)"),
    ("Jane Smith, who was dropped last week, said Acme Corp cut _____ jobs.", None),  # her full name says which
])
def test_a_surname_two_people_of_the_story_share_names_neither(prompt: str, fault: str | None) -> None:
    story = dataclasses.replace(STORY, people=STORY.people | {"john smith"})
    assert ranking.surname_of_two(make(prompt, "300"), story) == fault


def test_a_last_resort_is_one_with_a_mild_fault_before_one_that_names_nothing() -> None:
    """Judged blind, a last resort that names nothing or gives its blank away was publishable 1 time of 14;
    one with a single mild fault ("the deal" unexplained) 11 of 17."""
    made = [make("_____ thinks it is about time.", "Jane Smith", kind=FactKind.PERSON, start=0),
            make("Jane Smith said the _____ giants would merge.", "two", start=100),
            make("Globex said the deal cost _____.", "$9m", start=200)]
    chosen = [question.prompt for question in ranking.select(made, STORY) if question.recommended]
    assert chosen == ["Globex said the deal cost _____."]


def test_a_last_resort_never_repeats_the_articles_typo() -> None:
    story = dataclasses.replace(STORY, misspelt=frozenset({"reactnng"}))
    made = [make("Jane Smith was reactnng to talks with _____ on Monday.", "Brian Jones", kind=FactKind.PERSON, start=0),
            make("Globex said the deal cost _____.", "$9m", start=200)]
    chosen = [question.prompt for question in ranking.select(made, story) if question.recommended]
    assert chosen == ["Globex said the deal cost _____."]


RATINGS = ("Acme Corp said it assigned ratings to new eurobonds.", "AAA ratings were assigned to:",
           "Globex Co's 135 mln dlrs of 7-1/8 pct euronotes due 1987.",
           "Initech's 100 mln Canadian dlrs of nine pct eurobonds due 1997.")


@pytest.mark.parametrize(("sentence", "prompt", "answer", "fault"), [
    (1, "_____ ratings were assigned to:", "AAA", "a lead-in to a list it leaves out"),
    (2, "Globex Co's _____ of 7-1/8 pct euronotes due 1987.", "135 mln dlrs", "an item of a list, not a sentence"),
    (3, "Initech's _____ of nine pct eurobonds due 1997.", "100 mln Canadian dlrs", "an item of a list, not a sentence"),
    (0, "Acme Corp said it assigned ratings to _____ eurobonds.", "new", None),
])
def test_a_list_and_its_lead_in_are_no_sentences(sentence: int, prompt: str, answer: str, fault: str | None) -> None:
    starts = [sum(len(text) + 1 for text in RATINGS[:index]) for index in range(len(RATINGS))]
    sentences = tuple(Sentence(text, start, start + len(text)) for text, start in zip(RATINGS, starts))
    story = dataclasses.replace(STORY, sentences=sentences)
    question = make(prompt, answer, start=starts[sentence], sentence=RATINGS[sentence])
    assert ranking.item_of_a_list(question, story) == fault


def test_a_last_resort_is_never_a_description_of_someone_else() -> None:
    """"Who is Francois Mitterand?" "his Prime Minister Jacques Chirac" stood in for a whole article."""
    made = [make("Who is Jane Smith?", "his chief executive Brian Jones", type=CARD, form=Form.DESCRIBED,
                 kind=FactKind.PERSON, value="Jane Smith", start=0),
            make("Globex said the deal cost _____.", "$9m", start=200)]
    chosen = [question.prompt for question in ranking.select(made, STORY) if question.recommended]
    assert chosen == ["Globex said the deal cost _____."]


def test_a_figure_card_or_a_blank_for_today_never_stands_in_for_an_article(monkeypatch) -> None:
    """Judged blind, "What does the figure 20 refer to?" and a blank for "today" were never publishable."""
    made = [make("What does the figure “20” refer to?", "days of talks", type=CARD, form=Form.FIGURE, start=0),
            make("Sterling fell _____ in quiet trade.", "today", kind=FactKind.DATE, start=100),
            make("Globex bought _____ trucks in May.", "12", start=200)]
    scores = dict(zip((question.prompt for question in made), (0.5, 0.45, 0.4)))
    monkeypatch.setattr(ranking, "score_and_fault", lambda question, story: (scores[question.prompt], None))
    chosen = [question.prompt for question in ranking.select(made, STORY) if question.recommended]
    assert chosen == ["Globex bought _____ trucks in May."]


MINE = "The mine employs 1,200 people and opened in 1998.\n"


def test_a_sentence_that_leans_on_the_one_before_prints_it() -> None:
    """"The mine employs _____ people" alone does not say which mine; after the sentence that says so it does."""
    text = "Globex buys mine\nGlobex Mining Corp said on Monday it had bought the Tarland copper mine from Acme Resources Ltd.\n" + MINE
    result = questions.generate(text)
    (framed,) = [question for question in result.questions if question.recommended and question.answer == "1,200"]
    assert framed.prompt == ("Globex Mining Corp said on Monday it had bought the Tarland copper mine from Acme Resources "
                             "Ltd. The mine employs _____ people and opened in 1998.")
    # the fact and the sentence it came from are still its own: a teacher who rejects it rejects that fact
    assert framed.explanation == MINE.strip() == text[framed.source.start:framed.source.end]


def test_a_sentence_before_that_leans_itself_brings_the_one_before_it() -> None:
    text = ("Globex buys mine\nGlobex Mining Corp said on Monday it had bought the Tarland copper mine from Acme "
            "Resources Ltd.\nThe mine opened in 1998 in the hills.\nThe mine employs 1,200 people and 300 engineers.\n")
    (framed,) = [question for question in questions.generate(text).questions
                 if question.type == CLOZE and question.answer == "1,200"]
    assert framed.prompt.startswith("Globex Mining Corp said on Monday") and \
        framed.prompt.endswith("The mine opened in 1998 in the hills. The mine employs _____ people and 300 engineers.")
    assert framed.score > ranking.FAULTY and framed.explanation == "The mine employs 1,200 people and 300 engineers."


@pytest.mark.parametrize("before", [
    "Globex Mining Corp said its 1,200 workers at the Tarland copper mine would keep their jobs.",  # prints the answer
    '"We are proud of the deal."',  # a quotation without its speaker
    "Globex Mining Corp bought the Tarland copper mine from Acme Resources Ltd",  # no full stop: a broken line
])
def test_the_sentence_before_is_printed_only_when_it_may_stand_first(before: str) -> None:
    result = questions.generate(f"Globex buys mine\n{before}\n{MINE}")
    assert [question.prompt for question in result.questions
            if question.type == CLOZE and "The mine employs _____" in question.prompt] == \
        ["The mine employs _____ people and opened in 1998."]


def test_a_particle_after_a_noun_is_no_noun_pointing_back() -> None:
    """"pushed the market down again": the phrase is "the market", not a "market down" the story named before."""
    story = dataclasses.replace(STORY, first_seen={**STORY.first_seen, "down": 0})
    question = make("Acme Corp and Globex pushed the market down again with _____ new issues.", "300", start=300)
    assert ranking.points_back(question, story) is None


def test_a_prompt_that_is_not_its_sentence_word_for_word_may_print_the_one_before() -> None:
    """The cloze drops the sentence's opening "However,": it is still the sentence, and the one before leads into it."""
    text = ("Globex buys mine\nGlobex Mining Corp said on Monday it had bought the Tarland copper mine from Acme "
            "Resources Ltd.\nHowever, the mine employs only 1,200 people and opened in 1998.\n")
    result = questions.generate(text)
    assert any(question.prompt.startswith("Globex Mining Corp said on Monday") and
               question.prompt.endswith("The mine employs only _____ people and opened in 1998.")
               for question in result.questions if question.answer == "1,200")


def test_a_lede_printed_before_a_question_leaves_its_dateline_out() -> None:
    text = ("Globex buys mine\nNEW YORK, April 7 - Globex Mining Corp said it had bought the Tarland copper mine from "
            "Acme Resources Ltd.\n" + MINE)
    (framed,) = [question for question in questions.generate(text).questions
                 if question.type == CLOZE and question.answer == "1,200"]
    assert framed.prompt == ("Globex Mining Corp said it had bought the Tarland copper mine from Acme Resources Ltd. "
                             "The mine employs _____ people and opened in 1998.")


def test_the_headline_is_never_printed_as_the_sentence_before() -> None:
    result = questions.generate("The Tarland copper mine\n" + MINE)
    assert not any(question.prompt.startswith("The Tarland") for question in result.questions)


def test_the_company_is_named_when_the_speaker_rules_settled_it() -> None:
    text = ("Globex Corp said on Monday it had bought a rival.\n"
            "The company said the purchase would add 400 jobs in Ohio.\n")
    result = questions.generate(text)
    prompts = [question.prompt for question in result.questions if question.fact.text == "400"]
    assert prompts and all(not prompt.lower().count("the company said") for prompt in prompts)
    assert any("Globex Corp said the purchase would add" in prompt for prompt in prompts)



@pytest.mark.parametrize(("word", "an"), [
    ("SPD leader", True), ("FBI agent", True), ("US envoy", False), ("UN agency", False), ("hour", True),
    ("European", False), ("umpire", True), ("university", False), ("economist", True), ("banker", False),
])
def test_a_or_an_goes_by_sound(word: str, an: bool) -> None:
    assert ranking.needs_an(word) is an


# ------------------------------------------------------------------ the shortcuts that spare the checks' patterns

def _longest_common_subsequence_by_table(first: str, second: str) -> int:
    previous = [0] * (len(second) + 1)
    for character in first:
        row = [0]
        for index, other in enumerate(second):
            row.append(previous[index] + 1 if character == other else max(previous[index + 1], row[index]))
        previous = row
    return previous[-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab c-’", max_size=40), st.text(alphabet="abc d-’", max_size=40))
def test_the_near_duplicate_bound_is_the_longest_common_subsequence(first: str, second: str) -> None:
    assert ranking._longest_common_subsequence(first, second) == _longest_common_subsequence_by_table(first, second)


# Words and letters the patterns look for, with the letters a case-blind pattern also matches ("ſ", "K", "İ").
PATTERN_WORDS = st.lists(st.sampled_from([
    "the", "The", "THE", "a", "an", "to", "fall", "Fall", "said", "that", "its", "ITS", "İts", "their", "today",
    "TONIGHT", "this", "morning", "here", "do so", "doing so", "it has", "It said", "These", "those", "same",
    "(Reuters)", "REUTERS/", "AP Photo", "Getty Images", "Reporting by", "click HERE", "ſubscribe", "Clic\u212a here",
    "sign up", "newsletter", "menafn", "is technology correspondent for ", "was a reporter at ", "Editor", "on",
    "columnist", "presenter", "ofK", "aB", "x2y", "a&b", "12", "_", ",", ".", "'", "’", "-", " ", "  ",
    "(AFP)", "Photo Caption", "READ MORE", "as previously reported", "Listen to the full interview", "Watch ",
    "highlights", "Writing by", "editing BY", "dealers", "SAYS", "noted", "added.", "?", "!\n",
    "\t", "\x1c",
]), max_size=12).map("".join)
PATTERN_TEXT = st.one_of(PATTERN_WORDS, PATTERN_WORDS.map(lambda text: f"{text} {text}"))  # "to fall to fall"


@pytest.mark.parametrize(("pattern", "may_match"), [
    (ranking._REPEATED_WORD, ranking._may_repeat_a_word),
    (ranking._RELATIVE_TIME, lambda text: ranking._may_hold_a_word(text, ranking._RELATIVE_TIME_WORDS)),
    (ranking._OWNER, lambda text: ranking._may_hold_a_word(text, ("its", "their"))),
    (ranking._DEICTIC, lambda text: any(word in text for word in ranking._DEICTIC_WORDS)),
    (ranking._DEMONSTRATIVE, lambda text: any(word in text for word in ranking._DEMONSTRATIVE_WORDS)),
    (ranking._GARBLED, lambda text: "&" in text or bool(ranking._LOWER_THEN_CAPITAL_OR_DIGIT.search(text))),
    (ranking._BOILERPLATE_WORDS, lambda text: ranking._may_hold_a_word(text, ranking._BOILERPLATE_CUES)),
    (ranking._TRAILING_ATTRIBUTION, ranking._may_end_on_attribution),
], ids=["repeated word", "relative time", "owner", "deictic", "demonstrative", "garbled", "boilerplate",
        "trailing attribution"])
def test_a_shortcut_never_skips_a_pattern_that_would_match(pattern: re.Pattern[str], may_match) -> None:
    @settings(max_examples=400, deadline=None)
    @given(PATTERN_TEXT)
    def never_skips(text: str) -> None:
        assert may_match(text) or not pattern.search(text), text

    never_skips()


def test_a_scored_copy_is_the_question_replaced() -> None:
    question = make("Acme Corp cut _____ jobs.", "300", choices=("300", "200", "400"), type=MC)
    assert question.scored(0.7, recommended=True) == dataclasses.replace(question, score=0.7, recommended=True)
    assert question.scored(0.7, recommended=True) is not question and question.score == 0.0


@pytest.mark.parametrize("pattern", [ranking._DEFINITE, ranking._PRONOUN], ids=["definite", "pronoun"])
def test_a_first_letter_look_ahead_changes_no_match(pattern: re.Pattern[str]) -> None:
    without = re.compile(re.sub(r"^\(\?=\[\w+\]\)", "", pattern.pattern), pattern.flags)
    assert without.pattern != pattern.pattern

    @settings(max_examples=300, deadline=None)
    @given(PATTERN_TEXT | st.text(alphabet="TtEeSsBbHhoiafwu ſ,.", max_size=30))
    def same_matches(text: str) -> None:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in without.finditer(text)]

    same_matches()
    assert [m.group(0) for m in ranking._DEFINITE.finditer("That plan, of that loan and the new deal")] == \
        ["That plan", "of that loan", "the new deal"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Smith", "SMITH", "smith", "Smith's", "Jones", "İnce", "ince", "x", " ", ", ",
                                 "Smithson"]), max_size=8).map("".join))
def test_a_name_twice_is_found_with_or_without_the_shortcut(text: str) -> None:
    story = dataclasses.replace(STORY, surnames=frozenset({"smith", "ince", "jones"}))
    counts = Counter(word.removesuffix("'s").removesuffix("’s") for word in re.findall(r"[A-Za-z][\w'’-]*", text))
    expected = next((word for word, count in counts.items() if count > 1 and word.lower() in story.surnames), None)
    assert ranking._named_twice(text, story) == expected


MAIN_STORY = dataclasses.replace(
    STORY, main_words=ranking.words_of("Acme Corp Jane Smith Acme to cut jobs from February"))


@pytest.mark.parametrize(("question", "off"), [
    # A question that names a main actor or a word of the headline is about the story.
    (make("Jane Smith said on Monday it would cut _____ jobs.", "300"), False),
    # the answer is hidden: it tells the learner nothing of which story the prompt is about
    (make("_____ said on Monday it would shed 300 posts.", "Globex", kind=FactKind.ORGANISATION), True),
    (make("Brian Jones of Globex said Jane Smith had grown sales _____ since 2020.", "20 pct"), False),
    (make("Globex said it would hire _____ engineers, mostly in Acme's home town.", "300"), False),
    (make("Brian Jones said _____ people had applied for the Globex programme.", "300"), True),
    (make("Globex said output at its Ohio plant rose _____ in May.", "8 pct"), True),
    (make("Fill in the blank with the right number: Globex said its sales rose _____ last year.", "8 pct", type=MC,
          choices=("8 pct", "4 pct", "12 pct")), True),
    # a flashcard's back says who or what: judged as publishable either way
    (make("What does the figure \u201c300\u201d refer to?", "the people who applied for the Globex programme",
          type=CARD, form=Form.FIGURE), False),
])
def test_a_question_off_the_story_ranks_below_the_recommended(question: Question, off: bool) -> None:
    assert ranking.off_the_story(question, MAIN_STORY) == off
    lowered = ranking.score(question, STORY) - ranking.score(question, MAIN_STORY)
    assert lowered == pytest.approx(0.2 if off else 0.0)


def test_a_story_without_names_or_headline_sends_no_question_off() -> None:
    assert not ranking.off_the_story(make("Gross national product grew _____ last year.", "2.4 pct"), STORY)


def test_an_english_word_of_the_headline_is_no_acronym_of_the_answer() -> None:
    question = make("Acme Corp launched a tender offer for _____ last week.", "Brown International Development",
                    kind=FactKind.ORGANISATION)
    assert not any("abbreviates" in fault for fault in
                   ranking.faults(question, dataclasses.replace(STORY, headline="Acme Makes Bid For Rival")))
