"""Demo content of the directory: Bitburg's clubs, initiatives and institutions, projects, links.

All names of clubs, people and addresses are invented for the demo (except the town, its
districts, the lead partner of the network and the programmes linked on /links/).
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from engagementnetz.accounts.demo import make_user

from .models import (
    ClaimRequest,
    Decision,
    DecisionKind,
    DecisionOutcome,
    Link,
    LinkCategory,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationState,
    Project,
    Report,
    ReportReason,
)
from .slugs import unique_slug

# Approximate centres of the districts, for the map.
CENTRES = {
    "Innenstadt": (49.9740, 6.5260),
    "Bitburg-Nord": (49.9850, 6.5230),
    "Bitburg-Süd": (49.9620, 6.5290),
    "Erdorf": (49.9960, 6.5660),
    "Irsch": (49.9640, 6.5610),
    "Masholder": (49.9560, 6.5010),
    "Matzen": (49.9870, 6.4900),
    "Mötsch": (49.9660, 6.4930),
    "Stahl": (49.9930, 6.5340),
}

# name, kind, fields, district, target groups, short description, flags, founded, meeting times,
# street. Flags: v = seeks volunteers, m = seeks members, b = barrier-free.
ORGANISATIONS = [
    (
        "Musikverein Harmonie Bitburg e. V.",
        "verein",
        ["Musik", "Kultur"],
        "Innenstadt",
        ["Alle"],
        "Blasmusik von Marsch bis Filmmusik – mit eigener Jugendkapelle und Bläserklasse.",
        "vmb",
        1898,
        "Probe dienstags 19:30–21:30 Uhr, Jugendkapelle freitags 17:00 Uhr",
        "Am Spittel 4",
    ),
    (
        "Sportfreunde Mötsch 1921 e. V.",
        "verein",
        ["Sport", "Kinder und Jugend"],
        "Mötsch",
        ["Kinder", "Jugendliche", "Erwachsene"],
        "Fußball, Gymnastik und Wandern im Herzen von Mötsch.",
        "vm",
        1921,
        "Training Jugend montags und mittwochs ab 17 Uhr",
        "Sportplatzweg 2",
    ),
    (
        "TV Bitburg 1860 e. V.",
        "verein",
        ["Sport", "Gesundheit"],
        "Bitburg-Süd",
        ["Alle"],
        "Turnen, Leichtathletik, Reha-Sport und Kinderturnen für alle Generationen.",
        "mb",
        1860,
        "Täglich wechselnde Kurse, Kinderturnen samstags 10 Uhr",
        "Mötscher Straße 30",
    ),
    (
        "Kirchenchor St. Peter Bitburg",
        "kirchengemeinde",
        ["Musik", "Kirche"],
        "Innenstadt",
        ["Erwachsene", "Seniorinnen und Senioren"],
        "Vierstimmiger Chor, der Gottesdienste und Konzerte gestaltet.",
        "m",
        1907,
        "Chorprobe donnerstags 20:00 Uhr im Pfarrheim",
        "Petersplatz 1",
    ),
    (
        "Pfarreiengemeinschaft Bitburg",
        "kirchengemeinde",
        ["Kirche", "Soziales", "Senioren"],
        "Innenstadt",
        ["Alle"],
        "Gottesdienste, Besuchsdienste und offene Treffs in den Bitburger Pfarreien.",
        "vb",
        None,
        "Pfarrbüro: Mo–Fr 9–12 Uhr",
        "Petersplatz 1",
    ),
    (
        "Evangelische Kirchengemeinde Bitburg",
        "kirchengemeinde",
        ["Kirche", "Integration"],
        "Bitburg-Nord",
        ["Familien", "Zugewanderte"],
        "Gemeindeleben, Familiencafé und Hausaufgabenhilfe für Kinder aus aller Welt.",
        "vb",
        1857,
        "Familiencafé jeden zweiten Sonntag 15 Uhr",
        "Denkmalstraße 5",
    ),
    (
        "Freiwillige Feuerwehr Bitburg – Löschzug Stadt",
        "behoerde",
        ["Feuerwehr und Rettung"],
        "Innenstadt",
        ["Jugendliche", "Erwachsene"],
        "Brandschutz und technische Hilfe, rund um die Uhr ehrenamtlich.",
        "vm",
        1868,
        "Übungsabend jeden zweiten Montag 19 Uhr",
        "Feuerwehrstraße 1",
    ),
    (
        "Jugendfeuerwehr Bitburg-Stahl",
        "behoerde",
        ["Feuerwehr und Rettung", "Kinder und Jugend"],
        "Stahl",
        ["Kinder", "Jugendliche"],
        "Feuerwehrtechnik, Zeltlager und Teamgeist für 10- bis 17-Jährige.",
        "vm",
        1974,
        "Dienstabend freitags 18:00 Uhr",
        "Stahler Straße 12",
    ),
    (
        "DRK-Ortsverein Bitburg e. V.",
        "verein",
        ["Feuerwehr und Rettung", "Gesundheit", "Soziales"],
        "Bitburg-Nord",
        ["Alle"],
        "Sanitätsdienst, Blutspende, Erste-Hilfe-Kurse und Kleiderkammer.",
        "vb",
        1921,
        "Bereitschaftsabend mittwochs 19:30 Uhr",
        "Saarstraße 24",
    ),
    (
        "Caritasverband Westeifel e. V.",
        "verband",
        ["Soziales", "Integration", "Senioren"],
        "Innenstadt",
        ["Alle"],
        "Beratung, Pflege und Begleitung – und Träger des Netzwerkprogramms Engagierte Stadt in Bitburg.",
        "vb",
        1919,
        "Beratung nach Vereinbarung",
        "Kölner Straße",
    ),
    (
        "Haus der Jugend Bitburg",
        "einrichtung",
        ["Kinder und Jugend", "Bildung", "Kultur"],
        "Innenstadt",
        ["Jugendliche"],
        "Offener Treff, Bandproberaum, Ferienprogramm und Raum für eigene Ideen.",
        "vb",
        1976,
        "Offener Treff Di–Fr 14–20 Uhr",
        "Talweg 7",
    ),
    (
        "Seniorenbeirat der Stadt Bitburg",
        "behoerde",
        ["Senioren", "Nachbarschaft"],
        "Innenstadt",
        ["Seniorinnen und Senioren"],
        "Die Stimme der älteren Generation in Stadtrat und Verwaltung.",
        "v",
        1995,
        "Sprechstunde jeden ersten Dienstag 10 Uhr im Rathaus",
        "Rathausplatz",
    ),
    (
        "Stadtverwaltung Bitburg – Ehrenamtsbüro",
        "behoerde",
        ["Bildung", "Nachbarschaft"],
        "Innenstadt",
        ["Alle"],
        "Ansprechpartner für Vereinsförderung, Ehrenamtskarte und Räume der Stadt.",
        "b",
        None,
        "Mo–Do 8:30–12 Uhr und 14–16 Uhr",
        "Rathausplatz",
    ),
    (
        "Tafel Bitburg",
        "initiative",
        ["Soziales"],
        "Bitburg-Süd",
        ["Familien", "Erwachsene", "Seniorinnen und Senioren"],
        "Lebensmittel retten und an Menschen mit wenig Geld weitergeben.",
        "vb",
        2005,
        "Ausgabe dienstags und freitags 14–16 Uhr",
        "Industriestraße 8",
    ),
    (
        "Repair-Café Bitburg",
        "initiative",
        ["Umwelt und Natur", "Nachbarschaft"],
        "Bitburg-Nord",
        ["Alle"],
        "Gemeinsam reparieren statt wegwerfen: Toaster, Fahrrad, Lieblingshose.",
        "vb",
        2016,
        "Jeden letzten Samstag im Monat 10–13 Uhr",
        "Saarstraße 24",
    ),
    (
        "NABU-Gruppe Bitburger Land",
        "verband",
        ["Umwelt und Natur", "Tierschutz"],
        "Masholder",
        ["Alle"],
        "Streuobstwiesen pflegen, Nistkästen bauen und Naturführungen anbieten.",
        "vm",
        1984,
        "Arbeitseinsätze samstags nach Ankündigung",
        "Am Wäldchen 3",
    ),
    (
        "Tierschutzverein Bitburg und Umgebung e. V.",
        "verein",
        ["Tierschutz"],
        "Matzen",
        ["Alle"],
        "Vermittlung von Katzen und Hunden, Pflegestellen und Futterspenden.",
        "vm",
        1978,
        "Gassigehen täglich 10 und 16 Uhr",
        "Matzener Weg 20",
    ),
    (
        "Heimat- und Verkehrsverein Erdorf",
        "verein",
        ["Heimat und Brauchtum", "Kultur"],
        "Erdorf",
        ["Alle"],
        "Kirmes, Dorfchronik und Wanderwege rund um die Kyll.",
        "m",
        1952,
        "Vereinsabend jeden ersten Mittwoch",
        "Kyllstraße 9",
    ),
    (
        "Karnevalsgesellschaft Bitburger Narrenzunft",
        "verein",
        ["Heimat und Brauchtum", "Kultur"],
        "Innenstadt",
        ["Alle"],
        "Sitzungen, Garde-Tanz und der Rosenmontagszug durch die Innenstadt.",
        "vm",
        1951,
        "Gardetraining montags 18 Uhr",
        "Hauptstraße 40",
    ),
    (
        "Schachfreunde Bitburg",
        "verein",
        ["Sport", "Bildung"],
        "Bitburg-Nord",
        ["Kinder", "Erwachsene"],
        "Schach für Anfänger und Turnierspieler, Schulschach-AG inklusive.",
        "m",
        1949,
        "Spielabend freitags ab 19 Uhr",
        "Saarstraße 24",
    ),
    (
        "Lauftreff Bitburg",
        "initiative",
        ["Sport", "Gesundheit"],
        "Masholder",
        ["Erwachsene"],
        "Gemeinsam laufen, walken und Spaß an der Bewegung haben – ohne Vereinsbeitrag.",
        "",
        2009,
        "Sonntags 9 Uhr am Waldparkplatz",
        "Am Waldparkplatz",
    ),
    (
        "Sprachcafé Bitburg",
        "initiative",
        ["Integration", "Bildung"],
        "Innenstadt",
        ["Zugewanderte", "Erwachsene"],
        "Deutsch üben bei Kaffee und Kuchen – Ehrenamtliche und Neuangekommene im Gespräch.",
        "vb",
        2015,
        "Donnerstags 16–18 Uhr",
        "Am Spittel 4",
    ),
    (
        "Willkommensnetz Bitburg",
        "initiative",
        ["Integration", "Soziales"],
        "Bitburg-Süd",
        ["Zugewanderte", "Familien"],
        "Patenschaften, Begleitung zu Ämtern und Hilfe beim Ankommen.",
        "v",
        2014,
        "Sprechstunde montags 15 Uhr",
        "Mötscher Straße 30",
    ),
    (
        "Lesepaten Bitburg",
        "initiative",
        ["Bildung", "Kinder und Jugend"],
        "Irsch",
        ["Kinder"],
        "Ehrenamtliche lesen mit Grundschulkindern – eine Stunde pro Woche, die viel bewirkt.",
        "v",
        2012,
        "Vormittags nach Absprache mit den Schulen",
        "Irscher Straße 15",
    ),
    (
        "Grundschule Bitburg-Süd",
        "schule",
        ["Bildung", "Kinder und Jugend"],
        "Bitburg-Süd",
        ["Kinder", "Familien"],
        "Grundschule mit Ganztagsangebot, Schulgarten und engagiertem Förderverein.",
        "vb",
        1965,
        "Schulbüro Mo–Fr 7:30–12:30 Uhr",
        "Schulstraße 10",
    ),
    (
        "Kita Regenbogen Masholder",
        "schule",
        ["Kinder und Jugend"],
        "Masholder",
        ["Kinder", "Familien"],
        "Kindertagesstätte mit Naturgruppe und Vorlese-Großeltern.",
        "vb",
        1992,
        "Mo–Fr 7–17 Uhr",
        "Kindergartenweg 1",
    ),
    (
        "Förderverein Gymnasium Bitburg e. V.",
        "verein",
        ["Bildung", "Kinder und Jugend"],
        "Bitburg-Nord",
        ["Jugendliche", "Familien"],
        "Unterstützt Schulfahrten, Theater-AG und Ausstattung für die Schülerschaft.",
        "m",
        1980,
        "Mitgliederversammlung jährlich im Frühjahr",
        "Schulstraße 2",
    ),
    (
        "Seniorenheim St. Josef",
        "einrichtung",
        ["Senioren", "Gesundheit"],
        "Stahl",
        ["Seniorinnen und Senioren"],
        "Pflege und Gemeinschaft – Besuchsdienst und Singkreis suchen Verstärkung.",
        "vb",
        1962,
        "Besuchszeiten täglich 10–19 Uhr",
        "Stahler Straße 40",
    ),
    (
        "Besuchsdienst Lichtblick",
        "initiative",
        ["Senioren", "Nachbarschaft"],
        "Irsch",
        ["Seniorinnen und Senioren"],
        "Wir besuchen allein lebende ältere Menschen – zum Reden, Vorlesen, Spazierengehen.",
        "v",
        2011,
        "Austauschtreffen jeden dritten Dienstag",
        "Irscher Straße 3",
    ),
    (
        "Hospizverein Bitburg e. V.",
        "verein",
        ["Gesundheit", "Soziales"],
        "Innenstadt",
        ["Erwachsene", "Seniorinnen und Senioren"],
        "Begleitung schwerkranker Menschen und ihrer Angehörigen, Trauercafé.",
        "vb",
        1998,
        "Trauercafé jeden ersten Sonntag 15 Uhr",
        "Hauptstraße 12",
    ),
    (
        "Selbsthilfegruppe Diabetes Bitburg",
        "initiative",
        ["Gesundheit"],
        "Bitburg-Süd",
        ["Erwachsene"],
        "Austausch, Vorträge und gemeinsames Kochen für Menschen mit Diabetes.",
        "mb",
        2003,
        "Jeden zweiten Mittwoch 18 Uhr",
        "Industriestraße 2",
    ),
    (
        "Lebenshilfe Bitburg e. V.",
        "verband",
        ["Soziales", "Kinder und Jugend"],
        "Stahl",
        ["Menschen mit Behinderung", "Familien"],
        "Freizeitgruppen, Ferienfreizeiten und Beratung für Menschen mit Behinderung.",
        "vb",
        1967,
        "Freizeitclub samstags 14 Uhr",
        "Stahler Straße 22",
    ),
    (
        "Nachbarschaftshilfe Matzen",
        "initiative",
        ["Nachbarschaft", "Senioren"],
        "Matzen",
        ["Seniorinnen und Senioren", "Familien"],
        "Einkaufen, Fahrdienste und kleine Reparaturen unter Nachbarn.",
        "v",
        2020,
        "Telefonsprechstunde werktags 9–11 Uhr",
        "Dorfplatz 1",
    ),
    (
        "Dorfgemeinschaft Stahl e. V.",
        "verein",
        ["Nachbarschaft", "Heimat und Brauchtum"],
        "Stahl",
        ["Alle"],
        "Dorffest, Maibaum und das Gemeinschaftshaus für alle im Stadtteil.",
        "vm",
        1988,
        "Vorstandstreffen monatlich",
        "Gemeinschaftshaus Stahl",
    ),
    (
        "Theatergruppe Kulissenzauber",
        "initiative",
        ["Kultur"],
        "Innenstadt",
        ["Jugendliche", "Erwachsene"],
        "Amateurtheater auf Hochdeutsch und Platt, zwei Premieren im Jahr.",
        "vm",
        2001,
        "Proben mittwochs 19:30 Uhr",
        "Talweg 7",
    ),
    (
        "Bitburger Kunstverein e. V.",
        "verein",
        ["Kultur", "Bildung"],
        "Innenstadt",
        ["Erwachsene"],
        "Ausstellungen regionaler Künstlerinnen und Künstler, Malkurse und Atelierbesuche.",
        "mb",
        1986,
        "Ausstellungen Sa und So 14–18 Uhr",
        "Hauptstraße 18",
    ),
    (
        "Jugendorchester Bitburger Land",
        "verein",
        ["Musik", "Kinder und Jugend"],
        "Erdorf",
        ["Kinder", "Jugendliche"],
        "Junge Musikerinnen und Musiker aus der Region spielen gemeinsam Konzerte.",
        "m",
        1999,
        "Probe samstags 10–12 Uhr",
        "Kyllstraße 2",
    ),
    (
        "Angelsportverein Kylltal e. V.",
        "verein",
        ["Umwelt und Natur", "Sport"],
        "Erdorf",
        ["Erwachsene", "Jugendliche"],
        "Gewässerpflege an der Kyll, Jugendgruppe und Bachpatenschaften.",
        "m",
        1955,
        "Arbeitseinsatz jeden ersten Samstag",
        "Kyllstraße 30",
    ),
    (
        "Reit- und Fahrverein Masholder e. V.",
        "verein",
        ["Sport", "Tierschutz"],
        "Masholder",
        ["Kinder", "Jugendliche"],
        "Voltigieren, Reitunterricht und therapeutisches Reiten.",
        "vm",
        1972,
        "Voltigieren dienstags 16 Uhr",
        "Reiterhof 1",
    ),
    (
        "Bürgerstiftung Bitburg",
        "einrichtung",
        ["Soziales", "Bildung", "Kultur"],
        "Innenstadt",
        ["Alle"],
        "Fördert Projekte von Bürgerinnen und Bürgern für ihre Stadt – Antrag genügt.",
        "b",
        2008,
        "Sprechzeit nach Vereinbarung",
        "Rathausplatz",
    ),
    (
        "Druckerei Weber & Söhne",
        "unternehmen",
        ["Kultur", "Nachbarschaft"],
        "Bitburg-Süd",
        ["Alle"],
        "Familienbetrieb, der Vereine mit Sponsoring und günstigen Drucksachen unterstützt.",
        "",
        1932,
        "Mo–Fr 8–17 Uhr",
        "Industriestraße 14",
    ),
    (
        "Sparkassen-Filiale Bitburg-Nord",
        "unternehmen",
        ["Bildung", "Senioren"],
        "Bitburg-Nord",
        ["Seniorinnen und Senioren"],
        "Digital-Sprechstunde für Ältere und Unterstützung für Vereinsfeste.",
        "b",
        None,
        "Digital-Sprechstunde donnerstags 14 Uhr",
        "Saarstraße 3",
    ),
    (
        "Kleiderkammer Irsch",
        "initiative",
        ["Soziales", "Umwelt und Natur"],
        "Irsch",
        ["Familien", "Zugewanderte"],
        "Gut erhaltene Kleidung für alle, die sie brauchen – Sortierteam sucht Hilfe.",
        "vb",
        2015,
        "Ausgabe mittwochs 15–18 Uhr",
        "Irscher Straße 22",
    ),
    (
        "Frauengemeinschaft Mötsch",
        "kirchengemeinde",
        ["Kirche", "Nachbarschaft", "Heimat und Brauchtum"],
        "Mötsch",
        ["Erwachsene", "Seniorinnen und Senioren"],
        "Frühstückstreff, Krippenausstellung und Pfarrfest im Stadtteil.",
        "m",
        1930,
        "Frühstückstreff jeden ersten Donnerstag 9 Uhr",
        "Kirchstraße 4",
    ),
]

# Registrations waiting for the network office (submitted by new people).
PENDING = [
    (
        "Boule-Freunde Bitburg",
        "initiative",
        ["Sport", "Nachbarschaft"],
        "Bitburg-Süd",
        "Boule auf dem Platz am Stadtpark – jede und jeder kann mitspielen.",
        ("Claudia Reinert", "boule@example.org"),
    ),
    (
        "Foodsharing Bitburg",
        "initiative",
        ["Umwelt und Natur", "Soziales"],
        "Innenstadt",
        "Lebensmittel vor der Tonne retten: Fair-Teiler und Abholungen bei Betrieben.",
        ("Jonas Meyer", "foodsharing@example.org"),
    ),
    (
        "Imkerverein Bitburg und Umgebung",
        "verein",
        ["Umwelt und Natur", "Bildung"],
        "Matzen",
        "Bienenhaltung lernen, Schulbesuche und ein Lehrbienenstand in Matzen.",
        ("Karl Thiel", "imker@example.org"),
    ),
]

PROJECTS = [
    (
        "Essbare Gärten Bitburg",
        "Hochbeete mit Kräutern, Gemüse und Beeren an öffentlichen Orten – ernten darf jede und jeder.",
        "Umwelt und Natur",
        "running",
        "Caritasverband Westeifel e. V.",
        ["NABU-Gruppe Bitburger Land", "Grundschule Bitburg-Süd"],
        -900,
        None,
    ),
    (
        "Verbindende Nachbarschaft – Mitfahrbänke",
        "Mitfahrbänke in den Stadtteilen verbinden Menschen ohne Auto mit Nachbarn, die ohnehin fahren.",
        "Nachbarschaft",
        "running",
        "Nachbarschaftshilfe Matzen",
        ["Seniorenbeirat der Stadt Bitburg", "Dorfgemeinschaft Stahl e. V."],
        -700,
        None,
    ),
    (
        "Vereinsfest der Engagierten Stadt",
        "Einmal im Jahr stellen sich Bitburgs Vereine und Initiativen auf dem Beda-Platz vor.",
        "Kultur",
        "planned",
        "Stadtverwaltung Bitburg – Ehrenamtsbüro",
        ["Musikverein Harmonie Bitburg e. V.", "Karnevalsgesellschaft Bitburger Narrenzunft"],
        120,
        120,
    ),
    (
        "Bestandsaufnahme Ehrenamt",
        "Wer engagiert sich wo? Die Befragung aller Vereine war der Grundstein für dieses Verzeichnis.",
        "Bildung",
        "completed",
        "Caritasverband Westeifel e. V.",
        ["Stadtverwaltung Bitburg – Ehrenamtsbüro"],
        -1500,
        -1200,
    ),
    (
        "Lesestunde für Erstklässler",
        "Jede Woche liest eine ehrenamtliche Lesepatin mit Kindern der ersten Klassen.",
        "Bildung",
        "running",
        "Lesepaten Bitburg",
        ["Grundschule Bitburg-Süd"],
        -400,
        None,
    ),
    (
        "Repair-Café on Tour",
        "Das Repair-Café kommt in die Stadtteile: einmal im Quartal in einem Dorfgemeinschaftshaus.",
        "Umwelt und Natur",
        "running",
        "Repair-Café Bitburg",
        ["Dorfgemeinschaft Stahl e. V."],
        -200,
        None,
    ),
    (
        "Digital dabei",
        "Jugendliche erklären Älteren Smartphone, Videotelefonie und Online-Banking.",
        "Senioren",
        "running",
        "Haus der Jugend Bitburg",
        ["Sparkassen-Filiale Bitburg-Nord", "Seniorenbeirat der Stadt Bitburg"],
        -150,
        90,
    ),
    (
        "Kinderferienprogramm Sommer",
        "Drei Wochen Programm in den Sommerferien: Feuerwehr, Reiterhof, Theater und Natur.",
        "Kinder und Jugend",
        "planned",
        "Haus der Jugend Bitburg",
        [
            "Jugendfeuerwehr Bitburg-Stahl",
            "Reit- und Fahrverein Masholder e. V.",
            "Theatergruppe Kulissenzauber",
        ],
        200,
        221,
    ),
    (
        "Bachpatenschaft Kyll",
        "Müll sammeln, Ufer beobachten und Kindern zeigen, was im Bach lebt.",
        "Umwelt und Natur",
        "running",
        "Angelsportverein Kylltal e. V.",
        ["Heimat- und Verkehrsverein Erdorf"],
        -1000,
        None,
    ),
    (
        "Willkommenspatenschaften",
        "Ehrenamtliche begleiten neu zugezogene Familien in den ersten Monaten.",
        "Integration",
        "running",
        "Willkommensnetz Bitburg",
        ["Sprachcafé Bitburg", "Evangelische Kirchengemeinde Bitburg"],
        -1100,
        None,
    ),
]

LINK_CATEGORIES = [
    (
        "Engagierte Stadt und bundesweite Netzwerke",
        "Die Programme und Netzwerke, in denen Bitburg mitarbeitet.",
        [
            (
                "Netzwerkprogramm Engagierte Stadt",
                "https://www.engagiertestadt.de/",
                "Das bundesweite Programm, zu dem das Bitburger Netzwerk gehört.",
            ),
            (
                "Bundesnetzwerk Bürgerschaftliches Engagement (BBE)",
                "https://www.b-b-e.de/",
                "Zusammenschluss von Akteuren aus Zivilgesellschaft, Staat und Wirtschaft.",
            ),
            (
                "Bundesarbeitsgemeinschaft der Freiwilligenagenturen (bagfa)",
                "https://www.bagfa.de/",
                "Dachverband der Freiwilligenagenturen in Deutschland.",
            ),
            (
                "Deutsche Stiftung für Engagement und Ehrenamt",
                "https://www.deutsche-stiftung-engagement-und-ehrenamt.de/",
                "Förderprogramme, Wissen und Beratung für Engagierte.",
            ),
        ],
    ),
    (
        "Ehrenamt in Rheinland-Pfalz und der Region",
        "Informationen des Landes, des Kreises und der Stadt.",
        [
            (
                "Ehrenamtsportal Rheinland-Pfalz „Wir tun was“",
                "https://www.wir-tun-was.rlp.de/",
                "Ehrenamtskarte, Versicherungsschutz und Förderung im Land.",
            ),
            (
                "Stadt Bitburg",
                "https://www.bitburg.de/",
                "Die Stadtverwaltung mit Vereinsförderung und Veranstaltungskalender.",
            ),
            (
                "Eifelkreis Bitburg-Prüm",
                "https://www.bitburg-pruem.de/",
                "Der Landkreis mit Angeboten für Vereine und Ehrenamtliche.",
            ),
            (
                "Caritasverband Westeifel",
                "https://www.caritas-westeifel.de/",
                "Der federführende Partner der Engagierten Stadt Bitburg.",
            ),
        ],
    ),
    (
        "Verbände nach Themen",
        "Dachverbände, bei denen Vereine Rat und Unterstützung finden.",
        [
            (
                "Landessportbund Rheinland-Pfalz",
                "https://www.lsb-rlp.de/",
                "Dachverband der Sportvereine im Land.",
            ),
            (
                "Deutsches Rotes Kreuz",
                "https://www.drk.de/",
                "Rettungsdienst, Wohlfahrt und Ehrenamt im Roten Kreuz.",
            ),
            (
                "Der Paritätische Gesamtverband",
                "https://www.paritaet.org/",
                "Dachverband von Initiativen und Organisationen der sozialen Arbeit.",
            ),
            (
                "NABU – Naturschutzbund Deutschland",
                "https://www.nabu.de/",
                "Naturschutz vor Ort mitmachen.",
            ),
            (
                "Technisches Hilfswerk",
                "https://www.thw.de/",
                "Ehrenamtlicher Bevölkerungsschutz des Bundes.",
            ),
        ],
    ),
    (
        "Freiwilligendienste",
        "Ein Jahr für andere – für Junge und Ältere.",
        [
            (
                "Bundesfreiwilligendienst",
                "https://www.bundesfreiwilligendienst.de/",
                "Der Freiwilligendienst für alle Altersgruppen.",
            ),
            (
                "Bundesministerium für Familie, Senioren, Frauen und Jugend",
                "https://www.bmfsfj.de/",
                "Engagementpolitik des Bundes.",
            ),
        ],
    ),
]


INTRO = {
    "verein": "Als eingetragener Verein leben wir vom Einsatz unserer Mitglieder. Vorstand und "
    "Aktive arbeiten ehrenamtlich; jede Hand und jede Idee ist willkommen.",
    "initiative": "Wir sind eine Gruppe von Bürgerinnen und Bürgern, die etwas in Bitburg "
    "bewegen wollen – ohne Vereinsmeierei, mit viel Herz und kurzen Wegen.",
    "einrichtung": "Hauptamtliche und Ehrenamtliche arbeiten bei uns Hand in Hand. Ehrenamtliche "
    "werden eingearbeitet, begleitet und sind über uns versichert.",
    "verband": "Als Verband bündeln wir Angebote in der Region und unterstützen Vereine und "
    "Gruppen vor Ort mit Beratung, Fortbildung und Kontakten.",
    "kirchengemeinde": "In unserer Gemeinde engagieren sich viele Menschen in Gruppen und "
    "Kreisen – für Glauben, Gemeinschaft und die Nachbarschaft.",
    "schule": "Schule und Kita sind Orte für die ganze Familie. Eltern, Großeltern und "
    "Ehrenamtliche bereichern den Alltag mit ihren Talenten.",
    "behoerde": "Als Teil der Stadt unterstützen wir das Ehrenamt mit Räumen, Förderung und "
    "Ansprechpersonen – und sind selbst auf Ehrenamtliche angewiesen.",
    "unternehmen": "Als Betrieb aus Bitburg übernehmen wir Verantwortung vor Ort: mit "
    "Sponsoring, Sachspenden und Mitarbeitenden, die sich engagieren.",
}
JOIN = {
    "v": "Wir suchen Engagierte, die regelmäßig oder auch nur ab und zu mit anpacken. "
    "Schreiben Sie uns über das Kontaktformular – wir melden uns und laden Sie zu einem "
    "ersten Kennenlernen ein.",
    "m": "Neue Mitglieder sind herzlich willkommen. Kommen Sie einfach zu einem unserer Treffen "
    "oder schreiben Sie uns vorher über das Kontaktformular.",
    "b": "Unsere Räume sind barrierefrei erreichbar. Fragen Sie uns gern über das "
    "Kontaktformular, wenn Sie Unterstützung brauchen.",
    "-": "Sie haben Fragen oder eine Idee für eine Zusammenarbeit? Schreiben Sie uns über das "
    "Kontaktformular.",
}


def _at(demo, days_ago: int, hour: int = 10):
    day = demo.today - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _position(demo, district: str):
    lat, lng = CENTRES[district]
    jitter = lambda: Decimal(str(round(demo.rng.uniform(-0.004, 0.004), 6)))  # noqa: E731
    return Decimal(str(lat)) + jitter(), Decimal(str(lng)) + jitter()


def _organisation(
    demo, name, kind, fields, district, groups, short, flags, founded, meeting, street
):
    latitude, longitude = _position(demo, district)
    slug = unique_slug(Organisation, name)
    organisation = Organisation.objects.create(
        name=name,
        slug=slug,
        kind=kind,
        short_description=short,
        description=f"{INTRO[kind]}\n\n## Mitmachen\n\n{JOIN[flags[:1] or '-']}",
        street=street,
        postcode="54634",
        city="Bitburg",
        district=demo.districts[district],
        latitude=latitude,
        longitude=longitude,
        meeting_times=meeting,
        website=f"https://{slug}.example.org/",
        email=f"kontakt@{slug}.example.org",
        show_email="v" in flags,
        phone=f"06561 {demo.rng.randint(10000, 99999)}",
        show_phone="m" in flags,
        register_number=(
            f"VR {demo.rng.randint(1000, 4999)} (Amtsgericht Wittlich)" if kind == "verein" else ""
        ),
        founded_year=founded,
        seeks_volunteers="v" in flags,
        seeks_members="m" in flags,
        barrier_free="b" in flags,
        accessibility_notes="Ebenerdiger Eingang, barrierefreie Toilette." if "b" in flags else "",
        languages="Deutsch, Englisch" if "Integration" in fields else "Deutsch",
    )
    organisation.fields.set([demo.fields[field] for field in fields])
    organisation.target_groups.set([demo.target_groups[group] for group in groups])
    demo.organisations[slug] = organisation
    return organisation


def _verify(demo, organisation, *, days_ago: int, reviewed_days_ago: int | None = None):
    office = demo.users["network_office"]
    organisation.state = OrganisationState.VERIFIED
    organisation.verified_at = _at(demo, days_ago)
    organisation.verified_by = office
    organisation.reviewed_at = _at(
        demo, reviewed_days_ago if reviewed_days_ago is not None else days_ago
    )
    organisation.external_key = f"BIT-{organisation.pk:04d}"
    organisation.save()
    Decision.objects.create(
        kind=DecisionKind.REGISTRATION,
        outcome=DecisionOutcome.VERIFIED,
        organisation=organisation,
        subject=organisation.name,
        decided_by=office,
        decided_at=organisation.verified_at,
    )


def load(demo) -> None:
    organisations = {}
    for index, row in enumerate(ORGANISATIONS):
        organisation = _organisation(demo, *row)
        organisations[organisation.name] = organisation
        # Spread over the last two years; one entry was not confirmed for over a year (it
        # shows in the network office's queue) and one is due for the six-month reminder.
        days_ago = 20 + (index * 17) % 700
        reviewed = {5: 400, 9: 200}.get(index, min(days_ago, 40 + index * 3))
        _verify(demo, organisation, days_ago=max(days_ago, reviewed), reviewed_days_ago=reviewed)

    # The demo's club contact keeps the Musikverein (admin) and helps the Sprachcafé (editor).
    club_contact = demo.users["club_contact"]
    Membership.objects.create(
        organisation=organisations["Musikverein Harmonie Bitburg e. V."],
        user=club_contact,
        role=MembershipRole.ADMIN,
    )
    Membership.objects.create(
        organisation=organisations["Sprachcafé Bitburg"],
        user=club_contact,
        role=MembershipRole.EDITOR,
    )
    # Most other entries are kept by a person of their own; some came from the office's list
    # and wait to be claimed.
    unkept = {
        "Schachfreunde Bitburg",
        "Lauftreff Bitburg",
        "Druckerei Weber & Söhne",
        "Kleiderkammer Irsch",
    }
    for number, (name, organisation) in enumerate(organisations.items()):
        if name in unkept or organisation.memberships.exists():
            continue
        person = make_user(f"verein{number}@example.org", f"Kontakt {organisation.name}"[:150])
        Membership.objects.create(organisation=organisation, user=person, role=MembershipRole.ADMIN)

    # A claim in the queue: the chair of the chess club asks to keep its entry.
    claimant = make_user("schach@example.org", "Markus Klein")
    ClaimRequest.objects.create(
        organisation=organisations["Schachfreunde Bitburg"],
        user=claimant,
        function="1. Vorsitzender",
        message="Ich bin seit 2019 Vorsitzender und möchte unsere Spielzeiten aktuell halten.",
        entitlement_confirmed_at=_at(demo, 2),
    )
    # A report in the queue.
    Report.objects.create(
        organisation=organisations["Lauftreff Bitburg"],
        reason=ReportReason.WRONG,
        message="Der Lauftreff startet seit dem Frühjahr am Stadion, nicht mehr am Waldparkplatz.",
        reporter_email=demo.users["citizen"].email,
        reporter=demo.users["citizen"],
    )

    # Registrations waiting for verification, and one draft still being completed.
    for days_ago, (name, kind, fields, district, short, (person, email)) in enumerate(PENDING, 1):
        organisation = _organisation(
            demo, name, kind, fields, district, ["Alle"], short, "v", None, "Nach Absprache", ""
        )
        user = make_user(email, person)
        Membership.objects.create(organisation=organisation, user=user, role=MembershipRole.ADMIN)
        organisation.state = OrganisationState.SUBMITTED
        organisation.submitted_at = _at(demo, days_ago)
        organisation.submitted_by = user
        organisation.entitlement_confirmed_at = organisation.submitted_at
        organisation.save()
    draft = _organisation(
        demo,
        "Gospelchor Joyful Voices",
        "initiative",
        ["Musik", "Kirche"],
        "Bitburg-Nord",
        ["Erwachsene"],
        "Gospel und Spirituals – Proben im Gemeindehaus.",
        "m",
        None,
        "Probe montags 19 Uhr",
        "Denkmalstraße 5",
    )
    Membership.objects.create(
        organisation=draft, user=demo.users["citizen"], role=MembershipRole.ADMIN
    )

    for title, summary, field, status, lead, partners, start, end in PROJECTS:
        project = Project.objects.create(
            title=title,
            slug=unique_slug(Project, title),
            summary=summary,
            description=(
                f"{summary}\n\nDas Projekt lebt vom Mitmachen: Wer Zeit und Ideen hat, meldet sich "
                f"über die beteiligten Organisationen."
            ),
            organisation=organisations[lead],
            field=demo.fields[field],
            status=status,
            starts_on=demo.today + timedelta(days=start),
            ends_on=demo.today + timedelta(days=end) if end is not None else None,
            contact_name="Netzwerkbüro Engagierte Stadt" if "Caritas" in lead else "",
            contact_email="netzwerkbuero@engagement-bitburg.example" if "Caritas" in lead else "",
        )
        project.partners.set([organisations[name] for name in partners])
        demo.extra.setdefault("projects", {})[project.slug] = project

    for position, (name, description, links) in enumerate(LINK_CATEGORIES):
        category = LinkCategory.objects.create(
            name=name, description=description, position=position
        )
        for link_position, (title, url, text) in enumerate(links):
            Link.objects.create(
                category=category, title=title, url=url, description=text, position=link_position
            )
    # The search index is built once at the end of the demo (core.demo_loader).
