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

BARRIEREFREIHEIT = """Der Caritasverband Westeifel e. V. ist bemüht, diese Plattform im Einklang mit der
Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.

## Stand der Vereinbarkeit

Diese Website ist mit der BITV 2.0 weitgehend vereinbar. Jede Seitenart wird bei jeder Änderung
automatisch mit axe-core gegen die Regeln der WCAG 2.1 (Stufe AA) geprüft.

- Alle Seiten funktionieren ohne JavaScript und vollständig mit der Tastatur.
- Fehler in Formularen werden angesagt und sind mit dem Feld verknüpft.
- Die Seiten bleiben bei 200 % Vergrößerung und 320 Pixel Breite nutzbar.

## Nicht barrierefreie Inhalte

- Ältere PDF-Dokumente in den Beteiligungsverfahren sind nicht in jedem Fall barrierefrei.
  Auf Wunsch schicken wir Ihnen den Inhalt in einer zugänglichen Form.
- Die Kartenansicht ist für Menschen, die nicht sehen, nicht nutzbar; dieselben Angaben stehen
  in der Liste.

## Erstellung dieser Erklärung

Diese Erklärung wurde am 21.11.2026 erstellt und beruht auf einer Selbstbewertung.

## Feedback und Kontakt

Sind Ihnen Mängel aufgefallen? Schreiben Sie uns an netzwerkbuero@engagement-bitburg.example
oder rufen Sie an: 06561 000 000.

## Schlichtungsverfahren

Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die
Schlichtungsstelle nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von
Menschen mit Behinderungen wenden.
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
