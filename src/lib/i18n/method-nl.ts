import type { enMethod } from './method-en';

/** "Hoe Talentloop beslist": de regels achter de oordelen op het dashboard. */
export const nlMethod: Record<keyof typeof enMethod, string> = {
  'method.title': 'Hoe Talentloop beslist',
  'method.intro':
    'Recruitmentcijfers gaan vanzelf op en neer. Naast een verandering op het dashboard zegt Talentloop of die waarschijnlijk echt is, toeval kan zijn, of op te weinig gegevens rust. Deze pagina legt uit hoe het dat beslist, in gewone woorden die je aan collega’s kunt doorgeven.',
  'method.toc': 'Op deze pagina',
  'method.forStatisticians': 'Voor statistici:',

  'method.labels.title': 'De drie antwoorden',
  'method.labels.real':
    'Een verandering van deze omvang zou zeldzaam zijn als er niets echt veranderd was. Zeldzaam, niet onmogelijk: ongeveer 1 keer op de 20 levert toeval alleen zo’n verandering toch op.',
  'method.labels.chance':
    'De verandering valt binnen het op en neer dat dit getal toch al laat zien. Dat bewijst niet dat er niets gebeurde: het effect kan nog te klein zijn om te zien.',
  'method.labels.tooLittle':
    'De aantallen zijn te klein, of er ontbreekt te veel van de periode, om toeval van verandering te onderscheiden.',
  'method.labels.none':
    'Sommige getallen krijgen helemaal geen antwoord: Talentloop laat zien hoeveel ze veranderden en laat het oordeel aan jou (zie gemiddelden, laatste waarden, geld en scores hieronder).',
  'method.labels.noneTerm': 'Geen antwoord',
  'method.labels.cause':
    'Geen van de antwoorden zegt wat een verandering veroorzaakte. Een nieuwe campagne, een reorganisatie bij een concurrent of een schoolvakantie zien er in de cijfers hetzelfde uit; om ze uit elkaar te houden heb je de strategie, de wijzigingen die je vastlegde en je insights nodig.',
  'method.labels.stats':
    'tweezijdige toetsen op significantieniveau 5%; “waarschijnlijk een echte verandering” betekent dat de p-waarde op of onder de drempel ligt van de correctie voor veel KPI’s die hieronder staat (5% voor één KPI).',

  'method.events.title': 'Sollicitaties, hires en andere gebeurtenissen',
  'method.events.p1':
    'Gestarte en afgeronde sollicitaties, ingevulde leadformulieren, gesproken kandidaten, hires, open sollicitaties en vertrek in de proeftijd zijn gebeurtenissen: elke gebeurtenis staat op zichzelf. Talentloop vergelijkt ze per dag, over de dagen die de cijfers van elke periode echt beslaan. Een loop met een ontbrekende week wordt dus niet beoordeeld alsof er die week niets gebeurde. Een geïmporteerde export die een periode beslaat (het rapportbereik dat erin staat, of een export uit een sollicitantvolgsysteem van de eerste tot de laatste dag, als je dat aangevinkt laat) is anders: een dag daarin zonder regel telt als nul, want die dag solliciteerde niemand.',
  'method.events.p2':
    'Kleine aantallen schommelen alleen door toeval al flink: 12 sollicitaties in de ene loop en 19 in de volgende kan makkelijk gebeuren zonder dat er iets veranderde. Een verandering heet pas echt als toeval alleen zo’n verandering zelden oplevert.',
  'method.events.p3':
    'Heeft een plan minstens drie eerdere afgeronde loops, dan kijkt Talentloop ook hoeveel de cijfers van loop tot loop echt schommelden. Schommelen ze meer dan toeval alleen verklaart, dan is er een grotere verandering nodig voordat die echt heet. Talentloop gaat nooit uit van minder schommeling dan toeval alleen, en telt de standaardwaarde mee alsof die zes loops ervaring waard is, zodat één vreemde loop niet de doorslag geeft.',
  'method.events.stats':
    'exacte voorwaardelijke toets voor twee Poisson-aantallen met de gedekte dagen als blootstelling (binomiaal, zoals R’s poisson.test; boven 10.000 gebeurtenissen samen een normale benadering). Met minstens drie eerdere loops een quasi-Poisson-dispersie, geschat uit de veranderingen tussen opeenvolgende eerdere loops (een gestage trend of een seizoen telt dus niet als toeval), nooit onder 1, samengenomen met de standaardwaarde 1 gewogen als zes loops; de toets neemt dan de grootste van de exacte en de gespreide p-waarde.',

  'method.volumes.title': 'Weergaven, bezoeken en andere volumes',
  'method.volumes.p1':
    'Weergaven, social engagement, bezoeken aan de werken-bij site, en terugkerende en organische bezoekers schommelen veel meer dan losse gebeurtenissen: één post die aanslaat, een ander algoritme of verschoven budget verplaatst er duizenden tegelijk. Wie ze beoordeelt als hires, ziet bijna elke schommeling als echt.',
  'method.volumes.p2':
    'Daarom gaat Talentloop ervan uit dat deze getallen gewoonlijk zo’n 10% van loop tot loop bewegen, of meer als de eigen geschiedenis van het plan meer laat zien, zodra er minstens drie eerdere loops zijn (waarbij die 10% meetelt alsof het zes loops ervaring is; een rustige geschiedenis brengt het nooit onder 10%). In de praktijk is een verandering kleiner dan ongeveer 30% meestal “kan toeval zijn”.',
  'method.volumes.p3':
    'De kaart op het dashboard zegt welke van de twee de verandering beoordeelde: de gewone 10% of de eigen geschiedenis van het plan.',
  'method.volumes.stats':
    'variantie μ + κμ² (van het negatief-binomiale type) met standaard κ = 0,01, een variatiecoëfficiënt van loop tot loop van 10%, of κ met momenten geschat uit de veranderingen tussen opeenvolgende eerdere loops (minstens drie loops), samengenomen met de standaardwaarde als zes loops; een tweezijdige z-toets op het verschil van de dagtempo’s met de variantie van het gepoolde tempo, nooit zekerder dan de exacte Poisson-toets.',

  'method.rates.title': 'Sollicitatieratio en andere ratio’s',
  'method.rates.p1':
    'Een ratio, zoals afgeronde sollicitaties per 100 bezoeken aan de werken-bij site, wordt alleen beoordeeld als beide delen in beide perioden bekend zijn: hoeveel mensen solliciteerden, en hoeveel er kwamen kijken. 4 sollicitaties op 100 bezoeken zegt veel minder dan 400 op 10.000, al is het allebei 4%.',
  'method.rates.p2':
    'Beide delen moeten dezelfde dagen beslaan. Doen ze dat niet (sollicitaties voor 20 dagen, bezoeken voor de hele loop), dan zet Talentloop elk deel eerst per dag en noemt het de verandering niet echt of toeval.',
  'method.rates.stats':
    'toets voor twee proporties, Pearsons chi-kwadraat met de continuïteitscorrectie van Yates (zoals R’s prop.test); met een verwacht aantal onder 5 is het antwoord “te weinig gegevens”.',

  'method.means.title': 'Gemiddelden, laatste waarden, geld en scores',
  'method.means.p1':
    'Time on site, pagina’s per bezoeker, time to hire, uitkomsten van onderzoek zoals naamsbekendheid, uitgaven en cost per hire krijgen geen antwoord. Talentloop laat zien hoeveel ze veranderden, maar noemt de verandering niet echt of toeval: de getallen zelf zeggen niet hoeveel ze normaal schommelen. Beoordeel ze met wat je van de loop weet, en over meerdere loops.',
  'method.means.p2':
    'Beslaat een gemiddelde meerdere perioden (bijvoorbeeld twee maanden), dan weegt elke periode naar waarover ze gemeten is: bezoeken voor time on site, hires voor time to hire, als die zijn vastgelegd. Waar dat niet zo is, weegt elke periode naar haar aantal dagen, en een opmerking zegt dat.',
  'method.means.stats':
    'geen toets zonder maat voor de spreiding. Samengenomen gemiddelden zijn gewogen naar hun basis (bezoeken, hires), of naar dagen als de basis niet is vastgelegd.',

  'method.uniques.title': 'Unieke mensen',
  'method.uniques.p1':
    'Uniek bereik, bereik per netwerk en unieke bezoekers tellen elke persoon één keer. Wie je post op maandag ziet en dinsdag weer, is die week één persoon, maar staat in beide dagcijfers. Daarom telt Talentloop unieke dagcijfers nooit op alsof het mensen waren.',
  'method.uniques.p2':
    'Een waarde die voor de hele periode is ingevoerd (zoals het advertentieplatform of de analysetool die voor precies die periode geeft) wordt gebruikt zoals ze is, en alleen vergeleken met een waarde voor een hele periode van ongeveer dezelfde lengte (hooguit een paar dagen verschil): verschillende mensen tellen niet per dag op. Zijn er alleen dag- of maandcijfers, dan toont Talentloop hun som als som van dag- of maandcijfers, nooit als unieke mensen, toetst die niet en zet die niet tegen een doel.',
  'method.uniques.stats':
    'unieke aantallen zijn niet optelbaar over de tijd (de overlap tussen dagen is onbekend), dus alleen een waarde voor de hele periode staat voor unieke mensen.',

  'method.range.title': 'De marge naast een aantal',
  'method.range.p1':
    'Naast een aantal toont het dashboard welke waarden toeval alleen zou kunnen geven, bijvoorbeeld tussen 52 en 71. Talentloop neemt de waarde waarmee deze loop vergeleken wordt, schaalt die naar hetzelfde aantal dagen als deze loop, en noemt precies de waarden die de toets niet ongewoon zou vinden. Het antwoord en de marge komen uit dezelfde toets en spreken elkaar dus nooit tegen.',
  'method.range.p2':
    'Is die waarde 0, dan staat er geen marge: nul geeft geen maat voor hoeveel je kunt verwachten.',
  'method.range.stats':
    'het acceptatiegebied van de tweezijdige toets op 5% voor de geschaalde vergelijkingswaarde, geen betrouwbaarheidsinterval voor de huidige waarde.',

  'method.lengths.title': 'Perioden van ongelijke lengte',
  'method.lengths.p1':
    'Een loop van 61 dagen vergeleken met een periode van 59 dagen, of een loop waarvan de cijfers maar 50 van de dagen beslaan: verschillen de twee lengtes een dag of meer, dan toont Talentloop de veranderingen per dag en noemt beide lengtes, zodat iedereen ziet dat de perioden niet even groot waren.',

  'method.finer.title': 'Maandtotalen en dagcijfers',
  'method.finer.p1':
    'Soms heeft één maand zowel een totaal als dagcijfers, bijvoorbeeld uit twee verschillende imports. De dagcijfers vervangen het totaal alleen als ze de hele maand beslaan. Anders geldt het totaal, zodat niets dubbel telt of stilletjes wegvalt, en het cijferoverzicht toont het conflict zodat je het kunt oplossen.',

  'method.many.title': 'Veel KPI’s tegelijk',
  'method.many.p1':
    'Vergelijk tien KPI’s in een loop waarin niets veranderde, en door toeval lijkt er vaak één een echte verandering. Talentloop corrigeert daarvoor over alle KPI’s die het in een loop toetst, zodat van de veranderingen die het echt noemt naar verwachting niet meer dan zo’n 1 op de 20 toeval is. Het dashboard zegt hoeveel KPI’s er vergeleken zijn.',
  'method.many.stats':
    'Benjamini–Hochberg-beheersing van de false discovery rate op 5% over de getoetste KPI’s van de loop (Benjamini & Hochberg, 1995), toegepast als één drempel, de kritieke waarde k·5%/m van BH; elke bandbreedte naast een aantal is op diezelfde drempel berekend.',

  'method.running.title': 'Een loop die nog loopt',
  'method.running.p1':
    'Een loop die nog niet af is, krijgt geen oordeel: een halve loop zegt weinig over het geheel. In plaats daarvan laat Talentloop zien waar de loop naartoe gaat: de waarde die aan het eind verwacht wordt, met haar marge, en tegenover het doel “op koers” (zelfs de ongunstige kant van de marge haalt het), “risico” (het doel is binnen bereik) of “achter” (zelfs de gunstige kant haalt het niet).',
  'method.running.p2':
    'De verwachting volgt de dagen die voorbij zijn en, waar vorig jaar dagcijfers heeft voor dezelfde periode, het verloop van vorig jaar over die weken. Een loop die altijd aan het eind druk is, wordt dus niet op zijn rustige begin beoordeeld. Het oordeel verschijnt als de loop voorbij is.',

  'method.trend.title': 'Trends in het werkgeversmerk',
  'method.trend.p1':
    'Werken aan het werkgeversmerk kost maanden tot jaren, dus merk-KPI’s worden over meerdere loops beoordeeld, niet over één. Talentloop noemt pas een trend als beide gelden: de loops gaan te consequent omhoog (of omlaag) om toeval te zijn, en de verandering over die loops is minstens 5% van het gewone niveau.',
  'method.trend.p2':
    'Met drie of vier loops valt nog geen trend te noemen, hoe gelijkmatig de lijn ook lijkt: er zijn minstens vijf loops nodig.',
  'method.trend.stats':
    'Mann–Kendall-trendtoets (exact bij weinig loops), tweezijdig op 5%, en een minimale verandering van 5% van het niveau (Mann, 1945; Kendall, 1975).',

  'method.money.title': 'Cost per hire',
  'method.money.p1':
    'Cost per hire is het totaal van de uitgaven die voor de loop meetellen, gedeeld door het aantal hires van de loop. De uitgaven komen uit één bron, in deze volgorde: uitgaven die je invoerde of importeerde; zijn die er niet, dan de budgetten van de campagnes van de loop; zijn die er ook niet, dan het budget van de loop.',
  'method.money.p2':
    'Overal waar cost per hire staat, noemt Talentloop die bron, zodat dezelfde naam altijd hetzelfde getal betekent.',
};
