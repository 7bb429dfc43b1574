"""The legal pages and the pages about the network, written for the demo town."""

from .models import MenuPlace, Page

IMPRESSUM = """## Angaben gemäß § 5 DDG

Caritasverband Westeifel e. V.
Kölner Straße 00
54634 Bitburg

Vertreten durch den Vorstand.
Registergericht: Amtsgericht Wittlich, Vereinsregister-Nummer VR 0000

## Kontakt

Telefon: 06561 000 000
E-Mail: netzwerkbuero@engagement-bitburg.example

## Verantwortlich für den Inhalt

Das Netzwerkbüro Engagierte Stadt Bitburg, Anschrift wie oben.

Die Einträge der Vereine, Initiativen und Einrichtungen verantworten diese selbst. Das
Netzwerkbüro prüft jede Organisation, bevor ihr Eintrag öffentlich wird.
"""

DATENSCHUTZ = """Der Schutz Ihrer Daten ist uns wichtig. Diese Plattform erhebt nur, was für ihre Aufgaben
nötig ist, und gibt nichts an Dritte weiter.

## Verantwortliche Stelle

Caritasverband Westeifel e. V., Netzwerkbüro Engagierte Stadt Bitburg (Anschrift im Impressum).

## Was wir speichern

- **Beim Besuch der Seiten:** keine Auswertung, keine Werbung, keine Inhalte von fremden Servern.
  Schriften, Skripte und Karten kommen von unserem eigenen Server.
- **Cookies:** nur technisch notwendige – die Sitzung nach der Anmeldung, der Schutz von
  Formularen (CSRF) und Ihre Sprachwahl.
- **Konto:** E-Mail-Adresse, Name und was Sie selbst angeben.
- **Anmeldungen zu Terminen:** Name und E-Mail-Adresse, bis 90 Tage nach dem Termin; danach
  werden sie automatisch gelöscht, nur die Zahl der Anmeldungen bleibt.
- **Nachrichten über Kontaktformulare:** werden an die Organisation weitergeleitet und nach
  30 Tagen gelöscht.
- **Newsletter:** E-Mail-Adresse, gewählte Themen und der Nachweis Ihrer Einwilligung.

## Ihre Rechte

Sie können Auskunft über Ihre Daten verlangen, sie berichtigen, löschen oder übertragen lassen
und der Verarbeitung widersprechen. Mit einem Konto laden Sie unter „Mein Konto“ alle Ihre
Daten herunter und löschen das Konto selbst. Beschweren können Sie sich beim Landesbeauftragten
für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz.
"""

BARRIEREFREIHEIT = """Der Caritasverband Westeifel e. V. und die Stadt Bitburg sind bemüht, diese Plattform
barrierefrei zugänglich zu machen. Grundlage sind § 10 des Landesinklusionsgesetzes
Rheinland-Pfalz und die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), die auf die
Norm EN 301 549 und die Web Content Accessibility Guidelines (WCAG) 2.1 verweist.

## Stand der Vereinbarkeit

Diese Plattform ist mit der BITV 2.0 **teilweise vereinbar**. Die Seiten selbst erfüllen nach
unseren Prüfungen die Anforderungen; die unten genannten Inhalte sind noch nicht oder nicht
vollständig barrierefrei.

## Wie wir prüfen

- Bei jeder Änderung der Software werden alle Seitenarten – Listen, Detailseiten, Formulare mit
  und ohne Fehler, die Arbeitsbereiche der Vereine und des Netzwerkbüros – automatisch in einem
  Browser geöffnet und mit dem Prüfwerkzeug axe-core gegen die Regeln der WCAG 2.1 (Stufen A
  und AA) geprüft. Jeder gefundene Fehler lässt diese Prüfung scheitern.
- Ein automatischer Test bedient die Plattform nur mit der Tastatur: vom Link „Zum Inhalt
  springen“ über die Suche bis zur Anmeldung zu einem Termin. Er prüft, dass der Fokus immer
  sichtbar ist, der Reihenfolge der Seite folgt und nirgends gefangen bleibt.
- Die Seiten werden in 320 Pixel Breite und bei 200 % Vergrößerung geprüft: Sie bleiben ohne
  waagrechtes Blättern nutzbar.
- Fehler in Formularen werden als Hinweis angesagt, oben auf der Seite zusammengefasst und
  sind mit dem jeweiligen Feld verknüpft. Was Sie eingegeben haben, bleibt erhalten.
- Alle Seiten funktionieren ohne JavaScript. Die Sprache der Seite (Deutsch oder Englisch) ist
  im Code angegeben, damit Vorleseprogramme richtig aussprechen.

Automatische Prüfungen finden nicht jede Barriere. Eine Prüfung mit Menschen, die
Vorleseprogramme oder andere Hilfsmittel nutzen, steht noch aus.

## Nicht barrierefreie Inhalte

- **PDF-Dokumente:** Protokolle und andere Dokumente in den Beteiligungsverfahren sind nicht in
  jedem Fall barrierefrei. Die Teilnahmebescheinigungen und Ehrenamtsnachweise, die die
  Plattform als PDF erstellt, sind nicht mit Strukturinformationen (Tags) versehen.
  Auf Wunsch schicken wir Ihnen jeden Inhalt in einer zugänglichen Form.
- **Inhalte von Vereinen und Bürgerinnen und Bürgern:** Beschreibungen, Termine, Fotos und
  Beiträge stellen die Organisationen und Beteiligten selbst ein. Fotos in den Galerien haben
  nur dann eine Beschreibung, wenn eine Bildunterschrift angegeben ist; Texte sind nicht immer
  in einfacher Sprache geschrieben. Termine, die aus den Kalendern von Vereinen übernommen
  werden, erscheinen so, wie der Verein sie eingetragen hat.
- **Karte:** Die Kartenansicht der Organisationen ist für Menschen, die nicht sehen, nicht
  nutzbar. Dieselben Organisationen mit denselben Filtern zeigt die Liste („Als Liste
  anzeigen“); bei jedem Ort steht die Anschrift als Text.
- **Gebärdensprache und Leichte Sprache:** Erklärungen zur Plattform in Deutscher
  Gebärdensprache und in Leichter Sprache gibt es noch nicht. Wir arbeiten daran.

## Erstellung dieser Erklärung

Diese Erklärung wurde am 2. Dezember 2026 überarbeitet. Sie beruht auf einer Selbstbewertung
mit den oben beschriebenen automatischen Prüfungen.

## Feedback und Kontakt

Sind Ihnen Barrieren aufgefallen, oder brauchen Sie einen Inhalt in einer anderen Form?
Wenden Sie sich an das Netzwerkbüro Engagierte Stadt Bitburg:

- Kontaktformular: [Ideen einbringen oder nachfragen](/kontakt/)
- E-Mail: netzwerkbuero@engagement-bitburg.example
- Telefon: 06561 000 000
- Post: Caritasverband Westeifel e. V., Netzwerkbüro, Kölner Straße 00, 54634 Bitburg

Wir antworten Ihnen innerhalb von zwei Wochen.

## Schlichtungsverfahren

Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine oder keine zufriedenstellende
Antwort erhalten, können Sie sich kostenlos an die Schlichtungsstelle wenden. In
Rheinland-Pfalz ist das die oder der Landesbeauftragte für die Belange von Menschen mit
Behinderungen (§ 15 Landesinklusionsgesetz):

Landesbeauftragte oder Landesbeauftragter für die Belange von Menschen mit Behinderungen
Bauhofstraße 9, 55116 Mainz
Internet: https://behindertenbeauftragte.rlp.de

Für Angebote von Bundesbehörden ist die Schlichtungsstelle nach § 16 des
Behindertengleichstellungsgesetzes (BGG) beim Beauftragten der Bundesregierung für die
Belange von Menschen mit Behinderungen zuständig (https://www.schlichtungsstelle-bgg.de).
"""

UEBER_UNS = """Das Bitburger Engagement-Netz ist die gemeinsame Plattform der Engagierten Stadt Bitburg.
Seit 2015 arbeiten die Stadt Bitburg und der Caritasverband Westeifel e. V. mit vielen Partnern im
bundesweiten Netzwerkprogramm Engagierte Stadt zusammen.

Hier zeigen Vereine, Initiativen und Einrichtungen, was sie tun. Das Netzwerkbüro prüft jede
Organisation, bevor sie erscheint – damit Sie wissen, wer hinter einem Angebot steht.

## Wer dahintersteht

Das Netzwerkbüro ist beim Caritasverband Westeifel e. V. angesiedelt und arbeitet eng mit dem
Ehrenamtsbüro der Stadtverwaltung zusammen. Es berät Engagierte und Vereine, organisiert die
Kurse der Ehrenamtsakademie, das Vereinsfest und den Ehrenamtstag und pflegt diese Plattform.

## Kontakt

Sie erreichen das Netzwerkbüro per E-Mail an netzwerkbuero@engagement-bitburg.example oder
telefonisch unter 06561 000 000. Sprechzeiten: dienstags und donnerstags von 9 bis 12 Uhr.
"""

ENGAGIERTE_STADT = """Engagierte Stadt ist ein bundesweites Netzwerkprogramm, das Städte und Gemeinden
dabei unterstützt, gute Bedingungen für bürgerschaftliches Engagement zu schaffen. Getragen wird es
von Bund, Stiftungen und inzwischen auch von Bundesländern; Rheinland-Pfalz hat sich als erstes
Land angeschlossen.

## Engagierte Stadt Bitburg

In Bitburg arbeiten die Stadt und der Caritasverband Westeifel e. V. als federführender Partner
seit 2015 im Programm zusammen, gemeinsam mit vielen Vereinen, Kirchengemeinden, Schulen und
Einrichtungen. Was als kleiner Kreis begann, ist heute ein tragfähiges Netz.

Aus dieser Zusammenarbeit sind unter anderem entstanden:

- eine Bestandsaufnahme der Bitburger Vereine und Initiativen,
- das jährliche Vereinsfest auf dem Beda-Platz,
- das Mobilitätsprojekt „Verbindende Nachbarschaft“ und die essbaren Gärten,
- die Ehrenamtsakademie mit kostenlosen Kursen für Engagierte,
- und dieses Engagement-Netz als gemeinsamer Ort im Internet.

## Die Engagementstrategie

Seit der Zukunftswerkstatt im Haus der Jugend entwickelt Bitburg eine Engagementstrategie – offen
und mit Beteiligung der Bürgerinnen und Bürger. Unter „Beteiligung“ bringen Sie eigene Ideen ein,
unter „Maßnahmen“ sehen Sie, was daraus geworden ist.
"""

EHRENAMTSKARTE = """Mit der Ehrenamtskarte sagen das Land Rheinland-Pfalz und die Kommunen Danke an
Menschen, die sich in besonderem Maß freiwillig engagieren. Sie bringt Vergünstigungen bei vielen
öffentlichen und privaten Partnern im ganzen Land – etwa in Schwimmbädern, Museen, Bibliotheken
und bei Veranstaltungen.

## Wer sie bekommen kann

- Sie sind mindestens 14 Jahre alt.
- Sie engagieren sich seit mindestens zwei Jahren durchschnittlich fünf Stunden in der Woche
  oder 250 Stunden im Jahr, ohne dafür bezahlt zu werden (eine Aufwandsentschädigung ist erlaubt).
- Ihr Engagement kommt der Allgemeinheit zugute.

## So beantragen Sie die Karte

1. Erfassen Sie Ihre Stunden unter „Mein Konto“ → „Meine Stunden“; Ihr Verein bestätigt sie.
   Die Plattform zeigt Ihnen, ob Sie die Voraussetzungen erfüllen.
2. Laden Sie den Stundennachweis als PDF herunter, oder lassen Sie Ihren Verein den Antrag
   unterschreiben.
3. Geben Sie den Antrag im Netzwerkbüro ab. Wir leiten ihn weiter; die Karte gilt drei Jahre.

Fragen beantwortet das Netzwerkbüro gern – auch, ob Ihre Tätigkeit zählt.
"""


def load(demo) -> None:
    for slug, title, body in (
        ("impressum", "Impressum", IMPRESSUM),
        ("datenschutz", "Datenschutzerklärung", DATENSCHUTZ),
        ("barrierefreiheit", "Erklärung zur Barrierefreiheit", BARRIEREFREIHEIT),
    ):
        Page.objects.update_or_create(slug=slug, defaults={"title": title, "body": body})
    for position, (slug, title, body) in enumerate(
        (
            ("ueber-uns", "Über uns", UEBER_UNS),
            ("engagierte-stadt", "Engagierte Stadt", ENGAGIERTE_STADT),
            ("ehrenamtskarte", "Ehrenamtskarte", EHRENAMTSKARTE),
        ),
        start=1,
    ):
        Page.objects.create(
            slug=slug, title=title, body=body, menu=MenuPlace.FOOTER, menu_position=position
        )
