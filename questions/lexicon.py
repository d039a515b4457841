"""Generic English word lists that name recognition leans on: titles, organisation words, speech verbs."""
from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that are common English rather than names: a capitalised one opens a sentence or a title, it does not
# name anyone. Words that are also frequent given names or surnames (will, mark, grant, rose, young, king, bush,
# may ...) are left out on purpose, so that "Will Smith" or "Theresa May" stay names.
COMMON = _words("""
a about above according across actually after afterwards again against ago ahead all almost alone along already
also although always am among amid amongst an and another any anybody anyone anything anyway anywhere apart are
around as aside at away back be became because become becomes been before beforehand behind being below beside
besides between beyond both but by can cannot could did do does doing done down during each either else elsewhere
enough especially even ever every everybody everyone everything everywhere except far few fewer following for
earlier former formerly forth from further furthermore had has have having he hence her here hereby herein hers herself
him himself his how however i if in inside instead into is it its itself just last lately later latter least less like
likely many may maybe me meantime meanwhile might mine more moreover most mostly much must my myself namely near
nearly neither never nevertheless next no nobody none nonetheless noone nor not nothing now nowhere of off often on
once one only onto or other others otherwise our ours ourselves out outside over overall own per perhaps please
plus quite rather really regarding same several shall she should since so some somebody someone something sometime
sometimes somewhere soon still such than that the their theirs them themselves then thence there thereafter thereby
therefore therein these they this those though through throughout thru thus to together too toward towards under
unless unlike until up upon us very via was we well were what whatever when whenever where whereas wherever whether
which while who whoever whole whom whose why with within without would yes yet you your yours yourself yourselves
it's i'm i've i'd i'll we're we've they're they've he's she's that's there's what's let's don't doesn't didn't
can't couldn't won't wouldn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't
oh ok okay hello thanks thank sorry yeah
zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
millions billion billions trillion dozen dozens first second third fourth fifth sixth seventh eighth ninth tenth
half quarter double triple single multiple numerous various
today tonight tomorrow yesterday day days week weeks weekend month months year years decade decades century
centuries morning afternoon evening night noon midnight hour hours minute minutes moment time times season
recently currently previously initially eventually apparently reportedly allegedly particularly significantly
mainly largely partly fully directly simply quickly slowly finally clearly certainly indeed obviously especially
additionally alternatively consequently accordingly similarly likewise specifically generally usually typically
ultimately increasingly nationwide worldwide overseas abroad elsewhere altogether
new old big small large great good bad best better worse worst high higher highest low lower lowest top bottom
long short full empty free open closed public private official unofficial national international global local
regional federal central special political economic financial social human civil military foreign domestic
royal united joint independent democratic republican liberal conservative socialist communist progressive
major minor main key chief senior junior general common total annual daily weekly monthly quarterly final
early late latest recent current future past present next previous former ex modern ancient traditional
northern southern eastern western north south east west northeast northwest southeast southwest upper lower
middle inner outer greater holy sacred official strategic tactical healthy healthier safe safer secure real
true false right wrong left important major critical crucial serious severe strong weak rich poor hot cold warm
cool dry wet hard soft easy difficult simple complex clear dark light heavy huge tiny vast wide narrow deep
several certain particular specific different similar various entire overall additional extra further
american-style record historic historical unprecedented landmark presidential parliamentary congressional
ministerial governmental judicial federal constitutional electoral legislative diplomatic financial commercial
industrial agricultural environmental medical scientific academic cultural religious ethnic tribal rural urban
olympic paralympic shadow whilst amongst sure certainly probably possibly definitely absolutely anyway
report reports plan plans action actions control progress development assistance aid government governments
title titles men women children people person persons state states nation nations affairs security defence
defense justice energy commerce education transport transportation finance economy labor agriculture environment
interior treasury science technology research policy policies law laws rights right peace war wars freedom trade
goods services service health care data release statement statements news update updates photo photos image
images file files source sources caption video webcast reporting writing editing additional contributing story
stories article articles page pages section chapter part parts table figure note notes correction corrections
press conference meeting meetings summit talks deal deals agreement agreements program programs programme
programmes project projects initiative initiatives strategy strategies effort efforts work works job jobs
market markets price prices rate rates tax taxes budget budgets fund funds money cash income revenue revenues
profit profits loss losses sales share shares stock stocks bond bonds debt debts growth inflation interest
export exports import imports production output demand supply oil gas gold silver water food fuel power
industry industries business businesses company companies firm firms bank banks group groups team teams club
clubs party parties union unions council councils committee committees board boards office offices agency
agencies department departments ministry ministries court courts police army navy force forces troops
military soldiers officials official leader leaders president presidents minister ministers secretary
director directors chairman chairwoman spokesman spokeswoman spokesperson member members staff worker workers
citizen citizens resident residents voter voters student students teacher teachers doctor doctors patient
patients family families friend friends child kid kids man woman boy boys girl girls player players fan fans
city cities town towns village villages country countries region regions area areas province provinces
district districts county island islands border borders capital street streets road roads home homes house
houses building buildings school schools university universities hospital hospitals church churches center
centre world earth sun moon sky sea ocean river lake mountain mountains coast land space station web internet
online digital mobile phone phones computer computers software network networks media television tv radio film
films movie movies music song songs book books show shows game games match matches race races cup final finals
tournament championship championships title victory win wins defeat loss election elections vote votes campaign
campaigns crisis crises conflict attack attacks war battle fight fighting violence crime crimes case cases trial
trials charge charges prison jail sentence sentences judge judges lawyer lawyers jury verdict appeal appeals
investigation investigations inquiry probe evidence question questions answer answers issue issues problem
problems risk risks threat threats fear fears hope hopes concern concerns change changes reform reforms
rule rules order orders decision decisions move moves step steps plan role roles way ways end start beginning
level levels number numbers amount amounts total percent percentage figures figure rise fall increase decrease
cut cuts gain gains drop drops jump surge climb
says said say saying told tell tells added adds stated states warned warns announced announces noted notes
explained argued insisted claimed asked replied wrote declared confirmed denied reported
is are was were be been am has have had do does did will would shall should can could may might must
get gets got make makes made take takes took give gives gave go goes went come comes came see sees saw know
knows knew think thinks thought want wants wanted need needs needed use uses used find finds found keep keeps
kept let lets begin begins began seem seems seemed help helps helped show shows showed hear hears heard play
plays played run runs ran move moves moved live lives lived believe believes believed bring brings brought
happen happens happened write writes sit sits stand stands stood lose loses lost pay pays paid meet meets met
include includes included continue continues continued set sets learn learns learned lead leads led understand
understands understood watch watches watched follow follows followed stop stops stopped create creates created
speak speaks spoke read reads allow allows allowed spend spends spent grow grows grew open opens opened walk
walks walked offer offers offered remember remembers remembered consider considers considered appear appears
appeared buy buys bought wait waits waited serve serves served die dies died send sends sent expect expects
expected build builds built stay stays stayed reach reaches reached kill kills killed remain remains remained
suggest suggests suggested raise raises raised pass passes passed sell sells sold require requires required
decide decides decided return returns returned explain explains hope hopes hoped develop develops developed
carry carries carried break breaks broke receive receives received agree agrees agreed support supports
supported hit hits produce produces produced eat eats ate cover covers covered catch catches caught draw
draws drew choose chooses chose cause causes caused point points pointed
dear sir madam ladies gentlemen everybody folks
celsius fahrenheit centigrade dollar dollars euro euros pound pounds yen yuan rupee rupees percent cent cents
christmas easter ramadan eid thanksgiving hanukkah diwali halloween
no. nos. vol. fig. pp. p. am pm a.m. p.m.
""")

# Capitalised words a headline or title case gives to any word; they never start a name on their own.
HEADLINE_WORDS = _words("""
how why what when where who which whose whom will can could would should may might must shall is are was were be
been being has have had do does did to in on at for with by from of the a an and or but nor as if than that this
these those it its into over under after before about against between through during without within up down out
off again new more most less least not no yes all any some each every our your their his her my we you they he
she i me us them vs vs.
""")

MONTHS = _words("""
january february march april may june july august september october november december
jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.
""")
# Months that are also names ("Theresa May", "April Ryan", "June Carter"): they are a date only before a number.
NAME_MONTHS = _words("may april june august")
# Common words that are also frequent surnames: after a first name they end a person's name ("Theresa May",
# "Alan Price", "Ian Strong").
SURNAME_WORDS = _words("may will hope price cash law page best moon strong long short rich power banks read case good "
                       "major")
WEEKDAYS = _words("""
monday tuesday wednesday thursday friday saturday sunday mon mon. tue tue. tues tues. wed wed. thu thu. thur
thur. thurs thurs. fri fri. sat sat. sun sun.
""")

# Nationality, regional and affiliation adjectives and their plural nouns: never places or organisations alone.
_DEMONYM_STEMS = """
afghan albanian algerian american andorran angolan antiguan argentine argentinian armenian australian austrian
azerbaijani azeri bahamian bahraini bangladeshi barbadian belarusian belgian belizean beninese bhutanese bolivian
bosnian botswanan brazilian british brit briton bruneian bulgarian burkinabe burmese burundian cambodian
cameroonian canadian cape-verdean chadian chilean chinese colombian comoran congolese croatian cuban cypriot czech
danish djiboutian dominican dutch ecuadorian egyptian emirati english equatoguinean eritrean estonian ethiopian
fijian filipino finnish french gabonese gambian georgian german ghanaian greek grenadian guatemalan guinean
guyanese haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian
jamaican japanese jordanian kazakh kazakhstani kenyan kiribati korean kosovar kuwaiti kyrgyz lao laotian latvian
lebanese liberian libyan liechtensteiner lithuanian luxembourgish macedonian malagasy malawian malaysian
maldivian malian maltese marshallese mauritanian mauritian mexican micronesian moldovan monacan mongolian
montenegrin moroccan mozambican namibian nauruan nepalese nepali nicaraguan nigerian nigerien norwegian omani
pakistani palauan palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan
salvadoran samoan saudi scottish senegalese serb serbian seychellois singaporean slovak slovakian slovenian somali
spanish sri-lankan sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai timorese
togolese tongan trinidadian tunisian turkish turkmen tuvaluan ugandan ukrainian uruguayan uzbek vanuatuan
venezuelan vietnamese welsh yemeni zambian zimbabwean
african asian european arab arabian latin hispanic latino latina caucasian soviet kurdish kurd basque catalan
flemish walloon scandinavian nordic baltic balkan slavic persian ottoman byzantine celtic gaelic anglo
western eastern northern southern middle-eastern mideast pacific atlantic mediterranean caribbean
muslim christians jewish jew hindu buddhist sikh catholic protestant orthodox sunni shia shiite shi'ite islamic
evangelical anglican lutheran methodist baptist mormon
democrat republican conservative liberal labour tory socialist communist marxist leninist nationalist unionist
loyalist royalist maoist islamist jihadist zionist sandinista bolshevik nazi fascist
""".split()
_DEMONYM_PLURALS = """
poles danes swedes finns turks scots croats serbs french dutch swiss irish welsh english chinese japanese
vietnamese portuguese lebanese sudanese senegalese maltese burmese nepalese congolese togolese taiwanese
frenchman frenchmen englishman englishmen irishman irishmen scotsman scotsmen dutchman dutchmen welshman
jews tories
""".split()
_MULTIWORD_DEMONYMS = """
sri lankan|south african|north korean|south korean|new zealander|saudi arabian|costa rican|puerto rican|
latin american|middle eastern|east timorese|sierra leonean|papua new guinean|el salvadoran|hong konger|
north african|west african|east african|central african|south american|north american|central american|
central asian|south asian|east asian|southeast asian|east european|eastern european|west european|
western european|african american|native american|asian american|gulf arab|south sudanese|bosnian serb|
bosnian muslim|bosnian croat|kosovo albanian|greek cypriot|turkish cypriot|northern irish|lib dem|
liberal democrat|social democrat|christian democrat|free democrat
"""
DEMONYMS = (frozenset(_DEMONYM_STEMS) | frozenset(stem + "s" for stem in _DEMONYM_STEMS)
            | frozenset(_DEMONYM_PLURALS) | frozenset(yugoslav for yugoslav in "yugoslav yugoslavs yugoslavian "
                                                      "czechoslovak czechoslovakian".split())
            | frozenset(name.strip() for name in _MULTIWORD_DEMONYMS.replace("\n", "").split("|"))
            | frozenset(name.strip() + "s" for name in _MULTIWORD_DEMONYMS.replace("\n", "").split("|")))

# Honorifics: they mark a person but are not a role.
HONORIFICS = _words("mr mr. mrs mrs. ms ms. miss mx mx. dr dr. messrs messrs. mme mme. mlle m. herr sr sra")
# Compass words: "the South Shropshire Hunt" is named after a region; "east China" says where.
COMPASS_WORDS = _words("north south east west northern southern eastern western central northeast northwest "
                       "southeast southwest north-east north-west south-east south-west")
# Titles that stay part of the name when only one name follows ("Queen Elizabeth", "Lord Butler", "Pope Francis").
NOBLE_TITLES = _words("""
king queen prince princess emperor empress pope lord lady baron baroness duke duchess earl count countess
sultan emir sheikh sheik tsar czar kaiser pharaoh dame sir saint st st.
""")
# Capitalised words that stand in front of a name as its title or office.
PERSON_TITLES = NOBLE_TITLES | HONORIFICS | _words("""
president vice prime minister secretary chancellor premier senator sen sen. representative rep rep.
congressman congresswoman governor gov gov. mayor judge justice magistrate general gen gen. colonel col col.
lieutenant lt lt. major maj maj. captain capt capt. sergeant sgt sgt. corporal cpl cpl. private pvt pvt.
admiral adm adm. commander cmdr cmdr. marshal brigadier commodore director executive editor chairman
chairwoman chairperson chair chief officer ceo cfo coo cto deputy assistant associate ambassador envoy
commissioner inspector detective det det. superintendent supt supt. constable sheriff attorney prosecutor
counsel doctor prof prof. professor cardinal archbishop bishop rev rev. reverend father pastor rabbi imam
ayatollah mullah cleric astronaut cosmonaut coach manager speaker leader spokesman spokeswoman spokesperson
host anchor correspondent reporter president-elect head founder co-founder principal dean provost treasurer
comptroller auditor registrar clerk councillor councilman councilwoman alderman delegate lawmaker legislator
mp mep first lady crown grand supreme surgeon agent trooper officer sergeant-at-arms attorney-general
vice-president vice-chairman deputy-director mission special under undersecretary under-secretary
""")

# Occupations and offices that a role phrase turns on ("Japanese astronaut", "the company's chief executive").
ROLE_NOUNS = _words("""
astronaut cosmonaut spokesman spokeswoman spokesperson minister secretary president chief director executive
editor reporter correspondent photographer writer author analyst economist lawyer attorney judge prosecutor
official officer commander general colonel leader head chairman chairwoman chair founder co-founder ceo cfo
manager coach player striker midfielder defender goalkeeper captain champion seed winner runner-up host
presenter anchor adviser advisor aide consultant envoy ambassador diplomat governor mayor senator lawmaker
legislator congressman congresswoman mp candidate nominee activist campaigner researcher scientist professor
teacher doctor surgeon nurse engineer architect actor actress singer musician artist producer star novelist
poet journalist columnist commentator critic historian expert specialist strategist trader broker dealer banker
investor entrepreneur businessman businesswoman owner partner employee member student pilot soldier premier chancellor
king queen prince princess monarch pope bishop archbishop priest rabbi imam cleric militant rebel negotiator
mediator investigator detective inspector policeman policewoman sheriff deputy treasurer staff chief-of-staff
counsel representative delegate administrator commissioner regulator superintendent principal dean lecturer
broadcaster comedian presenter director-general secretary-general vice-president president-elect prime
cofounder founder-chairman chairperson boss leader spokesperson negotiator farmer fisherman shopkeeper
businessman lawyer solicitor barrister accountant pharmacist dentist vet veterinarian paramedic firefighter
soldier sergeant marine sailor officer policeman constable detective coach trainer jockey driver rider cyclist
runner swimmer boxer golfer batsman bowler bowler striker winger forward defender goalkeeper keeper skipper
midfielder quarterback pitcher economist analyst strategist chemist physicist biologist geologist designer
chef baker butcher builder carpenter plumber electrician mechanic technician programmer developer blogger
photographer filmmaker film-maker director screenwriter playwright composer conductor pianist guitarist
drummer rapper dancer model presenter comedian author writer novelist poet historian philosopher theologian
economist campaigner protester demonstrator volunteer survivor witness victim resident neighbour neighbor
pensioner widow mother father son daughter wife husband brother sister uncle aunt grandmother grandfather
teenager pupil graduate researcher academic lecturer professor
fly-half scrum-half full-back half-back outside-half stand-off flanker hooker prop centre wing-back sweeper playmaker
co-producer co-star co-owner co-author psychologist psychiatrist frontman frontwoman bassist vocalist songwriter
biographer keyboardist dj ceo cfo mep
""")
# Nouns before a name that make it an organisation ("construction companies Adhi Karya and ...", "carmaker X").
ORG_NOUNS_BEFORE = _words("""
company companies firm firms group groups bank banks carmaker carmakers automaker automakers airline airlines
retailer retailers insurer insurers broker brokers brokerage conglomerate subsidiary subsidiaries unit rival
rivals newspaper newspapers paper magazine broadcaster broadcasters network channel club clubs side label
studio studios agency charity giant maker makers manufacturer manufacturers producer producers supplier
suppliers operator operators chain publisher publishers developer lender lenders outlet chipmaker drugmaker
miner miners refiner refiners shipper shippers utility utilities partner partners unit units firm's movement sect
union unions party parties team teams band bands analysts consultancy consultants watchdog regulator pollster
pollsters website carrier distributor distributors retailer developer developers rival rivals employer
""")
# Words that may sit inside a role phrase without being its head ("former", "general staff", "mission").
ROLE_FILLERS = _words("""
the a an of for at in on to with and 's ’s former ex then current acting interim deputy assistant associate
senior junior chief top lead leading head general executive managing financial operating foreign defence
defense interior finance economy trade health justice energy education security intelligence military political
press public national regional local state federal international global joint vice prime first second third only
female male veteran fellow longtime long-time outgoing incoming newly elected appointed opposition ruling
government party company country world number one tennis football team club staff mission webcast army navy
ministry department council committee board agency bank group union force forces office administration
campaign commission court firm organisation organization company's country's group's party's government's
nation's city's team's club's state's agency's ministry's bank's its his her their our
home shadow culture media sport transport environment agriculture treasury labour labor work pensions
""")

# The head word of an organisation's name ("... Ministry", "Department of ...", "... Inc").
ORG_HEADS = _words("""
ministry ministries department dept dept. agency council organisation organization party bank group university
association union fund commission institute institution authority board bureau office committee federation league
club company corporation corp corp. inc inc. ltd ltd. llc plc co co. ag sa nv gmbh holdings industries airlines
airways motors systems technologies partners brothers bros bros. foundation society trust college academy
assembly parliament congress senate cabinet government administration army navy police command corps network
times post journal herald tribune gazette telegraph press broadcasting exchange reserve coalition alliance front
movement secretariat tribunal chamber caucus directorate inspectorate laboratory laboratories labs studios
pharmaceuticals communications telecom bancorp securities investments ventures consortium conglomerate
centers service guard guards division associates research
pictures entertainment records electronics software petroleum broadband telecommunications enterprises
mirror express mail observer standard
""")
# Words after a weekday that make it a newspaper's name ("the Sunday Times", "the Sunday Telegraph").
NEWSPAPER_WORDS = _words("times telegraph express mirror herald post mail star independent tribune sport people "
                         "observer")
# Suffixes that make a company name whatever precedes them ("Acme Inc", "Smith & Sons Ltd").
LEGAL_SUFFIXES = _words("inc inc. corp corp. ltd ltd. llc plc co co. ag sa nv gmbh llp lp bros bros. re limited "
                        "incorporated")
# Words that join "and" into a company's name ("Merrill Lynch and Co", "Smith and Sons").
COMPANY_TAILS = _words("co co. company sons partners associates")
# News organisations named without any organisation word.
NEWS_AGENCIES = _words("""
reuters afp ap bloomberg xinhua tass interfax kyodo yonhap ansa efe dpa bbc cnn pti ians bernama aap
""")
NEWS_AGENCY_NAMES = {
    "reuters": "Reuters", "afp": "AFP", "ap": "AP", "bloomberg": "Bloomberg", "xinhua": "Xinhua", "tass": "TASS",
    "interfax": "Interfax", "kyodo": "Kyodo", "yonhap": "Yonhap", "ansa": "ANSA", "efe": "EFE", "dpa": "dpa",
    "bbc": "BBC", "cnn": "CNN", "pti": "PTI", "ians": "IANS", "bernama": "Bernama", "aap": "AAP",
}
# Adjectives that make "... Court" a court of law rather than a tennis court or a palace courtyard.
LEGAL_COURT_WORDS = _words("""
supreme high federal district appeals appeal appellate constitutional criminal crown magistrates magistrates'
circuit superior family county state administrative tax bankruptcy international military juvenile labour labor
justice claims arbitration sessions municipal civil special commercial european human rights sharia coroner's
coroners youth trade election electoral land revolutionary islamic religious divisional chancery probate
""")
# The head word of something that is named but is not an organisation: programmes, laws, events, prizes, reports.
NAMED_THING_HEADS = _words("""
initiative programme program plan strategy project scheme act bill agreement accord protocol treaty convention
report review survey index award awards prize medal trophy cup championship championships games olympics
olympiad open tournament festival summit conference expo exhibition fair marathon series week day era war wars
revolution crisis epidemic pandemic operation campaign census budget declaration doctrine deal charter
constitution code framework roadmap pact pledge manifesto policy act acts fund-raiser gala awards grand-prix
lecture lectures bowl
""")
# Named weather systems are not annotated at all ("Cyclone Idai", "Hurricane Katrina").
STORM_WORDS = _words("hurricane hurricanes cyclone cyclones typhoon typhoons storm storms tropical")

# The head word of a named place ("Buckingham Palace", "Great Wall", "Cape Canaveral").
PLACE_HEADS = _words("""
palace station airport square street avenue road boulevard bridge wall walls pyramid pyramids tower towers dam
castle cathedral abbey mosque temple stadium arena park gardens garden island islands isles mountain mountains
hills river lake sea ocean valley desert peninsula coast canal strait straits bay gulf channel falls
glacier forest reef basin delta plateau plains region province county district oblast territory territories
prefecture governorate municipality borough township heights strip harbour harbor port base camp court zoo
ranch beach cliffs pass highway motorway freeway plaza mall crossing checkpoint
""")
PLACE_PREFIXES = _words("cape mount mt mt. lake fort ft ft. gulf bay sea isle strait port lac")
# Words after a name that make it a place ("Karabakh region", "Kursk oblast").
PLACE_NOUNS_AFTER = _words("""
region province district oblast state county city town village island peninsula valley area border republic
governorate prefecture municipality enclave exclave suburb neighbourhood neighborhood
""")
# Words before "of X" that make X a place ("the town of Khojaly", "the province of Balochistan").
PLACE_NOUNS_BEFORE = _words("""
city town village province region district island port state county capital suburb neighbourhood neighborhood
municipality republic kingdom emirate outskirts
""")
# Prepositions that put the name after them in a place ("in Khojaly"); weaker ones need a gazetteer entry too.
STRONG_PLACE_PREPOSITIONS = _words("in near outside across throughout inside")
WEAK_PLACE_PREPOSITIONS = _words("at from to into toward towards via around")
# "Moscow-based", "Kremlin-backed": what follows the hyphen says what the name before it is.
PLACE_HYPHEN_SUFFIXES = _words("based born headquartered bound raised educated")
AGENT_HYPHEN_SUFFIXES = _words("""
led backed owned run controlled held funded sponsored brokered administered occupied allied friendly supported
linked affiliated aligned appointed made style era
""")
# Parties: words that name one as a noun ("the Tories said", "Labour's conference"); adherents' words that do only
# in the plural after "the" ("the Liberal Democrats said") or before "party" ("the ruling Conservative party").
PARTY_NAMES = _words("labour tory tories")
PARTY_PLURALS = _words("democrats republicans conservatives socialists communists nationalists unionists liberals "
                       "greens") | frozenset({"liberal democrats", "social democrats", "christian democrats",
                                              "free democrats", "lib dems"})
# One party's names: as a choice beside another of them, both are right; in the headline, one gives the other away.
PARTY_ALIASES = tuple(frozenset(group.split("|")) for group in (
    "conservatives|conservative party|the conservatives|the conservative party|tories|the tories|tory party|tory",
    "labour|labour party|the labour party",
    "liberal democrats|the liberal democrats|lib dems|lib dem|the lib dems",
    "republicans|republican party|the republicans|the republican party|gop",
    "democrats|democratic party|the democrats|the democratic party",
))
PARTY_ADJECTIVES = _words("democrat democratic republican conservative liberal labour socialist communist "
                          "nationalist unionist green") | frozenset({"liberal democrat", "social democratic"})
# Lower-case nouns after a name that make it an organisation's ("the Chrysler group", "the Unison union").
ORG_NOUNS_AFTER = _words("group union club company firm bank airline carmaker studio studios band label")
# Nouns before a title that make it a work, not a person or place ("his album Egypt", "the movie Ice Age").
WORK_NOUNS = _words("""
album albums film films movie movies song songs single singles book books novel novels play musical opera sitcom
comedy drama documentary painting poem record track game games title titles show series console concert concerts
ceremony tour
""")

# Nouns after capitals that make them a product or a format, not an organisation ("VHS machines", "ZX titles").
PRODUCT_NOUNS = WORK_NOUNS | _words("""
format formats technology technologies standard standards machine machines player players disc discs tape tapes
device devices version versions phone phones handset handsets chip chips drive drives software system systems
recorder recorders console consoles model models engine engines vaccine vaccines drug drugs
car cars sedan sedans saloon saloons hatchback hatchbacks coupe coupes crossover crossovers truck trucks vehicle
vehicles jet jets airliner airliners
""")

# Nouns after an organisation's name that make it the speaker ("A Buckingham Palace spokeswoman said").
SPOKESPERSON_NOUNS = _words("spokesman spokeswoman spokesperson spokespeople spokesmen official officials statement")

# Verbs that report speech, in the forms that introduce a quote or a reported clause.
SPEECH_VERBS = _words("""
said says say told tells tell added adds stated states warned warns announced announces noted notes explained
explains argued argues insisted insists claimed claims clarified clarifies mentioned mentions replied replies
responded responds declared declares confirmed confirms acknowledged acknowledges admitted admits stressed
stresses emphasised emphasized emphasises emphasizes urged urges wrote writes predicted predicts recalled recalls
observed observes remarked remarks commented comments conceded concedes contended contends maintained maintains
estimated estimates suggested suggests reported reports asserted asserts asked asks testified testifies
tweeted tweets posted announced cautioned cautions complained complains countered counters vowed vows pledged
pledges promised promises reiterated reiterates revealed reveals disclosed discloses alleged alleges accused
accuses told continued continues concluded concludes agreed agrees denied denies
""")
# Participles that continue a speaker's sentence with another quote ("..., noting he had ...").
SPEECH_PARTICIPLES = _words("""
saying adding noting warning explaining arguing insisting claiming stressing telling declaring stating
calling describing
""")
# Speech verbs that take the quote after a listener: "told reporters (that) ...".
TELL_VERBS = _words("told tells tell telling")
# Words that may sit between a speaker and the speech verb ("Nikiforov also said", "she has repeatedly said").
SPEECH_INSERTS = _words("""
also later earlier previously again repeatedly then recently separately further once has had have will would
could may might did does do is was later subsequently initially meanwhile however not never often once
""")

# Pronouns that may stand for the last person named, with the gender they carry.
MALE_PRONOUNS = _words("he him his himself")
FEMALE_PRONOUNS = _words("she her hers herself")
MALE_WORDS = _words("mr mr. sir lord king prince father brother spokesman chairman congressman councilman baron "
                    "duke earl emperor sultan emir sheikh sheik uncle son husband businessman policeman")
FEMALE_WORDS = _words("mrs mrs. ms ms. miss lady queen princess mother sister spokeswoman chairwoman congresswoman "
                      "councilwoman baroness duchess countess empress dame aunt daughter wife businesswoman "
                      "policewoman actress female")

# Capital-letter abbreviations that are not organisations.
NON_ORG_ACRONYMS = _words("""
i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xx a an ok tv am pm ad bc bce ce gmt utc est edt pst pdt cet
ceo cfo coo cto cio vp evp svp md mph phd mba ma ms msc bsc ba bs jd llb llm dds dvm rn np pa cpa qc kc mp mps
mep meps msp am obe mbe cbe kbe dbe esq jr sr gdp gnp cpi ppi hiv aids sars covid dna rna id ids it ai pc pcs
usd eur gbp jpy cny chf cad aud inr rub sek nok dkk hkd sgd brl mxn krw zar try pln uah kzt azn amd gel
suv suvs atm atms vip vips mvp faq url pdf gif jpeg png ufo iq eq lgbt lgbtq ipo ipos r&d m&a q1 q2 q3 q4 h1 h2
co2 wwi wwii 3d 4g 5g lng lpg gps sms usb cd cds dvd dvds ps ps. nb pto diy rip ceo's vs
cst cdt mst mdt bst jst xml html http https hdtv lcd mp3 mp4 wifi cpu cpus dsl adsl vcr vcrs pvr pvrs dvr dvrs rfid
ft km kg mg ml lb lbs oz mph kph mw gw kw kwh mwh gwh bpd mln bln dlrs pct cts btu btus mmbtu
ag sa nv plc llc ltd inc co gmbh llp lp
""")
# Two-letter state and district codes after a city ("Washington, DC"; "Austin, Texas" is in the gazetteer).
US_STATE_CODES = _words("""
al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok
or pa ri sc sd tn tx ut vt va wa wv wi wy d.c. n.y. n.j. calif. fla. mass. ill. tex. pa. va. wash. ga. md. mich.
minn. mo. ariz. colo. conn. del. ind. kan. ky. la. miss. mont. neb. nev. n.h. n.m. n.c. n.d. okla. ore. r.i.
s.c. s.d. tenn. vt. w.va. wis. wyo. ala.
""")

# Period-final abbreviations that belong to the word before the period.
ABBREVIATIONS = _words("""
mr mrs ms dr st jr sr inc corp co ltd no nos gen col lt sgt capt gov sen rep prof rev mt ft maj adm cmdr det supt
pres dept univ assn bros vs etc approx jan feb mar apr jun jul aug sep sept oct nov dec mx messrs mme mlle hon
calif fla mass ill tex pa va wash ga md mich minn mo ariz colo conn del ind kan ky la miss mont neb nev okla ore
tenn vt wis wyo ala
""")

# Small words inside a person's name ("Charles de Gaulle", "Ludwig van Beethoven").
NAME_PARTICLES = _words("de du da das dos del della di van von der den ter bin bint ibn al el le la y e")


# A person brought in by a role alone ("a university professor", "one senior official"), not as someone's
# apposition (", a spokesman,") nor what someone is ("serve as a minister", "was a lawyer"): the next "he"
# may be them, not the man named before.
SOMEONE_UNNAMED = re.compile(
    rf"(?<!,\s)(?<!\bas\s)(?<!\bis\s)(?<!\bbe\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbecame\s)"
    rf"(?<!\bbecome\s)(?<!\bbecomes\s)\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{'|'.join(map(re.escape, sorted(ROLE_NOUNS, key=len, reverse=True)))})\b")


# A country's seat of power, capital, central bank or parliament names the country to any reader: "The White
# House denied that the _____ was shipping arms" asks what it prints. Keyed by the gazetteer's country names.
EMBLEMS = {
    "United States": ("White House", "Washington", "Pentagon", "Congress", "Capitol Hill", "Wall Street",
                      "Federal Reserve", "U.S.-based", "Americans"),
    "Britain": ("Westminster", "Whitehall", "Downing Street", "MPs", "House of Commons", "Plc", "gilts",
                "Bank of England", "London", "Britons", "Lib Dem", "Lib Dems", "Tory", "Tories", "sterling", "NHS"),
    "Japan": ("Tokyo", "Bank of Japan", "Diet", "Japanese", "yen", "Nippon"),
    "France": ("Paris", "Elysee", "French"),
    "West Germany": ("Bonn", "Bundesbank", "Bundestag", "West German"),
    "Germany": ("Berlin", "Bundesbank", "Bundestag", "German"),
    "Soviet Union": ("Moscow", "Kremlin", "Soviet"),
    "Russia": ("Moscow", "Kremlin", "Russian"),
    "China": ("Beijing", "Peking", "Chinese"),
    "Philippines": ("Manila", "Filipino"),
    "Italy": ("Rome", "Italian"),
    "Spain": ("Madrid", "Spanish"),
    "Canada": ("Ottawa", "Canadian"),
    "Australia": ("Canberra", "Australian"),
    "India": ("New Delhi", "Indian"),
    "Brazil": ("Brasilia", "Brazilian"),
    "Mexico": ("Mexico City", "Mexican"),
    "South Korea": ("Seoul", "South Korean"),
    "Netherlands": ("The Hague", "Amsterdam", "Dutch"),
    "Ireland": ("Dublin", "Dail", "Irish"),
    "Scotland": ("Edinburgh", "Holyrood", "Scottish", "Scots"),
    "Wales": ("Cardiff", "Welsh"),
    "Belgium": ("Brussels", "Belgian"),
    "Switzerland": ("Bern", "Berne", "Zurich", "Geneva", "Swiss"),
    "Sweden": ("Stockholm", "Swedish"),
    "Norway": ("Oslo", "Norwegian"),
    "Denmark": ("Copenhagen", "Danish"),
    "Austria": ("Vienna", "Austrian"),
    "Portugal": ("Lisbon", "Portuguese"),
    "Greece": ("Athens", "Greek"),
    "Turkey": ("Ankara", "Istanbul", "Turkish"),
    "Israel": ("Jerusalem", "Tel Aviv", "Knesset", "Israeli"),
    "Egypt": ("Cairo", "Egyptian"),
    "Iran": ("Tehran", "Iranian"),
    "Iraq": ("Baghdad", "Iraqi"),
    "Saudi Arabia": ("Riyadh", "Saudi"),
    "Kuwait": ("Kuwaiti",),
    "Indonesia": ("Jakarta", "Indonesian"),
    "Malaysia": ("Kuala Lumpur", "Malaysian"),
    "Thailand": ("Bangkok", "Thai"),
    "Pakistan": ("Islamabad", "Karachi", "Pakistani"),
    "Argentina": ("Buenos Aires", "Argentine", "Argentinian"),
    "Chile": ("Santiago", "Chilean"),
    "Colombia": ("Bogota", "Colombian"),
    "Venezuela": ("Caracas", "Venezuelan"),
    "Peru": ("Lima", "Peruvian"),
    "Ecuador": ("Quito", "Ecuadorean", "Ecuadorian"),
    "Nigeria": ("Lagos", "Abuja", "Nigerian"),
    "South Africa": ("Pretoria", "Johannesburg", "Cape Town", "South African"),
    "Kenya": ("Nairobi", "Kenyan"),
    "New Zealand": ("Wellington", "Auckland", "New Zealander"),
    "Poland": ("Warsaw", "Polish"),
    "Hungary": ("Budapest", "Hungarian"),
    "Ukraine": ("Kiev", "Kyiv", "Ukrainian"),
    "Taiwan": ("Taipei", "Taiwanese"),
    "Sri Lanka": ("Colombo", "Sri Lankan"),
    "London": ("West End", "Downing Street", "Whitehall", "Westminster"),
}

# A sentence whose subject is a person named by a description ("And the American remains critical",
# "The 29-year-old said"): a "he" after it may be that person, not the man named before.
SOMEONE_DESCRIBED = re.compile(
    rf"^[“\"‘']?(?:(?:And|But|Yet|So|However,?)\s+)?[Tt]he\s+(?:(?:former|veteran|new|young|old)\s+)?"
    rf"(?:(?i:{'|'.join(sorted(DEMONYMS, key=len, reverse=True))})|\d+-year-old|"
    rf"(?:{'|'.join(map(re.escape, sorted(ROLE_NOUNS, key=len, reverse=True)))}))"
    rf"\s+(?!of\b|for\b|at\b)[a-z]")

# A month's or a weekday's name as news writes it: a capital that names no one.
CALENDAR_WORD = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A time a clause gives itself: "last week", "yesterday", "in 1986", "on Monday", "in March".
TIME_EXPRESSION = re.compile(
    r"\b(?:(?:last|next|this|that|the same|the following|the previous) (?:week|weekend|month|year|quarter|morning|"
    rf"afternoon|evening|night)|today|yesterday|tomorrow|tonight|(?:1[89]|20)\d\d|{CALENDAR_WORD.pattern})\b")

# What an appositive calls a thing or a place, never a person: "a beef cattle ranch", "the centre of …".
A_THING = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?!(?:of|for|at|in|with|to|by|on|from)\s)[\w-]+\s+){0,3}?(ranch|farm|estate|company|"
    r"firm|group|band|film|ship|vessel|building|hotel|restaurant|club|team|station|plant|mine|factory|charity|"
    r"website|newspaper|magazine|programme|show|game|album|book|brand|product|village|town|city|region|province|"
    r"district|island|port|airport|stadium|venue|school|university|hub|capital|birthplace|"
    r"(?:centre|center|heart)(?=\s+of\b))\b"
    r"(?!\s+(?:owner|boss|chief|head|manager|founder|director|chairman|executive|member|player|spokesman|"
    r"spokeswoman|leader|president|star|singer|captain|editor))")
