"""The demo town's news as data: written for the demo; facts of the network from its press work.

Each article: title, days before loading (negative: scheduled for the future), categories,
teaser, text (Markdown), submitting club (None: the network office), related organisations,
titles of related events, whether it is about the engagement strategy.
"""

CATEGORIES = [
    ("Aus dem Netzwerk", "aus-dem-netzwerk", "Neuigkeiten des Netzwerkbüros und der Partner."),
    ("Aus den Vereinen", "aus-den-vereinen", "Berichte, die Vereine und Initiativen einreichen."),
    ("Beteiligung", "beteiligung", "Engagementstrategie, Ideen und Maßnahmen."),
    ("Fortbildung", "fortbildung", "Kurse der Ehrenamtsakademie und der Partner."),
    ("Ehrenamtskarte", "ehrenamtskarte", "Alles rund um die Ehrenamtskarte Rheinland-Pfalz."),
]

ARTICLES = [
    {
        "title": "Ein Ort für alles, was Bitburg ehrenamtlich bewegt",
        "days": 700,
        "categories": ["aus-dem-netzwerk"],
        "teaser": "Das Bitburger Engagement-Netz ist online: Vereine, Termine, Fortbildungen und "
        "Gesuche für Engagierte finden Sie jetzt an einer Stelle.",
        "body": """Wer in Bitburg mitmachen wollte, musste bisher viel herumfragen: Welcher Verein
sucht Leute, wann probt der Chor, wer bietet eine Schulung für Kassenwarte an? Ab heute gibt
es darauf eine gemeinsame Antwort. Die Partner der Engagierten Stadt Bitburg haben mit dem
Engagement-Netz eine Plattform geschaffen, auf der sich Vereine, Initiativen und Einrichtungen
selbst vorstellen.

## Geprüft statt anonym

Jede Organisation wird vom Netzwerkbüro bestätigt, bevor ihr Eintrag erscheint. So wissen
Bürgerinnen und Bürger, wer hinter einem Angebot steht – gerade bei der Nachbarschaftshilfe ein
wichtiger Punkt.

## Es wächst mit

Zum Start sind die ersten Vereine eingetragen; jede Woche kommen weitere dazu. Wer seinen Verein
eintragen möchte, findet den Weg über „Organisation eintragen“.""",
        "organisation": None,
        "organisations": [
            "Caritasverband Westeifel e. V.",
            "Stadtverwaltung Bitburg – Ehrenamtsbüro",
        ],
        "events": [],
        "process": False,
    },
    {
        "title": "Rheinland-Pfalz tritt dem Netzwerkprogramm Engagierte Stadt bei",
        "days": 660,
        "categories": ["aus-dem-netzwerk"],
        "teaser": "Als erstes Bundesland unterstützt Rheinland-Pfalz das Programm, in dem Bitburg "
        "seit Jahren mitarbeitet. Was das für die Vereine vor Ort heißt.",
        "body": """Bitburg ist seit vielen Jahren Teil des bundesweiten Netzwerkprogramms
Engagierte Stadt. Nun hat sich das Land Rheinland-Pfalz dem Programm als erstes Bundesland
angeschlossen. Die Landesregierung begründet den Schritt damit, dass das Programm zum Aufbau
von Netzwerken in den Städten und Gemeinden passe.

## Was sich ändert

Für die Vereine ändert sich zunächst wenig – das Netzwerkbüro bleibt die Anlaufstelle. Mittelfristig
erwarten die Partner aber mehr Austausch mit anderen Engagierten Städten im Land und zusätzliche
Fortbildungsangebote.""",
        "organisation": None,
        "organisations": ["Caritasverband Westeifel e. V."],
        "events": [],
        "process": False,
    },
    {
        "title": "Ehrenamtskarte: Jetzt im Netzwerkbüro beantragen",
        "days": 610,
        "categories": ["ehrenamtskarte"],
        "teaser": "Wer sich mindestens fünf Stunden in der Woche engagiert, kann die "
        "Ehrenamtskarte des Landes bekommen – mit Vergünstigungen in ganz Rheinland-Pfalz.",
        "body": """Die Ehrenamtskarte ist ein Dankeschön des Landes und der Kommunen an Menschen,
die sich regelmäßig und unentgeltlich engagieren. Sie bringt Vergünstigungen bei Partnern im
ganzen Land, etwa in Schwimmbädern, Museen und bei Veranstaltungen.

## So geht es

Den Antrag gibt es im Netzwerkbüro und auf der Seite „Ehrenamtskarte“. Ihr Verein bestätigt
Ihr Engagement, das Netzwerkbüro reicht den Antrag weiter. Die Karte gilt drei Jahre.""",
        "organisation": None,
        "organisations": ["Stadtverwaltung Bitburg – Ehrenamtsbüro"],
        "events": [],
        "process": False,
    },
    {
        "title": "Musikverein sucht Nachwuchs für die Bläserklasse",
        "days": 560,
        "categories": ["aus-den-vereinen"],
        "teaser": "Kinder ab acht Jahren können beim Musikverein Harmonie ein Instrument lernen – "
        "Leihinstrumente inklusive.",
        "body": """Im Herbst startet eine neue Bläserklasse. Zwei Jahre lang lernen die Kinder
gemeinsam Trompete, Klarinette, Horn oder Posaune, danach spielen sie in der Jugendkapelle mit.
Die Instrumente stellt der Verein, der Monatsbeitrag ist bewusst niedrig gehalten.

Zum Schnuppern sind Familien an jedem Dienstag vor der Gesamtprobe eingeladen: Dann dürfen die
Kinder alle Instrumente ausprobieren.""",
        "organisation": "Musikverein Harmonie Bitburg e. V.",
        "organisations": ["Musikverein Harmonie Bitburg e. V.", "Jugendorchester Bitburger Land"],
        "events": ["Gesamtprobe des Musikvereins"],
        "process": False,
    },
    {
        "title": "Engagementstrategie: Was aus den Ideen geworden ist",
        "days": 520,
        "categories": ["beteiligung"],
        "teaser": "Die Karten der Zukunftswerkstatt haben Folgen: Eine Bilanz der Maßnahmen, die "
        "aus den Vorschlägen der Bürgerinnen und Bürger entstanden sind.",
        "body": """An drei Thementischen hatten Engagierte, Vereine, Verwaltung und Politik in der
Zukunftswerkstatt im Haus der Jugend gesammelt, was gut läuft, wo Chancen liegen und was fehlt.
28 Menschen waren an jenem Abend dabei, fast alle selbst ehrenamtlich aktiv.

## Von der Karte zur Maßnahme

Viele Vorschläge sind inzwischen umgesetzt oder in Arbeit: das Vereinsfest, die Fortbildungen
für Vorstände, diese Plattform. Wie weit jede Maßnahme ist, zeigt die Seite „Maßnahmen“ –
mit allen Zwischenständen.

Ideen können Sie weiterhin online einbringen.""",
        "organisation": None,
        "organisations": [],
        "events": ["Zukunftswerkstatt zur Engagementstrategie"],
        "process": True,
    },
    {
        "title": "Tafel Bitburg braucht Fahrerinnen und Fahrer",
        "days": 480,
        "categories": ["aus-den-vereinen"],
        "teaser": "Für die Abholung bei Supermärkten sucht die Tafel Menschen mit Führerschein, "
        "die einen Vormittag in der Woche Zeit haben.",
        "body": """Jeden Morgen holen Ehrenamtliche der Tafel Lebensmittel bei Geschäften in
Bitburg und Umgebung ab. Seit zwei Fahrer aufgehört haben, ist der Dienstplan dünn.

Gebraucht werden Menschen mit Führerschein Klasse B, die sich einen festen Vormittag zutrauen.
Der Transporter gehört der Tafel, die Fahrten sind versichert. Wer erst einmal mitfahren möchte,
ist beim nächsten Helfertreffen willkommen.""",
        "organisation": "Tafel Bitburg",
        "organisations": ["Tafel Bitburg"],
        "events": ["Helfertreffen der Tafel"],
        "process": False,
    },
    {
        "title": "Repair-Café feiert die tausendste Reparatur",
        "days": 430,
        "categories": ["aus-den-vereinen"],
        "teaser": "Ein Toaster aus den Siebzigern war es: Das Repair-Café in der Saarstraße hat "
        "seit seiner Gründung tausend Geräte wieder zum Laufen gebracht.",
        "body": """Angefangen hat es mit drei Tischen und einem Lötkolben. Heute kommen an jedem
letzten Samstag im Monat Dutzende Menschen mit Radios, Nähmaschinen und Fahrrädern in den
Gemeinschaftsraum Saarstraße.

Das Team freut sich über weitere Tüftlerinnen und Tüftler – und über alle, die Kuchen backen
oder am Empfang die Wartenummern verteilen.""",
        "organisation": "Repair-Café Bitburg",
        "organisations": ["Repair-Café Bitburg"],
        "events": ["Repair-Café: Reparieren statt wegwerfen"],
        "process": False,
    },
    {
        "title": "Ehrenamtsakademie: Das neue Kursprogramm ist da",
        "days": 390,
        "categories": ["fortbildung"],
        "teaser": "Vereinsrecht, Öffentlichkeitsarbeit, Datenschutz, Fördermittel: Die "
        "Ehrenamtsakademie bietet wieder kostenlose Kurse für Engagierte an.",
        "body": """Auch in diesem Jahr bietet die Ehrenamtsakademie der Engagierten Stadt Kurse für
alle, die sich in Bitburg engagieren. Die meisten sind kostenlos; Voraussetzung ist nur, dass
Sie in einem Verein, einer Initiative oder Einrichtung aktiv sind.

## Neu im Programm

- **Vereinsrecht kompakt** an drei Abenden für Vorstände
- **Datenschutz im Verein** als Online-Seminar
- **Gut ankommen im Ehrenamt** für alle, die neu dabei sind

Alle Kurse mit Terminen und freien Plätzen finden Sie unter „Fortbildungen“.""",
        "organisation": None,
        "organisations": [],
        "events": ["Vereinsrecht kompakt für Vorstände", "Datenschutz im Verein"],
        "process": False,
    },
    {
        "title": "Vereinsfest: Über 30 Vereine auf dem Beda-Platz",
        "days": 210,
        "categories": ["aus-dem-netzwerk"],
        "teaser": "Sonne, Blasmusik und lange Schlangen an den Mitmachständen: Das Vereinsfest hat "
        "wieder gezeigt, wie vielfältig Bitburg ist.",
        "body": """Vom Kinderturnen bis zum Tierschutz: Mehr als 30 Vereine und Initiativen hatten ihre
Stände auf dem Beda-Platz aufgebaut. Auf der Bühne wechselten sich Musikverein, Tanzgarde und
Chor ab.

Viele Vereine berichten von neuen Kontakten. Der Musikverein zählte elf Kinder, die sich für die
Bläserklasse interessieren, die Feuerwehr fünf Anmeldungen für die Jugendfeuerwehr.

Das nächste Vereinsfest ist schon im Kalender.""",
        "organisation": None,
        "organisations": [
            "Musikverein Harmonie Bitburg e. V.",
            "Freiwillige Feuerwehr Bitburg – Löschzug Stadt",
            "Heimat- und Verkehrsverein Erdorf",
        ],
        "events": ["Vereinsfest auf dem Beda-Platz"],
        "process": False,
    },
    {
        "title": "Müll an der Kyll: 40 Säcke in drei Stunden",
        "days": 238,
        "categories": ["aus-den-vereinen"],
        "teaser": "Beim Frühjahrsputz des NABU haben Familien, Schulklassen und Angler das Ufer der "
        "Kyll von Unrat befreit.",
        "body": """Reifen, Flaschen und erstaunlich viele Einkaufswagen: Was die Helferinnen und
Helfer beim Frühjahrsputz aus dem Uferbereich holten, füllte am Ende 40 Säcke. Der Angelsportverein
hatte die schwer zugänglichen Stellen vom Boot aus übernommen.

Der NABU bedankt sich bei allen, die mitgemacht haben, und beim Bauhof der Stadt für die Abholung.""",
        "organisation": "NABU-Gruppe Bitburger Land",
        "organisations": ["NABU-Gruppe Bitburger Land", "Angelsportverein Kylltal e. V."],
        "events": ["Frühjahrsputz an der Kyll"],
        "process": False,
    },
    {
        "title": "Sprachcafé sucht Gesprächspartnerinnen und -partner",
        "days": 180,
        "categories": ["aus-den-vereinen"],
        "teaser": "Jeden Donnerstag üben Menschen aus vielen Ländern Deutsch im Haus der Jugend. "
        "Es fehlen Leute, die einfach mitreden.",
        "body": """Man muss keine Lehrerin sein, um im Sprachcafé zu helfen. Gefragt ist, wer gern
erzählt und geduldig zuhört. An kleinen Tischen geht es um Alltägliches: den Arztbesuch, die
Wohnungssuche, das Wetter.

Wer sich auf die Gespräche vorbereiten möchte, kann den Kurs „Deutsch unterrichten im Ehrenamt“
besuchen.""",
        "organisation": "Sprachcafé Bitburg",
        "organisations": ["Sprachcafé Bitburg", "Willkommensnetz Bitburg"],
        "events": ["Sprachcafé: Deutsch sprechen bei Kaffee und Kuchen"],
        "process": False,
    },
    {
        "title": "Sommerfest im Tierheim: Sieben Tiere finden ein Zuhause",
        "days": 168,
        "categories": ["aus-den-vereinen"],
        "teaser": "Hunderte Gäste, ein voller Hundeparcours und sieben Vermittlungen: Der "
        "Tierschutzverein ist mit seinem Sommerfest mehr als zufrieden.",
        "body": """Schon am Vormittag war der Parkplatz voll. Bei den Führungen zeigten die
Ehrenamtlichen, wie ein Tag im Tierheim abläuft – vom Füttern bis zum Gassigehen. Zwei Katzen,
vier Kaninchen und der Schäferhundmischling Bruno haben an diesem Tag ein neues Zuhause gefunden.

Der Verein sucht weiterhin Menschen, die regelmäßig mit den Hunden spazieren gehen.""",
        "organisation": "Tierschutzverein Bitburg und Umgebung e. V.",
        "organisations": ["Tierschutzverein Bitburg und Umgebung e. V."],
        "events": ["Sommerfest im Tierheim"],
        "process": False,
    },
    {
        "title": "Neu auf der Plattform: Die Engagement-Börse",
        "days": 140,
        "categories": ["aus-dem-netzwerk"],
        "teaser": "Vereine stellen ihre Gesuche für Engagierte jetzt selbst ein – und der "
        "Engagement-Finder schlägt passende Aufgaben vor.",
        "body": """Wer helfen möchte, weiß oft nicht, wo. Die Engagement-Börse zeigt, welche
Aufgaben in Bitburg gerade offen sind – vom Vorlesen in der Kita bis zur Kasse beim Sportfest.

## Der Engagement-Finder

Sechs kurze Fragen nach Interessen, Zeit und Ort, und der Finder schlägt passende Gesuche vor.
Eine Anmeldung ist dafür nicht nötig. Mit einem Klick auf „Ich habe Interesse“ geht eine
Nachricht an den Verein.""",
        "organisation": None,
        "organisations": [],
        "events": [],
        "process": False,
    },
    {
        "title": "Kurs „Gut ankommen im Ehrenamt“ war ausgebucht",
        "days": 50,
        "categories": ["fortbildung"],
        "teaser": "16 Neu-Engagierte haben an zwei Abenden gelernt, was sie im Ehrenamt erwartet. "
        "Der Kurs wird im Frühjahr wiederholt.",
        "body": """Versicherung, Aufwandsentschädigung, Grenzen setzen: Die Fragen der
Teilnehmenden waren vielfältig. Besonders geschätzt wurde der Austausch untereinander – viele
haben Telefonnummern getauscht.

Zwei Personen standen auf der Warteliste und sind für den nächsten Termin vorgemerkt. Alle, die
teilgenommen haben, können ihre Teilnahmebescheinigung in ihrem Konto herunterladen.""",
        "organisation": None,
        "organisations": [],
        "events": ["Gut ankommen im Ehrenamt"],
        "process": False,
    },
    {
        "title": "Feuerwehr: Jugendfeuerwehr sucht Betreuerinnen und Betreuer",
        "days": 40,
        "categories": ["aus-den-vereinen"],
        "teaser": "Die Jugendfeuerwehr ist so groß wie nie. Damit das so bleibt, braucht sie "
        "Erwachsene, die Übungen und Zeltlager begleiten.",
        "body": """Aktuell üben 28 Jungen und Mädchen bei der Jugendfeuerwehr. Für diese Gruppe
reichen vier Betreuer nicht mehr aus. Einsatzerfahrung ist keine Voraussetzung; eine Schulung
im Kinderschutz bietet das Haus der Jugend an.

Wer sich das anschauen möchte, kommt montags zum Übungsabend ins Feuerwehrhaus.""",
        "organisation": "Freiwillige Feuerwehr Bitburg – Löschzug Stadt",
        "organisations": [
            "Freiwillige Feuerwehr Bitburg – Löschzug Stadt",
            "Jugendfeuerwehr Bitburg-Stahl",
        ],
        "events": ["Übungsabend des Löschzugs", "Kinderschutz in der Jugendarbeit"],
        "process": False,
    },
    {
        "title": "Netzwerktreffen: Vereine wünschen sich weniger Bürokratie",
        "days": 30,
        "categories": ["aus-dem-netzwerk", "beteiligung"],
        "teaser": "Beim Herbsttreffen des Netzwerks ging es um Formulare, Fördertöpfe und die "
        "Frage, wie kleine Vereine Vorstände finden.",
        "body": """Rund 40 Vertreterinnen und Vertreter von Vereinen und Einrichtungen kamen zum
Netzwerktreffen ins Rathaus. Ganz oben auf der Wunschliste: Hilfe bei Anträgen und weniger
Doppelarbeit bei Nachweisen.

Das Netzwerkbüro nimmt die Anregungen in die Engagementstrategie auf und bietet ab dem neuen
Jahr eine offene Sprechstunde für Fördermittelfragen an.""",
        "organisation": None,
        "organisations": ["Bürgerstiftung Bitburg"],
        "events": ["Fördermittel finden und beantragen"],
        "process": True,
    },
    {
        "title": "Theater: Premiere von „Der nackte Wahnsinn“ verschoben",
        "days": 20,
        "categories": ["aus-den-vereinen"],
        "teaser": "Wegen Krankheit im Ensemble muss die Theatergruppe Kulissenzauber ihre Premiere "
        "verschieben. Karten behalten ihre Gültigkeit.",
        "body": """Die Proben waren fast abgeschlossen, da erwischte eine Grippewelle das halbe
Ensemble. Die Premiere findet deshalb später statt; den neuen Termin veröffentlicht die Gruppe
im Kalender.

Bereits gekaufte Karten gelten auch für den neuen Termin oder werden an der Vorverkaufsstelle
erstattet.""",
        "organisation": "Theatergruppe Kulissenzauber",
        "organisations": ["Theatergruppe Kulissenzauber"],
        "events": ["Premiere: Der nackte Wahnsinn"],
        "process": False,
    },
    {
        "title": "Dankeschön-Abend: Jetzt Engagierte vorschlagen",
        "days": 14,
        "categories": ["aus-dem-netzwerk"],
        "teaser": "Zum Dankeschön-Abend ehrt die Stadt Menschen, die sich seit vielen Jahren "
        "engagieren. Vereine können bis Monatsende Vorschläge einreichen.",
        "body": """Jedes Jahr zum Jahresende sagt Bitburg Danke. Beim Dankeschön-Abend im Haus der
Jugend werden Engagierte geehrt, die sich über lange Zeit für andere eingesetzt haben.

Vorschläge mit einer kurzen Begründung nimmt das Netzwerkbüro per E-Mail entgegen. Eingeladen
sind alle Engagierten – eine Anmeldung ist nicht nötig.""",
        "organisation": None,
        "organisations": ["Stadtverwaltung Bitburg – Ehrenamtsbüro"],
        "events": ["Dankeschön-Abend für Engagierte"],
        "process": False,
    },
    {
        "title": "Adventsbasar der Frauengemeinschaft für die Tafel",
        "days": 6,
        "categories": ["aus-den-vereinen"],
        "teaser": "Plätzchen, Kränze und Gestricktes: Der Erlös des Adventsbasars geht in diesem "
        "Jahr vollständig an die Tafel Bitburg.",
        "body": """Seit Wochen wird gebacken und gebastelt. Die Frauengemeinschaft Mötsch lädt zum
Adventsbasar ins Pfarrheim St. Peter ein.

Wer etwas beisteuern möchte – Marmelade, Kuchen oder Handarbeiten –, bringt es bis zum Vortag
ins Pfarrheim.""",
        "organisation": "Frauengemeinschaft Mötsch",
        "organisations": ["Frauengemeinschaft Mötsch", "Tafel Bitburg"],
        "events": ["Adventsbasar"],
        "process": False,
    },
    {
        "title": "Ehrenamtstag: Programm steht fest",
        "days": 2,
        "categories": ["aus-dem-netzwerk", "ehrenamtskarte"],
        "teaser": "Infostände, eine Engagement-Börse zum Anfassen und die Übergabe der "
        "Ehrenamtskarten: So wird der Bitburger Ehrenamtstag.",
        "body": """Am Bitburger Ehrenamtstag stellen sich Vereine und Initiativen im Rathaus vor.
Wer noch nicht weiß, wo er sich einbringen möchte, kann an den Ständen direkt mit Engagierten
sprechen.

Um 14 Uhr überreicht der Bürgermeister die neuen Ehrenamtskarten. Der Eintritt ist frei.""",
        "organisation": None,
        "organisations": [],
        "events": ["Bitburger Ehrenamtstag"],
        "process": False,
    },
]

# Scheduled by the network office: it appears on its own on the set day.
SCHEDULED = {
    "title": "Jahresrückblick: Ein Jahr Engagement in Zahlen",
    "days": -10,
    "categories": ["aus-dem-netzwerk"],
    "teaser": "Wie viele Vereine sind dabei, wie viele Menschen haben sich über die "
    "Engagement-Börse gemeldet? Die Bilanz des Netzwerkbüros.",
    "body": """Zum Jahresende blickt das Netzwerkbüro zurück: auf neue Vereine im Verzeichnis,
ausgebuchte Kurse der Ehrenamtsakademie und viele Menschen, die über die Engagement-Börse zu
einer Aufgabe gefunden haben.

Herzlichen Dank an alle, die mitgemacht haben.""",
    "organisation": None,
    "organisations": [],
    "events": [],
    "process": False,
}

# Sent in by a club and waiting for the network office's approval.
SUBMITTED = {
    "title": "Lesepaten starten an der Grundschule Bitburg-Süd",
    "days": 1,
    "categories": ["aus-den-vereinen"],
    "teaser": "Ab dem neuen Halbjahr lesen Ehrenamtliche einmal in der Woche mit Kindern der "
    "zweiten Klassen. Weitere Lesepatinnen und -paten sind willkommen.",
    "body": """Eine halbe Stunde, ein Kind, ein Buch: Mehr braucht es nicht. Die Lesepaten
begleiten Kinder, die beim Lesen etwas Rückenwind brauchen. Die Schule stellt einen ruhigen Raum,
die Bücher kommen aus der Stadtbücherei.""",
    "organisation": "Lesepaten Bitburg",
    "organisations": ["Lesepaten Bitburg", "Grundschule Bitburg-Süd"],
    "events": [],
    "process": False,
}
