"""The texts of the demo: the engagement strategy, the workshop's cards, ideas and measures.

Written for the demo town from the facts of its press releases (dates, places, figures).
"""

PROCESS_SUMMARY = (
    "Stadt und Netzwerk entwickeln gemeinsam mit allen, die sich in Bitburg engagieren, "
    "eine Strategie für gute Bedingungen im Ehrenamt – offen und nachvollziehbar."
)

PROCESS_DESCRIPTION = """Ehrenamt hat in Bitburg Tradition: in Vereinen, Initiativen, Kirchengemeinden
und Einrichtungen. Damit das so bleibt, haben sich die Stadt Bitburg und das Netzwerkprogramm
Engagierte Stadt (Träger: Caritasverband Westeifel e. V.) vorgenommen, eine **Engagementstrategie**
zu entwickeln.

Die Strategie soll beantworten:

- Was brauchen Engagierte, um gut arbeiten zu können?
- Wie zeigt die Stadt, dass sie den Einsatz schätzt – dauerhaft, nicht nur bei Festen?
- Wie erfahren mehr Menschen, wo sie gebraucht werden?

Den Auftakt machte eine Zukunftswerkstatt. Danach konnten alle online weitere Ideen einbringen.
Aus allen Beiträgen entstand ein Entwurf, über den der Stadtrat beraten hat. Seitdem werden die
Maßnahmen umgesetzt – und Ideen sind weiterhin willkommen. Was aus jeder Idee geworden ist, sehen
Sie bei den Beiträgen und Maßnahmen.
"""

PROCESS_RESULTS = """Aus der Zukunftswerkstatt und der Online-Beteiligung kamen viele Beiträge.
Drei Schwerpunkte ziehen sich durch fast alle:

1. **Eine gemeinsame Anlaufstelle** – im Netz und als Ansprechperson im Netzwerkbüro.
2. **Wertschätzung, die ankommt** – persönlich, regelmäßig und auch für die Stillen im Hintergrund.
3. **Entlastung der Vorstände** – Fortbildung, Beratung und weniger Papierkram.

Der Entwurf wurde im Herbst 2019 im Stadtrat vorgestellt. Die Maßnahmen daraus finden Sie
unten – mit ihrem aktuellen Stand.
"""

# (title, description, start, end, allows contributions); None: relative to today.
PHASES = [
    (
        "Zukunftswerkstatt",
        "Auftakt im Haus der Jugend: an drei Thementischen sammeln Engagierte, was gut läuft, "
        "wo Chancen liegen und welche Ideen sie haben.",
        (2019, 4, 10),
        (2019, 4, 10),
        False,
    ),
    (
        "Online-Beteiligung",
        "Alle, die nicht dabei sein konnten, bringen ihre Ideen online ein und unterstützen die "
        "Beiträge anderer.",
        (2019, 4, 11),
        (2019, 6, 30),
        True,
    ),
    (
        "Entwurf",
        "Das Netzwerkbüro fasst alle Beiträge zusammen und schreibt den Entwurf der Strategie.",
        (2019, 7, 1),
        (2019, 9, 30),
        False,
    ),
    (
        "Beschluss",
        "Der Stadtrat berät den Entwurf; die Ergebnisse werden öffentlich vorgestellt.",
        (2019, 10, 1),
        (2019, 11, 30),
        False,
    ),
    (
        "Umsetzung",
        "Die Maßnahmen werden umgesetzt und hier fortlaufend berichtet. Neue Ideen sind "
        "weiterhin willkommen.",
        (2020, 1, 1),
        None,
        True,
    ),
]

WORKSHOP_DESCRIPTION = """Eingeladen waren alle, die sich in Bitburg engagieren oder beruflich mit
dem Ehrenamt zu tun haben: aus Vereinen und Initiativen, Kirchengemeinden, Politik und Verwaltung,
aus dem sozialen und dem Gesundheitsbereich, aus Sport, Kultur und Wirtschaft.
"""

WORKSHOP_DOCUMENTATION = """Der Bürgermeister eröffnete den Abend und beschrieb das Netzwerk der
Engagierten als ein Netz aus vielen feinen Fäden, das in den ersten drei Jahren des Programms
schon erstaunlich tragfähig geworden ist.

Fast alle Anwesenden waren selbst ehrenamtlich aktiv; etwa ein Drittel brachte zusätzlich den
Blick aus dem Beruf mit. An drei Thementischen wurde auf Karten festgehalten, **was gut läuft**,
**welche Chancen und Potenziale** darin stecken und **welche Ideen** es gibt. Am Ende stellte jeder
Tisch seine Pinnwand vor.

Alle Karten sind unten vollständig abgeschrieben. Sie sind die Grundlage des Entwurfs.
"""

# slug, title, question, moderated by
TABLES = [
    (
        "engagement-staerken",
        "Ehrenamtliches Engagement stärken",
        "Was brauchen Menschen, um sich in Bitburg zu engagieren – und um dabeizubleiben?",
        "Netzwerkbüro Engagierte Stadt",
    ),
    (
        "wertschaetzung",
        "Nachhaltige Wertschätzung",
        "Wie zeigen wir Engagierten, dass ihr Einsatz zählt – nicht nur einmal im Jahr?",
        "Ehrenamtsagentur der Caritas",
    ),
    (
        "oeffentlichkeitsarbeit",
        "Öffentlichkeitsarbeit",
        "Wie erfahren mehr Menschen, was in Bitburg schon alles läuft und wo sie gebraucht werden?",
        "Stadtverwaltung, Büro des Bürgermeisters",
    ),
]

# The paper cards of the evening: table slug -> kind -> texts.
CARDS = {
    "engagement-staerken": {
        "going_well": [
            "Viele Vereine haben treue Aktive, die seit Jahrzehnten dabei sind.",
            "Die Feuerwehr und die Sportvereine haben eine gute Jugendarbeit.",
            "Kurze Wege: Man kennt sich und hilft sich gegenseitig aus.",
        ],
        "potential": [
            "Viele Neu-Bitburgerinnen und -Bitburger würden mitmachen, wissen aber nicht wo.",
            "Junge Rentnerinnen und Rentner haben Zeit und Erfahrung.",
            "Schülerinnen und Schüler suchen Praxisstunden – eine Brücke ins Vereinsleben.",
        ],
        "idea": [
            "Fortbildungen für Vorstände: Vereinsrecht, Finanzen, Datenschutz.",
            "Eine Beratungsstelle, die bei Anträgen und Formularen hilft.",
            "Engagement auf Zeit: kleine Projekte statt lebenslanger Vorstandsposten.",
        ],
    },
    "wertschaetzung": {
        "going_well": [
            "Die Ehrenamtskarte wird gut angenommen.",
            "Das Vereinsfest hat gezeigt, wie viele wir sind.",
        ],
        "potential": [
            "Auch die Stillen im Hintergrund sichtbar machen: Kassenwart, Platzwart, Fahrdienst.",
            "Betriebe könnten Engagement ihrer Beschäftigten stärker anerkennen.",
        ],
        "idea": [
            "Ein jährlicher Dankeschön-Abend der Stadt für alle Engagierten.",
            "Vergünstigungen in Bitburger Geschäften mit der Ehrenamtskarte.",
            "Persönliche Glückwünsche des Bürgermeisters zu Vereinsjubiläen.",
        ],
    },
    "oeffentlichkeitsarbeit": {
        "going_well": [
            "Die Lokalzeitung berichtet gern über Vereinsaktionen.",
            "Die Bestandsaufnahme hat erstmals alle Vereine auf einer Liste versammelt.",
        ],
        "potential": [
            "Die Liste der Vereine könnte online für alle nutzbar sein.",
            "Viele Vereine haben keine eigene Website, aber gute Geschichten.",
        ],
        "idea": [
            "Eine gemeinsame Internetseite mit allen Vereinen, Terminen und Gesuchen.",
            "Ein Stand der Vereine auf dem Wochenmarkt, jeden Monat ein anderer.",
            "Ein Newsletter, der einmal im Monat zeigt, wo Hilfe gebraucht wird.",
        ],
    },
}

# Online contributions: table slug, kind, text, name, (y, m, d), state, reason, answer
ONLINE = [
    (
        "engagement-staerken",
        "idea",
        "Engagement-Lotsinnen und -Lotsen in jedem Stadtteil: Menschen, die Neue ansprechen und "
        "zu den Vereinen begleiten – gerade in Stahl, Mötsch und Masholder.",
        "Gisela aus Mötsch",
        (2019, 5, 3),
        "adopted",
        "",
        "Danke für die Idee! Sie ist in die Maßnahme „Engagement-Lotsen in den Stadtteilen“ "
        "eingeflossen.",
    ),
    (
        "oeffentlichkeitsarbeit",
        "idea",
        "Bitte auch auf Englisch und in einfacher Sprache informieren – viele Zugezogene würden "
        "gern helfen.",
        "",
        (2019, 5, 14),
        "in_review",
        "",
        "",
    ),
    (
        "wertschaetzung",
        "potential",
        "Die Fahrdienste der Seniorenhilfe laufen nur, weil drei Leute seit Jahren jede Woche "
        "fahren. Die sollte man einmal öffentlich ehren.",
        "Thomas K.",
        (2019, 5, 22),
        "adopted",
        "",
        "",
    ),
    (
        "engagement-staerken",
        "idea",
        "Eine Ehrenamtsbörse direkt auf dem Wochenmarkt, einmal im Quartal.",
        "Markus",
        (2019, 6, 2),
        "adopted",
        "",
        "",
    ),
    (
        "oeffentlichkeitsarbeit",
        "idea",
        "Jeder Verein bekommt kostenlos eine eigene Seite mit Terminen auf einer gemeinsamen "
        "Plattform.",
        "Verein der Freunde des Stadtparks",
        (2019, 6, 18),
        "adopted",
        "",
        "Genau das ist daraus geworden: das Bitburger Engagement-Netz, auf dem Sie gerade lesen.",
    ),
    (
        "wertschaetzung",
        "idea",
        "Kostenloser Eintritt ins Freibad für alle mit Ehrenamtskarte.",
        "",
        (2019, 6, 25),
        "not_feasible",
        "Das Freibad wird von den Stadtwerken betrieben, die bereits einen Familientarif "
        "anbieten. Ein dauerhaft freier Eintritt ist im Haushalt nicht darstellbar; wir prüfen "
        "stattdessen einen Aktionstag für Engagierte.",
        "",
    ),
]

COMMENTS = [
    (0, "Gute Idee! Ich wäre als Lotsin in Irsch dabei.", "Renate"),
    (0, "In Stahl gibt es so etwas schon im Kleinen über die Kirchengemeinde.", ""),
    (4, "Unser Musikverein würde sofort mitmachen.", "Peter Hoffmann"),
    (5, "Schade – aber ein Aktionstag wäre auch schön.", "Familie Weiler"),
]

# Supports per online contribution (number of confirmed addresses).
SUPPORTS = [14, 6, 9, 3, 21, 11]

# slug, title, summary, description, field, state, progress, start, end, responsible person,
# organisation name hint, event title hint, project title hint, cards/ideas it came from,
# updates: (date, progress, state, text)
MEASURES = [
    {
        "slug": "bestandsaufnahme-vereine",
        "title": "Bestandsaufnahme der Vereine und Initiativen",
        "summary": "Erstmals eine vollständige Liste aller Vereine, Initiativen und Einrichtungen "
        "der Stadt – mit Ansprechpersonen und Schwerpunkten.",
        "description": "Zu Beginn des Netzwerkprogramms wusste niemand genau, wie viele "
        "Vereine es in Bitburg gibt. Das Netzwerkbüro hat alle angeschrieben, besucht und "
        "gefragt, was sie brauchen. Die Liste ist heute der Grundstock des Verzeichnisses auf "
        "dieser Plattform.",
        "field": "Nachbarschaft",
        "state": "done",
        "progress": 100,
        "start": (2015, 9, 1),
        "end": (2016, 12, 31),
        "person": "Netzwerkbüro Engagierte Stadt",
        "organisation": "Caritas",
        "event": "",
        "project": "Bestandsaufnahme",
        "cards": [],
        "updates": [
            (
                (2016, 3, 15),
                40,
                "in_progress",
                "Rund 60 Vereine und Initiativen sind angeschrieben; "
                "die ersten 25 Gespräche sind geführt.",
            ),
            (
                (2016, 12, 20),
                100,
                "done",
                "Die Bestandsaufnahme ist abgeschlossen. Die Ergebnisse "
                "wurden im Stadtrat vorgestellt.",
            ),
        ],
    },
    {
        "slug": "vereinsfest",
        "title": "Vereinsfest auf dem Beda-Platz",
        "summary": "Ein Fest, auf dem sich die Bitburger Vereine vorstellen – zum Kennenlernen "
        "und Mitmachen.",
        "description": "Über 30 Vereine und Initiativen zeigten an einem Samstag, was sie tun. "
        "Viele Besucherinnen und Besucher kamen so zum ersten Mal mit einem Verein ins Gespräch.",
        "field": "Heimat und Brauchtum",
        "state": "done",
        "progress": 100,
        "start": (2017, 3, 1),
        "end": (2017, 9, 30),
        "person": "Netzwerkbüro mit dem Stadtmarketing",
        "organisation": "",
        "event": "Vereinsfest",
        "project": "Vereinsfest",
        "cards": [],
        "updates": [
            (
                (2017, 5, 10),
                50,
                "in_progress",
                "32 Vereine haben sich angemeldet; das Programm der Bühne steht.",
            ),
            (
                (2017, 9, 18),
                100,
                "done",
                "Das Fest war ein Erfolg: trotz Regen volle Stände und viele neue Kontakte.",
            ),
        ],
    },
    {
        "slug": "verbindende-nachbarschaft",
        "title": "Mobilitätsprojekt „Verbindende Nachbarschaft“",
        "summary": "Ehrenamtliche Fahrdienste bringen ältere Menschen aus den Stadtteilen zum "
        "Arzt, zum Einkaufen und zu Veranstaltungen.",
        "description": "Gerade in Stahl, Irsch und Masholder fehlt vielen älteren Menschen ein "
        "Auto. Ehrenamtliche Fahrerinnen und Fahrer springen ein; die Einsätze werden über eine "
        "Telefonnummer des Netzwerkbüros vermittelt.",
        "field": "Senioren",
        "state": "done",
        "progress": 100,
        "start": (2017, 10, 1),
        "end": (2018, 12, 31),
        "person": "Seniorenhilfe und Netzwerkbüro",
        "organisation": "",
        "event": "",
        "project": "Nachbarschaft",
        "cards": [],
        "updates": [
            (
                (2018, 3, 1),
                60,
                "in_progress",
                "Zwölf Fahrerinnen und Fahrer sind im Einsatz, rund 40 Fahrten im Monat.",
            ),
            (
                (2018, 12, 15),
                100,
                "done",
                "Das Projekt läuft jetzt dauerhaft in der Verantwortung der Seniorenhilfe weiter.",
            ),
        ],
    },
    {
        "slug": "essbare-gaerten",
        "title": "Essbare Gärten",
        "summary": "Gemeinsam bepflanzte Beete in der Innenstadt, an denen sich alle bedienen "
        "dürfen.",
        "description": "Kräuter, Beeren und Gemüse mitten in der Stadt – gepflanzt und gepflegt "
        "von Schulklassen, Kitas und Nachbarschaften.",
        "field": "Umwelt und Natur",
        "state": "done",
        "progress": 100,
        "start": (2018, 3, 1),
        "end": (2018, 10, 31),
        "person": "Netzwerkbüro mit den Stadtgärtnern",
        "organisation": "",
        "event": "",
        "project": "Garten",
        "cards": [],
        "updates": [
            (
                (2018, 5, 2),
                50,
                "in_progress",
                "Sechs Hochbeete stehen; drei Schulklassen haben Patenschaften übernommen.",
            ),
            (
                (2018, 10, 12),
                100,
                "done",
                "Die erste Ernte ist verteilt. Die Beete bleiben in "
                "der Obhut der Patinnen und Paten.",
            ),
        ],
    },
    {
        "slug": "engagement-netz",
        "title": "Bitburger Engagement-Netz: eine Plattform für alle",
        "summary": "Eine Internetseite mit allen Vereinen, Terminen, Gesuchen und Nachrichten "
        "rund ums Ehrenamt in Bitburg.",
        "description": "Der Wunsch kam an fast jedem Tisch: eine gemeinsame Anlaufstelle im Netz, "
        "der man vertrauen kann. Das Netzwerkbüro prüft jede Organisation, bevor sie erscheint.",
        "field": "Bildung",
        "state": "done",
        "progress": 100,
        "start": (2019, 11, 1),
        "end": (2020, 7, 31),
        "person": "Netzwerkbüro Engagierte Stadt",
        "organisation": "Caritas",
        "event": "",
        "project": "",
        "cards": [
            "Eine gemeinsame Internetseite",
            "Die Liste der Vereine könnte online",
            "Jeder Verein bekommt kostenlos",
        ],
        "updates": [
            (
                (2020, 2, 3),
                30,
                "in_progress",
                "Die Vereine testen eine erste Fassung; ihre Rückmeldungen fließen ein.",
            ),
            ((2020, 7, 20), 100, "done", "Das Bitburger Engagement-Netz ist online."),
        ],
    },
    {
        "slug": "dankeschoen-abend",
        "title": "Dankeschön-Abend für Engagierte",
        "summary": "Einmal im Jahr lädt die Stadt alle Engagierten ein – besonders auch die, die "
        "im Hintergrund wirken.",
        "description": "Vorschläge für Ehrungen kommen aus den Vereinen selbst. Geehrt werden "
        "nicht nur Vorstände, sondern auch Kassenwarte, Fahrdienste und Platzwarte.",
        "field": "Soziales",
        "state": "in_progress",
        "progress": 60,
        "start": (2020, 1, 15),
        "end": None,
        "person": "Büro des Bürgermeisters",
        "organisation": "",
        "event": "Dankeschön",
        "project": "",
        "cards": [
            "Ein jährlicher Dankeschön-Abend",
            "Auch die Stillen im Hintergrund",
            "Die Fahrdienste der Seniorenhilfe",
        ],
        "updates": [
            ((2021, 11, 5), 30, "in_progress", "Der erste Abend fand mit 120 Gästen statt."),
            (
                (2023, 11, 10),
                60,
                "in_progress",
                "Vorschläge kommen jetzt direkt aus den Vereinen; "
                "ein Beirat wählt aus. Ein festes Budget im Haushalt fehlt noch.",
            ),
        ],
    },
    {
        "slug": "fortbildung-vorstaende",
        "title": "Fortbildungsreihe für Vereinsvorstände",
        "summary": "Kostenlose Abende zu Vereinsrecht, Finanzen, Datenschutz und Nachwuchs.",
        "description": "Vorstände tragen viel Verantwortung. Die Reihe gibt Sicherheit bei den "
        "wichtigsten Fragen – mit Fachleuten aus der Region.",
        "field": "Bildung",
        "state": "in_progress",
        "progress": 40,
        "start": (2021, 2, 1),
        "end": None,
        "person": "Ehrenamtsagentur",
        "organisation": "",
        "event": "Vereinsrecht",
        "project": "",
        "cards": ["Fortbildungen für Vorstände", "Eine Beratungsstelle"],
        "updates": [
            (
                (2022, 4, 20),
                20,
                "in_progress",
                "Die ersten beiden Abende (Vereinsrecht, Datenschutz) waren ausgebucht.",
            ),
            (
                (2024, 3, 12),
                40,
                "in_progress",
                "Finanzen und Nachwuchsgewinnung sind dazu "
                "gekommen; eine Sprechstunde für Anträge ist in Planung.",
            ),
        ],
    },
    {
        "slug": "engagement-lotsen",
        "title": "Engagement-Lotsen in den Stadtteilen",
        "summary": "Ansprechpersonen in jedem Stadtteil, die Neue begleiten und Vereine vernetzen.",
        "description": "Lotsinnen und Lotsen kennen ihren Stadtteil, sprechen Neuzugezogene an "
        "und bringen sie mit Vereinen zusammen. Das Netzwerkbüro schult und begleitet sie.",
        "field": "Nachbarschaft",
        "state": "planned",
        "progress": 10,
        "start": None,
        "end": None,
        "person": "Netzwerkbüro Engagierte Stadt",
        "organisation": "",
        "event": "",
        "project": "Lotsen",
        "cards": ["Engagement-Lotsinnen", "Viele Neu-Bitburgerinnen"],
        "updates": [
            (
                (2024, 9, 2),
                10,
                "planned",
                "Für Mötsch und Irsch haben sich die ersten "
                "Interessierten gemeldet; das Schulungskonzept entsteht.",
            ),
        ],
    },
    {
        "slug": "ehrenamtsboerse-wochenmarkt",
        "title": "Ehrenamtsbörse auf dem Wochenmarkt",
        "summary": "Vereine stellen sich abwechselnd mit einem Stand auf dem Wochenmarkt vor.",
        "description": "Ein Stand, jeden Monat ein anderer Verein: Wer einkauft, kommt ins "
        "Gespräch und erfährt, wo Hilfe gebraucht wird.",
        "field": "Nachbarschaft",
        "state": "deferred",
        "progress": 20,
        "start": (2022, 5, 1),
        "end": None,
        "person": "Stadtmarketing",
        "organisation": "",
        "event": "",
        "project": "",
        "cards": ["Ein Stand der Vereine auf dem Wochenmarkt", "Eine Ehrenamtsbörse direkt"],
        "updates": [
            ((2022, 6, 10), 20, "in_progress", "Zwei Termine im Sommer mit je drei Vereinen."),
            (
                (2023, 1, 20),
                20,
                "deferred",
                "Zurückgestellt, bis der Wochenmarkt nach dem Umbau "
                "des Platzes seinen neuen Ort hat.",
            ),
        ],
    },
]
